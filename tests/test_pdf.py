"""The statement as a PDF: read back with pypdf, as a journalist's PDF reader would show it."""

import io
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from undersigned.signing.actions import withdraw_signature
from undersigned.signing.selectors import signatory_list

DEMO = Path(__file__).resolve().parents[1] / "src" / "undersigned" / "demo"


def _words(text: str) -> str:
    """Letters and digits only: line breaks, columns and the visual order of punctuation in
    right-to-left lines are the PDF's business; Arabic presentation forms fold back (NFKC)."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


def _pdf(response) -> PdfReader:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def _text(reader: PdfReader) -> str:
    return _words("".join(page.extract_text() for page in reader.pages))


def _assert_in_order(haystack: str, needles: list[str]) -> None:
    position = 0
    for needle in needles:
        found = haystack.find(_words(needle), position)
        assert found >= 0, f"{needle!r} missing or out of order"
        position = found + 1


def test_it_has_the_title_and_all_34_signatories_in_order(made, resolution):
    reader = _pdf(made(f"/s/{resolution.slug}/export.pdf"))
    text = _text(reader)
    entries = signatory_list(resolution).entries
    assert len(entries) == 34
    _assert_in_order(
        text,
        [
            "No to any imperialist or expansionist intervention!",
            "Signatories (as of 15 September 2021)",
            *[f"{e.number}. {e.organization.abbreviation} {e.organization.name}" for e in entries],
        ],
    )
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4


@pytest.fixture
def translated(resolution):
    """The resolution with the Persian translation the demo ships."""
    path = DEMO / "icor-afghanistan-2021.fa.txt"
    call_command("import", str(path), translation_of=resolution.slug, language="fa")
    return resolution


def test_the_persian_pdf_reads_right_to_left_with_persian_digits(made, translated, tmp_path):
    # pypdf gives the digits of a right-to-left line in visual order (۴۳ for 34); poppler's
    # pdftotext puts them back in reading order, as a PDF reader's search does.
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: .ci/run installs poppler-utils")
        pytest.skip("pdftotext not found: apt-get install poppler-utils")
    resolution = translated
    response = made(f"/s/{resolution.slug}/export.pdf?language=fa")
    _pdf(response)
    path = tmp_path / "fa.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub("[\u202a-\u202e]", "", text)  # the bidi embeddings pdftotext adds
    assert _words(resolution.current_text("fa").title) in _words(text)
    assert "امضاکنندگان (تا" in text
    assert "۱۵" in text and "۲۰۲۱" in text and "سپتامبر" in text  # 15 September 2021
    assert "۳۴" in text and "سازمان" in text
    for entry in signatory_list(resolution).entries:
        assert _words(entry.organization.abbreviation) in _words(text)
        assert re.search(rf"(?<![۰-۹]){local_number_fa(entry.number)}(?![۰-۹])", text)


def local_number_fa(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def test_letter_paper_on_request(made, resolution):
    reader = _pdf(made(f"/s/{resolution.slug}/export.pdf?size=letter"))
    assert reader.pages[0].mediabox.width == pytest.approx(612, abs=1)


def test_a_withdrawal_changes_the_pdf_at_once(made, resolution, alice):
    url = f"/s/{resolution.slug}/export.pdf"
    assert "34organizations" in _text(_pdf(made(url)))
    first = signatory_list(resolution).entries[0].organization
    withdraw_signature(
        statement=resolution,
        organization=first,
        user=alice,
        reason="Our congress decided otherwise.",
    )
    resolution.refresh_from_db()
    text = _text(_pdf(made(url)))
    assert "33organizations" in text


def test_a_drafts_pdf_is_not_found(client, draft):
    # Unknown languages and sizes: tests/test_circulation_refusals.py.
    assert client.get(f"/s/{draft.slug}/export.pdf").status_code == 404


def test_cyrillic_and_turkish_letters_come_through(made, resolution, tmp_path):
    cyrillic = tmp_path / "ru.txt"
    cyrillic.write_text("Резолюция\n\nНет интервенции! Ğüşİıöç\n\nТекст.\n", "utf-8")
    call_command("import", str(cyrillic), translation_of=resolution.slug, language="ru")
    text = _text(_pdf(made(f"/s/{resolution.slug}/export.pdf?language=ru")))
    assert _words("Нет интервенции! Ğüşİıöç") in text
    assert _words("Türkiye Komünist Partisi") in text


def test_the_page_links_the_pdf(client, translated):
    resolution = translated
    page = client.get(f"/fa/s/{resolution.slug}/").content.decode()
    assert f'href="/fa/s/{resolution.slug}/export.pdf?language=fa"' in page


def test_the_command_writes_a_pdf(resolution, tmp_path):
    path = tmp_path / "icor.pdf"
    call_command("export", resolution.slug, fmt="pdf", output=str(path), page_size="letter")
    reader = PdfReader(path)
    fonts = [
        font.get_object()["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()
    ]
    assert any("Noto-Serif" in font for font in fonts), fonts
    assert reader.pages[0].mediabox.width == pytest.approx(612, abs=1)
    with pytest.raises(CommandError):
        call_command("export", resolution.slug, fmt="pdf")


def test_a_long_list_is_one_run_of_text_per_signatory_and_every_name_comes_through(
    resolution, monkeypatch, tmp_path
):
    # Above pdf.COMPACT_ABOVE the list is laid out for speed (BENCHMARKS.md, the PDF): one
    # column, no table, and each entry a block with no element inside it (WeasyPrint shapes,
    # breaks and draws each inline element apart: a bold abbreviation cost a third of the time).
    if not shutil.which("pdftotext"):
        if os.environ.get("CI"):
            pytest.fail("pdftotext is missing: .ci/run installs poppler-utils")
        pytest.skip("pdftotext not found: apt-get install poppler-utils")
    from undersigned.circulation import pdf
    from undersigned.coalitions.models import Organization

    monkeypatch.setattr(pdf, "COMPACT_ABOVE", 10)
    entries = signatory_list(resolution).entries
    # A name written right to left, in a list that runs left to right.
    persian = "حزب کارگران ایران"
    Organization.objects.filter(pk=entries[1].organization.pk).update(name=persian)
    entries = signatory_list(resolution).entries
    html = pdf.pdf_html(resolution, "en")
    assert '<body class="compact">' in html and "<table" not in html
    items = re.findall(r"<li>(.*?)</li>", html, re.S)
    assert len(items) == 34 and not any("<" in item for item in items)
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf.render_pdf(resolution, "en"))
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = re.sub("[\u202a-\u202e\u2066-\u2069]", "", text)  # bidi marks pdftotext adds
    _assert_in_order(
        _words(text),
        [f"{e.number}. {e.organization.abbreviation}" for e in entries],
    )
    for entry in entries:
        organization = entry.organization
        assert _words(f"{organization.name}") in _words(text), organization.name
        if organization.country:
            assert _words(organization.country.name) in _words(text)
    assert persian in text  # its words in reading order, not reversed
