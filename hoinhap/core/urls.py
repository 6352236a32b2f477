from django.urls import path

from hoinhap.core import views

app_name = "core"
urlpatterns = [
    path("nhat-ky/", views.AuditLogView.as_view(), name="audit"),
    path("nhat-ky/xuat/", views.AuditExportView.as_view(), name="audit_export"),
    path("viec-nen/", views.JobListView.as_view(), name="jobs"),
    path("viec-nen/<int:pk>/", views.JobDetailView.as_view(), name="job"),
    path("viec-nen/<int:pk>/tep/", views.JobResultView.as_view(), name="job_result"),
]
