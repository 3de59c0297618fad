"""Command-line entry point: `handbook <command>` (or `python -m handbook`). Each command's docstring is its --help;
its arguments are declared with it, in its `@command(...)` line."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from handbook.counterpart import (
    FRONT_MATTER,
    ChangedSection,
    Twins,
    front_matter_twin_line,
    heading_named,
    part_at,
    place_of,
    section_names,
    twins,
)
from handbook.english_change import EnglishChange, accepted_lines, changed_parts, english_change
from handbook.freshness import (
    RECORD_KEY,
    recorded_hashes,
    recorded_translation,
    recorded_unchanged,
    source_hashes,
    stamped_text,
    translation_hash,
)
from handbook.history import HistoryError, find_revision
from handbook.locales import source_folder, source_path
from handbook.make_forms import diff_command, stamp_command
from handbook.markdown_page import parse_page
from handbook.problems import Problem, summary
from handbook.project import Pair, Project, load_project
from handbook.rules import ADVISORY, LOADING_RULES, RULES, run_checks
from handbook.status import pages_to_do, status_table, translation_status
from handbook.term_lookup import look_up
from handbook.termbase import TERMBASE_FILE
from handbook.word_diff import colour, word_hunks

# Where the commands look for the project unless --root says otherwise: the current folder.
DEFAULT_ROOT = Path(".")

Command = Callable[[argparse.Namespace], int]
Argument = tuple[tuple[str, ...], dict[str, Any]]  # argparse's add_argument(*names, **options)
# name -> (function, its arguments), in the order `handbook --help` lists them.
COMMANDS: dict[str, tuple[Command, tuple[Argument, ...]]] = {}


def argument(*names: str, **options: Any) -> Argument:
    return names, options


def command(name: str, *arguments: Argument) -> Callable[[Command], Command]:
    """Registers a subcommand with its arguments, declared beside the function that runs it."""

    def register(function: Command) -> Command:
        COMMANDS[name] = (function, arguments)
        return function

    return register


LOCALE = argument("locale", help="a translated locale, e.g. nb")


@command(
    "check", argument("--strict", action="store_true", help="treat warnings as errors, except in draft locales (CI)")
)
def command_check(args: argparse.Namespace) -> int:
    """Check every locale under docs/ against the default locale and concepts.yml.

    Prints each problem as `locale:path:line: rule-id: message`, then a count; exits 1 if any
    error was found. Warnings (such as outdated translations) fail only with --strict, except in
    a draft locale; spelling warnings never fail it. With GITHUB_ACTIONS=true it also prints GitHub annotations.
    """
    project, problems = load_project(args.root)
    checked = "the registry (fix it before the pages can be checked)"
    if project is not None:
        checked = f"{len(project.pages) + len(project.unreadable)} pages in {len(project.locale_dirs)} locales"
        problems = run_checks(project)
        if args.strict:
            drafts = project.registry.drafts
            problems = [p if p.locale in drafts or p.rule in ADVISORY else p.as_error() for p in problems]
    report(problems)
    print(summary(problems, checked))
    return 1 if any(p.severity == "error" for p in problems) else 0


@command(
    "stamp",
    LOCALE,
    argument("pages", nargs="*", metavar="PAGE", help="pages you updated, e.g. roadblocks.md"),
    argument("--all", action="store_true", help="stamp every page of the locale"),
    argument(
        "--unchanged",
        action="store_true",
        help="the English change needs no change in the translation: record it as such",
    ),
)
def command_stamp(args: argparse.Namespace) -> int:
    """Record that pages of LOCALE translate the current English text (run after updating them).

    Name each PAGE you updated (e.g. roadblocks.md or docs/nb/roadblocks.md), or --all after
    translating a whole locale. Rewrites only the `translation:` record in each page's front
    matter, and says what it recorded. Nothing is written if any named page (or its English page)
    has an error, or if the English page changed but the translation did not change since it was
    last stamped: update it, or, when the English change needs no change in the translation, say
    so with --unchanged. With --unchanged it prints the English words that changed, by section, and
    refuses a change of number (digits or number words) that the translated section does not have.
    """
    project, problems = load_project(args.root)
    if project is None:
        return fail(problems, NOTHING_STAMPED)
    if not args.pages and not args.all:
        message = "name the pages you updated, or use --all"
        return fail([Problem(source_folder(args.locale), 1, args.locale, "stamp", message)], NOTHING_STAMPED)
    names = list(project.registry.pages) if args.all else [page_name(args.locale, name) for name in args.pages]
    named = (
        f"the pages of {source_folder(args.locale)}/"
        if args.all
        else ", ".join(source_path(args.locale, name) for name in names)
    )
    pairs, problems = named_pairs(project, args.locale, names, "stamp")
    shown = {page.shown for pair in pairs for page in pair}
    problems += [p for p in run_checks(project) if p.path in shown and p.severity == "error" and p.rule != "outdated"]
    texts = {translated.shown: read_keeping_line_endings(args.root / translated.shown) for _, translated in pairs}
    accepted: dict[str, EnglishChange] = {}
    if args.unchanged:
        accepted = {pair[1].shown: english_change(args.root, pair) for pair in pairs}
        problems += [p for change in accepted.values() for p in change.problems]
    else:
        problems += [p for pair in pairs if (p := unchanged_translation(args.root, pair, texts[pair[1].shown]))]
    if problems:
        return fail(problems, NOTHING_STAMPED, named)
    for english, translated in pairs:
        old, hashes = texts[translated.shown], source_hashes(english.parsed)
        recorded = recorded_hashes(translated.parsed)
        english_changed = recorded is None or recorded.page != hashes.page
        unchanged = args.unchanged if english_changed else recorded_unchanged(translated.parsed)
        new = stamped_text(old, hashes, unchanged=unchanged)
        if new == old:
            print(f"{translated.shown}: already up to date with {english.shown} ({version(hashes.page)})")
            continue
        with (args.root / translated.shown).open("w", encoding="utf-8", newline="") as file:
            file.write(new)
        what = "needing no change for the English edit of" if unchanged and english_changed else "translating"
        print(f"stamped {translated.shown} as {what} {english.shown} ({version(hashes.page)})")
        if translated.shown in accepted and english_changed:
            print("\n".join(accepted_lines(accepted[translated.shown], (english, translated))))
    return 0


NOTHING_STAMPED = "Nothing was stamped."


def version(page_hash: str) -> str:
    """A recorded hash as the commands name it: a version of the English text, not a git commit."""
    return f"version {page_hash} of the English text"


def read_keeping_line_endings(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as file:  # keep the translator's line endings
        return file.read()


def unchanged_translation(root: Path, pair: Pair, text: str) -> Problem | None:
    """A refusal when the English page changed since the last stamp but the translation did not."""
    english, translated = pair
    recorded, current = recorded_hashes(translated.parsed), source_hashes(english.parsed)
    if recorded is None or recorded.page == current.page:
        return None
    if recorded_translation(translated.parsed) != translation_hash(text):
        return None
    changed = ", ".join(section_names(changed_parts(root, pair), english.shown)) or "outside the anchored sections"
    locale, name = translated.locale, translated.name
    return translated.problem(
        translated.parsed.front_matter_line(RECORD_KEY),
        "stamp",
        f"{english.shown} changed since this page was last stamped, and this page did not: run "
        f"`{diff_command(locale, name)}` and update the translation (changed sections: {changed}); only if "
        f"the English change needs no change here, run `{stamp_command(locale, name, unchanged=True)}`",
    )


def page_name(locale: str, given: str) -> str:
    """A page path as the registry writes it, from what a translator may type or tab-complete."""
    name = PurePosixPath(given.replace("\\", "/")).as_posix().removeprefix("./")
    return name.removeprefix(f"{source_folder(locale)}/")


def named_pairs(project: Project, locale: str, names: list[str], rule: str) -> tuple[list[Pair], list[Problem]]:
    """The pair of each named page, or the problems that prevent it."""
    translated = project.registry.translated_locales
    if locale not in translated:
        message = f"'{locale}' is not a translated locale in concepts.yml (translated: {', '.join(translated)})"
        return [], [Problem(source_folder(locale), 1, locale, rule, message)]
    pairs, problems = [], []
    for name in names:
        pair = project.pair(locale, name)
        if pair is None:
            default = project.registry.default_locale
            message = f"no readable page {name} in {source_folder(locale)}/ and {source_folder(default)}/"
            problems.append(Problem(source_path(locale, name), 1, locale, rule, message))
        else:
            pairs.append(pair)
    return pairs, problems


@command(
    "diff", LOCALE, argument("page", metavar="PAGE", help="page path inside the locale folder, e.g. roadblocks.md")
)
def command_diff(args: argparse.Namespace) -> int:
    """Show, word by word, what changed in the English page since PAGE of LOCALE was last stamped (needs git).

    Each change starts with `@@ English file:line in its section -> translated file:line in the
    twin section @@`, the line where the change goes in your page. Then `~` marks a changed line
    (removed words [-word-], added ones {+word+}), `+` a line added whole, `-` a line removed whole
    (a blank one as the mark alone); unmarked lines are context. Coloured on a terminal (not with
    NO_COLOR set). The English text as stamped is named by the version the page's `translation:`
    record holds (a hash of that text, not a git commit), and found in git history.
    """
    project, problems = load_project(args.root)
    if project is None:
        return fail(problems)
    pairs, problems = named_pairs(project, args.locale, [page_name(args.locale, args.page)], "diff")
    if problems:
        return fail(problems, checked=source_path(args.locale, page_name(args.locale, args.page)))
    english, translated = pairs[0]
    recorded = recorded_hashes(translated.parsed)
    if recorded is None:
        return fail(
            [
                translated.problem(
                    1, "diff", "the page has no translation record; compare it with the whole English page"
                )
            ]
        )
    if recorded.page == source_hashes(english.parsed).page:
        print(f"{translated.shown} is up to date with {english.shown} ({version(recorded.page)}).")
        return 0
    try:
        found = find_revision(args.root, english.shown, recorded.page)
    except HistoryError as error:
        return fail([translated.problem(1, "diff", f"cannot read git history: {error}")])
    if found is None:
        return fail(
            [translated.problem(1, "diff", f"no commit of {english.shown} has the recorded {version(recorded.page)}")]
        )
    commit, old_text = found
    now = (args.root / english.shown).read_text(encoding="utf-8")
    print(
        f"{english.shown}: changes since {version(recorded.page)} (as committed in {commit[:8]}), "
        f"which {translated.shown} translates"
    )
    painted = sys.stdout.isatty() and "NO_COLOR" not in os.environ  # https://no-color.org
    sections = twins(english.parsed, translated.parsed, parse_page(old_text))
    for hunk in word_hunks(old_text, now, sections.part_index):
        part = part_at(sections.part_index(hunk.section_line), sections)
        print(hunk_header(hunk.line, part, (english, translated), sections))
        for line in hunk.lines:
            print(colour(line) if painted else line)
    return 0


def hunk_header(line: int, part: ChangedSection, pair: Pair, sections: Twins) -> str:
    """`@@ English file:line in its section -> translated file:line in its twin @@`: the deepest
    section that holds the change, as the checker and `status` name it, and where it goes."""
    english, translated = pair
    if part.part == FRONT_MATTER:
        there = front_matter_twin_line(line, english.parsed, translated.parsed)
        return f"@@ {english.shown}:{line} in {FRONT_MATTER} -> {translated.shown}:{there} in {FRONT_MATTER} @@"
    where = f"{english.shown}:{line} in {part.part or heading_named(part.english)}"
    if part.new_here:
        return f"@@ {where} -> {translated.shown}:{part.line} (new here: add it) @@"
    place = place_of(line, sections)
    return f"@@ {where} -> {translated.shown}:{place.line} in {part.part or heading_named(part.translated)} @@"


@command("status")
def command_status(args: argparse.Namespace) -> int:
    """Print a table per locale: pages missing, untranslated, outdated and up to date, and concepts present.

    Then each page that needs work, at the line `handbook check` reports it, with the English
    sections changed since it was stamped (by heading, in both languages).
    """
    project, problems = load_project(args.root)
    if project is None:
        return fail(problems)
    statuses = translation_status(project)
    print(status_table(statuses, {}))
    for status in statuses:
        for note in pages_to_do(project, status):
            print(note.format(project.registry.default_locale))
    return 0


def fail(problems: list[Problem], closing: str = "", checked: str = "") -> int:
    """Report the problems, then a count that names what was checked (by default, the files the
    problems are in)."""
    report(problems)
    print(summary(problems, checked or ", ".join(dict.fromkeys(p.path for p in problems)) or "the command's input"))
    if closing:
        print(closing)
    return 1


@command("new-locale", argument("locale", help="the new locale's code, e.g. sv"))
def command_new_locale(args: argparse.Namespace) -> int:
    """Start LOCALE as a draft: copy every page as an untranslated stub, register it in concepts.yml
    (under `drafts`) and mkdocs.yml, with its interface texts to translate.

    A draft's untranslated pages are warnings (CI stays green) and its pages are kept out of search
    engines until you remove it from `drafts` in concepts.yml. `handbook check` lists what is left.
    """
    from handbook.new_locale import NewLocaleError, add_locale  # needs Babel, which only this command uses

    project, problems = load_project(args.root)
    if project is None:
        return fail(problems)
    try:
        written = add_locale(args.root, project.registry, args.locale)
    except NewLocaleError as error:
        return fail([Problem(source_folder(args.locale), 1, args.locale, "new-locale", str(error))])
    for path in written:
        print(f"wrote {path}")
    print(
        f"Next: translate the pages in {source_folder(args.locale)}/ and the interface texts in mkdocs.yml, "
        f"run `make check`, and when done remove '{args.locale}' from 'drafts' in concepts.yml."
    )
    return 0


@command("term", argument("word", metavar="WORD", help="a word or phrase in any language, e.g. customer or kunde"))
def command_term(args: argparse.Namespace) -> int:
    """Look WORD up in termbase.yml, in both directions: the term in every language, its variants
    and search synonyms, and, if it is forbidden, what to write instead and why."""
    project, problems = load_project(args.root)
    if project is None:
        return fail(problems)
    found = look_up(project.termbase, args.word, project.root)
    for line in found:
        print(line)
    if not found:
        print(f"'{args.word}' is not in {TERMBASE_FILE}: no term, variant, synonym or forbidden word matches it.")
    return 0


@command("rules")
def command_rules(args: argparse.Namespace) -> int:
    """List the checker's rule IDs and what each rule checks."""
    for rule_id, description in LOADING_RULES.items():
        print(f"{rule_id}: {description}")
    for rule, rule_ids in RULES:
        print(f"{', '.join(rule_ids)}: {(rule.__doc__ or '').strip()}")
    return 0


def report(problems: list[Problem]) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.format())
        if annotate:
            print(problem.github_annotation())


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="project folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, (function, arguments) in COMMANDS.items():
        doc = function.__doc__ or ""
        sub = commands.add_parser(
            name, help=doc.splitlines()[0], description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        for names, options in arguments:
            sub.add_argument(*names, **options)
        sub.set_defaults(function=function)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.function(args))


def run() -> None:
    """The `handbook` command: `main`, as a process of its own."""
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `... | head` ends quietly, like other CLI tools
    sys.exit(main())
