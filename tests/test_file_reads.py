"""One build reads each source once: the registry and the termbase once, each page at most twice
(MkDocs reads it, and the handbook plugin reads it for the checker's model). Counted with a
Python audit hook on `open` in a real build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

from handbook_bench.support import Engine
from tests.helpers import PROJECT_ROOT

COUNT_OPENS = """
import atexit, json, os, sys
from collections import Counter
opened = Counter()
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)):
        opened[os.path.realpath(args[0])] += 1
sys.addaudithook(hook)
counts_file, site_dir, engine = sys.argv[1], sys.argv[2], sys.argv[3]
atexit.register(lambda: open(counts_file, "w").write(json.dumps(opened)))
cli = __import__(f"{engine}.__main__", fromlist=["cli"]).cli
sys.argv = [engine, "build", "-f", os.path.abspath("mkdocs.yml"), "--strict", "--quiet", "--site-dir", site_dir]
cli()
"""


def test_one_build_reads_the_registry_and_termbase_once_and_each_page_at_most_twice(tmp_path, registry):
    counts_file = tmp_path / "opens.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-c", COUNT_OPENS, str(counts_file), str(tmp_path / "site"), Engine.name],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    opened = Counter({path: count for path, count in json.loads(counts_file.read_text()).items()})
    root = os.path.realpath(PROJECT_ROOT)
    assert opened[f"{root}/concepts.yml"] == 1
    assert opened[f"{root}/termbase.yml"] == 1
    pages = {path: count for path, count in opened.items() if path.startswith(f"{root}/docs/") and path.endswith(".md")}
    assert len(pages) == len(registry.pages) * len(registry.locales)  # every page of every locale was read
    assert max(pages.values()) <= 2, {path: count for path, count in pages.items() if count > 2}
