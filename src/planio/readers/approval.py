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
#: a heading's decoration that is not part of it: quotes around it, a colon after it
_HEADING_EDGES = " «»\"“”„':"
#: words before a name that make it part of the position: "академии имени А.Ф. Можайского"
_NAMED_AFTER = re.compile(r"(?:имени|им\.)\s*$", re.IGNORECASE)
#: a surname in the genitive ("Можайского") names what the position is named after
_GENITIVE = re.compile(r"(?:ого|его)$")
_INITIALS = r"[А-ЯЁA-Z]\.\s?(?:[А-ЯЁA-Z]\.)?"
_SURNAME = r"[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?"
_NAME = re.compile(rf"({_INITIALS}\s?{_SURNAME}|{_SURNAME}\s{_INITIALS})\s*$")
_SIGNATURE = re.compile(r"_{3,}|\(подпись\)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^[\s«\"“]*(?:\d{1,2}|_+)[\s»\"”]*.*(?:\d{2}|_+)\s*(?:г\.?|года)?\s*$")
_UNFILLED = re.compile(r"_{2,}|20__")
_FROM_DATE = re.compile(r"\bот\s+(.+?\d{4}\s*(?:г\.?|года)?)", re.IGNORECASE)
_HEADING_GOES_ON = re.compile(r"^\s*(?:[a-zа-яё0-9№«]|от\b)")
_DECORATION = re.compile(r"[«»\"“”]")


def parse_written_date(text: str) -> date | None:
    """A filled-in date ("«15» января 2024 г.", "15.01.2024"), or None."""
    if _UNFILLED.search(text):
        return None
    deadline = parse_deadline(_DECORATION.sub(" ", text))
    return deadline.start if deadline.kind == "date" else None


def signature_name(line: str) -> str | None:
    """The name on a bare signature line ("__________ А.Н. Нестечук"), or None."""
    line = collapse(line)
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


def find_approval(lines: list[str]) -> FoundApproval | None:
    """Find the approval block among ``lines`` (one string per paragraph or line)."""
    start = next((i for i, line in enumerate(lines) if HEADING.match(line)), None)
    if start is None:
        return None
    heading = collapse(lines[start]).strip(_HEADING_EDGES)
    used = [start]
    # "Утвержден приказом директора от" / "30.08.2022 № 145": a heading wrapped onto more lines
    keyword = HEADING.match(heading)
    wordy = keyword is not None and bool(heading[keyword.end() :].strip(" :"))
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
        if name:  # after the name only a date line may still belong to the block
            if _DATE_LINE.match(line) and (_UNFILLED.search(line) or parse_written_date(line)):
                approval_date = parse_written_date(line) or approval_date
                used.append(index)
            break
        match = _NAME.search(line)
        if match and (
            _NAMED_AFTER.search(line[: match.start()]) or _GENITIVE.search(match.group(1))
        ):
            match = None  # "… академии имени А.Ф. Можайского": the position goes on
        if match:
            before = _SIGNATURE.sub(" ", line[: match.start()]).strip()
            if before:
                position.append(before)
            name = match.group(1).strip()
            used.append(index)
        elif _SIGNATURE.search(line) and not _SIGNATURE.sub("", line).strip(" _"):
            used.append(index)  # a bare signature line
        elif _DATE_LINE.match(line) and (_UNFILLED.search(line) or parse_written_date(line)):
            approval_date = parse_written_date(line) or approval_date
            used.append(index)
            break
        else:
            position.append(line)
            used.append(index)
        index += 1
    approval = Approval(
        heading=heading,
        position=collapse(" ".join(position)),
        name=name,
        date=approval_date,
    )
    return FoundApproval(approval, used)
