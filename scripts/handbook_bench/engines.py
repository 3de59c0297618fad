"""MkDocs beside ProperDocs (its maintained continuation) on this handbook, from the same lock: which
engine builds the site is chosen on these figures (README, "The engine"). Each engine builds the site
from the same mkdocs.yml, in turns; the two `site/` trees are then compared file by file."""

from __future__ import annotations

import filecmp
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGINES = ("mkdocs", "properdocs")
REPEATS = 3
SITE_URL = "https://service-recovery.github.io/handbook/"
# Each engine names itself in every page's <meta name="generator">; the offline worker lists a hash of
# every page it precaches, so it differs whenever a page does.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
WORKER = "sw.js"


def build(root: Path, engine: str, site: Path) -> float:
    """Wall time of one strict build of `root` by `engine` into `site`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    command = [sys.executable, "-m", engine, "build", "--strict", "--quiet", "--site-dir", str(site)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"engines: the {engine} build failed:\n{result.stderr}")
    return time.perf_counter() - start


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def compare(first: Path, second: Path) -> tuple[list[str], list[str], list[str]]:
    """Identical files, differing files, and files only one tree has."""
    ours, theirs = files(first), files(second)
    common = sorted(ours & theirs)
    same = [name for name in common if filecmp.cmp(first / name, second / name, shallow=False)]
    return same, sorted(set(common) - set(same)), sorted(ours ^ theirs)


def why(first: Path, second: Path) -> str:
    """Why two versions of a file differ, when the reason is a known one."""
    if GENERATOR.sub(b"", first.read_bytes()) == GENERATOR.sub(b"", second.read_bytes()):
        return "the generator tag alone"
    return "the pages' hashes it precaches" if first.name == WORKER else "UNEXPLAINED"


def main(root: Path) -> int:
    times: dict[str, list[float]] = {engine: [] for engine in ENGINES}
    with tempfile.TemporaryDirectory(prefix="engines-") as scratch:
        sites = {engine: Path(scratch) / engine for engine in ENGINES}
        for _ in range(REPEATS):
            for engine in ENGINES:
                times[engine].append(build(root, engine, sites[engine]))
        same, differing, alone = compare(sites["mkdocs"], sites["properdocs"])
        reasons = {name: why(sites["mkdocs"] / name, sites["properdocs"] / name) for name in differing}
    print(f"Engines on this handbook (strict build, median of {REPEATS}, interleaved):")
    for engine in ENGINES:
        version = subprocess.run([sys.executable, "-m", engine, "--version"], capture_output=True, text=True)
        print(f"  {engine:<11} {statistics.median(times[engine]):6.2f} s   {version.stdout.split(' from ')[0]}")
    print(f"site/ file by file: {len(same)} identical, {len(differing)} differing, {len(alone)} in one tree only")
    for name in differing:
        print(f"  differs: {name}: {reasons[name]}")
    for name in alone:
        print(f"  only in one: {name}")
    return 0
