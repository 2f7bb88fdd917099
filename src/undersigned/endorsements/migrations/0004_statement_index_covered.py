import django.db.models.deletion
from django.db import migrations, models

# The index Django made for the foreign key. Every other index of the table begins with the
# statement, so it only cost a write per signature. Dropped by name: AlterField would rebuild the
# whole table on SQLite and re-check the foreign key of every row on PostgreSQL.
INDEX = "endorsements_endorsement_statement_id_a3b281d5"


class Migration(migrations.Migration):
    dependencies = [
        ("endorsements", "0003_endorsement_secret"),
        ("statements", "0005_merge_branches"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f'DROP INDEX IF EXISTS "{INDEX}"',
                    reverse_sql=f'CREATE INDEX "{INDEX}" ON "endorsements_endorsement" ("statement_id")',
                )
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="endorsement",
                    name="statement",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="endorsements",
                        to="statements.statement",
                        verbose_name="statement",
                    ),
                ),
            ],
        )
    ]
