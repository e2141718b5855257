from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "corridor.calls"
    label = "calls"
    verbose_name = "Corporate calls"

    def ready(self) -> None:
        from corridor.calls import rules  # noqa: F401  (access rules)

    def reference_data(self) -> None:
        from corridor.calls.template_versions import ensure_first_version

        ensure_first_version()
