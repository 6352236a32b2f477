from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path

from hoinhap.agencies import views as agency_views
from hoinhap.core import views as core_views


def health(request):
    return JsonResponse({"status": "ok"})


urlpatterns = [
    path("", core_views.HomeView.as_view(), name="home"),
    path("dang-nhap/", agency_views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", agency_views.PasswordChangeView.as_view(), name="password_change"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("suc-khoe/", health, name="health"),
    path("", include("hoinhap.core.urls")),
    path("", include("hoinhap.agencies.urls")),
    path("", include("hoinhap.policy.urls")),
    path("", include("hoinhap.tasks.urls")),
    path("", include("hoinhap.conclusions.urls")),
    path("api/", include("hoinhap.api.urls")),
]
