"""The outreach part of the access-matrix world (see tests/matrix_outreach_pages.py and
tests/matrix_outreach_api.py); the objects are described in
corridor/outreach/tests/fixtures.py."""

from __future__ import annotations

from typing import Any

from corridor.outreach.tests.fixtures import build_outreach


def build_outreach_matrix(w: Any) -> None:
    build_outreach(w)
