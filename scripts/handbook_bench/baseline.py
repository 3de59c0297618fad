"""The baseline every figure is measured against: the same pages, vanilla Material + mkdocs-static-i18n.

The configuration is the one their documentation gives, with this project's Markdown extensions
(so the pages render the same) and nothing of the handbook: no plugin, no overrides.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook_bench.generated_tree import registry_of

BENCH_SITE_PATH = "/handbook/"
# The baseline: Material and mkdocs-static-i18n as their documentation sets them up, same content.
VANILLA_CONFIG = """site_name: Service recovery handbook
site_url: {site_url}
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
{languages}
markdown_extensions: [admonition, attr_list, md_in_html, toc, pymdownx.details, pymdownx.superfences, pymdownx.tasklist]
"""


def vanilla_project(root: Path, target: Path, site_url: str) -> Path:
    """The same docs with a vanilla Material + static-i18n configuration."""
    registry = registry_of(root)
    languages = "\n".join(
        f"        - {{locale: {code}, name: {code}{', default: true' if code == registry.default_locale else ''}}}"
        for code in registry.locales
    )
    shutil.copytree(root / "docs", target / "docs")
    config = VANILLA_CONFIG.replace("{site_url}", site_url).replace("{languages}", languages)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target
