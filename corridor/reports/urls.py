from django.urls import path

from corridor.reports.views import dashboard

urlpatterns = [
    path("", dashboard.reports_dashboard, name="reports-dashboard"),
    path("briefing.pdf", dashboard.briefing_pdf, name="reports-briefing"),
]
