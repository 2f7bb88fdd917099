"""Shared fixtures: the seeds, imported statements and named people (alice is staff, bob not)."""

import json
import os
from pathlib import Path

import hypothesis
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test.utils import override_settings
from django.utils import translation

from tests.dnsserver import dns_server  # noqa: F401 - fixture
from tests.mailserver import run_tasks, smtp_server  # noqa: F401 - fixtures
from undersigned.audit.actors import SYSTEM
from undersigned.coalitions.models import (
    Coalition,
    CoalitionRole,
    Delegate,
    Membership,
    Organization,
)
from undersigned.statements.actions import change_state, create_statement
from undersigned.statements.models import State, Statement
from undersigned.textformat import parse
from undersigned.transfer.importing import import_document, suggested_title

# Property tests (Hypothesis) try the same examples on every run: a rare input that breaks an
# invariant must not fail one CI run in twenty and pass the next, and nothing from a local
# example database replays elsewhere. A search for new ones is a run of its own, e.g.
# HYPOTHESIS_RANDOM=1 TEXTFORMAT_EXAMPLES=5000 pytest tests/textformat/test_properties.py
hypothesis.settings.register_profile("suite", derandomize=True, database=None)
if not os.environ.get("HYPOTHESIS_RANDOM"):
    hypothesis.settings.load_profile("suite")

# Every fixture user's password hashed with Argon2 was about 40 % of the suite's CPU time, as
# Django's docs warn. One test keeps the site's hashers (test_accounts.py); the rest use MD5.
# Enabled before any test runs, and through override_settings so that Django's cached list of
# hashers is cleared.
override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]).enable()
# The manifest storage of production needs collectstatic; tests serve from the finders. Set once
# for the whole run: set per test, a live server's request thread that was still answering the
# previous test's page could build the static storage in between, from production's settings.
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()

# The two seed statements (the demo's texts) and their expected structure, as in ../shared/seeds.
SEEDS = Path(__file__).resolve().parent / "seeds"


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text("utf-8")


def seed_expected(name: str) -> dict:
    return json.loads((SEEDS / f"{name}.expected.json").read_text("utf-8"))


@pytest.fixture(autouse=True)
def _site_url(settings):
    # The public address is the one Django's test client uses: absolute links in pages, feeds
    # and mail come from SITE_URL, never from the request's Host header.
    settings.SITE_URL = "http://testserver"


@pytest.fixture(autouse=True)
def _transparency_key(settings, tmp_path_factory):
    # One signing key for the whole run, outside var/.
    settings.TRANSPARENCY_KEY_FILE = tmp_path_factory.getbasetemp() / "transparency_ed25519.pem"
    settings.TRANSPARENCY_KEY_NAME = "testserver"


@pytest.fixture
def icor(db) -> Coalition:
    return Coalition.objects.create(
        abbreviation="ICOR",
        name="International Coordination of Revolutionary Parties and Organizations",
    )


@pytest.fixture
def cipoml(db) -> Coalition:
    return Coalition.objects.create(
        abbreviation="CIPOML",
        name="International Conference of Marxist-Leninist Parties and Organizations",
    )


@pytest.fixture
def resolution(icor) -> Statement:
    """The ICOR resolution with its 34 signatories, imported as the demo does: open, and its
    signatories made ICOR's members (an import alone makes no member)."""
    plan = import_document(
        parse(seed_text("icor-afghanistan-2021")), coalition=icor, state=State.OPEN, user=SYSTEM
    )
    for organization_id in plan.saved.signatures.values_list("organization_id", flat=True):
        Membership.objects.get_or_create(coalition=icor, organization_id=organization_id)
    return plan.saved


@pytest.fixture
def cipoml_statement(cipoml) -> Statement:
    document = parse(seed_text("cipoml-afghanistan-2021"))
    plan = import_document(
        document, coalition=cipoml, state=State.CLOSED, title=suggested_title(document), user=SYSTEM
    )
    return plan.saved


@pytest.fixture
def alice(db):
    """Alice runs the site: staff."""
    return get_user_model().objects.create_user(
        "alice", "alice@example.org", "correct horse battery", is_staff=True
    )


@pytest.fixture
def bob(db):
    """Bob has an account and nothing more."""
    return get_user_model().objects.create_user("bob", "bob@example.org", "correct horse battery")


@pytest.fixture(autouse=True)
def _english_first():
    # LocaleMiddleware activates the language of each request in this thread and leaves it; a
    # test starts in English whatever the test before it read.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The caches outlive a test; log-in throttling must not leak from one test to the next.
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def mlpd(icor) -> Organization:
    org = Organization.objects.create(
        abbreviation="MLPD",
        name="Marxistisch-Leninistische Partei Deutschlands",
        name_en="Marxist-Leninist Party of Germany",
        country="DE",
    )
    Membership.objects.create(coalition=icor, organization=org)
    return org


@pytest.fixture
def rode_morgen(icor) -> Organization:
    org = Organization.objects.create(
        abbreviation="RM", name="Rode Morgen", name_en="Red Dawn", country="NL"
    )
    Membership.objects.create(coalition=icor, organization=org)
    return org


@pytest.fixture
def carol(icor):
    """Carol coordinates ICOR."""
    user = get_user_model().objects.create_user(
        "carol", "carol@example.org", "correct horse battery"
    )
    CoalitionRole.objects.create(user=user, coalition=icor, kind=CoalitionRole.Kind.COORDINATOR)
    return user


@pytest.fixture
def dave(mlpd):
    """Dave signs for the MLPD."""
    user = get_user_model().objects.create_user("dave", "dave@example.org", "correct horse battery")
    Delegate.objects.create(user=user, organization=mlpd)
    return user


@pytest.fixture
def erin(rode_morgen):
    """Erin signs for Rode Morgen."""
    user = get_user_model().objects.create_user("erin", "erin@example.org", "correct horse battery")
    Delegate.objects.create(user=user, organization=rode_morgen)
    return user


@pytest.fixture
def draft(carol, icor) -> Statement:
    return create_statement(
        user=carol,
        coalition=icor,
        kind="statement",
        issuer="Coordination Committee",
        language="en",
        title="Solidarity with the dockers",
        subtitle="",
        body="The dockers' strike deserves our support.\n\nWe call for solidarity.",
    )


@pytest.fixture
def open_statement(draft, carol) -> Statement:
    return change_state(statement=draft, user=carol, state=State.OPEN)


@pytest.fixture
def made(client, run_tasks):  # noqa: F811 - the fixture, by name
    """GET a PDF's address as a reader would: "being prepared" until the worker has made it."""

    def get(url: str):
        assert client.get(url).status_code == 202
        run_tasks()
        return client.get(url)

    return get
