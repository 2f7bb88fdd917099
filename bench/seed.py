"""Fill the configured database for the benchmark: the demo, then N confirmed, listed
endorsements and 500 organization signatures on the ICOR resolution.

Run with the environment of the server to benchmark (UNDERSIGNED_VAR_DIR, DATABASE_URL):
    python -m bench.seed --rows 1000000

Endorsements go in by raw SQL, not the ORM: executemany in one transaction on SQLite, COPY on
PostgreSQL. Columns Django fills by default (and any added later) get their model defaults, so the
rows look like ones the site wrote.
"""

import argparse
import datetime as dt
import os
import random
import sys
import time
from collections.abc import Iterator

FIRST = [
    ("Anna", "anna"),
    ("José", "jose"),
    ("Mehmet", "mehmet"),
    ("Ngozi", "ngozi"),
    ("Sofía", "sofia"),
    ("Thandiwe", "thandiwe"),
    ("Li", "li"),
    ("Priya", "priya"),
    ("Jean-Pierre", "jeanpierre"),
    ("Olga", "olga"),
    ("Kwame", "kwame"),
    ("Fatima", "fatima"),
    ("Lukas", "lukas"),
    ("Aiko", "aiko"),
    ("Carlos", "carlos"),
    ("Amara", "amara"),
    ("Dmitri", "dmitri"),
    ("Leila", "leila"),
    ("Tomás", "tomas"),
    ("Ingrid", "ingrid"),
    ("Rahul", "rahul"),
    ("Chen", "chen"),
    ("Zeynep", "zeynep"),
    ("Joan", "joan"),
    ("Hannah", "hannah"),
    ("Mariam", "mariam"),
    ("Pedro", "pedro"),
    ("Ana", "ana"),
    ("Björn", "bjorn"),
    ("Nomvula", "nomvula"),
    ("Arjun", "arjun"),
    ("Elif", "elif"),
]
LAST = [
    ("Müller", "muller"),
    ("García", "garcia"),
    ("Yılmaz", "yilmaz"),
    ("Okafor", "okafor"),
    ("Nguyễn", "nguyen"),
    ("Dlamini", "dlamini"),
    ("Wang", "wang"),
    ("Sharma", "sharma"),
    ("Dubois", "dubois"),
    ("Ivanova", "ivanova"),
    ("Mensah", "mensah"),
    ("Haddad", "haddad"),
    ("Schmidt", "schmidt"),
    ("Tanaka", "tanaka"),
    ("Rodríguez", "rodriguez"),
    ("Diallo", "diallo"),
    ("Petrov", "petrov"),
    ("Ahmadi", "ahmadi"),
    ("Silva", "silva"),
    ("Johansson", "johansson"),
    ("Kumar", "kumar"),
    ("Zhang", "zhang"),
    ("Demir", "demir"),
    ("O'Brien", "obrien"),
    ("Kowalski", "kowalski"),
    ("Hosseini", "hosseini"),
    ("Santos", "santos"),
    ("Costa", "costa"),
    ("Lindqvist", "lindqvist"),
    ("Ndlovu", "ndlovu"),
    ("Patel", "patel"),
    ("Kaya", "kaya"),
]
AFFILIATIONS = [
    "",
    "",
    "",
    "Teachers' Union",
    "University of Cape Town",
    "IG Metall",
    "Women's Association",
    "Student Council",
    "Dockers' Union",
    "Health Workers",
]
DOMAINS = ["example.org", "example.net", "mail.example.com", "post.example.de", "example.in"]
DAYS = 60
BATCH = 50_000


def progress(message: str) -> None:
    print(f"  seed: {message}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="endorsements to add")
    parser.add_argument("--organizations", type=int, default=500)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.monotonic()
    call_command("demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    progress(f"demo loaded in {time.monotonic() - started:.1f} s")
    statement = _icor()
    _organizations(statement, args.organizations)
    progress(f"{args.organizations} organizations and signatures added")

    t = time.monotonic()
    if connection.vendor == "postgresql":
        _copy_postgresql(statement.pk, args.rows)
    else:
        _insert_sqlite(statement.pk, args.rows)
    progress(f"{args.rows:,} endorsements in {time.monotonic() - t:.1f} s")
    t = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    progress(f"ANALYZE in {time.monotonic() - t:.1f} s; total {time.monotonic() - started:.1f} s")


def _icor():
    """The demo's ICOR resolution: the first of the coalition's statements (bench/desk.py adds
    fifty more before bench/fill.py runs; durability.icor_statement picks the same one)."""
    from undersigned.statements.models import Statement

    return Statement.objects.filter(coalition__abbreviation="ICOR").order_by("id").first()


def _organizations(statement, count: int) -> None:
    """Organizations with a signature each; few enough for the ORM."""
    from django.utils import timezone

    from undersigned.coalitions.models import Organization
    from undersigned.signing.models import Method, Signature

    countries = _countries()
    now = timezone.now()
    organizations = Organization.objects.bulk_create(
        Organization(
            abbreviation=f"BO{i}",
            name=f"Bench Organization {i}",
            name_en=f"Bench Organization {i}",
            country=countries[i % len(countries)],
            slug=f"bench-organization-{i}",
        )
        for i in range(count)
    )
    text = statement.current_text()
    Signature.objects.bulk_create(
        Signature(
            statement=statement,
            organization=org,
            text=text,
            method=Method.RECORDED,
            signed_at=now - dt.timedelta(minutes=count - i),
        )
        for i, org in enumerate(organizations)
    )


def _countries() -> list[str]:
    from django_countries import countries

    codes = sorted(code for code, _name in countries)
    return codes[:: max(1, len(codes) // 100)][:100]  # ~100 countries, spread over the alphabet


def _endorsement_columns(explicit: set[str]) -> tuple[list[str], list]:
    """The other columns of the table and their model defaults, ready for the database."""
    from django.db import connection

    from undersigned.endorsements.models import Endorsement

    names, values = [], []
    for field in Endorsement._meta.concrete_fields:
        if field.primary_key or field.column in explicit:
            continue
        names.append(field.column)
        values.append(field.get_db_prep_save(field.get_default(), connection))
    return names, values


EXPLICIT = [
    "statement_id",
    "name",
    "email",
    "email_canonical",
    "country",
    "affiliation",
    "listed",
    "source",
    "hidden",
    "created_at",
    "confirmed_at",
]


def _people(statement_id: int, rows: int, as_time, offset: int = 0) -> Iterator[tuple]:
    """Endorsements in signing order over the last DAYS days; emails distinct by their number
    (offset: the first number, for rows added to a seeded database)."""
    rng = random.Random(20210915 + offset)
    countries = _countries()
    start = time.time() - DAYS * 86400
    step = DAYS * 86400 / rows
    for i in range(rows):
        first, first_ascii = rng.choice(FIRST)
        last, last_ascii = rng.choice(LAST)
        email = f"{first_ascii}.{last_ascii}.{i + offset}@{DOMAINS[i % len(DOMAINS)]}"
        created = start + i * step
        yield (
            statement_id,
            f"{first} {last}",
            email,
            email,
            countries[int(rng.paretovariate(1.2)) % len(countries)],  # a few countries dominate
            rng.choice(AFFILIATIONS),
            True,
            "web",
            False,
            as_time(created),
            as_time(created + rng.randint(30, 7200)),
        )


def _insert_sqlite(statement_id: int, rows: int, offset: int = 0) -> None:
    from django.db import connection

    other, defaults = _endorsement_columns(set(EXPLICIT))
    columns = EXPLICIT + other
    sql = (
        f"INSERT INTO endorsements_endorsement ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    tail = tuple(defaults)

    def as_time(seconds: float) -> str:  # what Django stores: naive UTC
        return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None).isoformat(" ")

    connection.ensure_connection()
    raw = connection.connection  # the sqlite3 connection, past Django's per-query bookkeeping
    # Only while seeding: no fsync, a big page cache. Per connection; the server never sees them.
    raw.execute("PRAGMA synchronous=OFF")
    raw.execute("PRAGMA cache_size=-1000000")
    raw.execute("PRAGMA temp_store=MEMORY")
    raw.execute("BEGIN")
    batch = []
    for done, person in enumerate(_people(statement_id, rows, as_time, offset), 1):
        batch.append(person + tail)
        if len(batch) == BATCH or done == rows:
            raw.executemany(sql, batch)
            batch.clear()
            if done % 200_000 == 0 or done == rows:
                progress(f"{done:,}/{rows:,}")
    raw.execute("COMMIT")
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # leave no 100 MB WAL behind for the server


def _copy_postgresql(statement_id: int, rows: int, offset: int = 0) -> None:
    from django.db import connection, transaction

    other, defaults = _endorsement_columns(set(EXPLICIT))
    columns = EXPLICIT + other
    # COPY's text format; our generated values hold no tab, newline or backslash.
    tail = "".join("\t" + _copy_text(v) for v in defaults)

    def as_time(seconds: float) -> str:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(" ")

    with transaction.atomic(), connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor
        with raw.copy(f"COPY endorsements_endorsement ({', '.join(columns)}) FROM STDIN") as copy:
            lines = []
            for done, person in enumerate(_people(statement_id, rows, as_time, offset), 1):
                lines.append("\t".join(_copy_text(v) for v in person) + tail + "\n")
                if len(lines) == BATCH or done == rows:
                    copy.write("".join(lines))
                    lines.clear()
                    if done % 200_000 == 0 or done == rows:
                        progress(f"{done:,}/{rows:,}")
        # COPY bypasses sequences only if ids are given; they are not, so nothing to reset.


def _copy_text(value) -> str:
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    return str(value)


if __name__ == "__main__":
    sys.exit(main())
