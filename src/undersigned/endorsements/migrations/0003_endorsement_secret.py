from django.db import migrations, models

import undersigned.endorsements.models

# One random secret per existing row, in one statement whatever the number of rows (a callable
# default would give every existing row the same value).
_FILL = {
    "sqlite": "UPDATE endorsements_endorsement SET secret = lower(hex(randomblob(16)))",
    "postgresql": "UPDATE endorsements_endorsement SET secret = replace(gen_random_uuid()::text, '-', '')",
}


def fill_secrets(apps, schema_editor) -> None:
    sql = _FILL.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)
        return
    Endorsement = apps.get_model("endorsements", "Endorsement")
    for endorsement in Endorsement.objects.only("pk").iterator():
        Endorsement.objects.filter(pk=endorsement.pk).update(
            secret=undersigned.endorsements.models.new_secret()
        )


class Migration(migrations.Migration):
    dependencies = [("endorsements", "0002_source_index")]

    operations = [
        migrations.AddField(
            model_name="endorsement",
            name="secret",
            field=models.CharField(default="", editable=False, max_length=32),
            preserve_default=False,
        ),
        migrations.RunPython(fill_secrets, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="endorsement",
            name="secret",
            field=models.CharField(
                default=undersigned.endorsements.models.new_secret, editable=False, max_length=32
            ),
        ),
    ]
