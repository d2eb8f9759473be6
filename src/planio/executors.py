"""Executors: who does an event, split out of the cell that names them.

Pure functions. A DOCX cell gives one paragraph per line, and commas or semicolons separate
executors outside parentheses and quotes. A PDF (or a pasted cell) runs executors together
("Координационный совет Руководители ПОО"); those are cut using the executors the same
document names on their own elsewhere, and what cannot be cut that way stays whole.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from planio.dates.vocabulary import fold, normalize
from planio.text import fold_key

_SPACES = re.compile(r"\s+")
#: words that start a "who" (a position, a body, a group of people), folded (lower case)
WHO_WORDS = re.compile(
    r"(?:директор|заведующ|зам(?:еститель)?\.?|руководител|педагог(?![а-я]{3})|учител"
    r"|воспитател|методист|председател|специалист|начальник|инспектор|психолог|логопед"
    r"|инструктор|секретар|главн|старш|ст\.|классн|совет(?![а-я]{3})|комисси|администраци"
    r"|коллектив|ответственн|член|отдел(?![а-я]{3})|управлени|служб|кафедр|медсестр|медицинск"
    r"|библиотекар|тренер|куратор|эксперт|кл\.\s*рук|музыкальн|социальн|наставник|завуч|родител|представител|волонт"
    r"|обучающ|учащ|студент|воспитанник|выпускник)",
)
_OPENERS = {"(": ")", "«": "»", "“": "”", "„": "“", '"': '"', "[": "]"}
_EDGE_JUNK = " \t;,:-–—•·*"
#: a sentence-final dot after a word, not the dot of initials or abbreviations ("И.И.", "др.")
_FINAL_DOT = re.compile(r"(?<=[^\W\d_]{3})\.$")
_ABBREVIATION = re.compile(r"^[A-ZА-ЯЁ0-9]{2,}$")
#: a word, with the hyphens inside it ("педагог-психолог" is one word)
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def normalise(name: str) -> str:
    """Collapse whitespace and strip separators left at the edges."""
    return _FINAL_DOT.sub("", _SPACES.sub(" ", name).strip(_EDGE_JUNK)).strip(_EDGE_JUNK)


# Cached: a plan names the same executors row after row, and every name is keyed more than once.
@functools.lru_cache(maxsize=4096)
def key(name: str) -> str:
    """Comparison key: executors match case- and spacing-insensitively."""
    return fold_key(normalise(name))


def _outside_brackets(text: str) -> list[bool]:
    """For each character of ``text``: does it stand outside parentheses and quotes?"""
    outside: list[bool] = []
    closing: list[str] = []
    for char in text:
        if closing and char == closing[-1]:
            closing.pop()
            outside.append(False)
            continue
        if char in _OPENERS and not (char == '"' and closing and closing[-1] == '"'):
            closing.append(_OPENERS[char])
        outside.append(not closing)
    return outside


def split_separators(text: str) -> list[str]:
    """Split one line on "," and ";" that stand outside parentheses and quotes."""
    parts: list[str] = []
    start = 0
    for index, (char, outside) in enumerate(zip(text, _outside_brackets(text), strict=True)):
        if outside and char in ",;":
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [name for name in (normalise(p) for p in parts) if name]


#: « и » between two executors: «Иванов И.И. и Петров П.П.», «Педагоги и родители»
_AND = re.compile(r"\s+и\s+")
_SLASH = re.compile(r"\s*/\s*")


#: a first word in an oblique case names no one on its own: «Совет родителей и педагогов»,
#: «работа с учителями и родителями»
_OBLIQUE = re.compile(r"^[а-яё-]{3,}(?:ов|ев|ей|ами|ями|ам|ям|ах|ях)\b")


#: «все педагоги», «весь коллектив»: the group is named after «все»
_ALL = re.compile(r"^(?:все|весь|вся)\s+")


def _names_who(piece: str) -> bool:
    """Does ``piece`` name someone on its own: a person, or a position, body or group?"""
    if _PERSON.search(piece):
        return True
    folded = _ALL.sub("", normalize(piece))
    return bool(WHO_WORDS.match(folded)) and not _OBLIQUE.match(folded)


def split_and(name: str) -> list[str]:
    """Cut ``name`` at each « и » (outside quotes) where every piece names someone on its own.

    A «/» cuts only between people: «Иванова А.А./Петрова Б.Б.».

    «Иванов И.И. и Петров П.П.», «Классные руководители и учителя-предметники» are two
    executors each; «Заместитель директора по УВР и ВР», «Министерство образования и науки»
    and «ООО «Рога и копыта»» stay one, a piece of them naming no one.
    """
    pieces = _cut_outside_brackets(_SLASH, name)
    if len(pieces) > 1 and all(_PERSON.search(piece) for piece in pieces):
        return pieces  # «Иванова А.А./Петрова Б.Б.»; «Зам. директора по УВР/ВР» stays one
    pieces = _cut_outside_brackets(_AND, name)
    if len(pieces) > 1 and all(piece and _names_who(piece) for piece in pieces):
        return pieces
    return [name]


#: a capitalised word after a lower-case one, where a PDF ran two executors together
_CAPITAL_AFTER_WORD = re.compile(r"(?:(?<=[а-яё.])|(?<=[А-ЯЁ]{2}))\s+(?=[А-ЯЁ][а-яё])")
#: the first word of a position or group in the nominative («Социальный», «Классные»,
#: «Воспитатель», «Педагог», «Администрация»), not in an oblique case («Совета», «Директора»)
_NOMINATIVE = re.compile(
    r"^[а-яё-]*(?:ый|ий|ой|ые|ие|ель|ог|ед|ист|ор|ция|ции|ели|теля|оги|исты|оры|ики)\b"
)


#: a piece ending in an adjective wants the noun after it («Классный Руководитель» in title
#: case is one position), unless the adjective is the noun («старшая вожатая», «заведующий»)
_WANTS_A_NOUN = re.compile(
    r"(?<![а-яё])(?!вожат|заведующ|дежурн|ответственн|учащ|обучающ)[а-яё]+"
    r"(?:ый|ий|ой|ая|ое|ые|ие)$"
)


def split_capitalised(name: str) -> list[str]:
    """«Педагог-психолог Социальный педагог» (a PDF's two lines run together) → two executors.

    Cut before a capitalised word after a lower-case one where both pieces name a position or a
    group and the second starts in the nominative: «Председатель Совета профилактики» stays one.
    """
    pieces = [p for p in _CAPITAL_AFTER_WORD.split(name) if p]
    if len(pieces) < 2:
        return [name]
    out = [pieces[0]]
    for piece in pieces[1:]:
        folded = normalize(piece)
        # the executor so far by its start (what it names) and its end (a last adjective):
        # bounded slices, so a cell of thousands of words is not folded again for each one
        start, end = normalize(out[-1][:_LONGEST_EXECUTOR]), out[-1][-_LONGEST_EXECUTOR:]
        if (
            WHO_WORDS.match(folded)
            and _NOMINATIVE.match(folded)
            and WHO_WORDS.match(start)
            and not _PERSON.search(end)
            and not _WANTS_A_NOUN.search(normalize(end))
        ):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} {piece}"
    return out


def _cut_outside_brackets(pattern: re.Pattern[str], name: str) -> list[str]:
    """``name`` cut at every match of ``pattern`` outside parentheses and quotes."""
    matches = list(pattern.finditer(name))
    if not matches:
        return [name.strip()]
    outside = _outside_brackets(name)
    cuts = [m for m in matches if outside[m.start()]]
    bounds = [0, *(x for m in cuts for x in (m.start(), m.end())), len(name)]
    return [name[a:b].strip() for a, b in zip(bounds[::2], bounds[1::2], strict=True)]


_INITIALS = r"[А-ЯЁ]\.\s?[А-ЯЁ]\.?"
_SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
#: people written one after another with nothing but spaces between them
_SURNAMES_FIRST = re.compile(rf"(?:{_SURNAME}\s+{_INITIALS}\s*)+")
_INITIALS_FIRST = re.compile(rf"(?:{_INITIALS}\s?{_SURNAME}\s*)+")
_ONE_SURNAME_FIRST = re.compile(rf"{_SURNAME}\s+{_INITIALS}")
_ONE_INITIALS_FIRST = re.compile(rf"{_INITIALS}\s?{_SURNAME}")
_PERSON = re.compile(rf"{_SURNAME}\s+{_INITIALS}|{_INITIALS}\s?{_SURNAME}")


#: where one person (with the position before them) ends and the next begins, before a
#: capital letter: after «… Фамилия И.О.», or after «… И.О. Фамилия»
_PERSON_ENDS: tuple[re.Pattern[str], ...] = (
    re.compile(r"[а-яё]\s[А-ЯЁ]\.\s?[А-ЯЁ]\.\s+(?=[А-ЯЁ])"),
    re.compile(rf"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?{_SURNAME}\s+(?=[А-ЯЁ])"),
)


def _cut_after(pattern: re.Pattern[str], text: str) -> list[str]:
    cuts = [match.end() for match in pattern.finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in pairwise(bounds) if text[a:b].strip()]


def split_people(name: str) -> list[str]:
    """«Низовцева Р.В. Сонина О.Э.» → two people; anything else stays whole.

    A text made of nothing but people, all written «Фамилия И.О.» or all «И.О. Фамилия», is
    cut between them; so is a text of people each with a position before them («Зам. директора
    Иванова Н.Н. Педагог-психолог Петрова А.А.») where every piece names a person. A position
    after a name without a comma («Иванов И.И. Директор») keeps them together.
    """
    for whole, one in (
        (_SURNAMES_FIRST, _ONE_SURNAME_FIRST),
        (_INITIALS_FIRST, _ONE_INITIALS_FIRST),
    ):
        if whole.fullmatch(name.strip()):
            people = [m.group(0).strip() for m in one.finditer(name)]
            if len(people) >= 2:
                return people
    for pattern in _PERSON_ENDS:
        pieces = _cut_after(pattern, name)
        if len(pieces) >= 2 and all(_PERSON.search(piece) for piece in pieces):
            return pieces
    return [name]


#: a first word in the plural names a group, not the position of the person before it
_PLURAL = re.compile(r"^[а-яё-]+(?:ы|и|ые|ие)\b")


def _with_positions(parts: list[str]) -> list[str]:
    """A position after a person's comma stays with them: «Е.А. Солдатова, ст. воспитатель».

    Only after a bare name, and only a position in the singular: in «ст. воспитатель Петрова
    А.А., воспитатели групп» the person has her position and the groups are executors too.
    Figures after a comma go on from the part before: «Учителя 5, 6 классов».
    """
    out: list[str] = []
    for part in parts:
        if out and part[:1].isdigit():
            out[-1] = f"{out[-1]}, {part}"  # «Классные руководители 1-4, 5-11 классов»
        elif (
            out
            and part[:1].islower()
            and _PERSON.fullmatch(out[-1])
            and not _PLURAL.match(normalize(part))
        ):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


#: a line ending so that the next goes on from it: a word cut at its hyphen, a dash before
#: the position («Иванова А.А. –» / «директор»)
_GOES_ON_END = re.compile(r"(?:\w-|\s[-–—]|\sи)$")
#: a line that starts an item of a list: «- », «• », «2. », «2) »
_LIST_ITEM = re.compile(r"^(?:[-–—•·▪*]\s|\d{1,2}[.)]\s)")
#: the number of a list's item, not part of the executor: «2. Петрова Б.Б.»
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")
#: a line that qualifies the one above: «(зам. директора)», «5 «А» класса», «1-4 классов»
_QUALIFIER_START = re.compile(r"^[(«\"\d]")


#: who-words that name a body or a group, not one person's position: «Администрация» over
#: «Иванова А.А.» are two executors
_BODY = re.compile(
    r"^(?:администраци|совет|комисси|коллектив|отдел|управлени|служб|кафедр|родител|обучающ"
    r"|учащ|студент|воспитанник|выпускник|волонт|представител|член)"
)


def _goes_on(previous: str, line: str) -> str | None:
    """``previous`` and ``line`` as one executor where a line break cut one apart, or None.

    A cell's paragraphs are its executors, unless a paragraph only goes on from the one above:
    «Заместитель директора» / «по воспитательной работе», «Руководители» / «ШМО»,
    «Классный руководитель» / «5 «А» класса», «Зам. директора по УВР» / «Иванова И.И.».
    What a PDF would show run together on one line, read the same way.
    """
    if not previous or not line or previous.endswith((",", ";")):
        return None
    if _GOES_ON_END.search(previous):
        return f"{previous}{line}" if previous[-2].isalnum() else f"{previous} {line}"
    folded = normalize(line)
    if _LIST_ITEM.match(line):
        return None  # «- Иванова А.А.»: an item of a list of executors
    if _QUALIFIER_START.match(line) or (line[:1].islower() and not _names_who(line)):
        return f"{previous} {line}"
    if _PERSON.fullmatch(previous) and line[:1].islower() and not _PLURAL.match(folded):
        return f"{previous}, {line}"  # «Е.А. Солдатова» / «ст. воспитатель»
    if _ABBREVIATION.match(line) and not _PERSON.search(previous):
        return f"{previous} {line}"  # «Руководители» / «ШМО»
    position = normalize(previous)
    if (
        _PERSON.fullmatch(line)
        and not _PERSON.search(previous)
        and WHO_WORDS.match(position)
        and not _PLURAL.match(position)
        and not _BODY.match(position)
    ):
        return f"{previous} {line}"  # the position above, the person below
    return None


#: no one executor's name is longer: a paragraph past it is not joined to (nor looked into
#: beyond this many characters), which keeps a hostile cell of thousands of lines linear
_LONGEST_EXECUTOR = 300


def join_continued(lines: Iterable[str]) -> list[str]:
    """A cell's paragraphs, those that only go on from the one above joined to it."""
    out: list[str] = []
    for raw in lines:
        line = _LIST_NUMBER.sub("", " ".join(raw.split()))
        joined = (
            _goes_on(out[-1], line)
            if out and len(out[-1]) <= _LONGEST_EXECUTOR and not _LIST_ITEM.match(raw.strip())
            else None
        )
        if joined is not None:
            out[-1] = joined
        elif line:
            out.append(line)
    return out


def split_lines(lines: Iterable[str]) -> list[str]:
    """Executors of a cell given as its lines (paragraphs), before run-together splitting."""
    return list(_split_lines(tuple(lines)))


# Cached: a plan gives the same executors cell row after row.
@functools.lru_cache(maxsize=4096)
def _split_lines(lines: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for line in join_continued(lines):
        for name in _with_positions(split_separators(line)):
            for piece in split_and(name):
                for part in split_capitalised(piece):
                    out.extend(split_people(part))
    return tuple(dedupe(out))


def dedupe(names: Iterable[str]) -> list[str]:
    """Drop repeats (compared by :func:`key`), keeping the first spelling and the order."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(key(name), name)
    return list(seen.values())


class KnownNames:
    """Executors a document names, for finding them inside a longer name.

    A known name starts and ends on word boundaries, so only the text between a word's start
    and a later word's end can be one: a set lookup for each such stretch of the name, however
    many names the document has (a plan may name thousands of people).
    """

    #: the longest known name looked for, in words
    MAX_WORDS = 12

    def __init__(self, names: Iterable[str]) -> None:
        self._names = {fold(normalise(name)) for name in names}

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Non-overlapping spans of known names in ``folded`` (longest first), in order."""
        words = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
        found: list[tuple[int, int]] = []
        for i, (start, _) in enumerate(words):
            for _, end in words[i : i + self.MAX_WORDS]:
                piece = folded[start:end]
                if piece != folded and piece in self._names:
                    found.append((start, end))
        found.sort(key=lambda span: (span[0] - span[1], span[0]))
        taken: list[tuple[int, int]] = []
        for span in found:
            if all(span[1] <= a or span[0] >= b for a, b in taken):
                taken.append(span)
        return sorted(taken)


def split_run_together(name: str, known: Sequence[str] | KnownNames) -> list[str]:
    """Cut ``name`` where it runs known executors together; return ``[name]`` if it cannot.

    A cut is accepted only when every leftover piece looks like a name of its own (starts with
    a capital letter). A bare abbreviation right after a leftover qualifies it rather than
    naming another executor ("Методист ЦОПП" stays whole even where "ЦОПП" is known).
    """
    index = known if isinstance(known, KnownNames) else KnownNames(known)
    taken = index.spans(fold(name))
    if not taken:
        return [name]
    taken.sort()
    pieces: list[tuple[str, bool]] = []  # (text, is_known)
    cursor = 0
    for start, end in taken:
        pieces.append((name[cursor:start], False))
        pieces.append((name[start:end], True))
        cursor = end
    pieces.append((name[cursor:], False))
    pieces = [(normalise(text), known_piece) for text, known_piece in pieces if normalise(text)]
    merged: list[tuple[str, bool]] = []
    for text, is_known in pieces:
        if is_known and merged and not merged[-1][1] and _ABBREVIATION.match(text):
            merged[-1] = (f"{merged[-1][0]} {text}", False)  # "Методист ЦОПП" stays one
        else:
            merged.append((text, is_known))
    # every piece but the first must start like a new name; a leftover always must
    if len(merged) < 2 or any(
        not text[0].isupper() and (index > 0 or not known)
        for index, (text, known) in enumerate(merged)
    ):
        return [name]
    return [text for text, _ in merged]


def resolve(cells: Sequence[list[str]]) -> list[list[str]]:
    """Final executors for every cell of a document, splitting run-together names.

    ``cells`` holds each cell's executors after :func:`split_lines`; the names that stand on
    their own anywhere are what run-together names are cut by.
    """
    names_seen = dedupe(name for names in cells for name in names)
    known = KnownNames(names_seen)
    memo: dict[str, list[str]] = {}
    out: list[list[str]] = []
    for names in cells:
        split: list[str] = []
        for name in names:
            if name not in memo:
                memo[name] = split_run_together(name, known) if len(names_seen) > 1 else [name]
            split.extend(memo[name])
        out.append(dedupe(split))
    return out
