from django.apps import AppConfig


class IntelConfig(AppConfig):
    name = "corridor.intel"
    label = "intel"
    verbose_name = "Intelligence"

    def ready(self) -> None:
        from corridor.intel import rules  # noqa: F401  (access rules)
