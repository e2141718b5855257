"""Reference data that migrations ship (the call template, the capability taxonomy, ...).

Each app that ships some defines ``reference_data()`` on its AppConfig, an
idempotent loader. Migrations load it once; ``ensure_reference_data`` loads it
again where a database was emptied, e.g. after a test that flushed it.
"""

from __future__ import annotations

from django.apps import apps


def ensure_reference_data() -> None:
    for config in apps.get_app_configs():
        loader = getattr(config, "reference_data", None)
        if loader is not None:
            loader()
