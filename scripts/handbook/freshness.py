"""Which revision of its English source each translation was made from, and what changed since.

A translated page records, in its front matter, a hash of the English page and of each anchored
section, and a hash of the translated page itself as it was stamped (`translation: {source: …,
translated: …, sections: {id: …}}`; `unchanged: true` when the translator stamped an English
change that needed no translation change). Hashes ignore whitespace, so re-wrapping a paragraph
does not make a translation outdated. `stamp` writes the record, and refuses to record a new
English revision over a translation that has not changed since the last stamp; the checker
compares the record with the English page as it is now.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from handbook.markdown_page import MarkdownPage, parse_page

RECORD_KEY = "translation"
TRANSLATED_KEY = "translated"  # the hash of the translated page as stamped
UNCHANGED_KEY = "unchanged"  # true: the English change recorded needed no translation change
HASH_LENGTH = 12


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class SourceHashes:
    page: str
    sections: dict[str, str]  # anchor -> hash of the heading and its body


def source_hashes(source: MarkdownPage) -> SourceHashes:
    """Hashes of an English page: the whole text, and each section with an explicit anchor."""
    sections = {
        heading.anchor: text_hash(heading.text + "\n" + "\n".join(source.concept_body(heading)))
        for heading in source.headings
        if heading.anchor
    }
    return SourceHashes(text_hash("\n".join(source.lines)), sections)


def recorded_translation(translation: MarkdownPage) -> str | None:
    """The hash of the translated page the record was written for (None in records written before
    `stamp` kept it)."""
    record = translation.front_matter.get(RECORD_KEY)
    value = record.get(TRANSLATED_KEY) if isinstance(record, dict) else None
    return value if isinstance(value, str) else None


def recorded_unchanged(translation: MarkdownPage) -> bool:
    """The record says the English change it records needed no translation change."""
    record = translation.front_matter.get(RECORD_KEY)
    return isinstance(record, dict) and record.get(UNCHANGED_KEY) is True


def translation_hash(translation_text: str) -> str:
    """A hash of the translated page, its record left out (the record is not the translation)."""
    lines = translation_text.split("\n")
    end = parse_page(translation_text).body_start - 1
    return text_hash("\n".join([*_without_record(lines[1:end]), *lines[end:]]))


def recorded_hashes(translation: MarkdownPage) -> SourceHashes | None:
    """The record in a translation's front matter; None if absent or not of the shape `stamp` writes."""
    record = translation.front_matter.get(RECORD_KEY)
    if not isinstance(record, dict) or not isinstance(record.get("source"), str):
        return None
    sections = record.get("sections", {})
    if not isinstance(sections, dict) or not all(isinstance(v, str) for v in sections.values()):
        return None
    return SourceHashes(record["source"], {str(k): v for k, v in sections.items()})


def changed_sections(recorded: SourceHashes, current: SourceHashes) -> list[str]:
    """Anchors whose English section changed, appeared or disappeared since the record."""
    anchors = list(current.sections) + [a for a in recorded.sections if a not in current.sections]
    return [a for a in anchors if recorded.sections.get(a) != current.sections.get(a)]


def stamped_text(translation_text: str, hashes: SourceHashes, *, unchanged: bool = False) -> str:
    """The translation's text with its record replaced by `hashes` and the translation's own hash
    (and `unchanged: true` if the English change needed no translation change); everything else untouched."""
    lines = translation_text.split("\n")  # numbered like markdown_page.split_lines, keeping any "\r"
    end = parse_page(translation_text).body_start - 1  # the closing '---' (callers check the front matter)
    kept = _without_record(lines[1:end])
    # Hashes are quoted: YAML would read an all-digit hash such as 123456789012 as a number.
    record = [
        f"{RECORD_KEY}:",
        f'  source: "{hashes.page}"',
        f'  {TRANSLATED_KEY}: "{translation_hash(translation_text)}"',
    ]
    record += [f"  {UNCHANGED_KEY}: true"] if unchanged else []
    record += ["  sections:"]
    record += [f'    {anchor}: "{digest}"' for anchor, digest in hashes.sections.items()]
    if not hashes.sections:
        record[-1] = "  sections: {}"
    carriage_return = "\r" if lines[0].endswith("\r") else ""  # the file's own line endings (CRLF on Windows)
    return "\n".join([lines[0], *kept, *(line + carriage_return for line in record), *lines[end:]])


def _without_record(front_matter: list[str]) -> list[str]:
    """Front-matter lines without the record (its key and its indented lines)."""
    kept, skipping = [], False
    for line in front_matter:
        if re.match(rf"^{RECORD_KEY}\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    return kept


def is_outdated(english: MarkdownPage, translated: MarkdownPage) -> bool:
    """The translation records no English revision, or not the current one."""
    recorded = recorded_hashes(translated)
    return recorded is None or recorded.page != source_hashes(english).page
