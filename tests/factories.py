"""Test data factories (factory_boy) and, per agency-owned model, how to make a row of a given agency.

OWNED_ROW_MAKERS is what the scoping walk test uses to put a row of *another* agency behind every
URL: each area that adds an agency-owned model adds its maker here (the walk test fails otherwise).
"""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from hoinhap.core.models import AuditEntry, Job
from tests.conclusions.makers import CONCLUSION_ROW_MAKERS
from tests.tasks.makers import TASK_ROW_MAKERS


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    first_name = "Lan"
    last_name = factory.Sequence(lambda n: f"Nguyễn Thị {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.vn")
    role = "officer"
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def make_user_row(agency, marker):
    return UserFactory(agency=agency, last_name=marker, role="officer")


def make_job_row(agency, marker):
    return Job.objects.create(kind="audit_export", title=marker, agency=agency, state=Job.State.DONE)


def make_audit_row(agency, marker):
    return AuditEntry.objects.create(
        agency=agency, action="update", object_type="tests.Marker", object_id="1", object_repr=marker
    )


OWNED_ROW_MAKERS = {
    get_user_model(): make_user_row,
    Job: make_job_row,
    AuditEntry: make_audit_row,
    **TASK_ROW_MAKERS,
    **CONCLUSION_ROW_MAKERS,
}
