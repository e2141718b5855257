from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "corridor.jobs"
    label = "jobs"
    verbose_name = "Background work"

    def ready(self) -> None:
        from corridor.jobs import rules  # noqa: F401  (access rules)
