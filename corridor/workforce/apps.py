from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "corridor.workforce"
    label = "workforce"
    verbose_name = "Skills and workforce"

    def ready(self) -> None:
        from corridor.workforce import (
            receivers,  # noqa: F401  (demand from calls)
            rules,  # noqa: F401  (access rules)
        )

    def reference_data(self) -> None:
        from corridor.core.scoping import system_scope
        from corridor.workforce.reference import load_reference

        with system_scope("the occupations and regions Corridor ships"):
            load_reference()
