from django.urls import path

from hoinhap.tasks import views

app_name = "tasks"
urlpatterns = [
    path("nhiem-vu/", views.TaskListView.as_view(), name="list"),
    path("nhiem-vu/cua-toi/", views.MyTasksView.as_view(), name="mine"),
    path("nhiem-vu/lich/", views.CalendarView.as_view(), name="calendar"),
    path("nhiem-vu/thong-ke/", views.StatsView.as_view(), name="stats"),
    path("nhiem-vu/thong-ke/xlsx/", views.StatsXlsxView.as_view(), name="stats_xlsx"),
    path("nhiem-vu/them/", views.TaskCreateView.as_view(), name="create"),
    path("nhiem-vu/giao-lai/", views.ReassignView.as_view(), name="reassign"),
    path("nhiem-vu/<int:pk>/", views.TaskDetailView.as_view(), name="detail"),
    path("nhiem-vu/<int:pk>/sua/", views.TaskEditView.as_view(), name="edit"),
    path("nhiem-vu/<int:pk>/tien-do/", views.ProgressCreateView.as_view(), name="progress"),
    path("nhiem-vu/<int:pk>/hoan-thanh/", views.CompleteView.as_view(), name="complete"),
    path("nhiem-vu/<int:pk>/mo-lai/", views.ReopenView.as_view(), name="reopen"),
    path("minh-chung/<int:pk>/", views.EvidenceView.as_view(), name="evidence"),
    path("chuong-trinh/", views.ProgrammeListView.as_view(), name="programmes"),
    path("chuong-trinh/them/", views.ProgrammeCreateView.as_view(), name="programme_create"),
    path("chuong-trinh/<int:pk>/", views.ProgrammeDetailView.as_view(), name="programme"),
    path("chuong-trinh/<int:pk>/sua/", views.ProgrammeEditView.as_view(), name="programme_edit"),
    path("nguon-nhiem-vu/them/", views.SourceCreateView.as_view(), name="source_create"),
    path("nguon-nhiem-vu/<int:pk>/", views.SourceDetailView.as_view(), name="source"),
    path("thong-bao/", views.NotificationsView.as_view(), name="notifications"),
    path("nhac-viec/", views.PreferenceView.as_view(), name="preferences"),
    path("nhac-viec/quy-dinh/", views.ReminderSettingsView.as_view(), name="reminder_settings"),
]
