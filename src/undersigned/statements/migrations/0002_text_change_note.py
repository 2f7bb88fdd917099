from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="text",
            name="change_note",
            field=models.TextField(
                blank=True,
                help_text="The coordinator's note on a new version, shown to those asked to confirm.",
                verbose_name="what changed",
            ),
        ),
    ]
