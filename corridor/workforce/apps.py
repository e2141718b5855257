from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "corridor.workforce"
    label = "workforce"
    verbose_name = "Skills and workforce"
