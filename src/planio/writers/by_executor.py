"""A plan's events grouped by executor, built once for the writers that work per executor."""

from __future__ import annotations

from planio import executors as executor_rules
from planio.model import Item, Plan, Section


class ExecutorIndex:
    """The plan's events grouped by executor key, built in one pass over the events.

    Writers that work per executor (extracts, the report) look events up here instead of
    scanning the whole plan once per executor, so they stay linear in events plus executors.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        #: executor key → (section index, item index) of its events, in plan order
        self.events: dict[str, list[tuple[int, int]]] = {}
        keys: dict[str, str] = {}  # a name as written → its key, each computed once
        for s_index, section in enumerate(plan.sections):
            for i_index, item in enumerate(section.items):
                mine = {keys.setdefault(n, executor_rules.key(n)) for n in item.executors}
                for wanted in mine:
                    self.events.setdefault(wanted, []).append((s_index, i_index))

    def count(self, executor: str) -> int:
        """How many events name ``executor``."""
        return len(self.events.get(executor_rules.key(executor), ()))

    def items_of(self, executor: str) -> list[Item]:
        """The events that name ``executor``, in plan order."""
        sections = self.plan.sections
        return [sections[s].items[i] for s, i in self.events.get(executor_rules.key(executor), ())]

    def plan_of(self, executor: str) -> Plan:
        """The plan with only the events of ``executor``, under their own sections."""
        grouped: dict[int, list[Item]] = {}
        for s_index, i_index in self.events.get(executor_rules.key(executor), ()):
            grouped.setdefault(s_index, []).append(self.plan.sections[s_index].items[i_index])
        sections: list[Section] = [
            self.plan.sections[s].model_copy(update={"items": items})
            for s, items in grouped.items()
        ]
        return self.plan.model_copy(update={"sections": sections, "warnings": []})
