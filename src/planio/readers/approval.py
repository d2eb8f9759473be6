"""The approval block (гриф утверждения) from the lines above a plan table.

It is written as paragraphs at the top right or inside a borderless layout table: a heading
("Утверждаю", "УТВЕРЖДЕНО", "Утвержден приказом … от 30.08.2022 № 145"), the approver's
position over one or more lines, a signature line with the name ("_______ И.О. Фамилия") and a
date line («___» ________ 20__ г. while unsigned).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from planio.dates.deadlines import parse_deadline
from planio.model import Approval
from planio.text import collapse

#: the stamp's heading, perhaps in quotes ("«УТВЕРЖДАЮ»", "УТВЕРЖДАЮ:")
HEADING = re.compile(r"^[\s«\"“„']*(утверждаю|утвержд[её]н[аоы]?|утв\.)", re.IGNORECASE)
#: any stamp's heading at the start of a text: «УТВЕРЖДАЮ», «СОГЛАСОВАНО», «ПРИНЯТО»
STAMP_HEADING = re.compile(
    r"^[\s«\"“„']*(?:утверждаю|утвержд[её]н[оаы]?|согласован[оаы]?|принят[оаы]?"
    r"|рассмотрен[оаы]?)(?![а-яё])",
    re.IGNORECASE,
)
#: a heading's decoration that is not part of it: quotes around it, a colon after it
_HEADING_EDGES = " «»\"“”„':"
#: words before a name that make it part of the position: "академии имени А.Ф. Можайского"
_NAMED_AFTER = re.compile(r"(?:имени|им\.)\s*$", re.IGNORECASE)
#: a surname in the genitive ("Можайского") names what the position is named after
_GENITIVE = re.compile(r"(?:ого|его)$")
_INITIALS = r"[А-ЯЁA-Z]\.\s?(?:[А-ЯЁA-Z]\.)?"
_SURNAME = r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?"
#: a first name and patronymic written out: «Анна Андреевна», «Иван Ильич»
_NAME_AND_PATRONYMIC = r"[А-ЯЁ][а-яё]+\s[А-ЯЁ][а-яё]+(?:ич|вна|ична)"
_PERSON_NAME = (
    rf"{_INITIALS}\s?{_SURNAME}|{_SURNAME}\s{_INITIALS}"
    rf"|{_SURNAME}\s{_NAME_AND_PATRONYMIC}|{_NAME_AND_PATRONYMIC}\s{_SURNAME}"
)
_NAME = re.compile(rf"({_PERSON_NAME})\s*$")
_SIGNATURE = re.compile(r"_{3,}|\(подпись\)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^[\s«\"“]*(?:\d{1,2}|_+)[\s»\"”]*.*(?:\d{2}|_+)\s*(?:г\.?|года)?\s*$")
#: a date line is short; a longer line is not tried (the pattern's two runs of "_" and the
#: ".*" between them cost a cube of the line's length)
_LONGEST_DATE_LINE = 80
_UNFILLED = re.compile(r"_{2,}|20__")
_FROM_DATE = re.compile(r"\bот\s+(.+?\d{4}\s*(?:г\.?|года)?)", re.IGNORECASE)


def _is_date_line(line: str) -> bool:
    """«"31" августа 2021 г.», ««__» ________ 20__ г.»: the stamp's date line."""
    return (
        len(line) <= _LONGEST_DATE_LINE
        and _DATE_LINE.match(line) is not None
        and bool(_UNFILLED.search(line) or parse_written_date(line))
    )


_HEADING_GOES_ON = re.compile(r"^\s*(?:[a-zа-яё0-9№«]|от\b)")
#: a bare «УТВЕРЖДЕНО» whose next line says by what: «приказом директора», «решением совета»
_BARE_PASSIVE = re.compile(r"^утвержд[её]н[аоы]?$", re.IGNORECASE)
_BY_WHAT = re.compile(
    r"^\s*(?:приказом|распоряжением|решением|постановлением|протоколом|на\s+заседании"
    r"|педагогическим|педсоветом|советом|общим\s+собранием)",
    re.IGNORECASE,
)
#: the first-person heading with the rest of the stamp on its line: «УТВЕРЖДАЮ Директор …»
_ONE_LINE = re.compile(r"^[\s«\"“„']*(утверждаю)[»\"”'\s:]*([^\s»\"”':].*)$", re.IGNORECASE)
#: a stamp's date at the end of its line: «"31" августа 2021 г.», ««__» ____ 20__ г.», 31.08.2021
_DATE_TAIL = re.compile(
    r"[«\"“]\s*(?:\d{1,2}|_+)\s*[»\"”].*$|\b\d{1,2}\.\d{1,2}\.\d{2,4}\s*(?:г\.?|года)?\s*$"
)
#: an order's reference under the signatory: «Приказ № 125 от 31.08.2021», «(приказ от …)»
_ORDER_START = re.compile(
    r"^[\s(]*(?:приказ|распоряжени|протокол|решени|постановлени)\w*\b", re.IGNORECASE
)
_SEAL = re.compile(r"^\(?м\.\s?п\.?\)?$", re.IGNORECASE)
_FROM_LINE = re.compile(r"^от\b", re.IGNORECASE)
#: «"31" 08 2021 г.»: day, month and year in figures, set apart by spaces and quotes
_SPACED_DATE = re.compile(r"^\D{0,3}(\d{1,2})[\s»\"”]+(\d{1,2})\.?\s+(\d{4})\b")
#: a signature after the name («Петрова И.О. ________»): the name is still the line's end
_TRAILING_SIGNATURE = re.compile(r"\s*(?:_{3,}|\(подпись\))\s*$", re.IGNORECASE)
#: a name set between slashes or in parentheses on its signature line: «_____ /Иванова А.А./»
_WRAPPED_NAME = re.compile(rf"[/(]\s*({_PERSON_NAME})\s*[/)]\s*$")
_DECORATION = re.compile(r"[«»\"“”]")


def parse_written_date(text: str) -> date | None:
    """A filled-in date ("«15» января 2024 г.", "15.01.2024"), or None."""
    if _UNFILLED.search(text):
        return None
    spaced = _SPACED_DATE.match(text.strip())
    if spaced:
        day, month, year = spaced.groups()
        text = f"{day}.{month}.{year}"
    deadline = parse_deadline(_DECORATION.sub(" ", text))
    return deadline.start if deadline.kind == "date" else None


def _name_line(line: str) -> str:
    """A signature line with its name last: a signature after the name, slashes around it off.

    «Петрова И.О. ________» → «Петрова И.О.», «_____ /Иванова А.А./» → «_____ Иванова А.А.».
    """
    line = collapse(line)
    line = _WRAPPED_NAME.sub(r" \1", line).strip()
    if _NAME.search(line) is None:
        unsigned = _TRAILING_SIGNATURE.sub("", line)
        if unsigned != line and _NAME.search(unsigned):
            return f"{_SIGNATURE.search(line[len(unsigned) :]).group(0)} {unsigned}"  # type: ignore[union-attr]
    return line


def signature_name(line: str) -> str | None:
    """The name on a bare signature line ("__________ А.Н. Нестечук"), or None."""
    line = _name_line(line)
    match = _NAME.search(line)
    if match is None or not _SIGNATURE.search(line[: match.start()]):
        return None
    if _SIGNATURE.sub("", line[: match.start()]).strip(" _"):
        return None
    return match.group(1).strip()


@dataclass(slots=True)
class FoundApproval:
    approval: Approval
    #: indices of the lines the block took, so the caller knows what is placed
    used: list[int]


def _one_line_stamp(line: str) -> list[str]:
    """«УТВЕРЖДАЮ Директор … ______ И.О. Фамилия «__» ____ 2021 г.» as the lines it stands for."""
    match = _ONE_LINE.match(collapse(line))
    if match is None:
        return [line]
    rest = match.group(2)
    date_tail = _DATE_TAIL.search(rest)
    pieces = [match.group(1), rest[: date_tail.start()] if date_tail else rest]
    if date_tail:
        pieces.append(date_tail.group(0))
    return [piece.strip() for piece in pieces if piece.strip()]


def find_approval(lines: list[str]) -> FoundApproval | None:
    """Find the approval block among ``lines`` (one string per paragraph or line)."""
    start = next((i for i, line in enumerate(lines) if HEADING.match(line)), None)
    if start is None:
        return None
    pieces = _one_line_stamp(lines[start])
    if len(pieces) == 1:
        return _read_block(lines, start)
    # the stamp written on one line: read as its lines, the used lines counted as written
    expanded = [*lines[:start], *pieces, *lines[start + 1 :]]
    origin = [*range(start), *[start] * len(pieces), *range(start + 1, len(lines))]
    found = _read_block(expanded, start)
    found.used = sorted({origin[index] for index in found.used})
    return found


def _read_block(lines: list[str], start: int) -> FoundApproval:
    """The block whose heading is ``lines[start]``."""
    heading = collapse(lines[start]).strip(_HEADING_EDGES)
    used = [start]
    # "Утвержден приказом директора от" / "30.08.2022 № 145": a heading wrapped onto more lines
    keyword = HEADING.match(heading)
    wordy = keyword is not None and bool(heading[keyword.end() :].strip(" :"))
    if not wordy and _BARE_PASSIVE.match(heading) and start + 1 < len(lines):
        wordy = bool(_BY_WHAT.match(lines[start + 1]))  # «УТВЕРЖДЕНО» / «приказом директора»
    while wordy and start + 1 < len(lines) and _HEADING_GOES_ON.match(lines[start + 1]):
        start += 1
        heading = f"{heading} {collapse(lines[start])}"
        used.append(start)
    position: list[str] = []
    name = ""
    approval_date = None
    from_date = _FROM_DATE.search(heading)
    if from_date:
        approval_date = parse_written_date(from_date.group(1))
    index = start + 1
    while index < len(lines):
        line = collapse(lines[index])
        if not line:
            index += 1
            if name:
                break
            continue
        if name:  # after the name only a date line (or the order's) may belong to the block
            if _is_date_line(line):
                approval_date = parse_written_date(line) or approval_date
                used.append(index)
            elif _ORDER_START.match(line):
                # «Приказ № 125 от 31.08.2021», or «Приказ № 125» / «от «31» августа 2021 г.»
                following = collapse(lines[index + 1]) if index + 1 < len(lines) else ""
                wrapped = not _FROM_DATE.search(line) and _FROM_LINE.match(following)
                order = _FROM_DATE.search(f"{line} {following}" if wrapped else line)
                if order:
                    approval_date = parse_written_date(order.group(1)) or approval_date
                    used.extend([index, index + 1] if wrapped else [index])
            break
        line = _name_line(line)
        match = _NAME.search(line)
        if match and (
            _NAMED_AFTER.search(line[: match.start()]) or _GENITIVE.search(match.group(1))
        ):
            match = None  # "… академии имени А.Ф. Можайского": the position goes on
        if match:
            # «Директор школы: ______ Иванова А.А.»: the colon leads to the signature
            before = _SIGNATURE.sub(" ", line[: match.start()]).strip().rstrip(" :")
            if before:
                position.append(before)
            name = match.group(1).strip()
            used.append(index)
        elif _SIGNATURE.search(line) and not _SIGNATURE.sub("", line).strip(" _"):
            used.append(index)  # a bare signature line
        elif _is_date_line(line):
            approval_date = parse_written_date(line) or approval_date
            used.append(index)
            following = next((collapse(x) for x in lines[index + 1 :] if x.strip()), "")
            if not signature_name(following):
                break  # the date closes the block, unless the signature comes after it
        else:
            position.append(line)
            used.append(index)
        index += 1
    after = max(used) + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    if after < len(lines) and _SEAL.match(collapse(lines[after])):
        used.append(after)  # «М.П.»: where the seal goes, part of the stamp
    approval = Approval(
        heading=heading,
        position=collapse(" ".join(position)),
        name=name,
        date=approval_date,
    )
    return FoundApproval(approval, used)
