from django.apps import AppConfig


class SupplychainConfig(AppConfig):
    name = "corridor.supplychain"
    label = "supplychain"
    verbose_name = "Supply chain"
