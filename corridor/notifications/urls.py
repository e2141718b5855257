"""The notification pages (included at ``/notifications/``)."""

from django.urls import path

from corridor.notifications import views

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("settings/", views.notification_settings, name="notification-settings"),
    path("read-all/", views.notification_read_all, name="notification-read-all"),
    path("<int:pk>/open/", views.notification_open, name="notification-open"),
    path("<int:pk>/read/", views.notification_read, name="notification-read"),
    path("<int:pk>/unread/", views.notification_unread, name="notification-unread"),
]
