from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "corridor.outreach"
    label = "outreach"
    verbose_name = "Outreach and agenda"
