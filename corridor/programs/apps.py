from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "corridor.programs"
    label = "programs"
    verbose_name = "Funding programs"

    def ready(self) -> None:
        from corridor.programs import rules  # noqa: F401  (access rules)
        from corridor.programs.notices import register as notices
        from corridor.programs.timeline import register_sources as timeline_sources

        timeline_sources()  # referrals on the activity timeline
        notices()  # a new referral tells the partner it is addressed to
