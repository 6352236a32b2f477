from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework.routers import DefaultRouter

from hoinhap.api import views

router = DefaultRouter(use_regex_path=False)
router.include_format_suffixes = False
router.register("agencies", views.AgencyViewSet, basename="agency")
router.register("people", views.PersonViewSet, basename="person")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/token/", obtain_auth_token, name="token"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]
