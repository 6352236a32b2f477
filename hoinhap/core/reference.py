"""Reference data loaders of every area, in dependency order. Each is idempotent.

An area adds its loader here as ("name", "dotted.path.to.function").
"""

from __future__ import annotations

from django.utils.module_loading import import_string

LOADERS = [
    ("Danh mục cơ quan", "hoinhap.agencies.reference.load_agencies"),
    ("Danh mục căn cứ chủ trương", "hoinhap.policy.reference.load_catalogue"),
]

# Demo data, only where DEBUG is on; each returns a short description.
DEMO_LOADERS = [
    ("Người dùng trình diễn", "hoinhap.agencies.demo.load"),
    ("Chương trình và nhiệm vụ trình diễn", "hoinhap.tasks.demo.load"),
]


def load_all():
    for name, path in LOADERS:
        yield name, import_string(path)()


def load_demo():
    for name, path in DEMO_LOADERS:
        yield name, import_string(path)()
