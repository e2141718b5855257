"""The comparison of governments in a real browser: the charts and tables (axe checked),
a figure opened to its sources by keyboard, one year by quarter."""

import datetime as dt
import re
from typing import Any

from conftest import PASSWORD
from corridor.intel.tests.test_compare import _fact
from tests.browser.conftest import check_accessibility, sign_in


def test_a_policy_adviser_compares_governments_and_opens_a_figure(page: Any, world: Any) -> None:
    _fact(world, 1, "Ontario", 4_000_000, dt.date(2022, 5, 10), ["electrification"], "grant")
    _fact(world, 2, "Ontario", 10_000_000, dt.date(2023, 8, 1), ["batteries"], "loan")
    _fact(world, 3, "Michigan", 210_000_000, dt.date(2023, 6, 14), ["batteries"], "grant",
          currency="USD")  # fmt: skip
    _fact(world, 4, "Indiana", 18_000_000, dt.date(2024, 2, 2), ["electrification"],
          "tax_credit", currency="USD")  # fmt: skip
    sign_in(page, "dave", PASSWORD)
    page.goto("/intel/")
    page.get_by_role("navigation", name="Intelligence").get_by_role(
        "link", name="Comparison of governments"
    ).click()
    page.get_by_role("heading", name="Comparison of governments", level=1).wait_for()
    page.locator("#compare-time").wait_for()
    assert page.get_by_text("U.S. dollars are not converted").first.is_visible()
    page.wait_for_timeout(400)  # the charts' animation
    check_accessibility(page, "intel-compare")

    over_time = page.get_by_role("table", name="Money committed per year")
    link = over_time.get_by_role("link", name=re.compile(r"^US\$210 million")).first
    link.focus()
    page.keyboard.press("Enter")
    sources = page.get_by_role("region", name="Sources")
    sources.get_by_role("link", name="Michigan announcement 3").wait_for()
    assert "Michigan · Batteries · 2023 · USD" in sources.inner_text()

    page.goto("/intel/compare/")
    page.get_by_label("One year, by quarter").select_option("2023")
    page.get_by_role("button", name="Compare").click()
    page.get_by_role("columnheader", name="Q3 2023").first.wait_for()
    check_accessibility(page, "intel-compare-quarters")
