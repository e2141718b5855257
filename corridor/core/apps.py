from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "corridor.core"
    label = "core"
    verbose_name = "Organisations and access"

    def ready(self) -> None:
        from corridor.core import history, rules  # noqa: F401  (signal receivers, access rules)
        from corridor.core.timeline_changes import register_sources as timeline_sources

        timeline_sources()  # the activity timeline: changes to the records
