from django.urls import path

from corridor.programs.views import analytics, programs, projects, referrals

urlpatterns = [
    path("", programs.program_list, name="program-list"),
    path("<int:pk>/", programs.program_detail, name="program-detail"),
    path("<int:pk>/edit/", programs.program_edit, name="program-edit"),
    path("<int:pk>/campaign/", programs.program_campaign, name="program-campaign"),
    path("projects/", projects.project_list, name="funded-project-list"),
    path("projects/<int:pk>/", projects.project_detail, name="funded-project-detail"),
    path("recipients/<int:pk>/link/", projects.recipient_link, name="recipient-link"),
    path("referrals/", referrals.referral_list, name="referral-list"),
    path("referrals/new/<int:facility_pk>/", referrals.referral_create, name="referral-create"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="referral-detail"),
    path("analytics/", analytics.analytics_page, name="program-analytics"),
]
