from django.apps import AppConfig


class IntelConfig(AppConfig):
    name = "corridor.intel"
    label = "intel"
    verbose_name = "Intelligence"

    def ready(self) -> None:
        from corridor.intel import rules  # noqa: F401  (access rules)
        from corridor.intel.notices import register as notices
        from corridor.intel.notices_watch import register as watch_notices
        from corridor.intel.timeline import register_sources as timeline_sources
        from corridor.intel.watch_tasks import register_periodic as watch_sources

        timeline_sources()  # news facts on the activity timeline
        notices()  # news about a company we called on
        watch_notices()  # a new program in the watched announcements
        watch_sources()  # the worker reads the watched sources every 15 minutes
        from corridor.intel.metrics import register as metrics  # the figures (core.metrics)

        metrics()  # investment announced and tracked, in Ontario (the outreach evidence)

    def reference_data(self) -> None:
        from corridor.intel.models import Jurisdiction, TrendTag
        from corridor.intel.reference import load_reference_data

        load_reference_data(TrendTag, Jurisdiction)
