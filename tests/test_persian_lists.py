"""Persian signatory lists: every name an isolated bidi run, one separator per language for
organizations and people alike, and a PDF that keeps each organization's names in reading
order (WeasyPrint runs no bidi algorithm across elements)."""

import re
import shutil
import subprocess
import unicodedata

import pytest
from django.test import Client
from django.utils import translation

from undersigned.coalitions.models import Organization
from undersigned.endorsements.actions import confirm_endorsement, endorse
from undersigned.endorsements.tokens import confirm_token
from undersigned.signing.actions import record_signature
from undersigned.statements.translations import save_translation

WRITERS = Organization(
    abbreviation="KNI",
    name="کانون نویسندگان ایران در تبعید",
    name_en="Iranian Writers Association in Exile and Their Friends Abroad",
    country="IR",
)
# A Latin native name and its English translation, both long enough to wrap in a column.
PCPCI = Organization(
    abbreviation="PCPCI",
    name="Parti Communiste Prolétarien de Côte d'Ivoire",
    name_en="Proletarian Communist Party of Ivory Coast",
    country="CI",
)


@pytest.fixture
def persian_statement(open_statement, carol):
    save_translation(
        statement=open_statement,
        user=carol,
        language="fa",
        title="همبستگی با کارگران بندر",
        subtitle="",
        body="اعتصاب کارگران بندر سزاوار پشتیبانی ماست.",
    )
    return open_statement


def _sign(statement, carol, organization: Organization) -> Organization:
    organization = Organization(
        **{f: getattr(organization, f) for f in ("abbreviation", "name", "name_en", "country")}
    )
    record_signature(
        statement=statement,
        organization=organization,
        user=carol,
        evidence="e-mail",
        version=statement.current_text().version,
    )
    return organization


def _pdftotext(content: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not found: apt-get install poppler-utils")
    path = tmp_path / "list.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # The bidi controls pdftotext and CLDR's separator add; Arabic presentation forms back.
    return unicodedata.normalize(
        "NFKC", re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    )


def _latin_words(text: str) -> str:
    return " ".join(re.findall(r"[^\W\d_]+", re.sub(r"[\u0600-\u06ff]+", " ", text)))


def _the_list(text: str) -> str:
    return text[text.index("امضاکنندگان") :]


@pytest.mark.parametrize("organization", [WRITERS, PCPCI], ids=["persian", "latin"])
def test_the_persian_pdf_keeps_each_name_whole_and_in_order(
    made, persian_statement, carol, organization, tmp_path
):
    org = _sign(persian_statement, carol, organization)
    response = made(f"/s/{persian_statement.slug}/export.pdf?language=fa")
    assert response.status_code == 200
    listed = _the_list(_pdftotext(response.content, tmp_path))
    latin = _latin_words(listed)
    for name in (org.name, org.name_en):
        if re.search("[A-Za-z]", name):
            # A Latin name's words in their order, no word of the other name between them.
            assert _latin_words(name) in latin, (name, listed)
        else:
            assert " ".join(name.split()) in " ".join(listed.split()), (name, listed)
    # The Persian comma before the country (pdftotext may read it after a line of its own);
    # no Latin comma anywhere in the list.
    with translation.override("fa"):
        country = str(org.country.name)
    assert re.search(rf"،\s*{country}|{country}\s*،", listed), listed
    assert "," not in listed, listed


def test_english_pdf_keeps_the_latin_comma(made, open_statement, carol, tmp_path):
    _sign(open_statement, carol, PCPCI)
    listed = _pdftotext(made(f"/s/{open_statement.slug}/export.pdf").content, tmp_path)
    assert "Coast), Côte d'Ivoire" in " ".join(listed.split()), listed


@pytest.fixture
def person(persian_statement):
    result = endorse(
        statement=persian_statement,
        name="Jane Doe",
        email="jane@example.org",
        country="IR",
        affiliation="ver.di Berlin",
        listed=True,
        client="127.0.0.1",
    )
    endorsement = result.endorsement
    confirm_endorsement(confirm_token(endorsement.pk, endorsement.secret))
    return endorsement


def test_the_persian_page_isolates_every_name_part_with_one_separator(
    persian_statement, carol, person
):
    _sign(persian_statement, carol, WRITERS)
    page = Client().get(f"/fa/s/{persian_statement.slug}/").content.decode()
    comma = "،\u200f "
    assert (
        # <bdi> isolates its text with the direction of its first strong letter by itself.
        f"<b><bdi>KNI</bdi></b> <bdi>{WRITERS.name}</bdi></a> "
        # The parentheses inside the name's run: a wrapped Latin name keeps them at its ends.
        f'<bdi lang="en">({WRITERS.name_en})</bdi>{comma}<bdi>ایران</bdi>'
    ) in page
    people = Client().get(f"/fa/s/{persian_statement.slug}/people/").content.decode()
    assert (
        f'<bdi dir="auto">Jane Doe</bdi>{comma}<bdi class="affiliation" dir="auto">ver.di Berlin'
        f'</bdi>{comma}<bdi class="country" dir="auto">ایران</bdi>'
    ) in people
    english = Client().get(f"/s/{persian_statement.slug}/people/").content.decode()
    assert (
        '<bdi dir="auto">Jane Doe</bdi>, <bdi class="affiliation" dir="auto">ver.di Berlin'
        '</bdi>, <bdi class="country" dir="auto">Iran</bdi>'
    ) in english
