from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.endorsements.actions import forget_person
from undersigned.endorsements.addresses import check_address


class Command(BaseCommand):
    help = (
        "Delete every endorsement made with an e-mail address (and its aliases, e.g. dots and "
        "+tags at Gmail), on every statement. The audit trail records how many were deleted, "
        "not the address."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", metavar="EMAIL")

    def handle(self, *args, email: str, **options) -> None:
        try:
            check_address(email)
        except ValidationError:
            raise CommandError(f"{email!r} is not an e-mail address.") from None
        count = forget_person(email)
        self.stdout.write(f"Deleted {count} endorsement{'s' if count != 1 else ''} of {email}.")
