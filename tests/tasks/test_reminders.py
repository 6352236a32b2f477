"""Reminders (đôn đốc) against a real local SMTP server (aiosmtpd), on fixed days.

Shows reminders before the deadline (14 and 3 days), on the day, on overdue, escalation to the agency
leader and to the secretariat, one digest per person per day, no duplicates across runs, and a run
that crashes half-way (or meets a dead SMTP server) sending nothing twice when it runs again.
"""

from __future__ import annotations

import datetime as dt
import email
from email.header import decode_header, make_header
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from hoinhap.tasks import reminders, services
from hoinhap.tasks.models import Notification, Reminder, ReminderSettings

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_user):
    return {
        "officer": make_user("officer", "BCT", email="cv.bct@moit.gov.vn"),
        "focal": make_user("focal_point", "BCT", email="daumoi.bct@moit.gov.vn"),
        "leader": make_user("leader", "BCT", email="lanhdao.bct@moit.gov.vn"),
        "btp": make_user("focal_point", "BTP", email="daumoi.btp@moj.gov.vn"),
        "secretariat": make_user("secretariat", "BNG", email="thuongtruc@mofa.gov.vn"),
        "observer": make_user("observer", None, email="quansat@chinhphu.vn"),
    }


@pytest.fixture
def fta(make_task, people):
    return make_task(
        title="Xây dựng lộ trình đàm phán FTA với GCC",
        deadline="trước ngày 31/03/2026",
        coordinators=[("BTP", "Thẩm định pháp lý")],
        responsible=people["officer"],
    )


def recipients(sink, start=0):
    return sorted(addr for m in sink.messages[start:] for addr in m.rcpt_tos)


def run(day, sink):
    before = len(sink.messages)
    result = reminders.run(day)
    return result, recipients(sink, before)


def subject(envelope) -> str:
    return str(make_header(decode_header(email.message_from_bytes(envelope.content)["Subject"])))


def body(envelope) -> str:
    message = email.message_from_bytes(envelope.content)
    return message.get_payload(decode=True).decode("utf-8")


def test_schedule_escalation_and_no_duplicates(smtp_server, people, fta):
    lead = ["cv.bct@moit.gov.vn", "daumoi.bct@moit.gov.vn"]
    # 14 days before: responsible official, lead focal point, coordinator's focal point.
    result, sent = run(D(2026, 3, 17), smtp_server)
    assert sent == sorted([*lead, "daumoi.btp@moj.gov.vn"]) and result["sent"] == 3
    first = next(m for m in smtp_server.messages if "cv.bct@moit.gov.vn" in m.rcpt_tos)
    assert subject(first) == "[hoinhap] Nhắc việc ngày 17/03/2026: 1 mục"
    text = body(first)
    assert "Còn 14 ngày đến hạn (31/03/2026): Xây dựng lộ trình đàm phán FTA với GCC" in text
    assert f"/nhiem-vu/{fta.pk}/" in text
    # The same day again, and the next day: nothing new.
    assert run(D(2026, 3, 17), smtp_server)[1] == []
    assert run(D(2026, 3, 18), smtp_server)[1] == []
    # 3 days before, on the day.
    assert run(D(2026, 3, 28), smtp_server)[1] == sorted([*lead, "daumoi.btp@moj.gov.vn"])
    assert run(D(2026, 3, 31), smtp_server)[1] == sorted([*lead, "daumoi.btp@moj.gov.vn"])
    # Overdue: the lead only; repeated weekly; leader after 7 days, secretariat after 30.
    assert run(D(2026, 4, 1), smtp_server)[1] == lead
    assert run(D(2026, 4, 2), smtp_server)[1] == []
    assert run(D(2026, 4, 7), smtp_server)[1] == ["lanhdao.bct@moit.gov.vn"]
    assert run(D(2026, 4, 8), smtp_server)[1] == lead
    assert run(D(2026, 4, 30), smtp_server)[1] == sorted([*lead, "thuongtruc@mofa.gov.vn"])
    assert run(D(2026, 4, 30), smtp_server)[1] == []
    escalation = smtp_server.messages[-1]
    assert "quansat@chinhphu.vn" not in recipients(smtp_server)
    assert any("đề nghị Cơ quan thường trực đôn đốc" in body(m) for m in smtp_server.messages[-3:])
    assert "Quá hạn 30 ngày" in body(escalation) or "Quá hạn 30 ngày" in body(smtp_server.messages[-2])
    # Every (person, occurrence) once; one digest per person per day.
    assert Reminder.objects.count() == len(set(Reminder.objects.values_list("recipient", "key")))
    assert Notification.objects.filter(state=Notification.State.SENT).count() == len(smtp_server.messages)
    # Completed: no more reminders.
    services.complete(people["officer"], fta, on=D(2026, 5, 1), product="Lộ trình đàm phán")
    assert run(D(2026, 5, 8), smtp_server)[1] == []


def test_one_digest_per_person_per_day(smtp_server, people, make_task):
    make_task(title="Nhiệm vụ A", deadline="trước ngày 31/03/2026", responsible=people["officer"])
    make_task(title="Nhiệm vụ B", deadline="trước ngày 20/03/2026", responsible=people["officer"])
    make_task(title="Nhiệm vụ C", deadline="trước ngày 12/03/2026", responsible=people["officer"])
    result, sent = run(D(2026, 3, 17), smtp_server)
    assert sent == ["cv.bct@moit.gov.vn", "daumoi.bct@moit.gov.vn"]
    digest = next(m for m in smtp_server.messages if "cv.bct@moit.gov.vn" in m.rcpt_tos)
    assert subject(digest) == "[hoinhap] Nhắc việc ngày 17/03/2026: 3 mục (1 quá hạn)"
    text = body(digest)
    assert "Nhiệm vụ A" in text and "Nhiệm vụ B" in text and "Quá hạn 5 ngày" in text
    # A task created later the same day waits for tomorrow's digest (still one digest a day).
    make_task(title="Nhiệm vụ D", deadline="trước ngày 19/03/2026", responsible=people["officer"])
    assert run(D(2026, 3, 17), smtp_server)[1] == []
    assert run(D(2026, 3, 18), smtp_server)[1] == ["cv.bct@moit.gov.vn", "daumoi.bct@moit.gov.vn"]
    assert "Nhiệm vụ D" in body(smtp_server.messages[-1])


def test_crash_after_sending_part_of_the_digests_sends_nothing_twice(smtp_server, people, fta, monkeypatch):
    calls = []

    def crash_on_second(notification):
        calls.append(notification.pk)
        if len(calls) == 2:
            raise RuntimeError("máy chủ tắt đột ngột")

    monkeypatch.setattr(reminders, "_after_send", crash_on_second)
    with pytest.raises(RuntimeError):
        reminders.run(D(2026, 3, 17))
    assert len(smtp_server.messages) == 2  # the second went out just before the crash
    states = sorted(Notification.objects.values_list("state", flat=True))
    assert states == ["pending", "sending", "sent"]
    monkeypatch.setattr(reminders, "_after_send", lambda n: None)
    result = reminders.run(D(2026, 3, 17))
    assert result["sent"] == 1 and result["unconfirmed"] == 1
    assert "1 thư chưa xác nhận đã gửi" in reminders.describe(result)
    assert recipients(smtp_server) == sorted(
        ["cv.bct@moit.gov.vn", "daumoi.bct@moit.gov.vn", "daumoi.btp@moj.gov.vn"]
    )
    reminders.run(D(2026, 3, 17))
    assert len(smtp_server.messages) == 3


def test_crash_while_recording_leaves_nothing_and_the_rerun_sends_once(smtp_server, people, fta, monkeypatch):
    real = reminders.compose
    count = []

    def fail_on_second(notification):
        count.append(1)
        if len(count) == 2:
            raise RuntimeError("lỗi giữa chừng")
        return real(notification)

    monkeypatch.setattr(reminders, "compose", fail_on_second)
    with pytest.raises(RuntimeError):
        reminders.run(D(2026, 3, 17))
    assert not Notification.objects.exists() and not Reminder.objects.exists() and not smtp_server.messages
    monkeypatch.setattr(reminders, "compose", real)
    reminders.run(D(2026, 3, 17))
    reminders.run(D(2026, 3, 17))
    assert len(smtp_server.messages) == 3


def test_smtp_down_then_up_sends_each_digest_once(smtp_server, people, fta, settings):
    import socket

    port = settings.EMAIL_PORT
    with socket.socket() as s:  # a port nobody listens on: the server is down
        s.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = s.getsockname()[1]
    result = reminders.run(D(2026, 3, 17))
    assert result["sent"] == 0 and result["failed"] == 3
    assert set(Notification.objects.values_list("state", flat=True)) == {"failed"}
    assert "gửi lỗi (sẽ thử lại" in reminders.describe(result)
    settings.EMAIL_PORT = port
    result = reminders.run(D(2026, 3, 18))  # the next day's run retries yesterday's digests
    assert result["sent"] == 3 and len(smtp_server.messages) == 3
    assert reminders.run(D(2026, 3, 18))["sent"] == 0


def test_in_app_only_without_email_and_preferences_within_the_minimum(smtp_server, people, fta, make_user):
    no_mail = make_user("focal_point", "BCT", email="")
    services.save_preference(
        people["officer"], kinds=["before", "due", "overdue", "period"], days_before=[3, 7], email=True
    )
    assert people["officer"].reminder_preference.days_before == [7, 3]
    run(D(2026, 3, 17), smtp_server)  # 14 days ahead: the officer chose 7 and 3 days, so not yet
    assert "cv.bct@moit.gov.vn" not in recipients(smtp_server)
    notification = Notification.objects.get(recipient=no_mail, day=D(2026, 3, 17))
    assert notification.state == Notification.State.IN_APP
    sent = run(D(2026, 3, 24), smtp_server)[1]
    assert "cv.bct@moit.gov.vn" in sent


def test_preferences_below_the_secretariats_minimum_are_refused(people):
    officer = people["officer"]
    with pytest.raises(Exception, match="không thể tắt") as exc:
        services.save_preference(officer, kinds=["before", "period"], days_before=[14, 3], email=True)
    assert "Nhắc khi quá hạn" in str(exc.value) and "Nhắc vào ngày đến hạn" in str(exc.value)
    with pytest.raises(Exception, match="phải nhận nhắc trước hạn 3 ngày"):
        services.save_preference(officer, kinds=["before", "due", "overdue"], days_before=[14], email=True)
    with pytest.raises(Exception, match="từ 1 đến 90"):
        services.save_preference(
            officer, kinds=["before", "due", "overdue"], days_before=[200, 3], email=True
        )
    rules = services.update_reminder_settings(
        people["secretariat"], required_days_before=[], required_kinds=[]
    )
    assert rules.required_kinds == []
    services.save_preference(officer, kinds=[], days_before=[1], email=False)


def test_secretariat_sets_the_schedule(people, fta, smtp_server):
    with pytest.raises(Exception, match="Chỉ Cơ quan thường trực"):
        services.update_reminder_settings(people["focal"], days_before=[30])
    services.update_reminder_settings(people["secretariat"], days_before=[30], escalate_leader_after=2)
    assert ReminderSettings.current().days_before == [30]
    assert "daumoi.bct@moit.gov.vn" in run(D(2026, 3, 5), smtp_server)[1]  # 26 days ahead
    assert run(D(2026, 4, 2), smtp_server)[1].count("lanhdao.bct@moit.gov.vn") == 1


def test_dry_run_prints_and_changes_nothing(people, fta):
    out = StringIO()
    call_command("remind", "--dry-run", "--date", "2026-03-17", stdout=out)
    text = out.getvalue()
    assert "Chạy thử nhắc việc ngày 17/03/2026 (không ghi, không gửi)" in text
    assert "cv.bct@moit.gov.vn" in text and "[Sắp đến hạn] Còn 14 ngày đến hạn (31/03/2026)" in text
    assert "Tổng: 3 người, 3 mục, tối đa 3 thư." in text
    assert not Notification.objects.exists() and not Reminder.objects.exists()
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("remind", "--dry-run", "--date", "17/03/2026")


def test_command_and_job_run_the_same_code(people, fta, mailoutbox, django_capture_on_commit_callbacks):
    out = StringIO()
    call_command("remind", "--date", "2026-03-17", stdout=out)
    assert "gửi 3 thư" in out.getvalue() and len(mailoutbox) == 3
    from hoinhap.core import jobs
    from hoinhap.tasks.tasks import remind_daily

    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.start("tasks_remind", "Nhắc việc", None, params={"day": "2026-03-28"})
    job.refresh_from_db()
    assert job.state == "done" and "gửi 3 thư" in job.messages[-1]["text"]
    assert len(mailoutbox) == 6
    remind_daily()  # the beat entry queues a job for today (nothing due today in this data)
