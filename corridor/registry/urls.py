from django.urls import path

from corridor.registry.views import facilities, imports, merges, review

urlpatterns = [
    path("", facilities.facility_list, name="facility-list"),
    path("facilities/<int:pk>/", facilities.facility_detail, name="facility-detail"),
    path("facilities/<int:pk>/merge/", merges.facility_merge, name="facility-merge"),
    path("companies/<int:pk>/", facilities.company_detail, name="company-detail"),
    path("merges/<int:pk>/undo/", merges.merge_undo, name="merge-undo"),
    path("review/", review.review_queue, name="review-queue"),
    path("review/<int:pk>/confirm/", review.review_confirm, name="review-confirm"),
    path("review/<int:pk>/reject/", review.review_reject, name="review-reject"),
    path("import/", imports.registry_import, name="registry-import"),
    path("import/<int:pk>/", imports.import_result, name="import-result"),
]
