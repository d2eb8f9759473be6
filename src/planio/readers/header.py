"""The plan table's header row: which column holds which role, recognised by meaning.

Offices name the same columns many ways ("Мероприятие", "Содержание работы"; "Ответственный",
"Исполнители"; "Сроки", "Дата проведения") and in any order. Each role has synonyms ranked
best first; every column that takes no role goes to ``Item.extra`` under its own header.
The words are one signal: :mod:`planio.readers.columns` weighs them against what the cells hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planio.readers.grid import Cell, Row, join_lines
from planio.text import collapse, fold_key

#: in the order roles are given: executors and deadline first, their words being the more
#: specific ("Ответственные за проведение мероприятий" is an executors column, not the events)
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "executors": (
        "исполнител",
        "ответственн",
        "кто проводит",
        "кто выполняет",
        "кто",
        "докладчик",
        "выступающ",
    ),
    "deadline": ("срок", "дата", "время проведения", "время", "период", "когда", "месяц"),
    "title": (
        "что делаем",
        "мероприят",
        "рассматриваем",
        "вопрос",
        "повестк",
        "содержание",
        "наименование",
        "вид работ",
        "вид деятельности",
        "тема",
        "событие",
        "работа",
        "название",
        "направлени",
    ),
}
#: a header that starts with one of these words names a column of its own, whatever event
#: or person it goes on to mention («Форма проведения мероприятия», «Участники мероприятия»,
#: «Ожидаемый результат мероприятия»): it goes to ``Item.extra``
_EXTRA_HEAD = re.compile(
    r"^(?:форм[аы]|мест[оа]|участник|категори|результат|(?:планируем|ожидаем)\w*\s+результат"
    r"|отметк|примечани|количеств|охват|источник|показател|индикатор|целев)"
)
#: of those, the ones that never name the deadline either («Место и сроки проведения» does)
_EXTRA_HEAD_ANY_ROLE = re.compile(
    r"^(?:отметк|примечани|результат|(?:планируем|ожидаем)\w*\s+результат)"
)
#: a date of the report on an event, not of the event: the deadline only where no other
#: column names one («Дата проведения» beside «Срок представления отчёта»)
_REPORT_DATE = re.compile(r"отчет|представлени|предоставлени|сдачи")
_NUMBER_HEADER = re.compile(r"^(№|n|no|номер)?\s*(п\s*/\s*п|пп)?\.?$", re.IGNORECASE)


@dataclass(slots=True)
class Header:
    """Column texts as written, their grid spans, and the column index of each role."""

    columns: list[str]
    spans: list[tuple[int, int]]
    roles: dict[str, int]
    #: the texts of the header's own rows where it takes two (a group's header above its
    #: sub-columns), so that the rows repeated on a later page are known again
    rows: list[list[str]] = field(default_factory=list)

    def extra_keys(self) -> dict[int, str]:
        """Keys for the columns with no role, unique ("Примечание (2)", "Столбец 5")."""
        keys: dict[int, str] = {}
        taken: set[str] = set()
        for index, text in enumerate(self.columns):
            if index in self.roles.values():
                continue
            key = text or f"Столбец {index + 1}"
            counter = 2
            while key.casefold() in taken:
                key = f"{text or f'Столбец {index + 1}'} ({counter})"
                counter += 1
            taken.add(key.casefold())
            keys[index] = key
        return keys

    def column_of(self, cell: Cell) -> int | None:
        """The header column a cell falls under (by its grid position)."""
        for index, (start, end) in enumerate(self.spans):
            if start <= cell.col < end:
                return index
        return None

    def matches(self, row: Row) -> bool:
        """Is this row a repetition of the header (as copy-pasted or repeated by a PDF page)?

        A cell far longer than the header's is no repetition of it, and is not joined line by
        line to be compared.
        """
        filled = [c.text for c in row.cells if c.text.strip()]
        candidates = [
            columns
            for columns in (
                [c for c in written if c.strip()] for written in (self.columns, *self.rows)
            )
            if len(columns) == len(filled)  # the common answer, without joining every cell
        ]
        return any(  # cell by cell: a data row differs at its first cell
            all(
                len(t) <= 2 * len(c) + 20 and fold_key(header_text(t)) == fold_key(c)
                for t, c in zip(filled, columns, strict=True)
            )
            for columns in candidates
        )


#: a hyphen inside a word of a header («Ответствен-ные», «ОТВЕТСТВЕН- НЫЕ»), for its meaning
_HYPHEN_IN_WORD = re.compile(r"(?<=[а-яё])-\s*(?=[а-яё])")


#: how much of the text before a line break decides how the next line joins it
_JOIN_CONTEXT = 40


def header_text(text: str) -> str:
    """A header cell's text on one line, its lines joined as a PDF's are.

    A word hyphenated over two lines («Ответствен-» / «ные») or cut at its slash («Срок/» /
    «периодичность») is not cut apart, so the DOCX and its PDF name the column alike. Only the
    end of the text so far decides a join, so a long cell costs its length, not its square.
    """
    parts: list[str] = []
    for line in (collapse(line) for line in text.split("\n")):
        if not line:
            continue
        if parts:
            tail = parts[-1][-_JOIN_CONTEXT:]
            joined = join_lines(tail, line)
            if joined is not None:
                parts[-1] = parts[-1][: len(parts[-1]) - len(tail)] + joined
                continue
        parts.append(line)
    return " ".join(parts)


_SYNONYM_RES: dict[str, re.Pattern[str]] = {
    synonym: re.compile(rf"(?<![а-яa-z]){synonym}")
    for synonyms in ROLE_SYNONYMS.values()
    for synonym in synonyms
}


def _rank(text: str, synonyms: tuple[str, ...]) -> int | None:
    """The best rank of a synonym that starts a word of the header ("кто", not "директор")."""
    folded = fold_key(text)
    joined = _HYPHEN_IN_WORD.sub("", folded)  # «ответствен-ные» is «ответственные»
    # a PDF's narrow column may break the first word anywhere («ОТВЕТСТВЕ Н-НЫЕ»): read
    # without the breaks, a synonym may start the header
    compact = _BREAKS.sub("", folded)
    for rank, synonym in enumerate(synonyms):
        pattern = _SYNONYM_RES[synonym]
        if pattern.search(folded) or pattern.search(joined) or pattern.match(compact):
            return rank
    return None


_BREAKS = re.compile(r"[\s-]+")


def names_extra(text: str) -> bool:
    """Does a header start with words of a column of its own («Участники», «Место …»)?"""
    return bool(text) and _EXTRA_HEAD.match(fold_key(text)) is not None


def match_header(row: Row) -> Header | None:
    """A :class:`Header` if ``row`` names at least an event column and one of executors/deadline."""
    texts = [header_text(c.text) for c in row.cells]
    roles = word_roles(texts)
    if "title" not in roles or not ({"executors", "deadline"} & roles.keys()):
        return None
    return Header(texts, [(c.col, c.end) for c in row.cells], roles)


def word_roles(texts: list[str]) -> dict[str, int]:
    """The roles a header row's words name (perhaps only some of them)."""
    if sum(1 for t in texts if t) < 2:
        return {}
    roles: dict[str, int] = {}
    for index, text in enumerate(texts):
        if text and "number" not in roles and _NUMBER_HEADER.match(text) and text.strip(". "):
            roles["number"] = index
    for role, synonyms in ROLE_SYNONYMS.items():
        best: tuple[int, int] | None = None
        extra_head = _EXTRA_HEAD_ANY_ROLE if role == "deadline" else _EXTRA_HEAD
        for index, text in enumerate(texts):
            if index in roles.values() or not text or extra_head.match(fold_key(text)):
                continue
            rank = _rank(text, synonyms)
            if rank is not None and role == "deadline" and _REPORT_DATE.search(fold_key(text)):
                rank += len(synonyms)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, index)
        if best is not None:
            roles[role] = best[1]
    return roles


def is_column_numbers(row: Row) -> bool:
    """A row of column numbers ("1 2 3 4") printed under the header."""
    texts = [text.strip().rstrip(".") for text in (c.text for c in row.cells) if text.strip()]
    return len(texts) >= 2 and texts == [str(n) for n in range(1, len(texts) + 1)]


def names_role(text: str, role: str) -> bool:
    """Do a header cell's words name ``role`` ("Исполнители (ответственный)" names executors)?"""
    return bool(text) and _rank(text, ROLE_SYNONYMS[role]) is not None
