from django.urls import path

from hoinhap.conclusions import views

app_name = "conclusions"
urlpatterns = [
    path("ket-luan/", views.NoticeListView.as_view(), name="list"),
    path("ket-luan/moi/", views.NoticeCreateView.as_view(), name="new"),
    path("ket-luan/<int:pk>/", views.NoticeDetailView.as_view(), name="detail"),
    path("ket-luan/<int:pk>/thong-tin/", views.NoticeEditView.as_view(), name="edit"),
    path("ket-luan/<int:pk>/gop/", views.MergeView.as_view(), name="merge"),
    path("ket-luan/<int:pk>/tao-nhiem-vu/", views.CreateTasksView.as_view(), name="create_tasks"),
    path("ket-luan/de-xuat/<int:pk>/", views.RowSaveView.as_view(), name="row"),
    path("ket-luan/de-xuat/<int:pk>/bo/", views.RowDropView.as_view(), name="row_drop"),
    path("ket-luan/de-xuat/<int:pk>/khoi-phuc/", views.RowRestoreView.as_view(), name="row_restore"),
    path("ket-luan/de-xuat/<int:pk>/tach/", views.RowSplitView.as_view(), name="row_split"),
]
