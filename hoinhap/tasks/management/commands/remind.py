import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from hoinhap.tasks import reminders
from hoinhap.tasks.models import Reminder


class Command(BaseCommand):
    help = (
        "Nhắc việc (đôn đốc): ghi nhận và gửi thư nhắc của một ngày; chạy lại không gửi trùng. "
        "--dry-run chỉ in ra những gì sẽ gửi."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in ra, không ghi và không gửi.")
        parser.add_argument("--date", help="Ngày chạy, dạng YYYY-MM-DD (mặc định: hôm nay).")

    def handle(self, *args, **options):
        day = None
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"Ngày không hợp lệ: {options['date']!r} (dạng YYYY-MM-DD, ví dụ 2026-03-20)."
                ) from None
        if options["dry_run"]:
            self._preview(day)
            return
        result = reminders.run(day)
        self.stdout.write(reminders.describe(result))

    def _preview(self, day):
        from django.utils import timezone

        found = reminders.preview(day or timezone.localdate())
        people = found["people"]
        self.stdout.write(f"Chạy thử nhắc việc ngày {found['day']:%d/%m/%Y} (không ghi, không gửi):")
        if not people:
            self.stdout.write("  Không có mục nào cần nhắc.")
            return
        total = emails = 0
        for items in people.values():
            person = items[0].recipient
            agency = person.agency.name if person.agency_id else ""
            channel = person.email or "chỉ trong ứng dụng"
            self.stdout.write(f"→ {person.display_name} <{channel}> · {agency} · {len(items)} mục")
            for item in items:
                self.stdout.write(f"    - [{Reminder.Kind(item.kind).label}] {item.text}")
            total += len(items)
            emails += bool(person.email)
        self.stdout.write(f"Tổng: {len(people)} người, {total} mục, tối đa {emails} thư.")
