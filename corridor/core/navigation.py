"""The capabilities of Corridor, in the order the navigation shows them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Capability:
    slug: str
    title: str
    summary: str
    url_name: str | None = None  # None until the capability is built


CAPABILITIES: tuple[Capability, ...] = (
    Capability(
        "organisations",
        "Organisations",
        "Municipalities, the coordinator office and partner organisations, with their people.",
        "organisation-list",
    ),
    Capability(
        "registry",
        "Companies and facilities",
        "One shared registry of the corridor's companies and plants, built from every list.",
        "facility-list",
    ),
    Capability(
        "calls",
        "Corporate calls",
        "Plan and log company visits on the common template; one lead per company.",
        "call-planner",
    ),
    Capability(
        "contacts",
        "Contacts",
        "People at the companies: whom to call, and every touch logged with them.",
        "company-contact-list",
    ),
    Capability(
        "supply-chain",
        "Supply chain",
        "Who near here can make this, and which needs have no nearby supplier.",
        "supply-chain-map",
    ),
    Capability(
        "attraction",
        "Attraction and retention",
        "Prospects from supply gaps to won projects, pitch packs, and the jobs at risk.",
        "attraction-board",
    ),
    Capability(
        "workforce",
        "Skills and workforce",
        "Skills the sector needs, skills the region has, and the training it offers.",
        "workforce-gaps",
    ),
    Capability(
        "programs",
        "Funding programs",
        "Which program fits a company, and what funded projects achieved.",
        "program-list",
    ),
    Capability(
        "intel",
        "Intelligence",
        "Announcements and reports turned into facts: who invests how much where.",
        "intel-document-list",
    ),
    Capability(
        "outreach",
        "Outreach and agenda",
        "Stakeholders, Queen's Park and automaker visits, and the common policy agenda.",
        "outreach-home",
    ),
    Capability(
        "reports",
        "Reports and open data",
        "Dashboards, the mayors' quarterly briefing, exports and open data.",
        "reports-dashboard",
    ),
    Capability(
        "calendar",
        "Calendar",
        "Planned calls, follow-up deadlines and outreach events; subscribe from Outlook.",
        "calendar-month",
    ),
)

PLANNED = {c.slug: c for c in CAPABILITIES if c.url_name is None}
