from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "corridor.registry"
    label = "registry"
    verbose_name = "Companies and facilities"

    def ready(self) -> None:
        from corridor.registry import rules  # noqa: F401  (access rules)
        from corridor.registry.metrics import register as metrics

        metrics()  # the plants and jobs on record (core.metrics)
