from __future__ import annotations

from typing import Any

import pytest

from corridor.outreach.tests.fixtures import build_outreach


@pytest.fixture
def ow(world: Any) -> Any:
    """The shared corridor with the outreach fixtures (see fixtures.py)."""
    return build_outreach(world)
