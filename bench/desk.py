"""The coordinators' desk at the issue's size, and what the sign-on POST needs (issue 23, 5).

Run after bench/seed.py, with the environment of the server to benchmark:
    python -m bench.desk --json out.json [--members 500] [--statements 50]

ICOR gets --members member organizations (the seed's 500 signatories, more if needed) and
--statements statements in all, opened through the real actions (create_statement,
change_state), which write their logs and audit events. Their signatures (four in five members
on each, so that the desk lists a fifth as missing) and one confirmed sign-on request per
statement go in by bulk_create, as bench/seed.py adds its signatures: through the actions
they would take minutes and measure nothing the benchmark is about. Writes, as JSON, the desk's
address, a logged-in coordinator's session cookie and the statement that takes sign-ons.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path


def say(message: str) -> None:
    print(f"  desk: {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", required=True)
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--statements", type=int, default=50)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from undersigned.coalitions.models import Coalition
    from undersigned.statements.models import Statement

    started = time.monotonic()
    icor = Coalition.objects.get(abbreviation="ICOR")
    coordinator = get_user_model().objects.get(username="coordinator")
    members = _members(icor, args.members)
    sign_on = (
        Statement.objects.filter(coalition=icor, state="open", accepts_sign_ons=True)
        .order_by("pk")
        .first()
    )
    _statements(icor, coordinator, members, args.statements)
    _requests(icor)
    found = {
        "desk": f"/c/{icor.slug}/desk/",
        "cookie": _session_cookie(coordinator),
        "sign_on_slug": sign_on.slug,
        "sign_on_version": sign_on.current_text().version,
        "members": icor.members.count(),
        "statements": Statement.objects.filter(coalition=icor).count(),
    }
    Path(args.json).write_text(json.dumps(found, indent=2) + "\n")
    say(
        f"{found['members']} members, {found['statements']} statements in "
        f"{time.monotonic() - started:.1f} s"
    )
    return 0


def _members(icor, count: int) -> list:
    """ICOR's members up to `count` in all: the demo's, then the seed's organizations."""
    from undersigned.coalitions.models import Membership, Organization

    count = max(0, count - icor.members.count())
    have = list(Organization.objects.filter(slug__startswith="bench-organization-")[:count])
    have += Organization.objects.bulk_create(
        Organization(
            abbreviation=f"BM{i}",
            name=f"Bench Member {i}",
            name_en=f"Bench Member {i}",
            country="DE",
            slug=f"bench-member-{i}",
        )
        for i in range(count - len(have))
    )
    Membership.objects.bulk_create(
        (Membership(coalition=icor, organization=o) for o in have), ignore_conflicts=True
    )
    return list(icor.members.all())


def _statements(icor, coordinator, members: list, count: int) -> None:
    from django.utils import timezone

    from undersigned.signing.models import Method, Signature
    from undersigned.statements.actions import change_state, create_statement
    from undersigned.statements.models import State, Statement

    now = timezone.now()
    for number in range(Statement.objects.filter(coalition=icor).count(), count):
        statement = create_statement(
            user=coordinator,
            coalition=icor,
            kind="statement",
            issuer="ICOR",
            language="en",
            title=f"Bench resolution {number}",
            subtitle="",
            body=f"Resolution number {number} of the benchmark.\n\nWe call for solidarity.",
            accepts_sign_ons=True,
        )
        statement = change_state(statement=statement, user=coordinator, state=State.OPEN)
        text = statement.current_text()
        Signature.objects.bulk_create(
            Signature(
                statement=statement,
                organization=o,
                text=text,
                method=Method.RECORDED,
                signed_at=now,
            )
            for i, o in enumerate(members)
            if (i + number) % 5
        )


def _requests(icor) -> None:
    """One confirmed request per statement: what waits for the coordinators' decision."""
    from django.utils import timezone

    from undersigned.collection.models import SignOnRequest
    from undersigned.statements.models import Statement

    now = timezone.now()
    waiting = set(
        SignOnRequest.objects.filter(statement__coalition=icor).values_list("statement", flat=True)
    )
    SignOnRequest.objects.bulk_create(
        SignOnRequest(
            statement=statement,
            text=statement.current_text(),
            org_name=f"Bench Applicant {statement.pk}",
            org_country="FR",
            person_name="A. Person",
            email=f"applicant{statement.pk}@example.org",
            email_key=f"applicant{statement.pk}@example.org",
            language="en",
            listed=True,
            state=SignOnRequest.State.CONFIRMED,
            confirmed_at=now,
        )
        for statement in Statement.objects.filter(coalition=icor, state="open").exclude(
            pk__in=waiting
        )
    )


def _session_cookie(user) -> str:
    """A logged-in session as the site's own log-in makes one, for wrk's Cookie header."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


if __name__ == "__main__":
    sys.exit(main())
