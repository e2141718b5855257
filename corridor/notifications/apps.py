from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "corridor.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from corridor.notifications import jobs, rules  # noqa: F401  (access rules)

        jobs.register_periodic()  # digests at 07:00, pending e-mails, the due-follow-up scan
