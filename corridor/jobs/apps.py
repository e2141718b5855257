import datetime as dt

from django.apps import AppConfig

# The change history's retention purge (core/history.py), once a day in the night.
HISTORY_PURGE = "history-purge"
HISTORY_PURGE_AT = dt.time(3, 15)


class JobsConfig(AppConfig):
    name = "corridor.jobs"
    label = "jobs"
    verbose_name = "Background work"

    def ready(self) -> None:
        from corridor.core.tasks import purge_history_task
        from corridor.jobs import periodic, rules  # noqa: F401  (access rules)

        # core imports no app, so the worker's app schedules core's own upkeep
        periodic.register(HISTORY_PURGE, purge_history_task, at=HISTORY_PURGE_AT)
