"""Organizations in search: found by the database (accents and case folded, by name, English
name, abbreviation or the country's name in the reader's language), and the statements they
signed found through them."""

from django.db.models.signals import post_init
from django.utils import translation

from undersigned.coalitions.models import Organization
from undersigned.search.selectors import search_organizations
from undersigned.signing.actions import withdraw_signature


def _found(client, query: str) -> str:
    return client.get("/search/", {"q": query}).content.decode()


def test_a_search_for_a_signatory_finds_the_statements_it_signed(client, resolution):
    html = _found(client, "MLPD")
    assert "Marxistisch-Leninistische Partei Deutschlands" in html  # the organization
    assert resolution.current_text().title in html  # and the resolution it signed
    assert "Signed by \u2068MLPD" in html


def test_a_withdrawn_signature_finds_nothing(client, resolution, alice):
    mlpd = Organization.objects.get(abbreviation="MLPD")
    withdraw_signature(
        statement=resolution, organization=mlpd, user=alice, reason="Our congress decided."
    )
    assert resolution.current_text().title not in _found(client, "MLPD")


def test_organizations_are_found_by_the_database_not_read_one_by_one(db):
    Organization.objects.bulk_create(
        Organization(name=f"Gewerkschaft {i}", slug=f"g-{i}", country="DE") for i in range(40)
    )
    Organization.objects.create(name="Sindicato dos Estivadores", slug="se", country="PT")
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(count, sender=Organization)
    try:
        found = search_organizations("estivadores", 10)
    finally:
        post_init.disconnect(count, sender=Organization)
    assert [o.name for o in found] == ["Sindicato dos Estivadores"]
    assert len(loaded) == 1


def test_accents_case_and_every_word_count_as_before(db):
    Organization.objects.create(
        abbreviation="PCPCI", name="Parti Communiste Prolétarien", slug="pcpci", country="CI"
    )
    Organization.objects.create(
        abbreviation="UPC", name="Union des Populations", slug="upc", country="DE"
    )
    assert [o.abbreviation for o in search_organizations("PROLETARIEN", 10)] == ["PCPCI"]
    assert [o.abbreviation for o in search_organizations("prol cote", 10)] == ["PCPCI"]
    assert search_organizations("prol union", 10) == []
    assert search_organizations("deutschland", 10) == []
    with translation.override("de"):  # the country's name in the reader's language
        assert [o.abbreviation for o in search_organizations("deutschland", 10)] == ["UPC"]


def test_a_renamed_organization_is_found_by_its_new_name(db):
    organization = Organization.objects.create(name="Old Name", slug="o")
    organization.name = "Hafenarbeiter Union"
    organization.save()
    assert search_organizations("hafen", 10) == [organization]
    assert search_organizations("old", 10) == []
