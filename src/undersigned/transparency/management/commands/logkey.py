"""undersigned logkey: create the key that signs the logs' checkpoints, or show its public half."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from undersigned.transparency.keys import ensure_key, public_key_text


class Command(BaseCommand):
    help = (
        "Create the Ed25519 key that signs every statement log's checkpoints, in "
        "TRANSPARENCY_KEY_FILE, unless it exists (an operator's own key is kept as it is). "
        "With --show, print only the public key that readers verify with "
        "(what /.well-known/undersigned-log-key serves)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--show", action="store_true", help="print the public key only")

    def handle(self, *args, show: bool, **options) -> None:
        path = Path(settings.TRANSPARENCY_KEY_FILE)
        existed = path.exists()
        ensure_key(path)
        if show:
            self.stdout.write(public_key_text())
            return
        said = "kept" if existed else "created"
        self.stdout.write(f"Transparency key {said}: {path}")
        self.stdout.write(f"Public key: {public_key_text()}")
