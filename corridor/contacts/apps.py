from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "corridor.contacts"
    label = "contacts"
    verbose_name = "Contacts and touches"

    def ready(self) -> None:
        from corridor.contacts import rules  # noqa: F401  (access rules)
        from corridor.contacts.timeline import register_sources

        register_sources()  # touches on the activity timeline
