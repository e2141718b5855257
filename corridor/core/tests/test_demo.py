"""`corridor demo`: real municipalities, partners from the seeds, demo-only logins."""

from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from corridor.core import policy
from corridor.core.demo import build_demo
from corridor.core.history import change_context
from corridor.core.models import Membership, Municipality, Organisation, OrganisationKind, User
from corridor.core.scoping import system_scope


def run_demo(*args: str) -> str:
    out = StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def everything(model: Any) -> Any:
    with system_scope("test"):
        return list(model.objects.all())


@pytest.fixture
def demo(db: Any, settings: Any) -> str:
    """The organisations and people of the demo (the command also builds every
    capability's demo data; tests/test_demo_command.py runs it whole)."""
    settings.DEMO_MODE = True
    with system_scope("test"), change_context(source="command:demo"):
        build_demo()
    return run_demo("--if-empty")


def test_demo_creates_at_least_twenty_real_municipalities_with_sources(demo: str) -> None:
    places = everything(Municipality)
    members = [o for o in everything(Organisation) if o.kind == OrganisationKind.MUNICIPALITY]
    assert len(members) >= 20
    windsor = next(p for p in places if p.name == "Windsor")
    assert 42.2 < float(windsor.latitude) < 42.4 and -83.1 < float(windsor.longitude) < -82.9
    assert all(p.source for p in places)
    assert "Alliston" in next(p for p in places if p.name == "New Tecumseth").alias_list()


def test_demo_creates_the_office_and_the_partners_named_in_the_seeds(demo: str) -> None:
    kinds = {o.short_name: o.kind for o in everything(Organisation)}
    assert kinds["APMA"] == "association"
    assert kinds["APRC"] == "research_centre"
    assert kinds["Unifor"] == "union"
    assert kinds["Conestoga"] == "college"
    assert "coordinator_office" in kinds.values()


def test_every_member_municipality_has_an_editor(demo: str) -> None:
    members = [o for o in everything(Organisation) if o.kind == OrganisationKind.MUNICIPALITY]
    editors = {m.organisation_id for m in everything(Membership) if m.role == "editor"}
    assert {o.pk for o in members} <= editors


def test_demo_prints_the_logins(demo: str) -> None:
    assert "corridor-demo" in demo and "edo.windsor" in demo and "coordinator" in demo


def test_building_the_demo_twice_adds_nothing(demo: str, settings: Any) -> None:
    counts = [len(everything(m)) for m in (Municipality, Organisation, Membership, User)]
    with system_scope("test"):
        build_demo()
    assert [len(everything(m)) for m in (Municipality, Organisation, Membership, User)] == counts
    assert "left as it is" in run_demo("--if-empty")


def test_demo_refuses_to_run_outside_demo_mode(db: Any, settings: Any) -> None:
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="CORRIDOR_DEMO=1"):
        run_demo()
    assert not everything(User)


def test_demo_logins_work_only_in_demo_mode(demo: str) -> None:
    client = Client()
    assert client.login(username="edo.windsor", password="corridor-demo")
    with override_settings(DEMO_MODE=False):
        assert not Client().login(username="edo.windsor", password="corridor-demo")
        # an open session of a demo user ends too
        assert client.get("/").status_code == 302


def test_the_demo_coordinator_is_a_coordinator(demo: str) -> None:
    user = User.objects.get(username="coordinator")
    assert policy.actor_for(user).is_coordinator
