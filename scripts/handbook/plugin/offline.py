"""The installable, offline handbook: a web app manifest and a service worker per locale.

Staff read the handbook on phones with a flaky connection. After one online visit, every page of
the reader's language, the assets those pages use and that language's search index must work
offline. This module works on a built site directory and plain data (no MkDocs import):

- `write_locale_app` writes `<locale root>/manifest.webmanifest` and `<locale root>/sw.js`;
- the worker's precache list is every file under the locale root (search indexes of any engine
  included), plus the shared theme files the locale's pages and manifest refer to, plus any
  `extra_shared` files a caller knows are loaded dynamically; each with the hash of its bytes,
  so a new deploy changes `sw.js` and browsers pick it up on the next visit;
- `head_tags` gives the `<head>` links every page of a locale carries.

Each locale's worker lives at its locale root, so its scope is that root: the English worker
(`/`) never precaches Norwegian pages, and the Norwegian one (`/nb/`, more specific) wins there.
Call `write_locale_app` after every other file of the site has been written.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

MANIFEST_NAME = "manifest.webmanifest"
WORKER_NAME = "sw.js"
WORKER_SOURCE = Path(__file__).with_name("offline_worker.js")
# `sw.js` under `mkdocs serve`: pages change with every save there, so a worker from an earlier
# visit removes its caches and itself instead of serving yesterday's page.
RETIRING_WORKER = """// Development server: no offline copy. Remove this scope's caches and this worker.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(caches.keys()
  .then((names) => Promise.all(names
    .filter((name) => name.startsWith("handbook-offline "))
    .map((name) => caches.delete(name))))
  .then(() => self.registration.unregister())));
"""
# Theme indigo (Material's --md-primary-fg-color for `primary: indigo`) and its page background.
THEME_COLOR = "#4051b5"
BACKGROUND_COLOR = "#ffffff"
# Top-level folders of the site shared by every locale (the theme's static files): a locale
# precaches only the files in them that it refers to, not every stemmer and source map.
SHARED_DIRS = ("assets",)
SHARED_PREFIXES = tuple(f"{folder}/" for folder in SHARED_DIRS)
ICON_DIR = "assets/images/icons"
ICONS = (
    {"src": f"{ICON_DIR}/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any"},
    {"src": f"{ICON_DIR}/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any"},
    {"src": f"{ICON_DIR}/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
)
APPLE_TOUCH_ICON = f"{ICON_DIR}/apple-touch-icon.png"
# Never precached: source maps (debugging only), the worker itself, and sitemaps (for crawlers).
EXCLUDED = re.compile(r"(\.map|(^|/)sw\.js|(^|/)sitemap\.xml(\.gz)?)$")
# Quoted relative references in pages and manifests ("../assets/x.css", 'search.js'): any that
# names a file of the site is something the page may load.
QUOTED_REFERENCE = re.compile(r"""["']([^"'\s<>{}()]+)["']""")
SCANNED_SUFFIXES = (".html", ".webmanifest")


class OfflineError(Exception):
    """A site directory that cannot be made available offline (a missing file, a bad locale)."""


@dataclass(frozen=True)
class LocaleApp:
    """What the manifest of one locale says, in that locale's language."""

    code: str
    root: str  # the locale's folder in the site, "" for the default locale, else "nb/"
    name: str
    short_name: str
    description: str


def relative_to_root(page_url: str, root: str) -> str:
    """The relative URL from a page (e.g. `nb/roadblocks.html`) to its locale root (`./`)."""
    depth = page_url.count("/") - root.count("/")
    return "../" * depth or "./"


def head_tags(page_url: str, root: str) -> str:
    """The manifest, theme colour and touch icon links for a page of the locale at `root`."""
    to_root = relative_to_root(page_url, root)
    to_site = "../" * page_url.count("/") or "./"
    return (
        f'<link rel="manifest" href="{to_root}{MANIFEST_NAME}">\n'
        f'<meta name="theme-color" content="{THEME_COLOR}">\n'
        f'<link rel="apple-touch-icon" href="{to_site}{APPLE_TOUCH_ICON}">\n'
    )


def manifest(app: LocaleApp) -> dict[str, Any]:
    """The web app manifest of one locale: start_url and scope are the locale root."""
    to_site = "../" * app.root.count("/")
    return {
        "id": "./",
        "name": app.name,
        "short_name": app.short_name,
        "description": app.description,
        "lang": app.code,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [{**icon, "src": to_site + icon["src"]} for icon in ICONS],
    }


def other_roots(app: LocaleApp, roots: list[str]) -> list[str]:
    return [root for root in roots if root and root != app.root]


def owned_files(site: Path, app: LocaleApp, roots: list[str]) -> list[str]:
    """Every file under the locale root (site-relative), minus other locales and shared folders."""
    skip = tuple(other_roots(app, roots)) + (SHARED_PREFIXES if not app.root else ())
    base = site / app.root
    files = (path.relative_to(site).as_posix() for path in base.rglob("*") if path.is_file())
    return sorted(f for f in files if not f.startswith(skip) and not EXCLUDED.search(f))


def referenced_shared(site: Path, sources: list[str]) -> set[str]:
    """Files in the shared folders that the given site files refer to by a quoted relative URL."""
    targets: dict[tuple[str, str], str | None] = {}  # pages in one folder share most references
    for source in sources:
        if not source.endswith(SCANNED_SUFFIXES):
            continue
        folder = posixpath.dirname(source)
        for ref in set(QUOTED_REFERENCE.findall((site / source).read_text(encoding="utf-8"))):
            if (folder, ref) not in targets:
                targets[folder, ref] = _shared_target(site, folder, ref)
    return {target for target in targets.values() if target}


def _shared_target(site: Path, folder: str, ref: str) -> str | None:
    """The shared file a reference from `folder` points to, if it is one to precache."""
    target = posixpath.normpath(posixpath.join(folder, ref.split("#")[0].split("?")[0]))
    if target.startswith(SHARED_PREFIXES) and (site / target).is_file() and not EXCLUDED.search(target):
        return target
    return None


def precache_entries(site: Path, app: LocaleApp, roots: list[str], extra_shared: list[str]) -> list[dict[str, str]]:
    """The worker's list: URL relative to the locale root, and a hash of the file's bytes."""
    own = owned_files(site, app, roots)
    missing = [f for f in extra_shared if not (site / f).is_file()]
    if missing:
        raise OfflineError(f"{site}: files to precache for {app.code!r} are missing: {', '.join(missing)}")
    files = sorted(set(own) | referenced_shared(site, own) | set(extra_shared))
    return [{"url": url_from_root(app.root, f), "revision": file_hash(site / f)} for f in files]


def url_from_root(root: str, site_file: str) -> str:
    return PurePosixPath(posixpath.relpath(site_file, root or ".")).as_posix()


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def worker_source(entries: list[dict[str, str]], template: str) -> str:
    """`sw.js`: the precache list and its version (a hash of the list and code), then the code."""
    listing = json.dumps(entries, separators=(",", ":"), sort_keys=True)
    version = hashlib.sha256((listing + template).encode("utf-8")).hexdigest()[:16]
    return f"const VERSION = {json.dumps(version)};\nconst PRECACHE = {listing};\n{template}"


def write_locale_app(
    site: Path,
    app: LocaleApp,
    roots: list[str],
    extra_shared: Sequence[str] = (),
    offline: bool = True,
) -> list[dict[str, str]]:
    """Write the locale's manifest, then its worker with the precache list; return the list.

    `extra_shared`: shared files the locale loads that no page names (precached as they are);
    `offline=False` (the development server): a worker that removes itself, and no list."""
    folder = site / app.root
    if not (folder / "index.html").is_file():
        raise OfflineError(f"{folder / 'index.html'}: missing: locale {app.code!r} has no home page to start from")
    text = json.dumps(manifest(app), ensure_ascii=False, indent=2) + "\n"
    (folder / MANIFEST_NAME).write_text(text, encoding="utf-8")
    if not offline:
        (folder / WORKER_NAME).write_text(RETIRING_WORKER, encoding="utf-8")
        return []
    entries = precache_entries(site, app, roots, list(extra_shared))
    (folder / WORKER_NAME).write_text(
        worker_source(entries, WORKER_SOURCE.read_text(encoding="utf-8")), encoding="utf-8"
    )
    return entries
