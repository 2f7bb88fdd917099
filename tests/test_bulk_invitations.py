"""Carol invites fifty organizations from one CSV file: a preview names the broken rows, the
rest go out in one transaction, each mail in its recipient's language."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext

from undersigned.coalitions import bulk
from undersigned.coalitions.models import Invitation, Organization
from undersigned.core.errors import ActionError
from undersigned.signing.reminders import plan_reminders, send_reminders

LANGUAGES = ("de", "fa", "en")
SUBJECT = "%(coalition_abbreviation)s invites %(organization)s to sign its statements"


def fifty_with_three_broken() -> tuple[str, dict[str, str]]:
    """A CSV list: a header, 50 good rows (the MLPD, Rode Morgen and 48 new organizations, in
    German, Persian and English) and three broken rows; and the language of each address."""
    lines = ["organization;email;language;name"]
    languages = {}
    names = ["MLPD", "rode morgen"] + [f"Workers' Union {n}" for n in range(48)]
    for n, name in enumerate(names):
        language = LANGUAGES[n % 3]
        email = f"delegate{n}@example.org"
        languages[email] = language
        lines.append(f"{name};{email};{language.upper()};Person {n}")
        if n == 9:
            lines.append("Broken Party;not-an-address;de;")  # line 12
        if n == 19:
            lines.append("Klingon League;klingon@example.org;tlh;")  # line 23
        if n == 29:
            lines.append("Again;delegate3@example.org;en;")  # line 34: same as line 5
    return "\n".join(lines) + "\n", languages


def test_carol_invites_fifty_organizations_from_a_csv_with_a_persian_interface(
    client, carol, icor, mlpd, rode_morgen, smtp_server, run_tasks
):
    text, languages = fifty_with_three_broken()
    client.force_login(carol)
    upload = io.BytesIO(("\ufeff" + text).encode())  # as spreadsheets save "CSV UTF-8"
    upload.name = "invitations.csv"
    preview = client.post("/fa/c/icor/invite/list/", {"file": upload, "preview": "1"})
    assert preview.status_code == 200
    page = preview.content.decode()
    preview_rows = preview.context["preview"]
    assert [row.line for row in preview_rows.broken] == [12, 23, 34]
    assert "tlh" in preview_rows.broken[1].problem
    assert "5" in preview_rows.broken[2].problem
    assert [row.organization for row in preview_rows.known] == [mlpd, rode_morgen]
    assert len(preview_rows.new) == 48
    assert 'id="broken-rows"' in page
    assert not Invitation.objects.exists()  # a preview sends nothing
    run_tasks()
    assert smtp_server.messages == []

    sent = client.post(
        "/fa/c/icor/invite/list/",
        {
            "rows": preview.context["text"],
            "fingerprint": preview.context["fingerprint"],
            "send": "1",
        },
    )
    assert sent.status_code == 302
    assert Invitation.objects.count() == 50
    assert Organization.objects.filter(coalitions=icor).count() == 50
    run_tasks()
    assert sorted(str(m["To"]) for m in smtp_server.messages) == sorted(languages)
    for message in smtp_server.messages:
        invitation = Invitation.objects.get(email=str(message["To"]))
        language = languages[invitation.email]
        assert invitation.language == language
        with translation.override(language):
            expected = gettext(SUBJECT) % {
                "coalition_abbreviation": "ICOR",
                "organization": str(invitation.organization),
            }
        assert " ".join(message["Subject"].split()) == expected
    german = next(m for m in smtp_server.messages if str(m["To"]) == "delegate0@example.org")
    assert german["Subject"].strip().startswith("ICOR: Einladung an")


def test_a_list_is_sent_only_as_it_was_previewed(carol, icor, mlpd):
    text = "MLPD,dave@example.org,de\nNew Party,x@example.org,en\n"
    previewed = bulk.read_list(text, icor).fingerprint
    with pytest.raises(ActionError):  # another list
        bulk.send_bulk_invitations(
            coalition=icor, text=text + "Other,y@example.org,en\n", user=carol, expected=previewed
        )
    # The same list, read differently now: "New Party" became a member meanwhile.
    icor.members.add(Organization.objects.create(name="New Party", country="FR"))
    with pytest.raises(ActionError):
        bulk.send_bulk_invitations(coalition=icor, text=text, user=carol, expected=previewed)
    assert not Invitation.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        "MLPD;dave@example.org;de;Müller\n".encode("latin-1"),  # not UTF-8
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # not text
        b"MLPD,dave@example.org,de\n" * 20000,  # too large
        b'MLPD,"dave@example.org,de\n',  # an open quote: not CSV
    ],
)
def test_a_file_that_is_not_a_csv_list_is_refused_as_a_whole(client, carol, icor, mlpd, data):
    client.force_login(carol)
    upload = io.BytesIO(data)
    upload.name = "list.csv"
    response = client.post("/c/icor/invite/list/", {"file": upload, "preview": "1"})
    assert response.status_code == 200
    assert "preview" not in response.context
    assert response.context["form"].non_field_errors()
    assert not Invitation.objects.exists()


def test_an_organization_outside_the_coalition_is_not_invited_by_name(carol, icor, cipoml):
    pce = Organization.objects.create(abbreviation="PCE", name="Partido Comunista", country="ES")
    cipoml.members.add(pce)
    preview = bulk.read_list("PCE,someone@example.org,es\n", icor)
    assert preview.broken and "not a member of ICOR" in preview.broken[0].problem


def test_only_coordinators_send_lists(dave, icor, mlpd):
    text = "MLPD,dave@example.org,de\n"
    with pytest.raises(PermissionDenied):
        bulk.send_bulk_invitations(
            coalition=icor, text=text, user=dave, expected=bulk.read_list(text, icor).fingerprint
        )


def test_after_the_list_three_accept_and_a_reminder_round_reaches_them_in_their_languages(
    client, carol, icor, mlpd, rode_morgen, open_statement, smtp_server, run_tasks
):
    text, __ = fifty_with_three_broken()
    bulk.send_bulk_invitations(
        coalition=icor, text=text, user=carol, expected=bulk.read_list(text, icor).fingerprint
    )
    run_tasks()
    assert len(smtp_server.messages) == 50
    for n in range(3):  # German, Persian, English: each opens the link from their mail
        address = f"delegate{n}@example.org"
        (mail,) = [m for m in smtp_server.messages if str(m["To"]) == address]
        body = mail.get_body(("plain",)).get_content()
        link = next(word for word in body.split() if "/invitation/" in word)
        password = "a long Passphrase 9"
        client.post(
            urlsplit(link).path,
            {"username": f"d{n}", "password1": password, "password2": password},
        )
        client.logout()
    run_tasks()
    smtp_server.messages.clear()

    plan = plan_reminders(open_statement, "sign")
    assert plan.mails == 3 and len(plan.unreachable) == 47
    send_reminders(statement=open_statement, kind="sign", user=carol, expected_mails=3)
    run_tasks()
    subjects = {str(m["To"]): " ".join(m["Subject"].split()) for m in smtp_server.messages}
    assert sorted(subjects) == [f"delegate{n}@example.org" for n in range(3)]
    assert subjects["delegate0@example.org"].startswith("Erinnerung:")
    assert subjects["delegate1@example.org"].startswith("یادآوری:")
    assert subjects["delegate2@example.org"].startswith("Reminder:")
