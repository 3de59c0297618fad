"""What a relative link in a page points at: (page name, anchor), resolved inside the locale folder."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote

# A link with a scheme (https:, mailto:) or a protocol-relative one leaves the handbook.
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def link_target(from_page: str, target: str) -> tuple[str, str] | None:
    """(page name, anchor or '') a relative link resolves to; None for external, absolute or escaping links."""
    if EXTERNAL.match(target):
        return None
    path_part, _, anchor = target.partition("#")
    path_part = unquote(path_part.partition("?")[0])
    if path_part.startswith("/"):
        return None
    name = resolve(from_page, path_part) if path_part else from_page
    return (name, anchor) if name is not None else None


def resolve(from_page: str, relative: str) -> str | None:
    """A path relative to a page, as a page name; None when it climbs out of the locale folder."""
    parts: list[str] = []
    for part in (PurePosixPath(from_page).parent / relative).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
