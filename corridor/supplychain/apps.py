from django.apps import AppConfig


class SupplychainConfig(AppConfig):
    name = "corridor.supplychain"
    label = "supplychain"
    verbose_name = "Supply chain"

    def ready(self) -> None:
        from corridor.core import facility_panels
        from corridor.registry.signals import facilities_changed
        from corridor.supplychain import (
            receivers,  # noqa: F401  (needs from calls)
            rules,  # noqa: F401  (access rules)
            signals,  # tags and search index (its receivers), the import batch
        )
        from corridor.supplychain.metrics import register as supply_metrics
        from corridor.supplychain.timeline import register_sources as timeline_sources
        from corridor.supplychain.views.tags import facility_supply_chain

        # a registry import's tags and search rows are done once, when it ends
        facilities_changed.subscribe("supplychain", signals.batched_updates)
        timeline_sources()  # supply needs on the activity timeline
        supply_metrics()  # the gap analysis and its figures (core.metrics)
        facility_panels.register(
            "supply-chain",
            "supplychain/_facility_panel.html",
            lambda user, facility, query: facility_supply_chain(user, facility),
            order=30,
        )
