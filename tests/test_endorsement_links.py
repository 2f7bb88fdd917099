"""What counts as a link in a person's name or affiliation: a scheme, "www.", a host with a
path or a host under a top-level domain. Organizations with a dot in their name sign."""

import pytest

from undersigned.endorsements.forms import EndorseForm
from undersigned.endorsements.models import Endorsement

from .test_endorsements import PERSON, endorse

NAME_MESSAGE = "Please leave links out; give only your name."
AFFILIATION_MESSAGE = "Please leave links out; give only the name of your organization."


@pytest.mark.parametrize(
    "affiliation",
    ["ver.di Berlin", "St.Pauli Fanclub", "M.Sc, University of Tehran", "Dr.med. Praxis Co.Ltd"],
)
def test_affiliations_with_dots_that_are_not_links_pass(db, affiliation):
    form = EndorseForm({**PERSON, "affiliation": affiliation})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["affiliation"] == affiliation


@pytest.mark.parametrize(
    "link",
    [
        "https://spam.example",
        "ftp://files.example",
        "see www.pills",
        "bit.ly/x",
        "shop.example/buy",
        "Visit evil.de",
        "pills.ru",
        "cheap.COM",
        "evil。com",
        "news.blog.xyz",
    ],
)
def test_links_are_refused_with_the_message_of_their_own_field(db, link):
    form = EndorseForm({**PERSON, "affiliation": link})
    assert not form.is_valid()
    assert form.errors == {"affiliation": [AFFILIATION_MESSAGE]}
    form = EndorseForm({**PERSON, "name": f"Ana {link}"})
    assert not form.is_valid()
    assert form.errors == {"name": [NAME_MESSAGE]}


def test_a_verdi_member_signs_on_the_page(client, open_statement):
    response = endorse(client, open_statement, affiliation="ver.di Berlin")
    assert response.status_code == 201, response.content.decode()
    assert Endorsement.objects.get().affiliation == "ver.di Berlin"
