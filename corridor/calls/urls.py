from django.urls import path

from corridor.calls.views import (
    call,
    campaigns,
    dashboard,
    flags,
    follow_ups,
    leads,
    planner,
    template_versions,
)

urlpatterns = [
    # planning and logging calls
    path("", planner.call_planner, name="call-planner"),
    path("plan/", planner.call_plan, name="call-plan"),
    path("conflicts/", planner.conflicts, name="call-conflicts"),
    path("<int:pk>/", call.call_detail, name="call-detail"),
    path("<int:pk>/record/", call.call_record, name="call-record"),
    path("<int:pk>/autosave/", call.call_autosave, name="call-autosave"),
    path("<int:pk>/approve/", call.call_approve, name="call-approve"),
    path("<int:pk>/decline/", call.call_decline, name="call-decline"),
    path("<int:pk>/cancel/", call.call_cancel, name="call-cancel"),
    path("<int:pk>/consent/", call.call_consent, name="call-consent"),
    path("<int:pk>/follow-ups/add/", call.follow_up_add, name="follow-up-add"),
    # acting on what calls found
    path("follow-ups/", follow_ups.follow_up_list, name="follow-up-list"),
    path("follow-ups/<int:pk>/done/", follow_ups.follow_up_complete, name="follow-up-complete"),
    path("follow-ups/<int:pk>/cancel/", follow_ups.follow_up_cancel, name="follow-up-cancel"),
    path("flags/", flags.flag_board, name="flag-board"),
    path("flags/raise/", flags.flag_raise, name="flag-raise"),
    path("flags/<int:pk>/close/", flags.flag_close, name="flag-close"),
    # coordination
    path("campaigns/", campaigns.campaign_list, name="campaign-list"),
    path("campaigns/new/", campaigns.campaign_edit, name="campaign-create"),
    path("campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign-detail"),
    path("campaigns/<int:pk>/edit/", campaigns.campaign_edit, name="campaign-edit"),
    path("leads/", leads.lead_list, name="lead-list"),
    path("leads/<int:facility_pk>/assign/", leads.lead_assign, name="lead-assign"),
    path("dashboard/", dashboard.coordinator_dashboard, name="calls-dashboard"),
    path("overview/", dashboard.overview, name="calls-overview"),
    path("templates/", template_versions.template_list, name="template-list"),
    path("templates/publish/", template_versions.template_publish, name="template-publish"),
    path("templates/<int:number>/", template_versions.template_detail, name="template-detail"),
]
