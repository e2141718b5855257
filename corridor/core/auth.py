"""Sign-in: Django's model backend, refusing demo users outside demo mode, behind a throttle.

django-axes counts failed sign-ins by account and by address
(``AXES_LOCKOUT_PARAMETERS``): five failures lock the account from every address,
and the address for every account, until the cool-off has passed or the
coordinator unlocks them (``corridor axes_reset_username alice``,
``corridor axes_reset_ip 203.0.113.7``, ``corridor axes_reset``).
``ThrottleBackend`` comes first in ``AUTHENTICATION_BACKENDS``: a locked sign-in
never reaches the password check. The page a locked sign-in gets is
``corridor.core.views.account.locked_out``.
"""

from __future__ import annotations

from ipaddress import ip_address
from typing import Any

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


class CorridorBackend(ModelBackend):
    def user_can_authenticate(self, user: Any) -> bool:
        if getattr(user, "is_demo", False) and not settings.DEMO_MODE:
            return False
        return super().user_can_authenticate(user)


class ThrottleBackend(AxesStandaloneBackend):
    """Axes' throttle, which also lets a sign-in without a request through to the next backend.

    Every sign-in over HTTP (the sign-in page, the admin's) passes its request. Only the
    test client's ``login()`` and a shell's ``authenticate()`` pass none: there is no
    address to count them by, and axes records no failure without a request, so axes'
    own backend would refuse them with an error instead of deciding anything.
    """

    def authenticate(self, request: HttpRequest | None, *args: Any, **kwargs: Any) -> Any:
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)


class ThrottleHandler(AxesDatabaseHandler):
    """Axes' database handler, but a success clears only its own account's failures.

    Axes' reset on success deletes every failure that matches the signing-in user *or
    address*: anyone with an account could sign in between guesses at someone else's
    password from the same address and never reach the limit. Here a success proves the
    password of one account and clears that account's failures (from any address); the
    failures at other accounts from the same address still count.
    """

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0  # never "every attempt": reset_attempts() without arguments deletes all
        return int(self.reset_attempts(username=username))


def client_address(request: HttpRequest) -> str | None:
    """The address a sign-in came from, as the throttle counts it (``AXES_CLIENT_IP_CALLABLE``).

    Behind ``AXES_IPWARE_PROXY_COUNT`` trusted proxies (``CORRIDOR_PROXY_COUNT``; one,
    nginx, when ``CORRIDOR_SECURE=1``) it is the address the outermost of them saw: the
    entry that many from the right of ``X-Forwarded-For``, which each proxy appends to.
    Whatever a client puts in the header itself lies further left and is never read.
    Without a proxy, or when the header is missing or malformed, it is ``REMOTE_ADDR``
    (None when that is no IP address either: all such sign-ins are counted together).
    """
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    count = int(getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",")] if forwarded else []
    if count <= 0 or len(hops) < count:
        return remote
    return _address(hops[-count]) or remote


def _address(text: str) -> str | None:
    """An IP address in its normal form, or None (a Unix socket, a malformed header)."""
    try:
        return str(ip_address(text.strip()))
    except ValueError:
        return None
