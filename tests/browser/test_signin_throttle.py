"""A locked sign-in, in a real browser: the sign-in page says why, and meets WCAG AA."""

from typing import Any

from conftest import PASSWORD
from tests.browser.conftest import check_accessibility, sign_in

LOCKED = "Too many failed sign-ins for this account or from this address."


def submit(page: Any, username: str, password: str) -> int:
    """Fill in and send the sign-in form; the status of the page it leads to."""
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Sign in").click()
    return int(navigation.value.status)


def test_a_locked_sign_in_is_told_why_and_signs_in_once_unlocked(page: Any, world: Any) -> None:
    from django.core.management import call_command

    page.goto("/login/")
    statuses = [submit(page, "alice", "not-the-password") for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    alert = page.get_by_role("alert")
    assert LOCKED in alert.inner_text()
    assert "Try again in 15 minutes, or ask the coordinator to unlock it." in alert.inner_text()
    check_accessibility(page, "login-locked-out")
    # the right password is refused too, until the coordinator unlocks the account
    assert submit(page, "alice", PASSWORD) == 429
    assert LOCKED in page.get_by_role("alert").inner_text()
    assert page.get_by_role("button", name="Sign out").count() == 0
    call_command("axes_reset")
    sign_in(page, "alice", PASSWORD)
