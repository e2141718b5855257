from django.apps import AppConfig


class SupplychainConfig(AppConfig):
    name = "corridor.supplychain"
    label = "supplychain"
    verbose_name = "Supply chain"

    def ready(self) -> None:
        from corridor.supplychain import (
            receivers,  # noqa: F401  (needs from calls)
            rules,  # noqa: F401  (access rules)
            signals,  # noqa: F401  (tags and search index)
        )
        from corridor.supplychain.timeline import register_sources as timeline_sources

        timeline_sources()  # supply needs on the activity timeline
