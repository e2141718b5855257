from django.urls import path

from corridor.intel.views import compare, documents, facts, tracker
from corridor.intel.views import sources as watched

urlpatterns = [
    path("", documents.document_list, name="intel-document-list"),
    path("add/", documents.upload, name="intel-upload"),
    path("documents/<int:pk>/", documents.document_detail, name="intel-document-detail"),
    path("documents/<int:pk>/file/", documents.document_raw, name="intel-document-raw"),
    path("documents/<int:pk>/read-again/", documents.document_reread, name="intel-document-reread"),
    path("documents/<int:pk>/delete/", documents.document_delete, name="intel-document-delete"),
    path("facts/<int:pk>/", facts.fact_review, name="intel-fact"),
    path("tracker/", tracker.tracker_page, name="intel-tracker"),
    path("trends/", tracker.trend_radar_page, name="intel-trends"),
    path("compare/", compare.compare_page, name="intel-compare"),
    path("sources/", watched.source_list, name="intel-source-list"),
    path("sources/add/", watched.source_add, name="intel-source-add"),
    path("sources/<int:pk>/", watched.source_detail, name="intel-source-detail"),
    path("sources/<int:pk>/edit/", watched.source_edit, name="intel-source-edit"),
    path("sources/<int:pk>/delete/", watched.source_delete, name="intel-source-delete"),
    path("sources/<int:pk>/read/", watched.source_read, name="intel-source-read"),
    path("events/<int:pk>/", watched.event_detail, name="intel-event-detail"),
]
