from django.urls import path

from hoinhap.agencies import views

app_name = "agencies"
urlpatterns = [
    path("co-quan/", views.AgencyListView.as_view(), name="list"),
    path("co-quan/them/", views.AgencyCreateView.as_view(), name="create"),
    path("co-quan/<int:pk>/", views.AgencyDetailView.as_view(), name="detail"),
    path("co-quan/<int:pk>/sua/", views.AgencyEditView.as_view(), name="edit"),
    path("nguoi-dung/", views.PeopleListView.as_view(), name="people"),
    path("nguoi-dung/them/", views.PersonCreateView.as_view(), name="person_create"),
    path("nguoi-dung/<int:pk>/", views.PersonDetailView.as_view(), name="person"),
    path("nguoi-dung/<int:pk>/sua/", views.PersonEditView.as_view(), name="person_edit"),
]
