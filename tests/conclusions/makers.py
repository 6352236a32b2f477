"""Rows of the conclusions area owned by a given agency, for the scoping walk (tests/factories)."""

from __future__ import annotations

from hoinhap.conclusions.models import Notice, ProposedTask


def make_notice_row(agency, marker):
    text = f"Giao Bộ Tư pháp chủ trì rà soát {marker}, hoàn thành trong quý I/2026."
    return Notice.objects.create(agency=agency, text=text, title=marker, number="WALK/TB-VPCP")


def make_proposed_row(agency, marker):
    notice = make_notice_row(agency, marker)
    return ProposedTask.objects.create(
        notice=notice,
        position=1,
        lead=agency,
        lead_text=agency.name,
        title=marker,
        deadline_text="quý I/2026",
        quote=notice.text,
        quote_start=0,
        quote_end=len(notice.text),
    )


CONCLUSION_ROW_MAKERS = {Notice: make_notice_row, ProposedTask: make_proposed_row}
