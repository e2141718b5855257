from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "corridor.programs"
    label = "programs"
    verbose_name = "Funding programs"

    def ready(self) -> None:
        from corridor.core import facility_panels
        from corridor.programs import rules  # noqa: F401  (access rules)
        from corridor.programs.facility_panel import facility_programs
        from corridor.programs.metrics import register as programs_metrics
        from corridor.programs.notices import register as notices
        from corridor.programs.timeline import register_sources as timeline_sources

        timeline_sources()  # referrals on the activity timeline
        notices()  # a new referral tells the partner it is addressed to
        programs_metrics()  # funded projects and referrals (core.metrics)
        facility_panels.register(
            "programs", "programs/_facility_panel.html", facility_programs, order=50
        )
