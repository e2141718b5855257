from django.urls import path

from corridor.calendars import views

urlpatterns = [
    path("", views.month, name="calendar-month"),
    path("week/", views.week, name="calendar-week"),
    path("agenda/", views.agenda, name="calendar-agenda"),
    path("subscribe/", views.subscribe, name="calendar-subscribe"),
    path("subscribe/new/", views.subscribe_new, name="calendar-subscribe-new"),
    path("subscribe/stop/", views.subscribe_stop, name="calendar-subscribe-stop"),
    path("feed/<str:token>.ics", views.feed, name="calendar-feed"),
]
