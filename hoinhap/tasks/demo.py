"""Demo programme and tasks (only where DEBUG is on): one task in every status, recurring reports.

Dates are set relative to the day the demo is loaded, so every status shows on a fresh demo:
Chưa đến hạn, Đang thực hiện, Hoàn thành đúng hạn, Hoàn thành trễ hạn, Quá hạn (a few days — the
agency leader is told — and over a month — the secretariat is told), plus recurring tasks (a half-yearly
report with a late and a missing period; a quarterly report), an ongoing task, a draft missing some
"rõ" and a task whose deadline phrase does not parse. Idempotent: an existing demo task is left as is.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from hoinhap.agencies.models import Agency, User
from hoinhap.tasks import services
from hoinhap.tasks.models import Programme, ProgressUpdate, Source, Task
from hoinhap.tasks.status import today

SEED_001_QUOTE = (
    "Giao Bộ Công Thương và các cơ quan liên quan xây dựng lộ trình đàm phán và ký kết các FTA với khối GCC, "
    "MERCOSUR, Pakistan, Ai Cập, hoàn thành trong quý I/2026, giữ vững uy tín với đối tác. Bộ Ngoại giao phối "
    "hợp chặt chẽ và hỗ trợ để Bộ Công Thương thực hiện hiệu quả nhiệm vụ này."
)


def _d(day: dt.date) -> str:
    return f"trước ngày {day:%d/%m/%Y}"


def _pillar_items(pillar: int):
    try:
        from hoinhap.policy.models import PolicyItem
    except ImportError:
        return []
    return list(PolicyItem.objects.filter(pillar=pillar)[:2])


@transaction.atomic
def load(stdout=None) -> str:
    t = today()
    programme, _ = Programme.objects.get_or_create(
        code="153/NQ-CP",
        defaults={
            "title": "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 59-NQ/TW ngày 24/01/2025 "
            "của Bộ Chính trị về hội nhập quốc tế trong tình hình mới",
            "kind": Programme.Kind.ACTION,
            "issuer": "Chính phủ",
            "issued": dt.date(2025, 5, 31),
            "start_year": 2025,
            "end_year": 2030,
            "targets_count": 22,
            "description": "22 chỉ tiêu và 117 nhiệm vụ cụ thể cho các bộ, ngành, địa phương, bao trùm cả 3 trụ "
            "cột hội nhập quốc tế (dữ liệu trình diễn: một số nhiệm vụ minh họa).",
        },
    )
    src_programme, _ = Source.objects.get_or_create(
        kind=Source.Kind.PROGRAMME,
        number="153/NQ-CP",
        defaults={
            "title": "Nghị quyết số 153/NQ-CP của Chính phủ",
            "issuer": "Chính phủ",
            "issued": dt.date(2025, 5, 31),
        },
    )
    if src_programme.programme_id is None:
        src_programme.programme = programme
        src_programme.save(update_fields=["programme"])
    conclusion, _ = Source.objects.get_or_create(
        kind=Source.Kind.CONCLUSION,
        title="Kết luận của Thủ tướng Chính phủ tại Hội nghị tổng kết công tác năm 2025 của Ban Chỉ đạo quốc "
        "gia về hội nhập quốc tế (họp ngày 14/01/2026)",
        defaults={"issuer": "Văn phòng Chính phủ", "issued": dt.date(2026, 1, 14), "programme": programme},
    )
    a = {code: Agency.objects.get(code=code) for code in ("BCT", "BNG", "BTP", "BTC", "BKHCN", "BVHTTDL")}
    people = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    officer_bct = people.get("demo-chuyenvien-bct")

    def task(
        number, agency, title, deadline_text, *, source=src_programme, coordinators=(), pillar=2, **extra
    ):
        existing = Task.objects.filter(programme=programme, number=number).first()
        if existing is not None:
            return existing, False
        data = {
            "programme": programme,
            "source": source,
            "number": number,
            "agency": a[agency],
            "title": title,
            "deadline_text": deadline_text,
            "product_kind": Task.Product.REPORT,
            "product": "Báo cáo gửi Thủ tướng Chính phủ",
            "authority": Task.Authority.PRIME_MINISTER,
            "responsible_title": "Thứ trưởng phụ trách",
        }
        data.update(extra)
        created = services.save_task(
            None, None, data, [(a[c], share) for c, share in coordinators], _pillar_items(pillar)
        )
        return created, True

    def update(
        tk, on, text, percent=None, kind=ProgressUpdate.Kind.PROGRESS, agency=None, period=None, doc=""
    ):
        ProgressUpdate.objects.create(
            task=tk,
            kind=kind,
            reporter_agency=agency or tk.agency,
            author=people.get("demo-daumoi-bct") if (agency or tk.agency).code == "BCT" else None,
            on=on,
            text=text,
            percent=percent,
            period=period,
            document_number=doc,
        )
        if period is not None:
            period.reported_on = on
            period.save(update_fields=["reported_on"])
        Task.objects.filter(pk=tk.pk).update(has_progress=True)

    def done(tk, on, product, doc):
        update(tk, on, f"Hoàn thành: {product}", 100, kind=ProgressUpdate.Kind.COMPLETION, doc=doc)
        Task.objects.filter(pk=tk.pk).update(
            completed_on=on, completion_product=product, completion_document=doc
        )

    made = 0
    # 1. Chưa đến hạn (BCT, nothing recorded yet) — the browser test records progress and completion here.
    _tk, new = task(
        "1",
        "BCT",
        "Báo cáo đánh giá tác động của các FTA thế hệ mới đối với xuất khẩu",
        _d(t + dt.timedelta(days=45)),
        responsible=officer_bct,
        coordinators=[("BTC", "Số liệu thu ngân sách từ thuế nhập khẩu")],
    )
    made += new
    # 2. Đang thực hiện (BCT, with BNG's contribution) — from the conclusion notice (seed 001).
    tk, new = task(
        "2",
        "BCT",
        "Xây dựng lộ trình đàm phán và ký kết các FTA với khối GCC, MERCOSUR, Pakistan, Ai Cập",
        _d(t + dt.timedelta(days=20)),
        source=conclusion,
        source_quote=SEED_001_QUOTE,
        coordinators=[("BNG", "Phối hợp chặt chẽ và hỗ trợ Bộ Công Thương")],
        product_kind=Task.Product.PLAN,
        product="Lộ trình đàm phán, ký kết các FTA",
        responsible=officer_bct,
    )
    if new:
        update(tk, t - dt.timedelta(days=30), "Đã hoàn thành dự thảo lộ trình với GCC và Ai Cập.", 40)
        update(
            tk,
            t - dt.timedelta(days=10),
            "Bộ Ngoại giao đã trao đổi với các Đại sứ quán của các nước GCC về khả năng khởi động đàm phán.",
            kind=ProgressUpdate.Kind.CONTRIBUTION,
            agency=a["BNG"],
        )
        made += 1
    # 3. Hoàn thành đúng hạn (BTP).
    tk, new = task(
        "3",
        "BTP",
        "Rà soát hệ thống văn bản quy phạm pháp luật về hội nhập quốc tế theo Nghị quyết 59-NQ/TW",
        _d(t - dt.timedelta(days=20)),
        pillar=1,
    )
    if new:
        update(tk, t - dt.timedelta(days=60), "Đã ban hành kế hoạch rà soát.", 30)
        done(tk, t - dt.timedelta(days=25), "Báo cáo kết quả rà soát gửi Thủ tướng Chính phủ", "215/BC-BTP")
        made += 1
    # 4. Hoàn thành trễ hạn (BNG) — seed 002: the committee's work plan.
    tk, new = task(
        "4",
        "BNG",
        "Xây dựng Kế hoạch công tác của Ban Chỉ đạo quốc gia về hội nhập quốc tế năm 2026 và giai đoạn 2026-2030",
        _d(t - dt.timedelta(days=60)),
        product_kind=Task.Product.PLAN,
        product="Kế hoạch công tác của Ban Chỉ đạo",
        authority=Task.Authority.STEERING_COMMITTEE,
        pillar=1,
    )
    if new:
        done(
            tk,
            t - dt.timedelta(days=40),
            "Kế hoạch công tác của Ban Chỉ đạo được Trưởng Ban phê duyệt",
            "12/KH-BCĐ",
        )
        made += 1
    # 5. Quá hạn 10 ngày (BCT: its leader is told after 7 days).
    tk, new = task(
        "5",
        "BCT",
        "Trình Chính phủ Nghị định hướng dẫn cơ chế đặc thù về hội nhập kinh tế theo Nghị quyết 250/2025/QH15",
        _d(t - dt.timedelta(days=10)),
        product_kind=Task.Product.DECREE,
        product="Nghị định của Chính phủ",
        authority=Task.Authority.GOVERNMENT,
    )
    if new:
        update(tk, t - dt.timedelta(days=40), "Đã lấy ý kiến các bộ, ngành về dự thảo Nghị định.", 60)
        made += 1
    # 6. Quá hạn 40 ngày (BKHCN: the secretariat is told after 30 days).
    _tk, new = task(
        "6",
        "BKHCN",
        "Đề án hợp tác quốc tế về khoa học, công nghệ, đổi mới sáng tạo trong các lĩnh vực công nghệ chiến lược",
        _d(t - dt.timedelta(days=40)),
        product_kind=Task.Product.SCHEME,
        product="Đề án trình Thủ tướng Chính phủ",
        pillar=3,
    )
    made += new
    # 7. Recurring, half-yearly (BCT): one period on time, one late, the last one missing -> Quá hạn.
    tk, new = task(
        "7",
        "BCT",
        "Báo cáo định kỳ 6 tháng tình hình thực hiện các cam kết kinh tế quốc tế",
        "định kỳ 6 tháng",
        report_offset_days=15,
    )
    if new:
        periods = [p for p in tk.periods.order_by("due") if p.due < t]
        for n, period in enumerate(periods):
            if n == len(periods) - 1:
                break  # the latest period: not reported (missing)
            late = n == len(periods) - 2
            update(
                tk,
                period.due + dt.timedelta(days=12 if late else -3),
                f"Báo cáo {period.label}.",
                period=period,
                doc=f"{100 + n}/BC-BCT",
            )
        made += 1
    # 8. Recurring, quarterly (BVHTTDL), every period reported -> Đang thực hiện.
    tk, new = task(
        "8",
        "BVHTTDL",
        "Báo cáo hằng quý về hội nhập quốc tế trong lĩnh vực văn hóa, thể thao và du lịch",
        "hằng quý",
        report_offset_days=10,
        pillar=3,
    )
    if new:
        for period in tk.periods.filter(due__lt=t):
            update(tk, period.due - dt.timedelta(days=2), f"Báo cáo {period.label}.", period=period)
        made += 1
    # 9. Ongoing (BNG).
    _tk, new = task(
        "9",
        "BNG",
        "Theo dõi, đôn đốc các bộ, ngành, địa phương triển khai Nghị quyết 59-NQ/TW",
        "thường xuyên",
        product_kind=Task.Product.REPORT,
        authority=Task.Authority.STEERING_COMMITTEE,
        pillar=1,
    )
    made += new
    # 10. A draft: no responsible official, no product named.
    _tk, new = task(
        "10",
        "BTC",
        "Cụ thể hóa Nghị quyết 250/2025/QH15, ban hành văn bản hướng dẫn về tài chính cho hội nhập quốc tế",
        "trong năm 2026",
        source=conclusion,
        product_kind="",
        product="",
        responsible_title="",
    )
    made += new
    # 11. Deadline phrase that does not parse: kept as written, flagged "thời hạn chưa rõ".
    _tk, new = task(
        "11",
        "BCT",
        "Thúc đẩy phía đối tác thực hiện các cam kết, thỏa thuận đã ký trong các chuyến thăm cấp cao",
        "theo tiến độ đàm phán với đối tác",
    )
    made += new
    total = Task.objects.filter(programme=programme).count()
    return f"{programme.code}: {total} nhiệm vụ ({made} mới)"
