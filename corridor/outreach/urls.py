from django.urls import path

from corridor.outreach.views import (
    agenda,
    answers,
    centre,
    directory,
    engagements,
    home,
    records,
    visits,
)

urlpatterns = [
    path("", home.outreach_home, name="outreach-home"),
    path("contacts/", directory.contact_list, name="contact-list"),
    path("contacts/<int:pk>/", directory.contact_detail, name="contact-detail"),
    path("relationships/", directory.relationship_list, name="relationship-list"),
    path("head-offices/", directory.head_office_map, name="head-office-map"),
    path("calendar/", engagements.engagement_calendar, name="engagement-calendar"),
    path("engagements/new/", engagements.engagement_edit, name="engagement-create"),
    path("engagements/<int:pk>/", engagements.engagement_detail, name="engagement-detail"),
    path("engagements/<int:pk>/edit/", engagements.engagement_edit, name="engagement-edit"),
    path(
        "engagements/<int:pk>/participants/",
        engagements.participant_add,
        name="participant-add",
    ),
    path(
        "engagements/<int:pk>/follow-ups/", engagements.follow_up_add, name="outreach-follow-up-add"
    ),
    path(
        "follow-ups/<int:pk>/complete/",
        engagements.follow_up_complete,
        name="outreach-follow-up-complete",
    ),
    path("visits/", visits.tour_list, name="tour-list"),
    path("visits/tours/<int:pk>/", visits.tour_detail, name="tour-detail"),
    path("visits/tours/<int:pk>/plan/", visits.visit_plan, name="visit-plan"),
    path("visits/<int:pk>/briefing/", visits.visit_briefing, name="visit-briefing"),
    path("messages/", agenda.message_list, name="message-list"),
    path("messages/<int:pk>/brief/", agenda.message_brief_view, name="message-brief"),
    path("agenda/", agenda.ask_list, name="ask-list"),
    path("agenda/asks/<int:pk>/", agenda.ask_detail, name="ask-detail"),
    path(
        "agenda/endorsements/<int:pk>/withdraw/",
        agenda.endorsement_withdraw,
        name="endorsement-withdraw",
    ),
    path("agenda/common/", agenda.common_agenda_view, name="common-agenda"),
    path("agenda/responses/link/", answers.response_link, name="ask-response-link"),
    path(
        "agenda/responses/<int:pk>/confirm/", answers.response_confirm, name="ask-response-confirm"
    ),
    path("agenda/responses/<int:pk>/reject/", answers.response_reject, name="ask-response-reject"),
    path("centre/working-groups/", centre.working_group_list, name="working-group-list"),
    path("centre/partnerships/", centre.partnership_list, name="partnership-list"),
    path("pilots/", centre.pilot_list, name="pilot-list"),
]

# Add and edit the records kept whole (one page shape: views/records.py).
EDITED = [
    ("messages/", "message"),
    ("agenda/asks/", "ask"),
    ("contacts/", "contact"),
    ("relationships/", "relationship"),
    ("centre/working-groups/", "working_group"),
    ("centre/partnerships/", "partnership"),
    ("visits/tours/", "tour"),
    ("pilots/", "pilot"),
]
for prefix, kind in EDITED:
    name = kind.replace("_", "-")
    urlpatterns += [
        path(f"{prefix}new/", records.record_edit, {"kind": kind}, name=f"{name}-create"),
        path(f"{prefix}<int:pk>/edit/", records.record_edit, {"kind": kind}, name=f"{name}-edit"),
    ]
