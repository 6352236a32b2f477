from django.urls import path

from hoinhap.policy import views

app_name = "policy"
urlpatterns = [
    path("can-cu/", views.CatalogueView.as_view(), name="catalogue"),
    path("can-cu/van-ban/them/", views.DocumentCreateView.as_view(), name="document_create"),
    path("can-cu/van-ban/<int:pk>/", views.DocumentDetailView.as_view(), name="document"),
    path("can-cu/van-ban/<int:pk>/sua/", views.DocumentEditView.as_view(), name="document_edit"),
    path("can-cu/van-ban/<int:pk>/quan-he/", views.LinkCreateView.as_view(), name="link_create"),
    path("can-cu/van-ban/<int:pk>/them-noi-dung/", views.ItemCreateView.as_view(), name="item_create"),
    path("can-cu/noi-dung/<int:pk>/", views.ItemDetailView.as_view(), name="item"),
    path("can-cu/noi-dung/<int:pk>/sua/", views.ItemEditView.as_view(), name="item_edit"),
    path("can-cu/noi-dung/<int:pk>/them-chi-tieu/", views.TargetCreateView.as_view(), name="target_create"),
    path("can-cu/chi-tieu/", views.TargetListView.as_view(), name="targets"),
    path("can-cu/chi-tieu/<int:pk>/", views.TargetDetailView.as_view(), name="target"),
    path("can-cu/chi-tieu/<int:pk>/sua/", views.TargetEditView.as_view(), name="target_edit"),
    path(
        "can-cu/chi-tieu/<int:pk>/them-so-lieu/",
        views.ObservationCreateView.as_view(),
        name="observation_create",
    ),
    path("can-cu/so-lieu/<int:pk>/xoa/", views.ObservationDeleteView.as_view(), name="observation_delete"),
]
