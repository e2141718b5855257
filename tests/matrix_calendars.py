"""The calendar's part of the access matrix (see tests/test_access_matrix.py).

Everyone signed in has a calendar (its entries are only what each may see: the calls and
outreach rules decide, tested in corridor/calendars/tests/); the feed needs no session:
its address is the key, so every role, anonymous included, reads alice's feed with her
address, and nobody reads one that does not exist.
"""

from __future__ import annotations

from typing import Any

from corridor.calendars import feeds
from tests.access_rows import Row, everyone


def _alices_feed(w: Any) -> str:
    """A fresh address of alice's feed (made inside the row's test, rolled back after)."""
    _, secret = feeds.issue(w.alice)
    return f"/calendar/feed/{secret}.ics"


CALENDAR_PAGES: list[Row] = [
    Row("calendar-month", lambda w: "/calendar/", everyone(200)),
    Row("calendar-month", lambda w: "/calendar/?month=2026-10&who=mine", everyone(200)),
    Row("calendar-week", lambda w: "/calendar/week/?week=2026-10-05&who=all", everyone(200)),
    Row("calendar-agenda", lambda w: "/calendar/agenda/?from=2026-10-01", everyone(200)),
    Row("calendar-subscribe", lambda w: "/calendar/subscribe/", everyone(200)),
    Row(
        "calendar-subscribe-new",
        lambda w: "/calendar/subscribe/new/",
        everyone(200),
        method="post",
        data=lambda w: {"scope": "ours"},
    ),
    Row(
        "calendar-subscribe-stop",
        lambda w: "/calendar/subscribe/stop/",
        everyone(302),
        method="post",
    ),
    Row("calendar-feed", _alices_feed, everyone(200, anonymous=200)),
    Row(
        "calendar-feed",
        lambda w: "/calendar/feed/no-such-address.ics",
        everyone(404, anonymous=404),
    ),
]
