from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hoinhap.core.reference import load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu trình diễn (chỉ khi DEBUG bật); chạy lại nhiều lần vẫn đúng."

    def handle(self, *args, **options):
        if not settings.HOINHAP_DEMO_LOGINS_ALLOWED:
            raise CommandError("Dữ liệu trình diễn chỉ được nạp khi DEBUG bật.")
        with transaction.atomic():
            for name, result in load_demo():
                self.stdout.write(f"{name}: {result}")
