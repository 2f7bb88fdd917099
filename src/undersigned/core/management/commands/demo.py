import secrets
from importlib import resources

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from undersigned.coalitions.models import Coalition
from undersigned.statements.importing import import_document
from undersigned.textformat import parse

COALITIONS = [
    {
        "abbreviation": "ICOR",
        "name": "International Coordination of Revolutionary Parties and Organizations",
        "description": "Source of the demo resolution on Afghanistan, 2021.",
        "file": "icor-afghanistan-2021.txt",
    },
    {
        "abbreviation": "CIPOML",
        "name": "International Conference of Marxist-Leninist Parties and Organizations",
        "description": "Source of the demo statement on Afghanistan, 2021, "
        "issued by its Coordination Committee.",
        "file": "cipoml-afghanistan-2021.txt",
    },
]


class Command(BaseCommand):
    help = (
        "Load the demo content into the configured database: migrate it, create the coalitions "
        "ICOR and CIPOML, import their two statements on Afghanistan (2021) with the 34 "
        "signatory organizations, and create an admin account whose login it prints. Running "
        "it again changes nothing."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write("Applying migrations…")
        call_command("migrate", interactive=False, verbosity=0)
        for spec in COALITIONS:
            coalition, _ = Coalition.objects.get_or_create(
                abbreviation=spec["abbreviation"],
                defaults={"name": spec["name"], "description": spec["description"]},
            )
            text = resources.files("undersigned.demo").joinpath(spec["file"]).read_text("utf-8")
            plan = import_document(parse(text), coalition=coalition)
            self.stdout.write(f"{coalition.abbreviation}: " + " ".join(plan.summary()))
        self._admin()

    def _admin(self) -> None:
        password_file = settings.VAR_DIR / "demo-admin-password"
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@localhost", password)
            password_file.write_text(password)
            password_file.chmod(0o600)
        if password_file.exists():
            login = f"user admin, password {password_file.read_text().strip()}"
        else:
            login = "user admin (set its password with `undersigned changepassword admin`)"
        self.stdout.write(self.style.SUCCESS(f"Admin login at /admin/: {login}"))
