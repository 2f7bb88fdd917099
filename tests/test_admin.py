"""The admin shows domain rows and calls the domain actions; it never writes around them."""

import pytest
from django.urls import reverse

from undersigned.audit.models import Event
from undersigned.audit.services import verify_chain
from undersigned.coalitions.models import Coalition, Organization
from undersigned.endorsements.models import Endorsement
from undersigned.signing.actions import sign_statement
from undersigned.signing.models import Signature


@pytest.fixture
def signed(open_statement, dave, mlpd):
    sign_statement(statement=open_statement, organization=mlpd, user=dave, version=1)
    return open_statement


@pytest.mark.parametrize(
    "name, row",
    [
        ("statements_text", lambda s: s.current_text()),
        ("statements_statement", lambda s: s),
        ("signing_signature", lambda s: Signature.objects.get()),
    ],
)
def test_the_admin_cannot_rewrite_a_signed_text_or_its_signatures(admin_client, signed, name, row):
    obj = row(signed)
    change = reverse(f"admin:{name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200  # it may look
    response = admin_client.post(change, {"title": "Rewritten", "body": "Other words."})
    assert response.status_code == 403
    assert admin_client.post(reverse(f"admin:{name}_delete", args=[obj.pk])).status_code == 403
    assert admin_client.get(reverse(f"admin:{name}_add")).status_code == 403
    signed.refresh_from_db()
    assert signed.current_text().body.startswith("The dockers' strike")
    assert Signature.objects.count() == 1


def test_the_admin_cannot_change_an_endorsements_address(admin_client, open_statement):
    endorsement = Endorsement.objects.create(
        statement=open_statement,
        name="Ana",
        email="ana@example.org",
        email_canonical="ana@example.org",
    )
    change = reverse("admin:endorsements_endorsement_change", args=[endorsement.pk])
    assert admin_client.post(change, {"email": "x@example.org"}).status_code == 403
    endorsement.refresh_from_db()
    assert endorsement.email == "ana@example.org"


def test_coalitions_and_organizations_are_saved_through_an_audited_action(admin_client, mlpd):
    response = admin_client.post(
        reverse("admin:coalitions_coalition_add"),
        {
            "abbreviation": "NET",
            "name": "A network",
            "slug": "net",
            "description": "",
            "website": "",
            "membership_set-TOTAL_FORMS": "0",
            "membership_set-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Coalition.objects.filter(abbreviation="NET").exists()
    event = Event.objects.get(kind=Event.Kind.COALITION_SAVED)
    assert event.details == {"coalition": "NET", "created": True}
    assert verify_chain().ok
    delete = reverse("admin:coalitions_organization_delete", args=[mlpd.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Organization.objects.filter(pk=mlpd.pk).exists()
