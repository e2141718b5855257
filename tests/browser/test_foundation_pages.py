"""Signing in, the home page, organisations, history and account, in a real browser."""

from typing import Any

from conftest import PASSWORD
from tests.browser.conftest import check_accessibility, sign_in


def test_an_officer_signs_in_and_sees_their_home_page(page: Any, world: Any) -> None:
    page.goto("/")
    check_accessibility(page, "login")
    sign_in(page, "alice", PASSWORD)
    assert page.get_by_role("heading", name="Welcome, Alice").is_visible()
    assert page.get_by_text("Windsor Economic Development").first.is_visible()
    nav = page.get_by_role("navigation", name="Capabilities")
    for title in ("Organisations", "Companies and facilities", "Corporate calls", "Supply chain"):
        assert nav.get_by_role("link", name=title).is_visible()
    page.wait_for_selector("#home-map[data-ready='2']")
    assert page.locator("#home-map path.leaflet-interactive").count() == 2
    check_accessibility(page, "home")


def test_every_foundation_page_meets_wcag_aa(page: Any, world: Any) -> None:
    sign_in(page, "carol", PASSWORD)
    pages = {
        "organisations": "/organisations/",
        "organisation": f"/organisations/{world.org_a.pk}/",
        "organisation-edit": f"/organisations/{world.org_a.pk}/edit/",
        "change-log": "/changes/",
        "history": f"/history/core/organisation/{world.org_a.pk}/",
        "account": "/account/",
        "password": "/account/password/",
        "not-found": "/organisations/999999/",
        "admin": "/admin/",
    }
    for name, url in pages.items():
        page.goto(url)
        check_accessibility(page, name)


def test_corridor_works_by_keyboard(page: Any, world: Any) -> None:
    page.goto("/login/")
    # the sign-in form puts the cursor in the user name field
    page.wait_for_function("document.activeElement && document.activeElement.id === 'id_username'")
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type("alice")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Sign out").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    # the skip link's jump moves the focus a moment after the key: wait for it (or fail)
    page.wait_for_function("document.activeElement && document.activeElement.id === 'content'")
    assert page.evaluate("document.activeElement.id") == "content"
    organisations = page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name="Organisations"
    )
    organisations.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisations/")
    page.get_by_label("Name").focus()
    page.keyboard.type("oshawa")
    page.keyboard.press("Enter")
    page.wait_for_url("**/organisations/?q=oshawa*")
    assert page.get_by_role("link", name="Oshawa Economic Development").is_visible()
    assert page.get_by_role("link", name="Windsor Economic Development").count() == 0


def test_an_editor_edits_their_organisation_and_sees_the_history(page: Any, world: Any) -> None:
    sign_in(page, "alice", PASSWORD)
    page.goto(f"/organisations/{world.org_a.pk}/")
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Description").fill("Gateway to the Detroit River crossings")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved Windsor Economic Development").wait_for()  # loaded
    assert page.get_by_text("Saved Windsor Economic Development").is_visible()
    page.get_by_role("link", name="Full history").click()
    assert page.get_by_text("Gateway to the Detroit River crossings").is_visible()
    check_accessibility(page, "history-after-edit")


def _boxes(page: Any) -> list[dict[str, float]]:
    return page.eval_on_selector_all(
        "#home-map .leaflet-tooltip",
        "els => els.filter(e => getComputedStyle(e).display !== 'none')"
        ".map(e => { const r = e.getBoundingClientRect();"
        " return {l: r.left, r: r.right, t: r.top, b: r.bottom}; })",
    )


def test_labels_of_places_close_together_do_not_cover_one_another(page: Any, world: Any) -> None:
    from conftest import _place
    from corridor.core.history import change_context
    from corridor.core.models import Organisation, OrganisationKind
    from corridor.core.scoping import system_scope

    with system_scope("test fixtures"), change_context(source="tests"):
        for n, name in enumerate(("Vaughan", "Markham", "Richmond Hill", "Brampton", "Pickering")):
            place = _place(name, f"{43.80 + 0.02 * n:.4f}", f"{-79.50 + 0.05 * n:.4f}", "Toronto")
            Organisation.objects.create(
                name=f"{name} Economic Development",
                kind=OrganisationKind.MUNICIPALITY,
                municipality=place,
            )
    sign_in(page, "alice", PASSWORD)
    page.wait_for_selector("#home-map[data-ready='7']")
    boxes = _boxes(page)
    assert 2 <= len(boxes) < 7  # Windsor's and some of the crowd's, not all
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"])
    # a hidden label shows while the pointer is on its marker
    markers = page.locator("#home-map path.leaflet-interactive")
    grew = False
    for i in range(markers.count()):
        markers.nth(i).hover(force=True)
        grew = grew or len(_boxes(page)) == len(boxes) + 1
        page.mouse.move(0, 0)
    assert grew
    page.screenshot(path="var/screenshots/home-crowded-map.png")
