"""undersigned train-parser: fit the parser's line model on the corpus's development part."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from undersigned.textformat.line_model import MODEL_PATH, development_lines, load_weights, train


class Command(BaseCommand):
    help = (
        "Fit the statement parser's line model (how much a line looks like a signatory list "
        "entry) on the development part of the corpus: lines are labeled from the ground truth "
        "in corpus/expected, the texts come from --texts. The validation third is never read. "
        "Prints the fit's figures and a cross-validation by file, and writes the weights."
    )
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--texts",
            type=Path,
            default=Path.home() / ".cache" / "undersigned-devset",
            help="The folder of the corpus texts (default: ~/.cache/undersigned-devset).",
        )
        parser.add_argument(
            "--expected",
            type=Path,
            default=Path("corpus") / "expected",
            help="The folder of the ground truth (default: corpus/expected, from the "
            "repository's root).",
        )
        parser.add_argument(
            "--output",
            type=Path,
            default=MODEL_PATH,
            help="Where to write the weights (default: the package's data/line_model.json).",
        )
        parser.add_argument(
            "--folds", type=int, default=5, help="Folds of the cross-validation by file."
        )
        parser.add_argument(
            "--penalty", type=float, default=3.0, help="Strength of the L2 penalty."
        )
        parser.add_argument(
            "--per-file",
            type=int,
            default=50,
            help="Lines a file counts for at most (a long list does not outweigh the others).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the figures, write nothing."
        )

    def handle(self, *args, **options) -> None:
        texts, expected = options["texts"], options["expected"]
        if not expected.is_dir():
            raise CommandError(f"No ground truth at {expected} (run from the repository root).")
        if not texts.is_dir():
            raise CommandError(f"No texts at {texts} (corpus/SOURCES.md says how to get them).")
        lines, missing = development_lines(expected, texts, progress=self._say)
        if missing:
            self._say(f"texts missing (not used): {', '.join(missing)}")
        if not lines:
            raise CommandError("No labeled line: nothing to fit.")
        fit = train(
            lines,
            folds=options["folds"],
            penalty=options["penalty"],
            per_file=options["per_file"],
            progress=self._say,
        )
        figures = fit.figures
        self.stdout.write(
            f"{figures['files']} files, {figures['lines']} lines, "
            f"{figures['entry_lines']} of them entries"
        )
        for label, key in (("fit (all files)", "fit"), ("cross-validation", "cross_validation")):
            if key in figures:
                f = figures[key]
                self.stdout.write(
                    f"{label}: accuracy {f['accuracy']:.3f}, precision {f['precision']:.3f}, "
                    f"recall {f['recall']:.3f}, log-loss {f['log_loss']:.3f}"
                    + (f" ({f['folds']} folds by file)" if "folds" in f else "")
                )
        if options["dry_run"]:
            return
        options["output"].write_text(fit.to_json(), encoding="utf-8")
        load_weights.cache_clear()
        self.stdout.write(f"wrote {options['output']}")

    def _say(self, message: str) -> None:
        self.stdout.write(message)
        self.stdout.flush()
