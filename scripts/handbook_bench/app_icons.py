"""Renders the app icons (PNG) from the one source drawing, overrides/assets/images/icons/icon.svg.

The PNGs are committed; run this after changing the drawing:

    .venv/bin/python -m handbook_bench.app_icons

It draws the SVG with Debian's Chromium (the browser the tests use), so no image library is
needed. The drawing is full bleed with its content inside the central circle, so the same image
serves as the `any` and the `maskable` icon.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handbook_bench.support import chromium

ICONS = Path(__file__).resolve().parents[2] / "overrides" / "assets" / "images" / "icons"
SOURCE = ICONS / "icon.svg"
SIZES = {"icon-192.png": 192, "icon-512.png": 512, "icon-maskable-512.png": 512, "apple-touch-icon.png": 180}


def data_uri_text(svg: str) -> str:
    """The SVG as the text of a utf8 data: URI (no '#', single quotes only)."""
    return svg.replace("#", "%23").replace(chr(34), chr(39))


def render(source: Path, target: Path, size: int, browser: Any) -> None:
    page = browser.new_page(viewport={"width": size, "height": size})
    svg = source.read_text(encoding="utf-8")
    page.set_content(
        f'<body style="margin:0"><img src="data:image/svg+xml;utf8,{data_uri_text(svg)}" '
        f'width="{size}" height="{size}" style="display:block"></body>'
    )
    page.wait_for_function("document.images[0].complete")
    page.screenshot(path=str(target), clip={"x": 0, "y": 0, "width": size, "height": size})
    page.close()


def main() -> int:
    with chromium() as browser:
        for name, size in SIZES.items():
            render(SOURCE, ICONS / name, size, browser)
            print(f"{ICONS / name} ({size}x{size})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
