"""undersigned verify: check an export, a checkpoint or a pair of them offline."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.tlog.offline import main
from undersigned.transparency.keys import public_key_text


class Command(BaseCommand):
    help = (
        "Check a statement's JSON export against its transparency log and signed checkpoint, "
        "a checkpoint's signature, or that a later checkpoint or export extends an earlier "
        "checkpoint (nothing removed, rewritten or reordered). Without --key, this instance's "
        "public key. The same check runs without undersigned: download /verify_undersigned.py."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files",
            nargs="+",
            metavar="FILE",
            help="an export (JSON), a checkpoint, or an earlier checkpoint and a later one "
            "(or a later export)",
        )
        parser.add_argument(
            "--key", help="the public key to trust (name+keyid+base64, or a file holding it)"
        )
        parser.add_argument(
            "--earlier-key",
            help="with two files: the key the earlier one was signed with, before the key "
            "changed (TRANSPARENCY_EARLIER_KEYS)",
        )
        parser.add_argument("--proof", help="a consistency proof between two checkpoints")
        parser.add_argument("--entry", help="with a .tlog-proof file: the entry it proves")

    def handle(self, *args, files, key, earlier_key, proof, entry, **options) -> None:
        argv = [*files, "--key", key or public_key_text()]
        if earlier_key:
            argv += ["--earlier-key", earlier_key]
        if proof:
            argv += ["--proof", proof]
        if entry:
            argv += ["--entry", entry]
        if main(argv) != 0:
            raise CommandError("The files do not verify (see above).")
