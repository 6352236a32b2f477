"""Walk every URL pattern of the project with every role against rows of another agency.

URLs are discovered from the URL resolver, so every area's pages are covered without editing this
test. A URL with a ``pk`` must be served by a view with ``model`` and ``scope_mode`` (ScopedObjectMixin);
the row behind it belongs to Bộ Tư pháp while the agency-bound people belong to Bộ Công Thương.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from hoinhap.agencies.models import Agency, Role
from hoinhap.core.scoping import READ, WRITE, agency_path
from tests.factories import OWNED_ROW_MAKERS

MARKER = "Dữ-liệu-riêng-Bộ-Tư-pháp"
SKIP_PREFIXES = ("static/", "media/", "i18n/", "dang-xuat/", "suc-khoe/")
ROLES = [Role.SECRETARIAT, Role.OBSERVER, Role.FOCAL_POINT, Role.OFFICER, Role.LEADER]
REFUSED = {403, 404, 405}


def walk(resolvers, prefix=""):
    for entry in resolvers:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, pattern)
        elif isinstance(entry, URLPattern):
            yield pattern.lstrip("^").rstrip("$"), entry


def project_patterns():
    found = []
    for pattern, entry in walk(get_resolver().url_patterns):
        if pattern.startswith(SKIP_PREFIXES):
            continue
        view_class = getattr(entry.callback, "view_class", None) or getattr(entry.callback, "cls", None)
        if view_class is not None and view_class.__module__.startswith(
            ("django.", "rest_framework.", "drf_")
        ):
            continue  # framework views (login, logout) are not agency data
        found.append((pattern, entry, view_class))
    return found


def owned_models():
    return [
        m for m in apps.get_models() if m.__module__.startswith("hoinhap.") and agency_path(m) is not None
    ]


def test_every_agency_owned_model_has_a_row_maker():
    missing = [m._meta.label for m in owned_models() if m not in OWNED_ROW_MAKERS]
    assert not missing, f"add a maker to tests/factories.OWNED_ROW_MAKERS for: {missing}"


@pytest.fixture
def people(make_user):
    people = {
        Role.SECRETARIAT: make_user(Role.SECRETARIAT, "BNG"),
        Role.OBSERVER: make_user(Role.OBSERVER, None),
    }
    for role in (Role.FOCAL_POINT, Role.OFFICER, Role.LEADER):
        people[role] = make_user(role, "BCT")
    return people


def allowed(role, owned: bool, mode: str) -> bool:
    if role == Role.SECRETARIAT:
        return True
    if role == Role.OBSERVER:
        return mode == READ
    return not owned and mode == READ


@pytest.mark.django_db
def test_no_url_leaks_another_agencys_rows(client, people, agency):
    other = agency("BTP")
    rows = {model: maker(other, MARKER) for model, maker in OWNED_ROW_MAKERS.items()}
    cases = leaks = 0
    problems = []
    for pattern, _entry, view_class in project_patterns():
        kwargs = re.findall(r"<(?:\w+:)?(\w+)>", pattern)
        if set(kwargs) - {"pk"}:
            problems.append(
                f"{pattern}: URL kwargs {kwargs} unknown to the walk; use <int:pk> or extend the test"
            )
            continue
        target, owned, mode = None, False, getattr(view_class, "scope_mode", READ)
        if kwargs:
            model = getattr(view_class, "model", None) or getattr(
                getattr(view_class, "queryset", None), "model", None
            )
            if model is None:
                problems.append(
                    f"{pattern}: a view with <pk> must declare `model` (ScopedObjectMixin) or `queryset` (API)"
                )
                continue
            owned = agency_path(model) is not None
            target = rows[model] if owned else (other if model is Agency else model._default_manager.first())
            if target is None:
                problems.append(f"{pattern}: no row of {model._meta.label} to try")
                continue
        url = "/" + re.sub(r"<(?:\w+:)?pk>", str(getattr(target, "pk", "")), pattern)
        for role, person in people.items():
            client.force_login(person)
            for method in ("get", "post") if kwargs else ("get",):
                response = getattr(client, method)(url)
                cases += 1
                body = response.content.decode("utf-8", "replace") if response.status_code == 200 else ""
                if kwargs and not allowed(role, owned, mode if method == "get" else WRITE):
                    if response.status_code == 200 or (
                        method == "post" and response.status_code not in REFUSED
                    ):
                        leaks += 1
                        problems.append(f"{method.upper()} {url} as {role}: {response.status_code}")
                elif role not in (Role.SECRETARIAT, Role.OBSERVER) and MARKER in body:
                    leaks += 1
                    problems.append(f"{method.upper()} {url} as {role}: shows another agency's row")
    print(f"\nscoping walk: {cases} URL × role cases, {leaks} leaks")
    assert cases > 0
    assert not problems, "\n".join(problems)
