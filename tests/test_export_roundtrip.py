"""Export then import keeps every signatory: the realistic lists of the parser's samples."""

import pytest

from tests.textformat.textformat_samples import ALL
from undersigned.textformat import parse
from undersigned.transfer.exporting import export_statement
from undersigned.transfer.importing import import_document


def stored(statement) -> list[tuple]:
    organizations = [
        ("organization", o.abbreviation, o.name, o.name_en, o.country.code, "")
        for o in (s.organization for s in statement.signatures.in_signing_order())
    ]
    people = [
        ("person", "", p.name, "", p.country.code, p.affiliation)
        for p in statement.endorsements.order_by("id")
    ]
    return organizations + people


def read_back(text: str) -> list[tuple]:
    return [
        (
            s.kind,
            s.abbreviation or "",
            s.name,
            s.name_en or "",
            s.country or "",
            s.affiliation or "",
        )
        for s in parse(text).signatories
    ]


@pytest.mark.parametrize("name", sorted(ALL))
def test_the_text_export_of_an_imported_list_reads_back_the_same(db, name):
    document = parse(ALL[name])
    statement = import_document(
        document, title=document.title or name, state="open", source=name
    ).saved
    exported = export_statement(statement, "txt")
    assert sorted(read_back(exported)) == sorted(stored(statement)), exported
