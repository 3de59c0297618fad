"""Where a line of an English page belongs in its translation, for the checker, `diff`, `stamp` and `status`.

A translator updating a page from an English change needs the place to edit in their own file,
named as they see it: sections pair across locales by heading level and anchor (as the checker
pairs them), never by text across languages, and are named by their headings in both languages. A
change is named by the deepest heading that holds it (a `###` subsection rather than its `##`
section), and a section the translation lacks by the line where its heading goes, the line the
`structure` rule reports.

Headings without an anchor (a `### Watch for` in every step) have nothing to pair by but their
order, so a subsection added before another of its level would take that one's twin. Given the
English page as the translation was last stamped (from git history: they were aligned then), such
headings pair through it instead: the translation's with the stamped English ones in order, and
these with the current English ones by their text (the same language), which tells a new, removed
or moved subsection from the others. That holds for the ones under one anchored heading at one
level while the translation has as many as when it was stamped (and, if it changed since, the
English has another number); else the translator is following the English change, and they pair
in order, as without history. Anchored headings pair by anchor only, as ever.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from handbook.freshness import recorded_translation, translation_hash
from handbook.markdown_page import Heading, MarkdownPage, Section

FRONT_MATTER = "the front matter"
OPENING = "the page's opening (before the first heading)"


@dataclass(frozen=True)
class HeadingFix:
    """An English heading the translation lacks, where it goes, and the translated heading
    that stands in its place with another anchor (a slip), if any."""

    english: Section
    line: int
    translated: Section | None = None

    @property
    def anchor(self) -> str | None:
        return self.english.heading.anchor if self.english.heading else None


@dataclass
class Alignment:
    matched: list[tuple[Section, Section]] = field(default_factory=list)
    slips: list[HeadingFix] = field(default_factory=list)
    missing: list[HeadingFix] = field(default_factory=list)
    extra: list[Section] = field(default_factory=list)

    def fixes(self) -> list[HeadingFix]:
        return self.slips + self.missing


def align(english: MarkdownPage, translated: MarkdownPage, stamped: MarkdownPage | None = None) -> Alignment:
    """Pair the headed sections of a translation with the English ones by level and anchor, and
    those without an anchor through `stamped`, the English page as the translation was last stamped."""
    theirs = [s for s in english.sections if s.heading]
    ours = [s for s in translated.sections if s.heading]
    keys = _keys(theirs, ours, stamped, translated)
    matcher = difflib.SequenceMatcher(a=keys[0], b=keys[1], autojunk=False)
    alignment = Alignment()
    end = max(1, len(translated.lines))
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            alignment.matched += list(zip(theirs[a0:a1], ours[b0:b1], strict=True))
            continue
        missing, extra = list(theirs[a0:a1]), list(ours[b0:b1])
        while missing and extra and _level(missing[0]) == _level(extra[0]):
            if _signature(missing[0]) == _signature(extra[0]):  # neither has an anchor: paired in order
                alignment.matched.append((missing[0], extra[0]))
            else:
                alignment.slips.append(HeadingFix(missing[0], _line(extra[0]), extra[0]))
            missing, extra = missing[1:], extra[1:]
        at = _line(ours[b1]) if b1 < len(ours) else end
        alignment.missing += [HeadingFix(section, _line(extra[0]) if extra else at) for section in missing]
        alignment.extra += extra
    return alignment


def _keys(
    theirs: list[Section], ours: list[Section], stamped: MarkdownPage | None, translated: MarkdownPage
) -> tuple[list[str], list[str]]:
    """What pairs the English headings with the translated ones: the level and the anchor, and for
    headings without an anchor, where the translation still has them as stamped, which stamped
    English heading each stands for (matched by text in the English, in order in the translation)."""
    english, translation = [_signature(s) for s in theirs], [_signature(s) for s in ours]
    if stamped is None:
        return english, translation
    unchanged = recorded_translation(translated) == translation_hash("\n".join(translated.lines))
    now, here = _anchorless(theirs), _anchorless(ours)
    for group, old in _anchorless(stamped.sections).items():
        new, mine = now.get(group, []), here.get(group, [])
        if len(mine) != len(old) or (len(mine) == len(new) and not unchanged):
            continue  # the translation has changed since its stamp, maybe to follow the English: in order
        stands_for = _by_text([text for _, text in new], [text for _, text in old])
        for k, (i, _) in enumerate(mine):
            translation[i] += f"|{k}"
        for position, (i, _) in enumerate(new):
            english[i] += f"|{stands_for.get(position, 'new')}"
    return english, translation


def _anchorless(sections: list[Section]) -> dict[tuple[str, int], list[tuple[int, str]]]:
    """The headings without an anchor, (index, text), by the anchored heading they follow and level."""
    groups: dict[tuple[str, int], list[tuple[int, str]]] = {}
    under = ""
    for index, section in enumerate(sections):
        if heading := section.heading:
            if heading.anchor:
                under = heading.anchor
            else:
                groups.setdefault((under, heading.level), []).append((index, heading.text))
    return groups


def _by_text(new: list[str], old: list[str]) -> dict[int, int]:
    """Which old heading each new one is (by index), by text; a heading replaced in place was renamed."""
    pairs: dict[int, int] = {}
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(a=new, b=old, autojunk=False).get_opcodes():
        if tag in ("equal", "replace"):
            pairs.update(zip(range(a0, a1), range(b0, b1), strict=False))
    return pairs


@dataclass(frozen=True)
class Twins:
    """Each English section's twin in the translation (by index in `english.sections`), and for
    each one the translation lacks, the line where its heading goes."""

    english: MarkdownPage
    translated: MarkdownPage
    twin: dict[int, Section]
    goes: dict[int, int]

    def index_at(self, english_line: int) -> int:
        """The deepest English section that holds `english_line` (its index)."""
        sections = self.english.sections
        return max((i for i, s in enumerate(sections) if _start(s) <= english_line), default=0)

    def part_index(self, english_line: int) -> int:
        """As `index_at`, but -1 for a line of the front matter."""
        return -1 if english_line <= self.english.body_start else self.index_at(english_line)


def twins(english: MarkdownPage, translated: MarkdownPage, stamped: MarkdownPage | None = None) -> Twins:
    """The sections paired as `align` pairs them (`stamped`: the English page as last stamped, if known)."""
    alignment = align(english, translated, stamped)
    index = {id(section): i for i, section in enumerate(english.sections)}
    twin = {0: translated.sections[0]}  # the part before the first heading
    twin |= {index[id(theirs)]: ours for theirs, ours in alignment.matched}
    twin |= {index[id(fix.english)]: fix.translated for fix in alignment.slips if fix.translated}
    goes = {index[id(fix.english)]: fix.line for fix in alignment.missing}
    return Twins(english, translated, twin, goes)


@dataclass(frozen=True)
class Place:
    english_heading: Heading | None  # the English section the line is in (None: before the first heading)
    translated_heading: Heading | None  # its twin in the translation, if it has one yet
    line: int  # the translated page's line where the change goes


def place_of(english_line: int, pairs: Twins) -> Place:
    """The translated line matching `english_line`: as far into the twin section as the English line
    is into its own, or, for a section the translation lacks yet, the line where its heading goes."""
    index = pairs.index_at(english_line)
    section, twin = pairs.english.sections[index], pairs.twin.get(index)
    if twin is not None:
        offset = english_line - _start(section)
        return Place(section.heading, twin.heading, min(_start(twin) + offset, _end(twin)))
    return Place(section.heading, None, pairs.goes.get(index, len(pairs.translated.lines)))


def sections_at(english_line: int, pairs: Twins) -> tuple[Section, Section | None]:
    """The English section (down to the next heading of any level) that holds `english_line`, and
    its twin in the translation, if it has one yet."""
    index = pairs.index_at(english_line)
    return pairs.english.sections[index], pairs.twin.get(index)


def heading_named(heading: Heading | None) -> str:
    return f"'{'#' * heading.level} {heading.text}'" if heading else OPENING


@dataclass(frozen=True)
class ChangedSection:
    """A part of the English page whose text changed since the translation was stamped: a section
    by its heading in both languages, or the front matter or the opening before the first heading."""

    anchor: str | None
    english: Heading | None  # None: the English page no longer has it (or a part without heading)
    translated: Heading | None  # None: the translation does not have it yet (or a part without heading)
    line: int = 0  # where it is in the translation: its heading's line, or the line where it goes
    part: str = ""  # FRONT_MATTER or OPENING for a part without heading

    @property
    def new_here(self) -> bool:
        """An English section the translation does not have yet."""
        return self.english is not None and self.translated is None


def changed_headings(anchors: list[str], pairs: Twins) -> list[ChangedSection]:
    """The headings of the changed anchored sections `anchors`, in both languages."""
    changed, sections = [], pairs.english.sections
    for anchor in anchors:
        index = next((i for i, s in enumerate(sections) if s.heading and s.heading.anchor == anchor), None)
        ours = next((h for h in pairs.translated.headings if h.anchor == anchor), None)
        theirs = sections[index].heading if index is not None else None
        line = ours.line if ours else pairs.goes.get(index, 0) if index is not None else 0
        changed.append(ChangedSection(anchor, theirs, ours, line))
    return changed


def changed_at(lines: list[int], pairs: Twins) -> list[ChangedSection]:
    """The parts of the English page that hold the changed `lines`, each once, in page order: each
    line's deepest section (by heading in both languages), the front matter or the opening."""
    found: dict[int, ChangedSection] = {}
    for line in lines:
        index = pairs.part_index(line)
        if index not in found:
            found[index] = part_at(index, pairs)
    return [found[index] for index in sorted(found)]


def part_at(index: int, pairs: Twins) -> ChangedSection:
    """The English section at `index` (-1: the front matter) as a changed part."""
    if index < 0:
        return ChangedSection(None, None, None, 1, FRONT_MATTER)
    heading = pairs.english.sections[index].heading
    twin = pairs.twin.get(index)
    if heading is None:
        return ChangedSection(None, None, None, _start(twin) if twin else 1, OPENING)
    if twin is None or twin.heading is None:
        return ChangedSection(heading.anchor, heading, None, pairs.goes.get(index, len(pairs.translated.lines)))
    return ChangedSection(heading.anchor, heading, twin.heading, twin.heading.line)


def section_names(changed: list[ChangedSection], english_path: str, translated_path: str = "") -> list[str]:
    """Changed sections by heading, each with the line it starts at: the translation's heading (at
    `translated_path`:line, or at a line "here" in messages reported in the translated page), with
    the English one beside it (at `english_path`:line); a section new to the translation with the
    line where it goes."""
    names = []
    for section in changed:
        ours, theirs = section.translated, section.english
        english_name = f"{heading_named(theirs)}, {english_path}:{theirs.line}" if theirs else ""
        at = f"at {translated_path}:{section.line}" if translated_path else f"at line {section.line} here"
        if section.part:
            names.append(section.part)
        elif ours and theirs:
            names.append(f"{heading_named(ours)} {at} (English {english_name})")
        elif ours:
            names.append(f"{heading_named(ours)} {at} (no longer in English)")
        elif theirs:
            goes = f"{translated_path}:{section.line}" if translated_path else f"line {section.line}"
            names.append(f"English {english_name} (new here: add it at {goes})")
        else:
            names.append(section.anchor or OPENING)
    return names


FRONT_MATTER_KEY = re.compile(r"^([\w-]+)[ \t]*:")


def front_matter_twin_line(english_line: int, english: MarkdownPage, translated: MarkdownPage) -> int:
    """The translated front matter's line for an English front-matter line: the same key's line."""
    key = next(
        (
            match.group(1)
            for number, text in reversed(english.front_matter_lines())
            if number <= english_line and (match := FRONT_MATTER_KEY.match(text))
        ),
        None,
    )
    return translated.front_matter_line(key) if key else 1


def _signature(section: Section) -> str:
    assert section.heading is not None
    return section.heading.signature


def _level(section: Section) -> int:
    assert section.heading is not None
    return section.heading.level


def _line(section: Section) -> int:
    assert section.heading is not None
    return section.heading.line


def _start(section: Section) -> int:
    if section.heading:
        return section.heading.line
    return section.lines[0][0] if section.lines else 1


def _end(section: Section) -> int:
    return section.lines[-1][0] if section.lines else _start(section)
