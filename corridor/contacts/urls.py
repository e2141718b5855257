from django.urls import path

from corridor.contacts.views import contacts, touches

urlpatterns = [
    path("", contacts.contact_list, name="company-contact-list"),
    path("add/", contacts.contact_add, name="company-contact-add"),
    path("<int:pk>/", contacts.contact_detail, name="company-contact-detail"),
    path("<int:pk>/edit/", contacts.contact_edit, name="company-contact-edit"),
    path("touches/<int:pk>/", touches.touch_detail, name="touch-detail"),
    path("facilities/<int:facility_pk>/touch/", touches.touch_add, name="touch-add"),
]
