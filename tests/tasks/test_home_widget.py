import pytest

from hoinhap.core.reference import load_demo


@pytest.mark.django_db
def test_home_shows_task_summary_in_scope(client, make_user):
    list(load_demo())
    client.force_login(make_user("officer", "BCT"))
    text = client.get("/").content.decode()
    for label in ("Chưa đến hạn", "Đang thực hiện", "Hoàn thành đúng hạn", "Hoàn thành trễ hạn", "Quá hạn"):
        assert label in text
    assert "Nhiệm vụ · Bộ Công Thương" in text


@pytest.mark.django_db
def test_home_summary_counts_match_the_filtered_list(client, make_user):
    from hoinhap.tasks import selectors
    from hoinhap.tasks import status as st

    list(load_demo())
    user = make_user("secretariat", "BNG")
    widget = selectors.home_widget(user)
    counts = {key: n for key, _label, _badge, n in widget["counts"]}
    listed = selectors.filter_tasks(selectors.visible_tasks(user).filter(is_draft=False), status=st.OVERDUE)
    assert counts[st.OVERDUE] == listed.count() > 0
