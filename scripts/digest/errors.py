"""One exception type for bad input, and a collector so that a run reports every problem once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts line 9 before line 10."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", text) if part)


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, said so that the editor can fix it."""

    path: str
    where: str  # a line number ("12"), a YAML key path ("captures.foo.date") or "" for the file
    problem: str
    fix: str

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key < other.sort_key

    @property
    def sort_key(self) -> tuple[object, ...]:
        return (self.path, _natural(self.where), self.problem, self.fix)

    def __str__(self) -> str:
        place = f"{self.path}:{self.where}" if self.where else self.path
        return f"{place}: {self.problem}. Fix: {self.fix}"


class DigestError(Exception):
    """Raised for bad input; carries one or more problems."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def one(cls, path: Path | str, where: str | int, problem: str, fix: str) -> DigestError:
        return cls([Problem(str(path), str(where), problem, fix)])
