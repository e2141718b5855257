"""Access-matrix rows for the outreach add and edit pages (views/records.py); the world
is built in tests/matrix_outreach.py. The coordinator (carol) keeps the library, the
agenda, the directory, the centre and the tours; Windsor's relationship and pilot are
edited by Windsor's editor (alice) and carol; viewers and the partner get 403 (404 for
what they may not read)."""

from __future__ import annotations

from tests.access_rows import Row, only

CAROL = only({"carol": 200}, 403)
EDITORS = only({"alice": 200, "bob": 200, "carol": 200}, 403)
WINDSOR = only({"alice": 200, "carol": 200}, 403)

OUTREACH_EDIT_PAGES: list[Row] = [
    Row("message-create", lambda w: "/outreach/messages/new/", CAROL),
    Row("message-edit", lambda w: f"/outreach/messages/{w.message.pk}/edit/", CAROL),
    Row("ask-create", lambda w: "/outreach/agenda/asks/new/", CAROL),
    Row("ask-edit", lambda w: f"/outreach/agenda/asks/{w.ask.pk}/edit/", CAROL),
    Row("contact-create", lambda w: "/outreach/contacts/new/", CAROL),
    Row("contact-edit", lambda w: f"/outreach/contacts/{w.contact.pk}/edit/",
        {**CAROL, "dave": 404}),
    Row("relationship-create", lambda w: "/outreach/relationships/new/", EDITORS),
    Row("relationship-edit", lambda w: f"/outreach/relationships/{w.rel_a.pk}/edit/",
        {**WINDSOR, "dave": 404}),
    Row("working-group-create", lambda w: "/outreach/centre/working-groups/new/", CAROL),
    Row("working-group-edit", lambda w: f"/outreach/centre/working-groups/{w.group.pk}/edit/",
        CAROL),
    Row("partnership-create", lambda w: "/outreach/centre/partnerships/new/", CAROL),
    Row("partnership-edit",
        lambda w: f"/outreach/centre/partnerships/{w.partnership.pk}/edit/", CAROL),
    Row("tour-create", lambda w: "/outreach/visits/tours/new/", CAROL),
    Row("tour-edit", lambda w: f"/outreach/visits/tours/{w.tour.pk}/edit/", CAROL),
    Row("pilot-edit", lambda w: f"/outreach/pilots/{w.pilot_a.pk}/edit/", WINDSOR),
    Row("message-create", lambda w: "/outreach/messages/new/", only({"carol": 200}, 403),
        method="post", data=lambda w: {"title": ""}),
]  # fmt: skip
