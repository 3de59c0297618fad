"""linkchecker, over HTTP, with anchor checking: zero broken links or anchors in the built site.

The site is built for the local server's address, so its absolute links (hreflang alternates,
canonical links) are checked as well. HTTP, because linkchecker cannot check anchors of
directory URLs on a local folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handbook_bench.site_server import free_port, serve
from handbook_bench.support import run_mkdocs_build
from tests.helpers import PROJECT_ROOT

SITE_PATH = "/handbook/"


def test_linkchecker_finds_no_broken_link_or_anchor(tmp_path):
    port = free_port()
    built = run_mkdocs_build(PROJECT_ROOT, tmp_path / "site", env={"SITE_URL": f"http://127.0.0.1:{port}{SITE_PATH}"})
    assert built.returncode == 0, built.stderr
    with serve(tmp_path / "site", SITE_PATH, port) as base:
        result = run_linkchecker(base + "index.html")
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 warnings found. 0 errors found." in result.stdout, result.stdout[-4000:]  # a bad anchor is a warning


# linkchecker, run as root (as CI is), switches to the user `nobody` and only then loads its plugins
# by listing its own package folder. In a private checkout (a `mktemp -d` clone) `nobody` cannot
# list it, so AnchorCheck silently goes missing and no anchor is checked. It only ever checks our
# own server on 127.0.0.1 here, so it keeps the user it was started as.
RUN_LINKCHECKER = (
    "import sys, linkcheck.command.linkchecker as cli; cli.drop_privileges = lambda: None; sys.exit(cli.linkchecker())"
)


def run_linkchecker(start_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_LINKCHECKER, "--config", str(Path(__file__).with_name("linkcheckerrc")), start_url],
        capture_output=True,
        text=True,
        check=False,
    )


def test_linkchecker_reports_a_missing_anchor_and_page(tmp_path):
    """Also proves AnchorCheck is active in this environment, without which the test above passes vacuously."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><a href="other.html#nowhere">a</a> <a href="gone.html">b</a>', encoding="utf-8"
    )
    (tmp_path / "other.html").write_text('<!doctype html><title>o</title><h1 id="here">o</h1>', encoding="utf-8")
    (tmp_path / "404.html").write_text("<!doctype html><title>Not found</title>", encoding="utf-8")
    with serve(tmp_path, SITE_PATH) as base:
        result = run_linkchecker(base + "index.html")
    assert result.returncode == 1
    assert "1 warning found. 1 error found." in result.stdout
    assert "Anchor `nowhere'" in result.stdout
