from django.apps import AppConfig


class CalendarsConfig(AppConfig):
    name = "corridor.calendars"
    label = "calendars"
    verbose_name = "Calendar"

    def ready(self) -> None:
        from corridor.calendars import rules  # noqa: F401  (access rules)
