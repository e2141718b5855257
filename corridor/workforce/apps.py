from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "corridor.workforce"
    label = "workforce"
    verbose_name = "Skills and workforce"

    def ready(self) -> None:
        from corridor.core import facility_panels
        from corridor.workforce import (
            receivers,  # noqa: F401  (demand from calls)
            rules,  # noqa: F401  (access rules)
        )
        from corridor.workforce.facility_panel import facility_skills
        from corridor.workforce.metrics import register as metrics

        metrics()  # the skills gap table and shortages (core.metrics)

        facility_panels.register(
            "skills",
            "workforce/_facility_panel.html",
            lambda user, facility, query: facility_skills(user, facility),
            order=40,
        )

    def reference_data(self) -> None:
        from corridor.core.scoping import system_scope
        from corridor.workforce.reference import load_reference

        with system_scope("the occupations and regions Corridor ships"):
            load_reference()
