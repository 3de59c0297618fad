"""The offline precache list and manifests, on the real build and on small hand-made site trees."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from handbook.locales import locale_of_url, url_prefix
from handbook.plugin.offline import (
    ICON_DIR,
    MANIFEST_NAME,
    WORKER_NAME,
    LocaleApp,
    OfflineError,
    head_tags,
    relative_to_root,
    write_locale_app,
)

ROOTS = ["", "nb/"]
EN = LocaleApp("en", "", "Handbook", "Handbook", "About")
NB = LocaleApp("nb", "nb/", "Håndbok", "Håndbok", "Om")


def precache(site: Path, root: str) -> dict[str, str]:
    text = (site / root / WORKER_NAME).read_text(encoding="utf-8")
    entries = json.loads(re.search(r"^const PRECACHE = (.*);$", text, re.MULTILINE).group(1))
    return {entry["url"]: entry["revision"] for entry in entries}


def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    files = {
        "index.html": '<link href="assets/main.css"><a href="nb/index.html">nb</a>',
        "search/index.json": "{}",
        "assets/main.css": "body{}",
        "assets/main.css.map": "{}",
        "assets/unused.js": "",
        "assets/worker.js": "",
        "assets/stemmer.nb.js": "",
        "nb/index.html": '<link href="../assets/main.css"><script>{"search": "assets/worker.js"}</script>',
        "nb/assets/worker.js": "",  # the build places a locale's worker files in its scope
        "nb/assets/stemmer.nb.js": "",
        "nb/search/index.json": "{}",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_each_locale_precaches_its_own_files_and_the_shared_files_it_uses(tmp_path):
    site = tiny_site(tmp_path)
    write_locale_app(site, EN, ROOTS, ["assets/worker.js"])
    write_locale_app(site, NB, ROOTS)
    assert sorted(precache(site, "")) == [
        "assets/main.css",
        "assets/worker.js",
        "index.html",
        MANIFEST_NAME,
        "search/index.json",
    ]
    assert sorted(precache(site, "nb/")) == [
        "../assets/main.css",
        "assets/stemmer.nb.js",
        "assets/worker.js",
        "index.html",
        MANIFEST_NAME,
        "search/index.json",
    ]


def test_a_changed_file_changes_its_revision_and_the_worker(tmp_path):
    site = tiny_site(tmp_path)
    write_locale_app(site, NB, ROOTS)
    before, worker = precache(site, "nb/"), (site / "nb" / WORKER_NAME).read_text(encoding="utf-8")
    (site / "nb/search/index.json").write_text('{"docs": []}', encoding="utf-8")
    write_locale_app(site, NB, ROOTS)
    after = precache(site, "nb/")
    assert [url for url in after if after[url] != before[url]] == ["search/index.json"]
    assert (site / "nb" / WORKER_NAME).read_text(encoding="utf-8") != worker


def test_the_development_server_gets_a_worker_that_removes_itself(tmp_path):
    site = tiny_site(tmp_path)
    assert write_locale_app(site, NB, ROOTS, offline=False) == []
    worker = (site / "nb" / WORKER_NAME).read_text(encoding="utf-8")
    assert "PRECACHE" not in worker and "self.registration.unregister()" in worker


def test_a_locale_without_a_home_page_is_one_clear_error(tmp_path):
    site = tiny_site(tmp_path)
    (site / "nb/index.html").unlink()
    with pytest.raises(OfflineError, match=r"nb/index\.html: missing"):
        write_locale_app(site, NB, ROOTS)


def test_a_missing_shared_file_is_one_clear_error(tmp_path):
    with pytest.raises(OfflineError, match=r"files to precache for 'en' are missing: assets/gone\.js"):
        write_locale_app(tiny_site(tmp_path), EN, ROOTS, ["assets/gone.js"])


@pytest.mark.parametrize(
    "page, root, expected",
    [
        ("index.html", "", "./"),
        ("nb/index.html", "nb/", "./"),
        ("nb/a/b.html", "nb/", "../"),
    ],
)
def test_pages_link_the_manifest_at_their_locale_root(page, root, expected):
    assert relative_to_root(page, root) == expected
    assert f'<link rel="manifest" href="{expected}{MANIFEST_NAME}">' in head_tags(page, root)


def test_the_real_build_has_a_manifest_and_worker_per_locale(built_site, registry):
    locales, default = list(registry.locales), registry.default_locale
    for locale in registry.locales:
        root = url_prefix(locale, registry.default_locale)
        manifest = json.loads((built_site / root / MANIFEST_NAME).read_text(encoding="utf-8"))
        assert (manifest["lang"], manifest["start_url"], manifest["scope"]) == (locale, "./", "./")
        assert {icon["purpose"] for icon in manifest["icons"]} == {"any", "maskable"}
        for icon in manifest["icons"]:
            png = (built_site / root / icon["src"]).read_bytes()
            width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
            assert f"{width}x{height}" == icon["sizes"], icon
        urls = precache(built_site, root)
        # The tab's icon is the app icon's drawing (mkdocs.yml, theme.favicon), and works offline.
        home = (built_site / root / "index.html").read_text(encoding="utf-8")
        favicon = re.search(r'<link rel="icon" href="([^"]+)">', home).group(1)
        assert favicon.endswith(f"{ICON_DIR}/icon.svg") and (built_site / root / favicon).is_file(), favicon
        assert favicon in urls, f"{locale} does not precache its favicon"
        pages = {p.name for p in (built_site / root).glob("*.html") if p.name != "404.html"}
        assert pages <= set(urls) and "search/search_index.json" in urls
        in_site = [posixpath.normpath(root + url) for url in urls]
        assert in_site and [f for f in in_site if f.endswith(".map")] == []
        elsewhere = [f for f in in_site if not f.startswith("assets/") and locale_of_url(f, locales, default) != locale]
        assert elsewhere == [], f"{locale} precaches another locale's files"
