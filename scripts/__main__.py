"""Command-line entry point: `python -m scripts <command>`. Each command's docstring is its --help."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from scripts.checks import RULES, load_content, run_checks
from scripts.problems import Problem, summary
from scripts.registry import load_registry

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


def command_rules(args: argparse.Namespace) -> int:
    """List the checker's rule IDs and what each rule checks."""
    for rule, rule_ids in RULES:
        print(f"{', '.join(rule_ids)}: {(rule.__doc__ or '').strip()}")
    return 0


def command_bench(args: argparse.Namespace) -> int:
    """Time the checker and the MkDocs build on this handbook and on generated trees (prints figures)."""
    from scripts.bench import main as bench_main

    return bench_main(args.root)


def report(problems: list[Problem]) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.format())
        if annotate:
            print(problem.github_annotation())


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": command_check,
    "rules": command_rules,
    "bench": command_bench,
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
        sub.set_defaults(function=function)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.function(args)


if __name__ == "__main__":
    sys.exit(main())
