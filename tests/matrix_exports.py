"""Access-matrix rows of the list exports (``?format=csv|xlsx`` on a list URL)."""

from __future__ import annotations

from tests.access_rows import Row, everyone, participants

EXPORT_PAGES: list[Row] = [
    Row("facility-list", lambda w: "/registry/?format=csv", everyone(200)),
    Row("facility-list", lambda w: "/registry/?format=xlsx&tier=tier1", everyone(200)),
    Row("organisation-list", lambda w: "/organisations/?format=csv", everyone(200)),
    Row(
        "organisation-list",
        lambda w: "/organisations/?format=xlsx&kind=municipality",
        everyone(200),
    ),
    Row("follow-up-list", lambda w: "/calls/follow-ups/?format=csv", everyone(200)),
    Row(
        "follow-up-list",
        lambda w: "/calls/follow-ups/?whose=all&status=all&format=xlsx",
        everyone(200),
    ),
    Row("lead-list", lambda w: "/calls/leads/?format=csv", participants(200, partner=403)),
    Row(
        "lead-list",
        lambda w: "/calls/leads/?no_lead=1&format=xlsx",
        participants(200, partner=403),
    ),
    Row("campaign-list", lambda w: "/calls/campaigns/?format=csv", participants(200, partner=403)),
    Row("campaign-list", lambda w: "/calls/campaigns/?format=xlsx", participants(200, partner=403)),
    Row("program-list", lambda w: "/programs/?format=csv", everyone(200)),
    Row("program-list", lambda w: "/programs/?format=xlsx", everyone(200)),
    Row("funded-project-list", lambda w: "/programs/projects/?format=csv", everyone(200)),
    Row(
        "funded-project-list",
        lambda w: f"/programs/projects/?program={w.pg_program.pk}&format=xlsx",
        everyone(200),
    ),
    Row("referral-list", lambda w: "/programs/referrals/?format=csv", everyone(200)),
    Row(
        "referral-list", lambda w: "/programs/referrals/?status=referred&format=xlsx", everyone(200)
    ),
    Row("call-planner", lambda w: "/calls/?format=csv", participants(200, 302)),
    Row(
        "call-planner",
        lambda w: f"/calls/?organisation={w.org_b.pk}&status=completed&format=xlsx",
        participants(200, 302),
    ),
    Row("template-list", lambda w: "/calls/templates/?format=csv", everyone(200)),
    Row("template-list", lambda w: "/calls/templates/?format=xlsx", everyone(200)),
    Row("need-list", lambda w: "/supply-chain/needs/?format=csv", participants(200, 403)),
    Row(
        "need-list",
        lambda w: f"/supply-chain/needs/?status=all&buyer={w.sc_oshawa_buyer.pk}&format=xlsx",
        participants(200, 403),
    ),
    Row("capability-list", lambda w: "/supply-chain/capabilities/?format=csv", everyone(200)),
    Row("capability-list", lambda w: "/supply-chain/capabilities/?format=xlsx", everyone(200)),
    Row("occupation-list", lambda w: "/workforce/occupations/?format=csv", everyone(200)),
    Row("occupation-list", lambda w: "/workforce/occupations/?format=xlsx", everyone(200)),
    Row("training-program-list", lambda w: "/workforce/programs/?format=csv", everyone(200)),
    Row(
        "training-program-list",
        lambda w: "/workforce/programs/?credential=diploma&format=xlsx",
        everyone(200),
    ),
    Row("intel-document-list", lambda w: "/intel/?format=csv", everyone(200)),
    Row("intel-document-list", lambda w: "/intel/?q=battery&kind=news&format=xlsx", everyone(200)),
    Row("contact-list", lambda w: "/outreach/contacts/?format=csv", participants(200, 403)),
    Row(
        "contact-list",
        lambda w: "/outreach/contacts/?q=pat&decision_makers=1&format=xlsx",
        participants(200, 403),
    ),
    Row(
        "relationship-list",
        lambda w: f"/outreach/relationships/?organisation={w.org_a.pk}&format=csv",
        participants(200, 403),
    ),
    Row(
        "relationship-list",
        lambda w: "/outreach/relationships/?format=xlsx",
        participants(200, 403),
    ),
    Row("tour-list", lambda w: "/outreach/visits/?format=csv", everyone(200)),
    Row("tour-list", lambda w: "/outreach/visits/?format=xlsx", everyone(200)),
    Row("ask-list", lambda w: "/outreach/agenda/?theme=infrastructure&format=csv", everyone(200)),
    Row("ask-list", lambda w: "/outreach/agenda/?format=xlsx", everyone(200)),
    Row("partnership-list", lambda w: "/outreach/centre/partnerships/?format=csv", everyone(200)),
    Row(
        "partnership-list",
        lambda w: "/outreach/centre/partnerships/?kind=smart_manufacturing&format=xlsx",
        everyone(200),
    ),
    Row("pilot-list", lambda w: "/outreach/pilots/?format=csv", everyone(200)),
    Row("pilot-list", lambda w: "/outreach/pilots/?technology=hydrogen&format=xlsx", everyone(200)),
]
