from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "corridor.contacts"
    label = "contacts"
    verbose_name = "Contacts and touches"

    def ready(self) -> None:
        from corridor.contacts import rules  # noqa: F401  (access rules)
        from corridor.contacts.facility_panel import facility_people
        from corridor.contacts.timeline import register_sources
        from corridor.core import facility_panels

        register_sources()  # touches on the activity timeline
        facility_panels.register(
            "people",
            "contacts/facility_people.html",
            lambda user, facility, query: facility_people(user, facility),
            order=20,
            head="contacts/_styles.html",
        )
