"""Command-line entry point: `python -m scripts <command>`. Each command's docstring is its --help."""

from __future__ import annotations

import argparse
import difflib
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from scripts.checks import LOADING_RULES, RULES, load_content, run_checks
from scripts.problems import Problem, summary
from scripts.history import HistoryError, find_revision
from scripts.registry import load_registry
from scripts.staleness import recorded_hashes, source_hashes, stamped_text
from scripts.translation_status import status_table, translation_status

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def command_check(args: argparse.Namespace) -> int:
    """Check every locale under docs/ against the default locale and concepts.yml.

    Prints each problem as `locale:path:line: rule-id: message`, then a count; exits 1 if any
    error was found. Warnings (such as outdated translations) fail only with --strict.
    With GITHUB_ACTIONS=true it also prints GitHub annotations.
    """
    registry, problems = load_registry(args.root)
    checked = "the registry (fix it before the pages can be checked)"
    if registry is not None:
        content = load_content(args.root, registry)
        checked = f"{len(content.pages)} pages in {len(content.locale_dirs)} locales"
        problems = run_checks(content)
    if args.strict:
        problems = [Problem(p.path, p.line, p.locale, p.rule, p.message, "error") for p in problems]
    report(problems)
    print(summary(problems, checked))
    return 1 if any(p.severity == "error" for p in problems) else 0


def command_stamp(args: argparse.Namespace) -> int:
    """Record that pages of LOCALE translate the current English text (run after updating them).

    Name each PAGE you updated (e.g. roadblocks.md or docs/nb/roadblocks.md), or --all after
    translating a whole locale. Rewrites only the `translation:` record in each page's front
    matter; running it twice changes nothing. Nothing is written if any page has a problem.
    """
    content, problems = load_project(args.root)
    if content is None:
        return fail(problems)
    if not args.pages and not args.all:
        return fail([Problem(f"docs/{args.locale}", 1, args.locale, "stamp", "name the pages you updated, or use --all")])
    names = list(content.registry.pages) if args.all else [page_name(args.locale, name) for name in args.pages]
    pairs, problems = translation_pairs(content, args.locale, names, "stamp")
    problems += [page.problem(page.parsed.front_matter_error.line, "front-matter", page.parsed.front_matter_error.message)
                 for _, page in pairs if page.parsed.front_matter_error]
    if problems:
        return fail(problems)
    for source, page in pairs:
        path = args.root / page.shown
        old = path.read_text(encoding="utf-8")
        new = stamped_text(old, source_hashes(source.parsed))
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"stamped {page.shown}")
    return 0


def page_name(locale: str, given: str) -> str:
    """A page path as the registry writes it, from what a translator may type or tab-complete."""
    name = PurePosixPath(given.replace("\\", "/")).as_posix().removeprefix("./")
    return name.removeprefix(f"docs/{locale}/")


def translation_pairs(content, locale: str, names: list[str], rule: str):
    """(English page, translated page) for each name, or the problems that prevent it."""
    translated = content.registry.locales[1:]
    if locale not in translated:
        return [], [Problem(f"docs/{locale}", 1, locale, rule, f"'{locale}' is not a translated locale in concepts.yml (translated: {', '.join(translated)})")]
    pairs, problems = [], []
    for name in names:
        pair = content.pair(locale, name)
        if pair is None:
            problems.append(Problem(f"docs/{locale}/{name}", 1, locale, rule, f"no readable page {name} in docs/{locale}/ and docs/{content.registry.default_locale}/"))
        else:
            pairs.append(pair)
    return pairs, problems


def command_diff(args: argparse.Namespace) -> int:
    """Show what changed in the English page since PAGE of LOCALE was last stamped (needs git)."""
    content, problems = load_project(args.root)
    if content is None:
        return fail(problems)
    pairs, problems = translation_pairs(content, args.locale, [page_name(args.locale, args.page)], "diff")
    if problems:
        return fail(problems)
    source, page = pairs[0]
    recorded = recorded_hashes(page.parsed)
    if recorded is None:
        return fail([page.problem(1, "diff", "the page has no translation record; compare it with the whole English page")])
    if recorded.page == source_hashes(source.parsed).page:
        print(f"{page.shown} is up to date with {source.shown}.")
        return 0
    try:
        found = find_revision(args.root, source.shown, recorded.page)
    except HistoryError as error:
        return fail([page.problem(1, "diff", f"cannot read git history: {error}")])
    if found is None:
        return fail([page.problem(1, "diff", f"no commit of {source.shown} matches the recorded revision {recorded.page}")])
    commit, old_text = found
    now = (args.root / source.shown).read_text(encoding="utf-8")
    sys.stdout.writelines(difflib.unified_diff(
        old_text.splitlines(keepends=True), now.splitlines(keepends=True),
        f"{source.shown} (translated, {commit[:8]})", f"{source.shown} (now)"))
    return 0


def command_status(args: argparse.Namespace) -> int:
    """Print a table per locale: pages missing, untranslated, outdated and up to date, and concepts present."""
    content, problems = load_project(args.root)
    if content is None:
        return fail(problems)
    statuses = translation_status(content)
    print(status_table(statuses, {}))
    for status in statuses:
        for name, state in status.pages.items():
            if state != "up to date":
                print(f"{status.locale}:docs/{status.locale}/{name}:1: {state}")
    return 0


def load_project(root: Path):
    registry, problems = load_registry(root)
    return (load_content(root, registry), []) if registry else (None, problems)


def fail(problems: list[Problem]) -> int:
    report(problems)
    print(summary(problems, "the command's input"))
    return 1


def command_new_locale(args: argparse.Namespace) -> int:
    """Add LOCALE: copy every page as an untranslated stub and register it in concepts.yml and mkdocs.yml.

    Then translate the pages; `make check` lists what is still untranslated, page by page.
    """
    from scripts.new_locale import NewLocaleError, add_locale  # needs Babel, which only this command uses

    registry, problems = load_registry(args.root)
    if registry is None:
        return fail(problems)
    try:
        written = add_locale(args.root, registry, args.locale)
    except NewLocaleError as error:
        return fail([Problem(f"docs/{args.locale}", 1, args.locale, "new-locale", str(error))])
    for path in written:
        print(f"wrote {path}")
    print(f"Next: translate the pages in docs/{args.locale}/ and run `make check`; it lists what is still untranslated.")
    return 0


def command_rules(args: argparse.Namespace) -> int:
    """List the checker's rule IDs and what each rule checks."""
    for rule_id, description in LOADING_RULES.items():
        print(f"{rule_id}: {description}")
    for rule, rule_ids in RULES:
        print(f"{', '.join(rule_ids)}: {(rule.__doc__ or '').strip()}")
    return 0


def command_bench(args: argparse.Namespace) -> int:
    """Time the checker and the MkDocs build on this handbook and on generated trees (prints figures)."""
    from scripts.bench import main as bench_main

    return bench_main(args.root)


def command_search_bench(args: argparse.Namespace) -> int:
    """Search relevance (success@5, MRR per locale) of this site beside vanilla Material, in Chromium."""
    from scripts.search_bench import main as search_bench_main, print_scale

    if args.scale:
        print_scale(args.root, args.scale)
        return 0
    return search_bench_main(args.root, args.against, args.show_misses)


def report(problems: list[Problem]) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.format())
        if annotate:
            print(problem.github_annotation())


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": command_check,
    "rules": command_rules,
    "stamp": command_stamp,
    "diff": command_diff,
    "status": command_status,
    "new-locale": command_new_locale,
    "bench": command_bench,
    "search-bench": command_search_bench,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__)
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help="project folder (default: this checkout)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, function in COMMANDS.items():
        doc = function.__doc__ or ""
        sub = commands.add_parser(name, help=doc.splitlines()[0], description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
        if name == "check":
            sub.add_argument("--strict", action="store_true", help="treat warnings as errors (CI)")
        if name in ("stamp", "diff", "new-locale"):
            sub.add_argument("locale", help="a translated locale, e.g. nb")
        if name == "stamp":
            sub.add_argument("pages", nargs="*", metavar="PAGE", help="pages you updated, e.g. roadblocks.md")
            sub.add_argument("--all", action="store_true", help="stamp every page of the locale")
        if name == "diff":
            sub.add_argument("page", metavar="PAGE", help="page path inside the locale folder, e.g. roadblocks.md")
        if name == "search-bench":
            sub.add_argument("--against", metavar="REF", help="also measure this project at a git revision")
            sub.add_argument("--show-misses", action="store_true", help="list each query whose answer is not first")
            sub.add_argument("--scale", type=int, metavar="PAGES", help="instead: bytes and time to the first result on PAGES generated pages per locale")
        sub.set_defaults(function=function)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # not on Windows
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `... | head` ends quietly, like other CLI tools
    args = build_parser().parse_args(argv)
    return args.function(args)


if __name__ == "__main__":
    sys.exit(main())
