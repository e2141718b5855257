from django.contrib.auth import views as auth_views
from django.urls import path

from corridor.core.views import account, history, home, organisations

urlpatterns = [
    path("", home.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", account.account, name="account"),
    path("account/tokens/<int:pk>/revoke/", account.revoke_token, name="token-revoke"),
    path("account/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("organisations/", organisations.organisation_list, name="organisation-list"),
    path("organisations/<int:pk>/", organisations.organisation_detail, name="organisation-detail"),
    path("organisations/<int:pk>/edit/", organisations.organisation_edit, name="organisation-edit"),
    path(
        "organisations/<int:pk>/delete/",
        organisations.organisation_delete,
        name="organisation-delete",
    ),
    path(
        "organisations/<int:pk>/restore/",
        organisations.organisation_restore,
        name="organisation-restore",
    ),
    path("changes/", history.change_log, name="change-log"),
    path(
        "history/<str:app_label>/<str:model_name>/<int:pk>/",
        history.object_history,
        name="object-history",
    ),
    path("<slug:slug>/", home.capability_planned, name="capability-planned"),
]
