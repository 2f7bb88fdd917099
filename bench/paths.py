"""The new paths of issue 23, measured in one process on the database of UNDERSIGNED_VAR_DIR /
DATABASE_URL (bench/run.py gives each run a fresh one; it loads the demo first):

- appending a signature to a statement's transparency log of --log-entries entries, and the
  inclusion and consistency proofs the site serves for it (/s/SLUG/log/proof?index=N,
  /log/consistency?from=M, through Django's test client: the whole middleware stack);
- `undersigned verify` of an export whose list has --signatures organizations, each proved by
  its log entry (the command in-process; target under 1 s);
- the PDF of a statement with --signatories organizations, made as the task makes it, off the
  request path: time and the peak memory of the child that lays it out;
- the parse of a 5 MB signatory list (bench/parse_speed.py; target under 2 s).

The sign-on POST and the coordinators' desk are measured through the served site instead
(bench/run.py, with bench/desk.py's 500 members and 50 statements).

Run: python -m bench.paths --json out.json [--scale 0.01]
"""

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path


def timed(function, repeat: int) -> dict:
    """Median and worst of `repeat` calls, in milliseconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return {
        "median_ms": round(statistics.median(times), 2),
        "max_ms": round(max(times), 2),
        "runs": repeat,
    }


def say(message: str) -> None:
    print(f"  paths: {message}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", required=True, help="where to write the figures")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the sizes below")
    parser.add_argument("--log-entries", type=int, default=100_000)
    parser.add_argument("--signatures", type=int, default=10_000)
    parser.add_argument("--signatories", type=int, default=8_000)
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args(argv)
    sizes = {
        "log_entries": max(2, int(args.log_entries * args.scale)),
        "signatures": max(1, int(args.signatures * args.scale)),
        "signatories": max(1, int(args.signatories * args.scale)),
        "megabytes": round(args.megabytes * args.scale, 3),
    }

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    from undersigned.statements.models import Statement

    statements = list(Statement.objects.order_by("pk")[:2])
    found: dict = {"sizes": sizes}
    found.update(log_figures(statements[0], sizes["log_entries"]))
    found["verify"] = verify_figure(statements[1].pk + 10_000, sizes["signatures"])
    found["pdf"] = pdf_figure(statements[1], sizes["signatories"])
    found["parse"] = parse_figure(sizes["megabytes"])
    Path(args.json).write_text(json.dumps(found, indent=2) + "\n")
    for key, value in found.items():
        say(f"{key}: {value}")
    return 0


def _signature_entry(number: int) -> dict:
    return {
        "kind": "signature",
        "when": "2026-01-01T00:00:00Z",
        "version": 1,
        "organization": {
            "id": number,
            "name": f"Bench Organization {number}",
            "name_en": f"Bench Organization {number}",
            "abbreviation": f"BO{number}",
            "country": "DE",
        },
    }


def _fill_log(statement_id: int, count: int) -> None:
    """count signature entries, written in bulk with the subtrees they complete, as append
    stores them (through the ORM one by one would take hours at 100,000; each append is
    measured below)."""
    from django.db import transaction

    from undersigned.tlog.entries import entry_bytes
    from undersigned.tlog.merkle import leaf_hash
    from undersigned.tlog.subtrees import all_nodes, position
    from undersigned.transparency import services
    from undersigned.transparency.models import LogEntry, LogNode

    leaves = services.leaves(statement_id)
    start = len(leaves)
    rows = []
    for index in range(start, start + count):
        data = entry_bytes(_signature_entry(index))
        leaves.append(leaf_hash(data))
        rows.append(
            LogEntry(statement_id=statement_id, index=index, entry=data.decode(), leaf=leaves[-1])
        )
    nodes = (
        LogNode(statement_id=statement_id, position=position(*node), hash=value)
        for node, value in all_nodes(leaves, start)
    )
    with transaction.atomic():
        LogEntry.objects.bulk_create(rows, batch_size=5000)
        LogNode.objects.bulk_create(nodes, batch_size=5000)


def log_figures(statement, entries: int) -> dict:
    from django.db import transaction
    from django.test import Client

    from undersigned.transparency import services

    say(f"filling a log with {entries:,} entries…")
    _fill_log(statement.pk, entries)
    size = services.size(statement.pk)
    counter = iter(range(size, size + 1000))

    def append() -> None:
        with transaction.atomic():
            services.append(statement.pk, _signature_entry(next(counter)))

    figures = {"log_append": timed(append, 20)}
    client = Client(HTTP_HOST="localhost")  # an address of ALLOWED_HOSTS
    size = services.size(statement.pk)
    # The first proof of a new size signs a checkpoint on a root not cached yet; later ones
    # reuse it. Both read O(log n) stored subtrees (LogNode), not the leaves.
    for name, path in (
        ("log_inclusion", f"/s/{statement.slug}/log/proof?index={size // 2}"),
        ("log_consistency", f"/s/{statement.slug}/log/consistency?from={size // 2}"),
    ):
        started = time.perf_counter()
        answer = client.get(path)
        first = round((time.perf_counter() - started) * 1000, 2)
        if answer.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {answer.status_code} {answer.content[:200]!r}")
        figures[name] = {**timed(lambda path=path: client.get(path), 10), "first_ms": first}
    return figures


def verify_figure(statement_id: int, signatures: int) -> dict:
    """An export of `signatures` organizations, each proved by its entry, checked by the
    command as a reader would run it on the downloaded file."""
    from django.core.management import call_command

    from undersigned.transparency import services

    _fill_log(statement_id, signatures)
    entries = services.entries(statement_id)
    document = {
        "transparency": {
            "origin": services.origin(statement_id),
            "checkpoint": services.signed_checkpoint(statement_id),
            "entries": entries,
        },
        "signatories": [
            {"kind": "organization", "log_index": index, **entry["organization"]}
            for index, entry in enumerate(entries)
        ],
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.json"
        path.write_text(json.dumps(document))
        out = open(os.devnull, "w")  # noqa: SIM115
        figure = timed(lambda: call_command("verify", str(path), stdout=out), 3)
    return {**figure, "signatures": signatures, "bytes": len(json.dumps(document))}


def pdf_figure(statement, signatories: int) -> dict:
    from bench.seed import _organizations
    from undersigned.circulation.pdf_jobs import make_pdf

    say(f"{signatories:,} signatories for the PDF…")
    _organizations(statement, signatories)
    # The layout runs in a child process (run_limited); its peak is the children's maximum.
    started = time.perf_counter()
    pdf = make_pdf(statement, statement.original_language or "en")
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "median_ms": round(seconds * 1000, 1),
        "max_ms": round(seconds * 1000, 1),
        "runs": 1,
        "peak_mb": round(peak_kb / 1024, 1),
        "bytes": len(pdf),
        "signatories": signatories,
    }


def parse_figure(megabytes: float) -> dict:
    from bench.parse_speed import statement as make_statement
    from undersigned.textformat import parse

    text = make_statement(megabytes)
    parse("Warm-up\n\nSignatories:\n- A Party\n")
    return {**timed(lambda: parse(text), 1), "megabytes": megabytes}


if __name__ == "__main__":
    sys.exit(main())
