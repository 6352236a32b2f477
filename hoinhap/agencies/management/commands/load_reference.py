from django.core.management.base import BaseCommand

from hoinhap.core.reference import load_all


class Command(BaseCommand):
    help = "Nạp dữ liệu tham chiếu (danh mục cơ quan, căn cứ chủ trương…); chạy lại nhiều lần vẫn đúng."

    def handle(self, *args, **options):
        for name, result in load_all():
            self.stdout.write(f"{name}: {result}")
