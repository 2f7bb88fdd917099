"""Check the corpus texts in ~/.cache/undersigned-devset and rebuild the GitHub-sourced ones.

The texts are third-party material and never committed, so a new machine starts without them.
This script (standard library only):

1. reads the expected sums: corpus/sums.txt (`sha256  bytes  filename`, one line per file) and
   every markdown table row `| file.txt | bytes | sha256 |` in corpus/SOURCES.md,
   corpus/sources/*.md and the shared parse-devset SOURCES.md (sums.txt wins where they
   disagree; the disagreement is shown);
2. checks each listed file in the cache: ok / missing / differs;
3. with --mirrors DIR, rebuilds every missing or differing GitHub-sourced text (01-08, 10, 29-32,
   38, and 11
   when its two files are at hand) from local git snapshots, DIR/<owner>+<name>/... (what the
   session's `fetch` tool brings: /work/.mirror), with the shared renderers, and checks again.

Stored-page texts (09, 12-28) cannot be fetched by a script: for each one that is missing or
differs it prints the search query (the search tool's `pages` corpus), the rank seen and the exact
cuts, which were checked against the sums on 2026-12-07.

11 (FSFE): fsfe/fsfe-website is over the snapshot size limit. Fetch its two files with the
`read_file` tool (repo fsfe/fsfe-website, path and commit as printed), save their text exactly as
statement.it.xhtml and sigtable.txt in one folder, and pass it with --fsfe-dir.

Usage:
    python3 corpus/rebuild.py                        # check only
    python3 corpus/rebuild.py --mirrors /work/.mirror [--fsfe-dir DIR]
Exit status 0 when every listed text is ok, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path("/work/shared/parse-devset")
CACHE = Path.home() / ".cache" / "undersigned-devset"

# stem: (repository, commit, path, renderer in the shared tools folder)
GITHUB = {
    "01_cryptpad-chat-control-open-letter-2025-en": (
        "cryptpad/blog",
        "7b37f5c0ff9202c2bb5496e8c19bbef738d3eed4",
        "posts/open-letter-against-chat-control.md",
        "md2txt2.py",
    ),
    "02_scholars-biden-student-debt-2021-en": (
        "Hyperobjekt/dignity-and-debt",
        "98cf56fdc0b77b4e8e4a95cdb2a09805a3cd8cf0",
        "content/projects/an-open-letter-to-president-biden-scholars-support-your-promise-"
        "to-cancel-student-debt.md",
        "md2txt2.py",
    ),
    "03_us-declaration-of-independence-1776-en": (
        "galvinlibrary/omekamap",
        "f065577012172f50916703eeba805a92b6c62fcb",
        "themes/neatlight/neatline/exhibits/themes/declaration-of-independence/declaration.php",
        "html2txt.py",
    ),
    "04_bitsundbaeume-plattformen-kontrolle-2025-de": (
        "bitsundbaeume/bits-und-baeume.org",
        "ef3891f5b265d8f98c81db89d14ff9fe456a7094",
        "src/posts/demokratie-schuetzen-gemeinwohl-foerdern.md",
        "md2txt2.py",
    ),
    "05_cryptomator-strategische-autonomie-2021-de": (
        "cryptomator/cryptomator.github.io",
        "c7e87151b5b62cc2731eb0917c993705c1ff6f1a",
        "content/blog/2021-04-15-eu-e2ee-strategic-autonomy-in-danger.de.md",
        "md2txt2.py",
    ),
    "06_freeolabini-defensores-derechos-digitales-2019-es": (
        "freeolabini/freeolabini.github.io",
        "1ddb146a289248072a283ebe2a5dd83fa2926a25",
        "_src/es/statement-defensores-DDDD.md",
        "md2txt2.py",
    ),
    "07_ngi-open-letter-eu-free-software-2024-en-fr": (
        "MJWcodr/vivaldi-config",
        "4dc22841011c6b6fea7dc8b5c2d42a0709ecd948",
        "hosts/vivaldi/services/website/src/open-letter.md",
        "md2txt2.py",
    ),
    "08_agacolombia-carta-msf-covid-2020-es": (
        "datasketch/agacolombia",
        "ce6811ccb91c6085ed360599a4baf1496fcfc2ca",
        "content/blog/carta-msf-covid.md",
        "md2txt2.py",
    ),
    "10_cnll-partenariat-microsoft-2015-fr": (
        "cnll/cnll.fr",
        "ea39cd730da38d45a04bf4dd3f08282ef725e4ce",
        "pages/news/accord-microsoft-ecole.md",
        "mdhtml2txt.py",
    ),
    "38_frontrepublica-suport-electes-amb-2019-ca": (
        "enricpineda/frontrepublica",
        "da31a9ba953423525ed3a1ee413aa5b6a993fc5f",
        "manifest/suport-electes-amb/index.md",
        "md2txt2.py",
    ),
}
# The owinfs pages (corpus/sources/corpusA.md): the text from the first `<h1` on, as HTML.
_OWINFS = ("bollow/owinfs", "a448bf779323d3e671876768ec9d9ae61fa927c1")
for _stem, _file in {
    "29_owinfs-transformen-omc-2021-es": "2021_transform_WTO_ES.php",
    "30_owinfs-walker-process-letter-2021-en": "2021_L_Walker_Process.php",
    "31_owinfs-unctad13-fortalecer-2012-pt": "2012_OWINFS_UNCTAD13_PT.php",
    "32_owinfs-revirement-omc-2021-fr": "2021_WTO-Turnaround_FR.php",
}.items():
    GITHUB[_stem] = (*_OWINFS, f"contentitem-page/{_file}", "html2txt.py")
FROM_H1 = {stem for stem, entry in GITHUB.items() if entry[0] == _OWINFS[0]}

FSFE_STEM = "11_fsfe-blocco-radio-dichiarazione-it"
FSFE_REPO = "fsfe/fsfe-website"
FSFE_FILES = {  # saved name: (path, commit, characters)
    "statement.it.xhtml": (
        "activities/radiodirective/statement.it.xhtml",
        "6478590b34dd9477ba3b2a194e161c93e1afbb93",
        8525,
    ),
    "sigtable.txt": (
        "activities/radiodirective/sigtable.txt",
        "854fb3bde7a4c34a9baa346d71cc74b13a7169ac",
        5461,
    ),
}

_Q_CENTRAIS = (
    "Centrais repudiam terrorismo nota das centrais São Paulo 8 de janeiro de 2023 "
    "Presidente da CUT Força Sindical UGT CTB NCST CSB"
)
_Q_MERCOSUR = "44 organisations appellent Macron à s'opposer au Mercosur lettre ouverte"
_Q_FA = "بیانیه مشترک امضاکنندگان سازمان‌ها و احزاب"
_Q_IT = "Firmatari: associazioni comunicato congiunto ARCI CGIL Legambiente"
_Q_SIG = "संयुक्त बयान हस्ताक्षरकर्ता संगठन ट्रेड यूनियन"
_WHOLE = "whole stored text"
# stem: (query, rank seen on 2026-12-07, exact cuts; the file ends with one newline)
PAGES = {
    "09_lesmotsontunsens-mercosur-2025-fr": (_Q_MERCOSUR, 1, _WHOLE + ", no cut"),
    "12_metalurgicos-centrais-atos-terroristas-2023-pt": (
        _Q_CENTRAIS,
        2,
        "drop the leading 'top of page\\n  • Foto do escritorSTIMMMEI\\n\\n' and "
        "the broken-off trailing '\\n\\nJos'",
    ),
    "13_academicsagainstcoup-bildiri-2016-tr": (
        "aşağıda imzası bulunan kurumlar ortak açıklama imzacılar listesi",
        1,
        "start at 'Dünya genelindeki akademisyenler'; drop the trailing '\\n\\nbottom of page'",
    ),
    "14_ishr-80-states-reprisals-2021-en": (
        "80 States speak out on reprisals at UN General Assembly",
        2,
        "drop the leading 'News\\n\\n' and everything from '\\n\\n \\n\\n \\n\\nRelated articles'",
    ),
    "15_parstv-13-tashakol-bayanieh-fa": (
        _Q_FA,
        2,
        "up to the end of the listing paragraph ('… این بیانیه هستند.'). ZWNJ (U+200C) "
        "the answer does not show: 11 of them, in نوشته‌اند (twice), می‌کنند, کرده‌ایم, "
        "سریع‌تر, سازمان‌یافته, گروه‌ها, جهان‌گستر, برون‌مرزی, پان‌ایرانیست, سوسیال‌دموکراسی "
        "(not in آنها)",
    ),
    "16_independentpersian-hamkari-13-tashakol-fa": (
        _Q_FA,
        4,
        "drop the photo-credit line 'STR / AFP\\n\\n'; up to the end of the listing "
        "paragraph ('… تاکید شده است.'). 6 ZWNJ: سازمان‌یافته (twice), آرمان‌های, سازمان‌های, "
        "برون‌مرزی, خواسته‌های",
    ),
    "17_adtf-tadamun-ittihad-shughl-2012-ar": (
        "الموقعون: الاتحاد العام التونسي للشغل الرابطة التونسية للدفاع عن حقوق الإنسان بيان مشترك",
        5,
        "drop the broken-off last line '– الجامعة الع' (and the blank line before it)",
    ),
    "18_levicata-edinodejstvie-2017-bg": (
        "Подписали: Профсоюз Движение Партия совместное заявление левых организаций",
        7,
        "from the title line 'Единодействие' to the place/date line 'София, 28 юни 2017г.'",
    ),
    "19_rizospastis-kalesma-ypografoun-el": (
        "Συνυπογράφουν οι οργανώσεις: κοινό κείμενο συλλογικοτήτων",
        3,
        "up to the end of the federations' line ('… Συνταξιούχων ΙΚΑ Ελλάδος.')",
    ),
    "20_khabarjagat-10-trade-union-bharat-bandh-hi": (_Q_SIG, 1, _WHOLE + " (ends broken off)"),
    "21_siasat-central-trade-unions-hartal-ur": (_Q_SIG, 4, _WHOLE),
    "22_lacittadisotto-manifesto-transizione-2021-it": (_Q_IT, 3, _WHOLE),
    "23_italianostra-agenda-ambientalista-2018-it": (_Q_IT, 4, _WHOLE),
    "24_yedid-maavak-irgunei-hevra-ezrahit-2011-he": (
        "על החתום: ארגונים מכתב משותף עמותות",
        8,
        "start at the SECOND title line (the chrome between the two copies dropped); end after "
        "the list sentence ('… \"ידיד\"-מרכזי זכויות בקהילה.')",
    ),
    "25_bancariosdepatos-centrais-repudiam-2023-pt": (
        _Q_CENTRAIS,
        7,
        "date line, title, first paragraph, then the second paragraph only up to "
        "its first sentence ('… leniência do governo do Distrito Federal”.')",
    ),
    "26_forumterzosettore-ecogiustizia-2024-it": (_Q_IT, 2, _WHOLE),
    "27_verdi-aufruf-umverteilung-2021-de": (
        "Unterzeichnende Organisationen: Gewerkschaft ver.di BUND Attac offener Brief",
        6,
        "drop the broken-off last line ('Prof. Dr. Martin Höpner, Max-Planck-Institut für "
        "Gesellschafts'): ends after 'Prof. Dr. Gustav Horn, Universität Duisburg-Essen'",
    ),
    "28_attac-mercosur-signataires-2025-fr": (
        _Q_MERCOSUR,
        3,
        "first paragraph ('En février 2025 …'), then the line 'Télécharger la "
        "lettre ouverte.', then from 'Signataires' to the end (breaks off at 'Collectif'); the "
        "'Dans une lettre ouverte …' and 'Cette lettre ouverte est publiée …' paragraphs dropped",
    ),
}

ROW = re.compile(r"^\|\s*`?(\d{2,3}_[^|`]+\.txt)`?\s*\|\s*(\d+)\s*\|\s*([0-9a-f]{64})\s*\|")


def read_sums(corpus: Path) -> dict[str, tuple[str, int]]:
    """Expected (sha256, bytes) per filename; corpus/sums.txt wins over the markdown tables."""
    sums: dict[str, tuple[str, int]] = {}
    mds = [SHARED / "SOURCES.md", corpus / "SOURCES.md", *sorted(corpus.glob("sources/*.md"))]
    for md in mds:
        if md.is_file():
            for line in md.read_text(encoding="utf-8").splitlines():
                if m := ROW.match(line):
                    sums[m[1]] = (m[3], int(m[2]))
    txt = corpus / "sums.txt"
    if txt.is_file():
        for line in txt.read_text(encoding="utf-8").splitlines():
            if line.strip():
                sha, size, name = line.split()
                if name in sums and sums[name] != (sha, int(size)):
                    print(f"note: sums.txt and a SOURCES table disagree on {name}; using sums.txt")
                sums[name] = (sha, int(size))
    return sums


def status(path: Path, want: tuple[str, int]) -> str:
    if not path.is_file():
        return "missing"
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() == want[0]:
        return "ok"
    return f"differs  ({len(data)} bytes, want {want[1]})"


def find_git_dir(mirrors: Path, repo: str) -> Path | None:
    """The git directory of repo in a fetch-style mirror folder (owner+name/…), if present."""
    top = mirrors / repo.replace("/", "+")
    if not top.is_dir():
        return None
    for cand in [top, *sorted(top.rglob("*"))]:
        if cand.is_dir() and (cand / "HEAD").is_file() and (cand / "objects").is_dir():
            return cand
    return None


def git_show(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True, check=True
    ).stdout


def render(tools: Path, renderer: str, source: bytes) -> bytes:
    out = subprocess.run(
        [sys.executable, str(tools / renderer)], input=source, capture_output=True, check=True
    ).stdout
    return out if out.endswith(b"\n") else out + b"\n"


def build_fsfe(tools: Path, statement: str, sigtable: str) -> bytes:
    """The site build puts the sigtable where the statement says <sigtable />; keep h1..body."""
    html = statement.replace("<sigtable />", sigtable, 1)
    body = html[html.index("<h1") : html.index("</body>")]
    return render(tools, "html2txt.py", body.encode("utf-8"))


def fsfe_sources(mirrors: Path | None, fsfe_dir: Path | None) -> tuple[str, str] | None:
    if fsfe_dir:
        files = [fsfe_dir / name for name in FSFE_FILES]
        if all(f.is_file() for f in files):
            for f, (_, _, chars) in zip(files, FSFE_FILES.values(), strict=True):
                if len(f.read_text(encoding="utf-8")) != chars:
                    print(f"  warning: {f} is not {chars} characters long; saved inexactly?")
            return tuple(f.read_text(encoding="utf-8") for f in files)  # type: ignore[return-value]
    git_dir = find_git_dir(mirrors, FSFE_REPO) if mirrors else None
    if git_dir:
        return tuple(
            git_show(git_dir, c, p).decode("utf-8")  # type: ignore[return-value]
            for p, c, _ in FSFE_FILES.values()
        )
    return None


def rebuild(todo: list[str], args: argparse.Namespace) -> None:
    for stem in todo:
        target = args.cache / f"{stem}.txt"
        try:
            if stem == FSFE_STEM:
                src = fsfe_sources(args.mirrors, args.fsfe_dir)
                if src is None:
                    print(f"  {stem}: skipped (no --fsfe-dir with the two files, no mirror)")
                    continue
                data = build_fsfe(args.tools, *src)
            else:
                repo, commit, path, renderer = GITHUB[stem]
                git_dir = find_git_dir(args.mirrors, repo) if args.mirrors else None
                if git_dir is None:
                    print(f"  {stem}: skipped (no mirror of {repo} under {args.mirrors})")
                    continue
                source = git_show(git_dir, commit, path)
                if stem in FROM_H1:
                    source = source[source.index(b"<h1") :]
                data = render(args.tools, renderer, source)
        except (subprocess.CalledProcessError, OSError, ValueError) as exc:
            print(f"  {stem}: failed ({exc})")
            continue
        target.write_bytes(data)
        print(f"  {stem}: written ({len(data)} bytes)", flush=True)


def hints(name: str) -> None:
    stem = name.removesuffix(".txt")
    if stem in PAGES:
        query, rank, cuts = PAGES[stem]
        print(f"      stored page: search pages corpus for «{query}» (rank {rank}); cuts: {cuts}")
    elif stem == FSFE_STEM:
        for saved, (path, commit, chars) in FSFE_FILES.items():
            print(
                f"      read_file repo={FSFE_REPO} path={path} commit={commit} "
                f"({chars} chars) -> save as {saved}, then --fsfe-dir"
            )
    elif stem in GITHUB:
        repo = GITHUB[stem][0]
        print(f"      fetch github:{repo}, then --mirrors /work/.mirror")


def check_all(sums: dict[str, tuple[str, int]], cache: Path, show_hints: bool) -> list[str]:
    bad = []
    for name in sorted(sums):
        st = status(cache / name, sums[name])
        print(
            f"{st.split(' ')[0]:8} {name}"
            + st.removeprefix("differs").removeprefix("ok").removeprefix("missing"),
            flush=True,
        )
        if st != "ok":
            bad.append(name)
            if show_hints:
                hints(name)
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    ap.add_argument("--cache", type=Path, default=CACHE, help="texts folder (default %(default)s)")
    ap.add_argument("--mirrors", type=Path, help="folder of fetched git snapshots (owner+name/)")
    ap.add_argument("--fsfe-dir", type=Path, help="folder with statement.it.xhtml, sigtable.txt")
    ap.add_argument("--tools", type=Path, default=SHARED / "tools", help="shared renderers")
    args = ap.parse_args()
    sums = read_sums(HERE)
    if not sums:
        print("no sums found (corpus/sums.txt or SOURCES tables)")
        return 1
    args.cache.mkdir(parents=True, exist_ok=True)
    print(f"checking {len(sums)} texts in {args.cache}")
    bad = check_all(sums, args.cache, show_hints=not (args.mirrors or args.fsfe_dir))
    todo = [
        n.removesuffix(".txt")
        for n in bad
        if n.removesuffix(".txt") in GITHUB or n.removesuffix(".txt") == FSFE_STEM
    ]
    if todo and (args.mirrors or args.fsfe_dir):
        print(f"rebuilding {len(todo)} GitHub-sourced texts")
        rebuild(todo, args)
        print("checking again")
        bad = check_all(sums, args.cache, show_hints=True)
    print(f"{len(sums) - len(bad)} ok, {len(bad)} missing or differing")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
