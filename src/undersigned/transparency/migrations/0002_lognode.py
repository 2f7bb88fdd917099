"""The complete subtrees of every log (LogNode), so that proofs read O(log n) hashes.

Built here, by this migration, for every log that exists (the logs signing's backfill wrote
included: it runs first); from then on `transparency.services.append` stores them. Going back
drops the table and loses nothing: the nodes are hashes of the leaves, which stay.
"""

from django.db import migrations, models

from undersigned.tlog.subtrees import all_nodes, position


def build(apps, schema_editor):
    LogEntry = apps.get_model("transparency", "LogEntry")
    LogNode = apps.get_model("transparency", "LogNode")
    statements = LogEntry.objects.values_list("statement_id", flat=True).distinct()
    for statement_id in sorted(set(statements)):
        leaves = [
            bytes(leaf)
            for leaf in LogEntry.objects.filter(statement_id=statement_id)
            .order_by("index")
            .values_list("leaf", flat=True)
        ]
        LogNode.objects.bulk_create(
            (
                LogNode(statement_id=statement_id, position=position(*node), hash=value)
                for node, value in all_nodes(leaves)
            ),
            batch_size=1000,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0001_initial"),
        # Its backfill writes entries without nodes: build them after it.
        ("signing", "0004_transparency_backfill"),
    ]

    operations = [
        migrations.CreateModel(
            name="LogNode",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("statement_id", models.PositiveBigIntegerField()),
                ("position", models.PositiveBigIntegerField()),
                ("hash", models.BinaryField(max_length=32)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("statement_id", "position"), name="one_node_per_place"
                    )
                ],
            },
        ),
        migrations.RunPython(build, migrations.RunPython.noop),
    ]
