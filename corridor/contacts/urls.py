from django.urls import path

from corridor.contacts.views import contacts, duplicates, imports, links, touches

urlpatterns = [
    path("", contacts.contact_list, name="company-contact-list"),
    path("add/", contacts.contact_add, name="company-contact-add"),
    path("<int:pk>/", contacts.contact_detail, name="company-contact-detail"),
    path("<int:pk>/edit/", contacts.contact_edit, name="company-contact-edit"),
    path("<int:pk>/links/", links.contact_links, name="company-contact-links"),
    path("touches/<int:pk>/", touches.touch_detail, name="touch-detail"),
    path("facilities/<int:facility_pk>/touch/", touches.touch_add, name="touch-add"),
    path("import/", imports.contact_import, name="company-contact-import"),
    path(
        "import/template.csv",
        imports.contact_import_template,
        name="company-contact-import-template",
    ),
    path("duplicates/", duplicates.contact_duplicates, name="company-contact-duplicates"),
    path("duplicates/merge/", duplicates.contact_merge, name="company-contact-merge"),
    path("merges/<int:pk>/undo/", duplicates.contact_merge_undo, name="company-contact-merge-undo"),
]
