"""Demo people (only where DEBUG is on). Password: hoinhap-demo."""

from __future__ import annotations

from hoinhap.agencies.models import Agency, Role, User

DEMO_PASSWORD = "hoinhap-demo"

# username, agency code, role, last name, first name, position
DEMO_PEOPLE = [
    (
        "demo-thuongtruc",
        "BNG",
        Role.SECRETARIAT,
        "Nguyễn Thị",
        "Thu Hà",
        "Chuyên viên Vụ Luật pháp và Điều ước quốc tế",
    ),
    (
        "demo-daumoi-bct",
        "BCT",
        Role.FOCAL_POINT,
        "Trần Văn",
        "Minh",
        "Phó Vụ trưởng Vụ Chính sách thương mại đa biên",
    ),
    ("demo-chuyenvien-bct", "BCT", Role.OFFICER, "Lê Thị", "Lan", "Chuyên viên Vụ Pháp chế"),
    ("demo-lanhdao-bct", "BCT", Role.LEADER, "Phạm Quốc", "Hùng", "Thứ trưởng"),
    ("demo-daumoi-btp", "BTP", Role.FOCAL_POINT, "Hoàng Văn", "Nam", "Phó Cục trưởng Cục Kiểm tra văn bản"),
    ("demo-quansat", None, Role.OBSERVER, "Vũ Thị", "Hạnh", "Thành viên Tổ giúp việc Ban Chỉ đạo"),
]


def load(stdout=None) -> list[str]:
    usernames = []
    for username, code, role, last, first, position in DEMO_PEOPLE:
        agency = Agency.objects.get(code=code) if code else None
        person, created = User.objects.get_or_create(
            username=username,
            defaults={
                "agency": agency,
                "role": role,
                "last_name": last,
                "first_name": first,
                "position": position,
            },
        )
        if created or not person.has_usable_password():
            person.set_password(DEMO_PASSWORD)
        person.is_demo = True
        person.agency, person.role = agency, role
        person.save()
        usernames.append(username)
    return usernames
