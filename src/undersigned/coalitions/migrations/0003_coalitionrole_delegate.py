"""Roles and delegates move from accounts to coalitions: in Django's state only. The tables keep
their names (accounts_coalitionrole, accounts_delegate) and their rows; nothing is copied."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _move_content_types(apps, schema_editor):
    """Keep the admin's permissions and history on the moved models: their content types
    change app instead of new ones being made beside the old."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("coalitionrole", "delegate"):
        if not ContentType.objects.filter(app_label="coalitions", model=model).exists():
            ContentType.objects.filter(app_label="accounts", model=model).update(
                app_label="coalitions"
            )


def _restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("coalitionrole", "delegate"):
        if not ContentType.objects.filter(app_label="accounts", model=model).exists():
            ContentType.objects.filter(app_label="coalitions", model=model).update(
                app_label="accounts"
            )


class Migration(migrations.Migration):

    dependencies = [
        ('coalitions', '0002_invitation_statement'),
        ('accounts', '0002_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CoalitionRole',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('coordinator', 'Coordinator'), ('translator', 'Translator')], max_length=20, verbose_name='role')),
                        ('language', models.CharField(blank=True, help_text='For translators only.', max_length=10, verbose_name='language')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('coalition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='roles', to='coalitions.coalition')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='coalition_roles', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'accounts_coalitionrole',
                        'verbose_name': 'coalition role',
                        'verbose_name_plural': 'coalition roles',
                        'constraints': [models.UniqueConstraint(fields=('user', 'coalition', 'kind', 'language'), name='unique_coalition_role')],
                    },
                ),
                migrations.CreateModel(
                    name='Delegate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('organization', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='delegates', to='coalitions.organization')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='delegations', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'accounts_delegate',
                        'verbose_name': 'delegate',
                        'verbose_name_plural': 'delegates',
                        'constraints': [models.UniqueConstraint(fields=('user', 'organization'), name='unique_delegate')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(_move_content_types, _restore_content_types),
    ]
