from django.apps import AppConfig


class AttractionConfig(AppConfig):
    name = "corridor.attraction"
    label = "attraction"
    verbose_name = "Investment attraction and retention"

    def ready(self) -> None:
        from corridor.attraction import (
            notices,
            pipeline_plugins,
            risk_plugins,
            rules,  # noqa: F401  (access rules)
        )
        from corridor.attraction.facility_panel import facility_attraction
        from corridor.attraction.metrics import register as attraction_metrics
        from corridor.core import facility_panels

        pipeline_plugins.register()  # prospects on the calendar and the activity timeline
        risk_plugins.register()  # the periodic risk assessment
        notices.register()  # what attraction tells people through notifications
        attraction_metrics()  # the pipeline and retention figures (core.metrics)
        facility_panels.register(
            "attraction", "attraction/_facility_panel.html", facility_attraction, order=60
        )
