"""Export a statement in the plain-text statement format, as Markdown or as JSON; and as a PDF
through the renderer the site registers."""

import json
from collections.abc import Callable

from undersigned import textformat
from undersigned.endorsements.models import Source
from undersigned.signing.selectors import signatory_list
from undersigned.statements.models import DatePrecision, State, Statement
from undersigned.textformat import Document, Signatory
from undersigned.transfer.log_export import add_log

FORMATS = {
    "txt": ("text/plain; charset=utf-8", "txt"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "json": ("application/json; charset=utf-8", "json"),
}

# The PDF is laid out above this app (the site's circulation owns its template and WeasyPrint):
# that app registers its renderer when it starts, so the export command can write one.
PdfRenderer = Callable[[Statement, str | None, str], bytes]
_pdf: dict[str, object] = {}


def register_pdf(render: PdfRenderer, page_sizes: list[str]) -> None:
    """`render(statement, language, page_size)` gives the PDF's bytes."""
    _pdf["render"], _pdf["page_sizes"] = render, list(page_sizes)


def pdf_page_sizes() -> list[str]:
    return list(_pdf.get("page_sizes", []))


def export_pdf(statement: Statement, language: str | None, page_size: str) -> bytes:
    if "render" not in _pdf:
        raise LookupError("No PDF renderer is registered (the site's apps are not installed).")
    return _pdf["render"](statement, language, page_size)


def statement_document(statement: Statement, language: str | None = None) -> Document:
    """The statement as the parser would have read it: current text and the public list."""
    text = statement.current_text(language)
    listing = signatory_list(statement)
    signatories = [
        Signatory(
            number=entry.number,
            abbreviation=entry.organization.abbreviation or None,
            name=entry.organization.name,
            name_en=entry.organization.name_en or None,
            country=entry.organization.country.code or None,
            group=None,
            kind="organization",
            affiliation=None,
            country_stated=_country_unsaid(entry.organization),
        )
        for entry in listing.entries
    ]
    # The individuals of the published list; endorsements gathered here have their own export.
    people = statement.endorsements.filter(source=Source.IMPORTED).listed_publicly()
    for number, person in enumerate(people, start=len(signatories) + 1):
        signatories.append(
            Signatory(
                number=number,
                abbreviation=None,
                name=person.name,
                name_en=None,
                country=person.country.code or None,
                group=None,
                kind="person",
                affiliation=person.affiliation or None,
                country_stated=True,
            )
        )
    issued = None
    if statement.issued_on:
        issued = statement.issued_on.isoformat()
        if statement.issued_precision == DatePrecision.MONTH:
            issued = issued[:7]
    return Document(
        kind=statement.kind.replace("-", " "),
        title=text.title if text else None,
        subtitle=(text.subtitle or None) if text else None,
        issuer=statement.issuer or None,
        date=issued,
        signatories_as_of=listing.as_of.date().isoformat() if listing.as_of else None,
        further_signatories_possible=statement.state == State.OPEN,
        body=text.paragraphs if text else [],
        signatories=signatories,
    )


def _country_unsaid(organization) -> bool:
    """Whether the names leave the country unsaid, so the line must say it (", Cyprus" after
    "Union of Cypriots"; nothing after "Communist Party of Bangladesh"), as lists write it.
    The renderer drops a country the parser would find anyway, which loses what a list said."""
    code = organization.country.code
    if not code:
        return False
    names = f"{organization.name} {organization.name_en}".casefold()
    return textformat.english_country_name(code).casefold() not in names


def export_statement(statement: Statement, fmt: str, language: str | None = None) -> str:
    document = statement_document(statement, language)
    if fmt == "json":
        data = add_log(statement, document.to_dict())
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "md":
        return textformat.render_markdown(document)
    return textformat.render_text(document)
