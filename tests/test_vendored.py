"""Vendored files are exact copies of the npm packages locked in package-lock.json."""

from __future__ import annotations

import pytest

from tests.helpers import PROJECT_ROOT

VENDOR = PROJECT_ROOT / "overrides" / "assets" / "javascripts" / "vendor"
VENDORED = {
    "iframe-worker-shim.js": "node_modules/iframe-worker/shim/index.js",
    "iframe-worker.LICENSE": "node_modules/iframe-worker/LICENSE",
    "lunr.min.js": "node_modules/lunr/lunr.min.js",
    "lunr.LICENSE": "node_modules/lunr/LICENSE",
}


@pytest.mark.parametrize("name, source", VENDORED.items())
def test_vendored_file_matches_its_locked_package(name, source):
    assert (VENDOR / name).read_bytes() == (PROJECT_ROOT / source).read_bytes(), (
        f"run: cp {source} {VENDOR.relative_to(PROJECT_ROOT)}/{name}"
    )
