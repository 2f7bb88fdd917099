from undersigned.coalitions.models import Organization


def test_the_home_page_lists_open_and_recent_statements(client, resolution, cipoml_statement):
    html = client.get("/").content.decode()
    assert resolution.get_absolute_url() in html
    assert cipoml_statement.get_absolute_url() in html
    assert "34 signatory organizations" in html
    assert html.index("Open for signatures") < html.index(resolution.get_absolute_url())


def test_the_organization_page_shows_its_statements(client, resolution):
    mlpd = Organization.objects.get(abbreviation="MLPD")
    html = client.get(mlpd.get_absolute_url()).content.decode()
    assert "Marxistisch-Leninistische Partei Deutschlands" in html
    assert "Marxist-Leninist Party of Germany" in html
    assert "Germany" in html and "Europe" in html
    assert resolution.get_absolute_url() in html
    assert "Signed on 15 September 2021" in html
    assert "ICOR" in html


def test_the_coalition_page_shows_members_and_statements(client, resolution, icor):
    html = client.get(icor.get_absolute_url()).content.decode()
    assert "34 member organizations" in html
    assert resolution.get_absolute_url() in html
    assert "Rode Morgen" in html


def test_the_organization_list_shows_everyone(client, resolution):
    html = client.get("/organizations/").content.decode()
    assert "34 organizations" in html


def test_search_finds_statements_and_organizations(client, resolution, cipoml_statement):
    html = client.get("/search/", {"q": "imperialist"}).content.decode()
    assert resolution.get_absolute_url() in html
    html = client.get("/search/", {"q": "rode morgen"}).content.decode()
    assert Organization.objects.get(abbreviation="RM").get_absolute_url() in html
    html = client.get("/search/", {"q": "nothing-matches-this"}).content.decode()
    assert "No statement matches." in html and "No organization matches." in html


def test_search_escapes_the_query(client, db):
    html = client.get("/search/", {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_a_closed_statement_without_signatories_has_no_empty_list(client, cipoml_statement):
    html = client.get(cipoml_statement.get_absolute_url()).content.decode()
    assert 'id="signatories-heading"' not in html
    assert "Coordination Committee" in html
    assert "0 signatory organizations" not in client.get("/").content.decode()


def test_a_missing_page_is_the_same_light_page_for_every_address(client):
    first = client.get("/wp-login.php?<script>")
    second = client.get("/.env")
    assert first.status_code == second.status_code == 404
    assert first.content == second.content, "one page per language, whatever was asked for"
    html = first.content.decode()
    assert "There is no page at this address" in html and "wp-login" not in html
    assert 'hreflang="' not in html, "a missing page has no versions in other languages"


def test_a_missing_page_speaks_the_visitors_language(client):
    html = client.get("/fa/no-such-page/").content.decode()
    assert 'dir="rtl"' in html and 'lang="fa"' in html
    assert "no-such-page" not in html


def test_a_missing_page_shows_a_logged_in_person_their_account(client, bob):
    client.force_login(bob)
    html = client.get("/no-such-page/").content.decode()
    assert "My account" in html and "Log out" in html
