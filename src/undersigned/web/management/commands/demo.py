import secrets
from importlib import resources

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from undersigned.accounts.languages import change_preferences
from undersigned.audit.actors import SYSTEM
from undersigned.coalitions.actions import (
    add_delegate,
    add_member,
    admit_new_organization,
    grant_role,
    save_coalition,
)
from undersigned.coalitions.models import Coalition, CoalitionRole, Organization
from undersigned.collection.actions import (
    ProposedOrganization,
    confirm_sign_on,
    confirm_token,
    request_sign_on,
)
from undersigned.collection.models import SignOnRequest
from undersigned.signing.models import Reminder
from undersigned.signing.reminders import plan_reminders, send_reminders
from undersigned.statements.actions import update_details
from undersigned.statements.models import Statement
from undersigned.statements.translations import import_translation
from undersigned.textformat import parse
from undersigned.transfer.importing import import_document

COALITIONS = [
    {
        "abbreviation": "ICOR",
        "name": "International Coordination of Revolutionary Parties and Organizations",
        "description": "Source of the demo resolution on Afghanistan, 2021.",
        "file": "icor-afghanistan-2021.txt",
        "translations": ["de", "fa"],
        # As published: open for further signatories.
        "state": "open",
        "title": None,
        # The organizations that signed are ICOR's members in the demo, so that its page lists
        # them and the demo delegate (MLPD) may sign ICOR's next statement. Signing does not make
        # a member: the demo says so explicitly, through the membership action.
        "signatories_are_members": True,
    },
    {
        "abbreviation": "CIPOML",
        "name": "International Conference of Marxist-Leninist Parties and Organizations",
        "description": "Source of the demo statement on Afghanistan, 2021, "
        "issued by its Coordination Committee.",
        "file": "cipoml-afghanistan-2021.txt",
        "translations": [],
        # As published: the committee's statement, closed, under its first sentence (it has no
        # title of its own).
        "state": "closed",
        "title": "A drama is taking place in Afghanistan for the workers and the people.",
        "signatories_are_members": False,
    },
]


class Command(BaseCommand):
    help = (
        "Load the demo content into the configured database: migrate it, create the key that "
        "signs the statements' logs (unless there is one), create the coalitions "
        "ICOR and CIPOML, import their two statements on Afghanistan (2021) as published (ICOR's "
        "open, with its 34 signatory organizations, made ICOR's members; CIPOML's closed) and "
        "the demo translations, and create three accounts (admin, "
        "coordinator of ICOR, delegate of the MLPD) whose logins it prints; ICOR's resolution "
        "takes organizations' requests to sign, and one confirmed request waits on ICOR's desk. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write("Applying migrations…")
        call_command("migrate", interactive=False, verbosity=0)
        # The key that signs the statements' logs: made now rather than by the first signature,
        # so that the demo's lists are signed from their first entry by the key it prints.
        call_command("logkey", stdout=self.stdout)
        admin = self._accounts()
        demo = resources.files("undersigned.demo")
        for spec in COALITIONS:
            coalition = Coalition.objects.filter(abbreviation=spec["abbreviation"]).first()
            if coalition is None:
                coalition = save_coalition(
                    coalition=Coalition(
                        abbreviation=spec["abbreviation"],
                        name=spec["name"],
                        description=spec["description"],
                    ),
                    user=admin,
                )
            plan = import_document(
                parse(demo.joinpath(spec["file"]).read_text("utf-8")),
                coalition=coalition,
                title=spec["title"],
                state=spec["state"],
                source=f"demo {spec['file']}",
                user=admin,
            )
            self.stdout.write(f"{coalition.abbreviation}: " + " ".join(plan.summary()))
            statement = plan.saved or plan.statement
            if spec["signatories_are_members"]:
                for signature in statement.signatures.select_related("organization"):
                    add_member(coalition=coalition, organization=signature.organization, user=admin)
            for language in spec["translations"]:
                self._translation(
                    statement,
                    demo.joinpath(spec["file"].replace(".txt", f".{language}.txt")),
                    language,
                )
        self._roles(admin)
        self._reminder(admin)
        self._sign_ons(admin)
        self._print_logins()

    def _translation(self, statement: Statement, path, language: str) -> None:
        if not path.is_file():
            return
        document = parse(path.read_text("utf-8"))
        text = import_translation(
            statement=statement,
            user=SYSTEM,
            language=language,
            title=document.title or "",
            subtitle=document.subtitle or "",
            body="\n\n".join(document.body),
        )
        if text:
            self.stdout.write(f"  {language} translation added.")

    @transaction.atomic
    def _accounts(self):
        """The three demo accounts (created once); returns the admin, who loads the rest."""
        logins_file = settings.VAR_DIR / "demo-logins.txt"
        User = get_user_model()
        created = []
        for username, staff in (("admin", True), ("coordinator", False), ("delegate", False)):
            if not User.objects.filter(username=username).exists():
                password = secrets.token_urlsafe(12)
                User.objects.create_user(
                    username,
                    f"{username}@example.org",
                    password,
                    is_staff=staff,
                    is_superuser=staff,
                )
                created.append(f"{username} {password}")
        if created:
            with logins_file.open("a") as f:
                f.write("\n".join(created) + "\n")
            logins_file.chmod(0o600)
        return User.objects.get(username="admin")

    def _roles(self, admin) -> None:
        """Through the role actions, so the trail shows the grants like any other."""
        User = get_user_model()
        grant_role(
            coalition=Coalition.objects.get(abbreviation="ICOR"),
            target=User.objects.get(username="coordinator"),
            kind=CoalitionRole.Kind.COORDINATOR,
            user=admin,
        )
        mlpd = Organization.objects.filter(abbreviation="MLPD").first()
        if mlpd:
            delegate = User.objects.get(username="delegate")
            add_delegate(organization=mlpd, target=delegate, user=admin)

    def _reminder(self, admin) -> None:
        """A member that has not signed ICOR's resolution yet, whose delegate (the demo
        delegate, who reads German) was reminded: the coalition page shows the reminder."""
        icor = Coalition.objects.get(abbreviation="ICOR")
        statement = icor.statements.filter(state="open").first()
        if statement is None or Reminder.objects.filter(statement=statement).exists():
            return
        delegate = get_user_model().objects.get(username="delegate")
        newcomer = Organization.objects.filter(abbreviation="DEMO").first()
        if newcomer is None:
            newcomer = admit_new_organization(
                coalition=icor,
                organization=Organization(
                    abbreviation="DEMO",
                    name="Demo-Organisation",
                    name_en="Demo organization (not a real signatory)",
                    country="AT",
                ),
                user=admin,
            )
        add_delegate(organization=newcomer, target=delegate, user=admin)
        change_preferences(target=delegate, user=delegate, language="de", notices="daily")
        plan = plan_reminders(statement, Reminder.Kind.SIGN)
        if plan.mails:
            send_reminders(
                statement=statement,
                kind=Reminder.Kind.SIGN,
                user=get_user_model().objects.get(username="coordinator"),
                expected_mails=plan.mails,
            )
            self.stdout.write(f"ICOR: {plan.mails} reminder(s) sent to organizations not signed.")

    def _sign_ons(self, admin) -> None:
        """ICOR's resolution takes organizations' requests to sign, and one waits on the
        coordinators' desk (asked and confirmed through the same actions as on the page)."""
        statement = Statement.objects.filter(coalition__abbreviation="ICOR", state="open").first()
        if statement is None:
            return
        if not statement.accepts_sign_ons:
            update_details(
                statement=statement,
                user=admin,
                kind=statement.kind,
                issuer=statement.issuer,
                deadline=statement.deadline,
                accepts_sign_ons=True,
            )
            statement.refresh_from_db()
        if SignOnRequest.objects.filter(statement=statement).exists():
            return
        text = statement.current_text()
        result = request_sign_on(
            statement=statement,
            user=admin,
            organization=None,
            proposed=ProposedOrganization(
                name="Arbeiterbund für den Wiederaufbau",
                abbreviation="AfW",
                name_en="Workers' League for Reconstruction",
                country="AT",
                website="https://afw.example.org",
            ),
            logo_png=None,
            person_name="Eva Huber",
            person_role="Internationale Sekretärin",
            email="eva.huber@example.org",
            language="de",
            listed=True,
            version=text.version if text else 1,
            client="demo",
        )
        confirm_sign_on(token=confirm_token(result.sign_on), user=admin)
        self.stdout.write("ICOR: organizations may ask to sign; one request waits on the desk.")

    def _print_logins(self) -> None:
        logins_file = settings.VAR_DIR / "demo-logins.txt"
        if logins_file.exists():
            self.stdout.write(self.style.SUCCESS(f"Logins (user password), also in {logins_file}:"))
            for line in logins_file.read_text().splitlines():
                self.stdout.write(f"  {line}")
        self.stdout.write(f"Log in at {settings.SITE_URL}/accounts/login/ (staff: /admin/).")
