from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "corridor.calls"
    label = "calls"
    verbose_name = "Corporate calls"

    def ready(self) -> None:
        from corridor.calls import rules  # noqa: F401  (access rules)
        from corridor.calls.calendar import register_sources as calendar_sources
        from corridor.calls.facility_panel import facility_calls
        from corridor.calls.history import register as history_parts
        from corridor.calls.metrics import register as calls_metrics
        from corridor.calls.notices import register as notices
        from corridor.calls.timeline import register_sources as timeline_sources
        from corridor.core import facility_panels

        timeline_sources()  # calls, flags, follow-ups on the activity timeline
        calendar_sources()  # planned calls, follow-up deadlines on the calendar
        notices()  # deadlines, red flags, conflicts, assignments, referrals
        history_parts()  # a call's history shows its follow-ups' changes
        calls_metrics()  # the calling program's headline figures (core.metrics)
        facility_panels.register(
            "calls",
            "calls/_facility_calls.html",
            lambda user, facility, query: facility_calls(user, facility),
            order=10,
            head="calls/call_styles.html",
        )

    def reference_data(self) -> None:
        from corridor.calls.template_versions import ensure_first_version

        ensure_first_version()
