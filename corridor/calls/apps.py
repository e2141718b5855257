from django.apps import AppConfig


class CallsConfig(AppConfig):
    name = "corridor.calls"
    label = "calls"
    verbose_name = "Corporate calls"
