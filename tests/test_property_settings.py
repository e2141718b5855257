"""The property tests' settings: what they check, never how fast a machine ran them."""

from __future__ import annotations

import time

import hypothesis
from hypothesis import given
from hypothesis import strategies as st


def test_property_tests_have_no_deadline_and_no_slowness_check() -> None:
    current = hypothesis.settings()
    assert current.deadline is None
    assert hypothesis.HealthCheck.too_slow in current.suppress_health_check


@hypothesis.settings(max_examples=2)
@given(st.integers(min_value=0, max_value=3))
def test_an_example_slower_than_hypothesiss_default_deadline_still_passes(n: int) -> None:
    time.sleep(0.25)  # as one example of a property test may take on a busy machine
    assert 0 <= n <= 3
