import re

from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.mail.models import OutboxMessage

_LINK = re.compile(r"https?://[^\s\"'<>]+")


class Command(BaseCommand):
    help = (
        "Print the mail in the outbox (the embedded mode, EMAIL_URL=outbox:), newest first, with "
        "its links whole. The outbox page on the web cuts the links that give an account away "
        "(invitations, password resets): whoever reads the page could use them. Whoever runs "
        "this command holds the server anyway; on a trial machine it is how you follow an "
        "invitation."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "numbers",
            nargs="*",
            type=int,
            help="Messages by their number, as in the address /outbox/NUMBER/ (default: the last).",
        )
        parser.add_argument(
            "--last", type=int, default=10, help="How many of the newest to print (default 10)."
        )
        parser.add_argument(
            "--links", action="store_true", help="Print each message's links only, not its text."
        )

    def handle(self, *, numbers: list[int], last: int, links: bool, **options) -> None:
        if last < 1:
            raise CommandError("--last must be at least 1.")
        messages = OutboxMessage.objects.all()
        if numbers:
            messages = messages.filter(pk__in=numbers)
            if missing := set(numbers) - set(messages.values_list("pk", flat=True)):
                raise CommandError(f"No message numbered {', '.join(map(str, sorted(missing)))}.")
        else:
            messages = messages[:last]
        if not messages:
            self.stdout.write("The outbox is empty.")
        for message in messages:
            when = message.created_at.strftime("%Y-%m-%d %H:%M:%S %Z")
            self.stdout.write(f"#{message.pk}  {when}  to {message.to}")
            self.stdout.write(f"Subject: {message.subject}")
            if links:
                text = message.body_text or message.body_html
                # A sentence's full stop or a closing parenthesis is not part of the link.
                found = dict.fromkeys(link.rstrip(".,;:!?)") for link in _LINK.findall(text))
                self.stdout.write("\n".join(found) if found else "(no links)")
            else:
                self.stdout.write(message.body_text.rstrip() or "(no text part)")
            self.stdout.write("")
