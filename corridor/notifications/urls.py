"""The notification pages (filled in by the notifications work)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
