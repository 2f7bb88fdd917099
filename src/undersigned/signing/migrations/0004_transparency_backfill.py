"""Signatures given before the transparency log existed enter it in the order they happened:
each signature, and its withdrawal where there is one. The entries are built as
signing/log.py builds them today; their time is when each happened."""

from django.db import migrations

from undersigned.tlog.entries import entry_bytes
from undersigned.tlog.merkle import leaf_hash


def _at(moment) -> str:
    return moment.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _organization(org) -> dict:
    return {
        "id": org.pk,
        "name": org.name,
        "name_en": org.name_en or None,
        "abbreviation": org.abbreviation or None,
        "country": str(org.country or "") or None,
    }


def backfill(apps, schema_editor):
    Signature = apps.get_model("signing", "Signature")
    LogEntry = apps.get_model("transparency", "LogEntry")
    logged = set(LogEntry.objects.values_list("statement_id", flat=True).distinct())
    happenings: dict[int, list] = {}
    for signature in Signature.objects.select_related("organization", "text"):
        if signature.statement_id in logged:
            continue
        organization = _organization(signature.organization)
        happenings.setdefault(signature.statement_id, []).append(
            (signature.signed_at, 0, {"kind": "signature", "at": _at(signature.signed_at),
             "version": signature.text.version, "method": signature.method,
             "organization": organization})
        )  # fmt: skip
        if signature.withdrawn_at:
            happenings[signature.statement_id].append(
                (signature.withdrawn_at, 1, {"kind": "withdrawal",
                 "at": _at(signature.withdrawn_at),
                 "by_coordination": signature.removed_by_coordination,
                 "organization": organization})
            )  # fmt: skip
    rows = []
    for statement_id, items in happenings.items():
        items.sort(key=lambda item: (item[0], item[1], item[2]["organization"]["id"]))
        for index, (_when, _order, entry) in enumerate(items):
            data = entry_bytes(entry)
            rows.append(
                LogEntry(statement_id=statement_id, index=index, entry=data.decode(),
                         leaf=leaf_hash(data))
            )  # fmt: skip
    LogEntry.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("signing", "0003_sign_on_method"),
        ("transparency", "0001_initial"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
