"""Each user's private iCalendar feed (RFC 5545), for Outlook and Google Calendar.

* ``issue`` makes a new random address for the user and returns its secret (shown once):
  only a digest is kept, and the user's previous address stops working (404).
* ``stop`` removes the feed altogether.
* ``feed_for`` finds the feed of a secret; ``ics`` writes what the feed's user may see
  (the same entries as their calendar page, by the same rules), with the ``icalendar``
  library: CRLF line endings, lines folded at 75 octets, commas, semicolons and newlines
  escaped, a UID and DTSTAMP on every event, all-day entries as ``DTSTART;VALUE=DATE``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

import icalendar
from django.db import transaction
from django.utils import timezone

from corridor.calendars import schedule
from corridor.calendars.models import CalendarFeed, FeedScope
from corridor.core import calendar_entries, policy
from corridor.core.scoping import system_scope

# What a calendar program reads: two months back, a year ahead.
PAST = dt.timedelta(days=61)
AHEAD = dt.timedelta(days=366)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(user: Any, scope: str = FeedScope.OURS) -> tuple[CalendarFeed, str]:
    """A new feed address for ``user`` (the old one, if any, stops working)."""
    policy.require_create(user, CalendarFeed)
    if scope not in FeedScope.values:
        scope = FeedScope.OURS
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        policy.visible(user, CalendarFeed).delete()
        feed = CalendarFeed.objects.create(
            user=user, prefix=secret[:8], token_digest=digest(secret), scope=scope
        )
    return feed, secret


def stop(user: Any) -> bool:
    """Remove the user's feed; whether there was one."""
    deleted, _ = policy.visible(user, CalendarFeed).delete()
    return bool(deleted)


def feed_for(secret: str) -> CalendarFeed | None:
    """The feed whose address carries ``secret``, if its user may still sign in."""
    with system_scope("finding a calendar feed by the digest of its address"):
        feed = CalendarFeed.objects.select_related("user").filter(token_digest=digest(secret))
        found = feed.first()
        if found is None or not found.user.is_active:
            return None
        CalendarFeed.objects.filter(pk=found.pk).update(last_read_at=timezone.now())
    return found


def ics(feed: CalendarFeed, base_url: str, today: dt.date | None = None) -> bytes:
    """The feed's calendar as an iCalendar document."""
    user = feed.user
    day = today or timezone.localdate()
    found = schedule.entries(user, day - PAST, day + AHEAD, feed.scope)
    labels = calendar_entries.labels()
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Corridor//Ontario auto corridor calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Corridor: {user.get_full_name() or user.get_username()}")
    cal.add("x-wr-timezone", timezone.get_current_timezone_name())
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    host = base_url.split("://", 1)[-1].split("/", 1)[0] or "corridor"
    for entry in found:
        event = icalendar.Event()
        event.add("uid", f"{entry.uid}@{host}")
        event.add("dtstamp", stamp)
        start = entry.start
        if isinstance(start, dt.datetime):
            event.add("dtstart", start.astimezone(dt.UTC))
            if isinstance(entry.end, dt.datetime):
                event.add("dtend", entry.end.astimezone(dt.UTC))
        else:
            event.add("dtstart", start)
            end = entry.end if isinstance(entry.end, dt.date) else None
            event.add("dtend", end or start + dt.timedelta(days=1))
        event.add("summary", entry.title)
        link = f"{base_url.rstrip('/')}{entry.url}" if entry.url else ""
        text = "\n".join(part for part in (entry.detail, link) if part)
        if text:
            event.add("description", text)
        if entry.location:
            event.add("location", entry.location)
        if link:
            event.add("url", link)
        event.add("categories", [labels.get(entry.kind, entry.kind)])
        event.add("transp", "TRANSPARENT" if entry.all_day else "OPAQUE")
        cal.add_component(event)
    return cal.to_ical()
