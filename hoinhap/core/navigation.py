"""The navigation: each area adds its entry here when its pages exist (no links to pages that do not)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# (url name, label, predicate on the user or None)
ENTRIES = [
    ("home", _("Trang chủ"), None),
    ("policy:catalogue", _("Căn cứ chủ trương"), None),
    ("agencies:list", pgettext_lazy("navigation", "Cơ quan"), None),
    ("tasks:list", _("Nhiệm vụ"), None),
    # "Nhiệm vụ của tôi", the calendar and the statistics are linked from the task list's own menu.
    ("tasks:notifications", _("Thông báo"), None),
    (
        "conclusions:list",
        _("Kết luận thành nhiệm vụ"),
        lambda u: u.may_write and (u.edits_all_agencies or u.role == "focal_point"),
    ),
    ("agencies:people", _("Người dùng"), lambda u: u.manages_people or u.sees_all_agencies),
    ("core:audit", _("Nhật ký thay đổi"), lambda u: u.manages_people or u.sees_all_agencies),
    ("core:jobs", _("Công việc nền"), None),
]
