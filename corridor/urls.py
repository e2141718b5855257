from django.urls import include, path

from corridor.api.api import api
from corridor.core.admin import site as admin_site

urlpatterns = [
    path("admin/", admin_site.urls),
    path("api/v1/", api.urls),
    path("registry/", include("corridor.registry.urls")),
    path("calls/", include("corridor.calls.urls")),
    path("supply-chain/", include("corridor.supplychain.urls")),
    path("workforce/", include("corridor.workforce.urls")),
    path("programs/", include("corridor.programs.urls")),
    path("outreach/", include("corridor.outreach.urls")),
    path("intel/", include("corridor.intel.urls")),
    path("reports/", include("corridor.reports.urls")),
    path("calendar/", include("corridor.calendars.urls")),
    path("contacts/", include("corridor.contacts.urls")),
    path("jobs/", include("corridor.jobs.urls")),
    path("notifications/", include("corridor.notifications.urls")),
    path("attraction/", include("corridor.attraction.urls")),
    # core last: its catch-all "<slug>/" shows the capabilities not yet built
    path("", include("corridor.core.urls")),
]
