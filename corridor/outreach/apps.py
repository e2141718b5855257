from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "corridor.outreach"
    label = "outreach"
    verbose_name = "Outreach and agenda"

    def ready(self) -> None:
        from corridor.outreach import rules  # noqa: F401  (access rules)
        from corridor.outreach.calendar import register_sources as calendar_sources

        calendar_sources()  # engagements, tours, follow-ups on the calendar

        from corridor.outreach.answers import connect as answers_connect

        answers_connect()  # government announcements suggested as answers to the asks

    def reference_data(self) -> None:
        from corridor.outreach.head_offices import load_head_offices

        load_head_offices()
