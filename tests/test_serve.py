"""`make serve` as a translator uses it: editing termbase.yml, concepts.yml or a word list rebuilds the site."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import time
import urllib.request

from handbook_bench.support import engine_command, serving
from tests.helpers import edit, scratch_copy

READY_SECONDS = 90


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local test server
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


def wait_without(url: str, text: str) -> bool:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        page = fetch(url)
        if page and text not in page:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_the_termbase_changes(tmp_path):
    root = scratch_copy(tmp_path / "project")
    with serving(root) as base:
        glossary = base + "glossary.html"
        assert wait_for(glossary, "servicegjenoppretting"), "mkdocs serve did not start"
        edit(
            root,
            "termbase.yml",
            "  - en: coworker\n",
            "  - en: queue ticket\n    nb: kølapp\n  - en: coworker\n",
        )
        assert wait_for(glossary, "kølapp"), "the glossary was not rebuilt after termbase.yml changed"


def test_serve_rebuilds_when_a_word_list_changes(tmp_path):
    """A word added to words/nb.txt takes its spelling warning off the preview's banner at once,
    without saving the page again."""
    root = scratch_copy(tmp_path / "project")
    edit(root, "docs/nb/recovery-steps.md", "veier opp for bryet.", "veier opp for bryet, som Kjerstimor gjør.")
    warning = "spelling: " + html.escape("'Kjerstimor'")  # as the banner quotes the checker
    with serving(root) as base:
        steps = base + "nb/recovery-steps.html"
        assert wait_for(steps, warning), "mkdocs serve did not start with the spelling warning in its banner"
        with (root / "words/nb.txt").open("a", encoding="utf-8") as word_list:
            word_list.write("Kjerstimor\n")
        assert wait_without(steps, warning), "the page was not rebuilt after words/nb.txt changed"


def test_a_second_serve_on_a_busy_address_says_so_without_a_traceback(tmp_path):
    """A preview already listening on the address: one clear message, exit non-zero, no traceback."""
    root = scratch_copy(tmp_path / "project")
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        result = subprocess.run(
            engine_command("serve", root, "--dev-addr", f"127.0.0.1:{port}"),
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            capture_output=True,
            text=True,
            timeout=READY_SECONDS,
            check=False,
        )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert f"something already serves http://127.0.0.1:{port}/" in output, output
    assert "Traceback" not in output, output
