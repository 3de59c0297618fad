"""Lighthouse scores of the built handbook: printed, never asserted (performance moves with load).

    .venv/bin/python -m handbook_bench.lighthouse [--site-dir DIR] [--runs 3]

Builds the site for a local address (or takes a site built for it), serves it the way GitHub
Pages does, and runs Lighthouse from npm (package-lock.json) with Debian's Chromium, mobile
settings, on the home page and a content page of each locale. Prints accessibility, best
practices and SEO of each run's worst, and the median performance of the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from handbook_bench.site_server import free_port, serve
from handbook_bench.support import CHROMIUM, CHROMIUM_ARGS, run_mkdocs_build

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = PROJECT_ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ("index.html", "recovery-steps.html", "nb/index.html", "nb/recovery-steps.html")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SITE_PATH = "/handbook/"


def build(site: Path, site_url: str) -> None:
    result = run_mkdocs_build(PROJECT_ROOT, site, quiet=True, env={"SITE_URL": site_url})
    if result.returncode != 0:
        raise SystemExit(f"lighthouse_bench: the build failed:\n{result.stderr}")


def run_lighthouse(url: str) -> dict[str, Any]:
    """One Lighthouse run (mobile, fresh profile): each category's score out of 100."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={flags}",
    ]
    result = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"lighthouse_bench: Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    return {name: report["categories"][name]["score"] * 100 for name in CATEGORIES} | {
        "failed": [
            audit_id
            for audit_id, audit in report["audits"].items()
            if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
        ]
    }


def page_scores(url: str, runs: int) -> str:
    results = [run_lighthouse(url) for _ in range(runs)]
    performance = statistics.median(r["performance"] for r in results)
    others = "  ".join(f"{name} {min(r[name] for r in results):.0f}" for name in CATEGORIES[1:])
    failed = sorted({audit for r in results for audit in r["failed"]})
    each = ", ".join(f"{r['performance']:.0f}" for r in results)
    return f"performance median {performance:.0f} (runs {each})  {others}" + (
        f"  failing: {', '.join(failed)}" if failed else ""
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a site already built for --site-url (default: build one)")
    parser.add_argument("--site-url", help="the address --site-dir was built for (http://127.0.0.1:PORT/handbook/)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit("lighthouse_bench: node_modules/.bin/lighthouse is missing: run `npm ci --ignore-scripts`")
    site_url = args.site_url or f"http://127.0.0.1:{free_port()}{SITE_PATH}"
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch:
        site = args.site_dir or Path(scratch) / "site"
        if args.site_dir is None:
            build(site, site_url)
        address = urlsplit(site_url)
        with serve(site, address.path, address.port, compress=True) as base:
            print(f"Lighthouse {args.runs} runs per page, mobile, {base} (text gzip-compressed, as on GitHub Pages)")
            for path in PAGES:
                print(f"{path:<26}{page_scores(base + path, args.runs)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
