"""Organizations ask to sign on the statement page; the coordinators decide on their desk."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from undersigned.accounts.languages import language_of
from undersigned.audit.models import Event
from undersigned.coalitions.models import Delegate, Membership, Organization
from undersigned.collection import actions
from undersigned.collection.models import SignOnRequest
from undersigned.core.errors import ActionError
from undersigned.signing.models import Method, Signature
from undersigned.statements.actions import change_state, edit_text, update_details
from undersigned.statements.models import State

State_ = SignOnRequest.State


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def accepting(open_statement, carol):
    update_details(
        statement=open_statement,
        user=carol,
        kind=open_statement.kind,
        issuer=open_statement.issuer,
        deadline=None,
        accepts_sign_ons=True,
    )
    open_statement.refresh_from_db()
    return open_statement


def picture(fmt: str = "PNG", size=(64, 32)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt)
    return out.getvalue()


def ask(client, statement, *, files=None, **fields):
    data = {
        "known": "",
        "org_name": "Partido Comunista Revolucionario",
        "org_abbreviation": "PCR",
        "org_name_en": "Revolutionary Communist Party",
        "org_country": "AR",
        "org_website": "https://pcr.example.org",
        "person_name": "Ana Díaz",
        "person_role": "International secretary",
        "email": "ana@pcr.example.org",
        "language": "es",
        "listed": "on",
        "version": statement.current_text().version,
        "website": "",
        **fields,
    }
    return client.post(reverse("sign-on", args=[statement.slug]), {**data, **(files or {})})


def confirm_link(message) -> str:
    body = message.get_body(("plain",)).get_content()
    return re.search(r"http://testserver(/\S*/sign-on/confirm/\S+/)", body).group(1)


def test_it_refuses_a_statement_that_takes_no_requests(client, open_statement):
    response = ask(client, open_statement)
    assert response.status_code == 409
    assert "does not take requests from organizations" in response.content.decode()
    assert not SignOnRequest.objects.exists()


def test_it_refuses_a_closed_statement(client, accepting, carol):
    change_state(statement=accepting, user=carol, state=State.CLOSED)
    response = ask(client, accepting)
    assert response.status_code == 409
    assert not SignOnRequest.objects.exists()


def test_a_bot_filling_the_honeypot_stores_nothing(client, accepting):
    response = ask(client, accepting, website="http://spam.example")
    assert response.status_code == 201
    assert not SignOnRequest.objects.exists()


def test_a_post_from_another_site_is_refused(client, accepting):
    response = client.post(
        reverse("sign-on", args=[accepting.slug]),
        {"person_name": "x"},
        HTTP_SEC_FETCH_SITE="cross-site",
    )
    assert response.status_code == 403


def test_the_rate_limit_refuses_the_requests_of_one_network(client, accepting, settings):
    settings.SIGN_ON_LIMIT_PER_IP = 2
    assert ask(client, accepting, email="a@example.org").status_code == 201
    assert ask(client, accepting, email="b@example.org").status_code == 201
    response = ask(client, accepting, email="c@example.org")
    assert response.status_code == 429
    assert SignOnRequest.objects.count() == 2


def test_a_logo_that_is_not_png_or_jpeg_is_refused(client, accepting):
    gif = SimpleUploadedFile("logo.gif", picture("GIF"), content_type="image/png")
    response = ask(client, accepting, files={"logo": gif})
    assert response.status_code == 400
    assert "must be a PNG or JPEG" in response.content.decode()
    assert not SignOnRequest.objects.exists()


def test_a_logo_too_large_is_refused(client, accepting, settings):
    settings.SIGN_ON_LOGO_MAX_BYTES = 200
    png = SimpleUploadedFile("logo.png", picture("PNG", (300, 300)) + b"\0" * 300)
    response = ask(client, accepting, files={"logo": png})
    assert response.status_code == 400
    assert "too large" in response.content.decode()


def test_a_jpeg_logo_is_stored_re_encoded_as_png(client, accepting, settings):
    jpeg = SimpleUploadedFile("logo.jpg", picture("JPEG", (1200, 600)) + b"trailing bytes")
    assert ask(client, accepting, files={"logo": jpeg}).status_code == 201
    name = SignOnRequest.objects.get().logo
    stored = settings.MEDIA_ROOT / "logos" / name
    with Image.open(stored) as image:
        assert (image.format, image.size) == ("PNG", (512, 256))
    assert b"trailing bytes" not in stored.read_bytes()
    served = client.get(reverse("organization-logo", args=[name]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert client.get(reverse("organization-logo", args=["secret_key.png"])).status_code == 404


def test_the_request_is_confirmed_by_post_in_the_requesters_language(
    client, accepting, smtp_server, run_tasks
):
    assert ask(client, accepting, language="fa").status_code == 201
    run_tasks()
    (message,) = smtp_server.messages
    assert message["To"] == "ana@pcr.example.org"
    assert message["Subject"].strip().startswith("تأیید درخواست")
    link = confirm_link(message)
    assert link.startswith("/fa/")
    assert client.get(link).status_code == 200  # a mail scanner's GET confirms nothing
    sign_on = SignOnRequest.objects.get()
    assert sign_on.state == State_.REQUESTED
    client.post(link)
    sign_on.refresh_from_db()
    assert sign_on.state == State_.CONFIRMED and sign_on.confirmed_at
    assert Event.objects.filter(kind=Event.Kind.SIGN_ON_CONFIRMED).count() == 1
    assert not Signature.objects.filter(statement=accepting).exists()


def test_a_second_request_from_one_address_creates_nothing_and_says_so_by_mail(
    client, accepting, smtp_server, run_tasks
):
    first, second = ask(client, accepting), ask(client, accepting, org_name="Other")
    assert first.status_code == second.status_code == 201
    assert first.content.replace(b"Other", b"") == second.content.replace(b"Other", b"")
    assert SignOnRequest.objects.count() == 1
    run_tasks()
    assert "ha vuelto a solicitar" in smtp_server.messages[1].get_body(("plain",)).get_content()


def test_a_known_organization_that_signed_already_is_refused(client, accepting, mlpd, dave):
    from undersigned.signing.actions import sign_statement

    sign_statement(statement=accepting, organization=mlpd, user=dave, version=1)
    response = ask(client, accepting, known="MLPD")
    assert response.status_code == 409


def _confirmed(client, statement, **fields) -> SignOnRequest:
    assert ask(client, statement, **fields).status_code == 201
    sign_on = SignOnRequest.objects.order_by("-pk").first()
    actions.confirm_sign_on(token=actions.confirm_token(sign_on), user=None)
    sign_on.refresh_from_db()
    return sign_on


def test_only_the_coordinators_decide(client, accepting, bob, dave, smtp_server):
    sign_on = _confirmed(client, accepting)
    for user in (bob, dave):
        with pytest.raises(PermissionDenied):
            actions.approve_sign_on(sign_on=sign_on, user=user)
        with pytest.raises(PermissionDenied):
            actions.reject_sign_on(sign_on=sign_on, user=user, reason="no")
    client.force_login(dave)
    url = reverse("desk-decide", args=[accepting.coalition.slug, sign_on.pk])
    assert client.post(url, {"decision": "approve"}).status_code == 404
    assert client.get(reverse("desk", args=[accepting.coalition.slug])).status_code == 404
    sign_on.refresh_from_db()
    assert sign_on.state == State_.CONFIRMED


def test_an_unconfirmed_request_cannot_be_approved(client, accepting, carol):
    ask(client, accepting)
    with pytest.raises(ActionError, match="not confirmed"):
        actions.approve_sign_on(sign_on=SignOnRequest.objects.get(), user=carol)


def test_approving_a_new_organization_lists_it_and_makes_the_requester_its_delegate(
    client, accepting, carol, smtp_server, run_tasks
):
    sign_on = _confirmed(client, accepting, language="de")
    assert "PCR" not in client.get(accepting.get_absolute_url()).content.decode()
    actions.approve_sign_on(sign_on=sign_on, user=carol)
    organization = Organization.objects.get(abbreviation="PCR")
    signature = Signature.objects.get(statement=accepting, organization=organization)
    assert signature.method == Method.SIGN_ON and signature.text == sign_on.text
    assert Membership.objects.filter(coalition=accepting.coalition, organization=organization)
    account = get_user_model().objects.get(email="ana@pcr.example.org")
    assert not account.has_usable_password()
    assert Delegate.objects.filter(user=account, organization=organization).exists()
    assert language_of(account) == "de"  # their mail language: the one they asked in
    run_tasks()
    approved = smtp_server.messages[-1]
    assert approved["Subject"].strip().startswith("PCR Partido Comunista Revolucionario unterz")
    assert "/reset/" in approved.get_body(("plain",)).get_content()
    assert "PCR" in client.get(accepting.get_absolute_url()).content.decode()


def test_approving_a_known_organization_adds_no_delegate(client, accepting, carol, mlpd):
    sign_on = _confirmed(client, accepting, known="mlpd")
    actions.approve_sign_on(sign_on=sign_on, user=carol)
    assert Signature.objects.filter(statement=accepting, organization=mlpd).exists()
    assert not Delegate.objects.filter(organization=mlpd).exists()
    assert not get_user_model().objects.filter(email="ana@pcr.example.org").exists()


def test_the_signature_goes_to_the_version_the_requester_read(client, accepting, carol):
    sign_on = _confirmed(client, accepting)
    edit_text(statement=accepting, user=carol, title="New title", subtitle="", body="New words.")
    actions.approve_sign_on(sign_on=sign_on, user=carol)
    signature = Signature.objects.get(statement=accepting, method=Method.SIGN_ON)
    assert signature.text.version == 1


def test_a_rejection_says_why_in_the_requesters_language(
    client, accepting, carol, smtp_server, run_tasks
):
    sign_on = _confirmed(client, accepting, language="fr")
    with pytest.raises(ActionError):
        actions.reject_sign_on(sign_on=sign_on, user=carol, reason="  ")
    actions.reject_sign_on(sign_on=sign_on, user=carol, reason="Pas membre de la coalition.")
    sign_on.refresh_from_db()
    assert sign_on.state == State_.REJECTED
    run_tasks()
    rejected = smtp_server.messages[-1]
    assert rejected["Subject"].strip().startswith("Votre demande")
    assert "Pas membre de la coalition." in rejected.get_body(("plain",)).get_content()
    assert not Signature.objects.filter(statement=accepting).exists()
    with pytest.raises(ActionError, match="decided already"):
        actions.approve_sign_on(sign_on=sign_on, user=carol)


def test_merging_signs_for_the_known_organization_without_a_new_delegate(
    client, accepting, carol, rode_morgen
):
    sign_on = _confirmed(client, accepting, org_name="Rode Morgen (NL)")
    client.force_login(carol)
    url = reverse("desk-decide", args=[accepting.coalition.slug, sign_on.pk])
    client.post(url, {"decision": "merge", "organization": "RM"})
    sign_on.refresh_from_db()
    assert sign_on.state == State_.MERGED and sign_on.organization == rode_morgen
    assert Signature.objects.filter(statement=accepting, organization=rode_morgen).exists()
    assert not Organization.objects.filter(name="Rode Morgen (NL)").exists()
    assert not Delegate.objects.filter(organization=rode_morgen).exists()
    assert Event.objects.filter(kind=Event.Kind.SIGN_ON_MERGED).count() == 1


def test_the_switch_is_set_in_the_editor_and_audited(client, open_statement, carol):
    client.force_login(carol)
    text = open_statement.current_text()
    client.post(
        reverse("statement-edit", args=[open_statement.slug]),
        {
            "kind": open_statement.kind,
            "issuer": open_statement.issuer,
            "title": text.title,
            "subtitle": text.subtitle,
            "body": text.body,
            "accepts_endorsements": "on",
            "accepts_sign_ons": "on",
        },
    )
    open_statement.refresh_from_db()
    assert open_statement.accepts_sign_ons
    event = Event.objects.filter(kind=Event.Kind.STATEMENT_DETAILS_CHANGED).get()
    assert event.details == {"accepts_sign_ons": True}
    page = client.get(open_statement.get_absolute_url()).content.decode()
    assert 'id="sign-on"' in page


def test_the_logo_shows_on_the_list_where_the_coalition_chooses(client, accepting, carol):
    logo = SimpleUploadedFile("logo.png", picture("PNG"))
    sign_on = _confirmed(client, accepting, files={"logo": logo})
    actions.approve_sign_on(sign_on=sign_on, user=carol)
    src = reverse("organization-logo", args=[sign_on.logo])
    assert Organization.objects.get(abbreviation="PCR").logo == sign_on.logo
    assert src not in client.get(accepting.get_absolute_url()).content.decode()
    accepting.coalition.shows_logos = True
    accepting.coalition.save()
    accepting.touch()
    assert src in client.get(accepting.get_absolute_url()).content.decode()


def test_the_form_has_its_own_page_which_reads_right_to_left_in_persian(client, accepting):
    page = client.get(f"/fa/s/{accepting.slug}/sign-on/").content.decode()
    assert 'dir="rtl"' in page and 'id="sign-on"' in page
    assert "امضا از سوی سازمان شما" in page


def test_the_answer_is_rendered_once_for_everyone_not_logged_in(client, accepting):
    """As the endorse answer (core.fillin): a request's answer holds nothing of the requester,
    so a crowd of requests costs one rendering of the site template, not one each."""
    first = ask(client, accepting)
    second = ask(client, accepting, org_name="Another Party", email="bo@other.example.org")
    assert first.status_code == second.status_code == 201
    assert b"Check your mail" in first.content
    assert not second.templates and second.content == first.content
