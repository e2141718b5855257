"""Sign-in is throttled by account and by address (django-axes).

Thirty wrong passwords in eight seconds, then the right one, used to sign in. Now
five failures lock the account (from every address) and, separately, the address
(for every account) for the cool-off; a success clears its own account's failures.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, RequestFactory, override_settings

from conftest import PASSWORD

WRONG = "not-the-password"
LOCKED = (
    "Too many failed sign-ins for this account or from this address. Try again in 15 minutes,"
    " or ask the coordinator to unlock it."
)
LIMIT = 5


def sign_in(client: Client, username: str, password: str, address: str = "10.0.0.1") -> Any:
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def refused_as_locked(response: Any) -> bool:
    return response.status_code == 429 and LOCKED in _text(response)


def _text(response: Any) -> str:
    return " ".join(response.content.decode().split())


def fail(username: str, times: int, address: str = "10.0.0.1") -> None:
    for _ in range(times):
        response = sign_in(Client(), username, WRONG, address)
        assert response.status_code in (200, 429)


def test_thirty_wrong_passwords_then_the_right_one_is_refused(world: Any) -> None:
    client = Client()
    for attempt in range(30):
        response = sign_in(client, "alice", WRONG)
        if attempt < LIMIT - 1:
            assert response.status_code == 200
            assert "did not match" in _text(response)
        else:
            assert refused_as_locked(response), attempt
    response = sign_in(client, "alice", PASSWORD)
    assert refused_as_locked(response)
    assert not signed_in(client)
    assert client.get("/").status_code == 302  # still sent to sign in


def test_wrong_passwords_for_several_accounts_lock_the_address(world: Any) -> None:
    for name in ("alice", "bob", "carol", "dave", "erin"):
        fail(name, 1, address="10.0.0.1")
    client = Client()
    assert refused_as_locked(sign_in(client, "erin", PASSWORD, address="10.0.0.1"))
    assert not signed_in(client)
    # erin's own count is low: from elsewhere she signs in
    other = Client()
    assert sign_in(other, "erin", PASSWORD, address="10.0.0.2").status_code == 302
    assert signed_in(other)


def test_a_locked_account_is_refused_from_another_address(world: Any) -> None:
    fail("alice", LIMIT, address="10.0.0.1")
    client = Client()
    assert refused_as_locked(sign_in(client, "alice", PASSWORD, address="10.0.0.2"))
    assert not signed_in(client)
    # the other address is not locked for everyone else
    bob = Client()
    assert sign_in(bob, "bob", PASSWORD, address="10.0.0.2").status_code == 302


def test_a_success_before_the_limit_resets_the_count(world: Any) -> None:
    for _ in range(3):
        fail("alice", LIMIT - 1)
        client = Client()
        assert sign_in(client, "alice", PASSWORD).status_code == 302
        assert signed_in(client)
    # the count starts again from nothing, and still locks at the limit
    fail("alice", LIMIT)
    assert refused_as_locked(sign_in(Client(), "alice", PASSWORD))


def test_signing_in_does_not_clear_the_failures_of_other_accounts_from_the_address(
    world: Any,
) -> None:
    """Axes' own reset on success clears every failure from the signing-in address: anyone
    with an account could then guess at the coordinator's password without end."""
    for _ in range(2):
        fail("carol", 2, address="10.0.0.1")
        assert sign_in(Client(), "dave", PASSWORD, address="10.0.0.1").status_code == 302
    fail("carol", 1, address="10.0.0.2")  # carol's fifth
    assert refused_as_locked(sign_in(Client(), "carol", PASSWORD, address="10.0.0.3"))


def test_after_the_cool_off_sign_in_works_again(world: Any) -> None:
    from axes.models import AccessAttempt

    fail("alice", LIMIT)
    assert refused_as_locked(sign_in(Client(), "alice", PASSWORD))
    # as if the cool-off had passed since the last failure
    cool_off = settings.AXES_COOLOFF_TIME
    assert cool_off is not None
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= cool_off + timedelta(seconds=1)
        attempt.save()
    client = Client()
    assert sign_in(client, "alice", PASSWORD).status_code == 302
    assert signed_in(client)


def test_a_short_cool_off_is_named_in_the_message(world: Any) -> None:
    with override_settings(AXES_COOLOFF_TIME=timedelta(minutes=1)):
        fail("alice", LIMIT)
        response = sign_in(Client(), "alice", PASSWORD)
    assert response.status_code == 429
    assert "Try again in 1 minute, or ask the coordinator" in _text(response)
    assert response["Retry-After"] == "60"


def test_without_a_cool_off_only_the_coordinator_unlocks(world: Any) -> None:
    with override_settings(AXES_COOLOFF_TIME=None):
        fail("alice", LIMIT)
        response = sign_in(Client(), "alice", PASSWORD)
    assert response.status_code == 429
    assert (
        "Too many failed sign-ins for this account or from this address. Ask the coordinator"
        " to unlock it." in _text(response)
    )
    assert "Retry-After" not in response


def test_the_lockout_page_is_the_sign_in_page_with_an_alert(world: Any) -> None:
    fail("alice", LIMIT)
    response = sign_in(Client(), "alice", PASSWORD)
    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    # Corridor's layout: the skip link, the header, main and footer, and the sign-in form
    assert 'class="skip-link"' in html and '<main id="content"' in html
    assert 'class="site-footer"' in html
    assert "<h1>Sign in to Corridor</h1>" in html
    assert 'action="/login/"' in html
    alerts = re.findall(r'<p[^>]*role="alert"[^>]*>(.*?)</p>', html, re.S)
    assert [" ".join(a.split()) for a in alerts] == [LOCKED]
    assert "did not match" not in html  # the lock, not the password, is the reason


def test_the_coordinator_unlocks_an_account(world: Any) -> None:
    fail("alice", LIMIT, address="10.0.0.1")
    fail("bob", LIMIT, address="10.0.0.3")
    out = StringIO()
    call_command("axes_reset_username", "alice", stdout=out)
    assert "attempts removed" in out.getvalue()
    client = Client()
    assert sign_in(client, "alice", PASSWORD, address="10.0.0.2").status_code == 302
    assert refused_as_locked(sign_in(Client(), "bob", PASSWORD, address="10.0.0.2"))
    call_command("axes_reset", stdout=StringIO())
    assert sign_in(Client(), "bob", PASSWORD, address="10.0.0.3").status_code == 302


@pytest.mark.parametrize("name", ["axes_reset", "axes-reset"])
def test_the_console_command_runs_the_unlock_commands(name: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CORRIDOR_"))}
    env["CORRIDOR_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "corridor.cli", name, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Reset all access attempts and lockouts" in result.stdout


def test_demo_users_sign_in_through_the_form_in_demo_mode(world: Any, settings: Any) -> None:
    from corridor.core.models import User

    User.objects.create_user("edo.demo", password="corridor-demo", is_demo=True)
    settings.DEMO_MODE = True
    client = Client()
    assert sign_in(client, "edo.demo", "corridor-demo").status_code == 302
    assert signed_in(client)
    settings.DEMO_MODE = False
    response = sign_in(Client(), "edo.demo", "corridor-demo")
    assert response.status_code == 200 and "did not match" in _text(response)


def test_the_throttle_is_configured_and_first_among_the_backends() -> None:
    from axes.backends import AxesStandaloneBackend
    from axes.conf import settings as axes_settings
    from django.utils.module_loading import import_string

    assert issubclass(import_string(settings.AUTHENTICATION_BACKENDS[0]), AxesStandaloneBackend)
    assert "corridor.core.auth.CorridorBackend" in settings.AUTHENTICATION_BACKENDS
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)  # noqa: SIM300
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert axes_settings.AXES_ENABLED  # the tests run with the throttle on


def _settings_in(env: dict[str, str], tmp_path: Path) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "CORRIDOR_"))}
    clean.update(env, CORRIDOR_VAR_DIR=str(tmp_path))
    code = (
        "import corridor.settings as s;"
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME, s.AXES_IPWARE_PROXY_COUNT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=clean
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_limit_and_cool_off_come_from_the_environment(tmp_path: Path) -> None:
    assert _settings_in({}, tmp_path) == "5 0:15:00 0"
    assert (
        _settings_in(
            {"CORRIDOR_SIGNIN_FAILURE_LIMIT": "8", "CORRIDOR_SIGNIN_LOCK_MINUTES": "60"}, tmp_path
        )
        == "8 1:00:00 0"
    )
    assert _settings_in({"CORRIDOR_SIGNIN_LOCK_MINUTES": "0"}, tmp_path).split()[1] == "None"
    # behind the TLS-terminating proxy the client's address is the proxy's last hop
    assert _settings_in({"CORRIDOR_SECURE": "1"}, tmp_path).endswith(" 1")
    assert _settings_in({"CORRIDOR_SECURE": "1", "CORRIDOR_PROXY_COUNT": "2"}, tmp_path).endswith(
        " 2"
    )


def test_the_address_is_the_one_the_proxy_saw() -> None:
    from corridor.core.auth import client_address

    factory = RequestFactory()
    forwarded = factory.post(
        "/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.9"
    )
    with override_settings(AXES_IPWARE_PROXY_COUNT=0):
        assert client_address(forwarded) == "127.0.0.1"  # no proxy: the header is not trusted
    with override_settings(AXES_IPWARE_PROXY_COUNT=1):
        assert client_address(forwarded) == "10.0.0.9"  # what nginx appended, not what was sent
        bare = factory.post("/login/", REMOTE_ADDR="127.0.0.1")
        assert client_address(bare) == "127.0.0.1"
        socket = factory.post("/login/", REMOTE_ADDR="")  # a Unix socket: no address
        assert client_address(socket) is None
    with override_settings(AXES_IPWARE_PROXY_COUNT=2):
        assert client_address(forwarded) == "6.6.6.6"
        garbage = factory.post("/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="x, y")
        assert client_address(garbage) == "127.0.0.1"


def test_behind_a_proxy_each_client_is_counted_by_its_own_address(world: Any) -> None:
    def via_proxy(client: Client, username: str, password: str, address: str) -> Any:
        return client.post(
            "/login/",
            {"username": username, "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=address,
        )

    with override_settings(AXES_IPWARE_PROXY_COUNT=1):
        for name in ("alice", "bob", "carol", "dave", "erin"):
            via_proxy(Client(), name, WRONG, "203.0.113.7")
        assert refused_as_locked(via_proxy(Client(), "erin", PASSWORD, "203.0.113.7"))
        # the proxy's own address is not locked: someone elsewhere still signs in
        assert via_proxy(Client(), "bob", PASSWORD, "198.51.100.4").status_code == 302


def test_signing_in_without_a_request_is_not_refused(world: Any) -> None:
    """The test client's login() (and a shell's authenticate()) pass no request: there is no
    address to count, and axes records nothing without one."""
    assert Client().login(username="alice", password=PASSWORD)
    assert not Client().login(username="alice", password=WRONG)
