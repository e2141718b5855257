from django.urls import path

from corridor.intel.views import documents, facts, tracker

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
]
