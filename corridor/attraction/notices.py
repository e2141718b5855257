"""What investment attraction and retention tell people through notifications: the
pipeline's (``notices_pipeline``) and the risk list's (``notices_risk``)."""

from __future__ import annotations

from corridor.attraction import notices_intel, notices_pipeline, notices_risk


def register() -> None:
    """Called once from ``AttractionConfig.ready()``."""
    notices_pipeline.register()
    notices_risk.register()
    notices_intel.register()  # announcements the watched sources bring in
