"""CoalitionRole and Delegate now belong to coalitions (its migration 0003 takes them over with
their tables): accounts forgets them in Django's state only; no table is dropped."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_apitoken'),
        ('coalitions', '0003_coalitionrole_delegate'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='CoalitionRole'),
                migrations.DeleteModel(name='Delegate'),
            ],
            database_operations=[],
        ),
    ]
