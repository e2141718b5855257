from django.apps import AppConfig


class IntelConfig(AppConfig):
    name = "corridor.intel"
    label = "intel"
    verbose_name = "Intelligence"
