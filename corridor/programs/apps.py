from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "corridor.programs"
    label = "programs"
    verbose_name = "Funding programs"
