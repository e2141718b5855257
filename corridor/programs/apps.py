from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "corridor.programs"
    label = "programs"
    verbose_name = "Funding programs"

    def ready(self) -> None:
        from corridor.programs import rules  # noqa: F401  (access rules)
