from django.urls import path

from corridor.reports.views import dashboard

urlpatterns = [
    path("", dashboard.reports_dashboard, name="reports-dashboard"),
    path("briefing.pdf", dashboard.briefing_pdf, name="reports-briefing"),
    path("briefing/", dashboard.briefing_build, name="reports-briefing-build"),
    path("briefings/<str:token>/", dashboard.briefing_file, name="reports-briefing-file"),
]
