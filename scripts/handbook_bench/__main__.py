"""`python -m handbook_bench COMMAND`: the benchmarks, each a subcommand whose docstring is its help.

Lighthouse and the icon renderer run as modules of their own: `python -m handbook_bench.lighthouse`,
`python -m handbook_bench.app_icons`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def bench(args: argparse.Namespace) -> int:
    """Time the checker and the MkDocs build on this handbook and on generated trees (prints figures)."""
    from handbook_bench.bench import main

    return main(args.root)


def engines(args: argparse.Namespace) -> int:
    """Build the handbook with MkDocs and with ProperDocs; both build times, and the two sites file by file."""
    from handbook_bench.engines import main

    return main(args.root)


def search_bench(args: argparse.Namespace) -> int:
    """Search relevance (success@5 and MRR per locale) of this site beside vanilla Material, typed into Chromium."""
    from handbook_bench.search_bench import main, print_scale

    if args.scale:
        print_scale(args.root, args.scale)
        return 0
    return int(main(args.root, args.against, args.show_misses))


def search_bench_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--against", metavar="REF", help="also measure this project at a git revision")
    sub.add_argument("--show-misses", action="store_true", help="list each query whose answer is not first")
    sub.add_argument("--scale", type=int, metavar="PAGES", help="instead: the first result on PAGES generated pages")


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], Callable[[argparse.ArgumentParser], None] | None]] = {
    "bench": (bench, None),
    "engines": (engines, None),
    "search-bench": (search_bench, search_bench_options),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook_bench", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="command")
    for name, (function, options) in COMMANDS.items():
        doc = function.__doc__ or ""
        sub = commands.add_parser(name, help=doc.splitlines()[0], description=doc)
        if options:
            options(sub)
        sub.set_defaults(function=function)
    args = parser.parse_args(argv)
    return int(args.function(args))


if __name__ == "__main__":
    sys.exit(main())
