"""Human-readable rendering of the content stage's report."""

from __future__ import annotations

from .errors import Problem
from .pipeline import Report

EMPTY = ("digest: no captures yet. Add one with '.venv/bin/digest add FILE-OR-URL' "
         "(or save .txt/.html captures in the captures/ folder)")


def summary(report: Report) -> str:
    """One line per capture with its warnings, then the problems; what `make content` prints."""
    if report.configuration:
        # the editor's files are broken: say only what is wrong, where, and how to fix it
        return "".join(f"{p}\n" for p in report.problems)
    if not report.captures:
        return EMPTY + "\n"
    out = []
    for c in report.captures:
        dropped = sum(n for _, n in c.dropped)
        status = (
            "FAILED" if c.problems
            else f"not published: {c.not_published}" if c.not_published
            else c.slug
        )
        out.append(
            f"  {c.name}: kept {c.kept}, dropped {dropped}, unsure {len(c.unsure)} -> {status}"
        )
        out += warning_lines(c.warnings)
    published = sum(1 for c in report.captures if not c.problems and not c.not_published)
    header = f"digest: {published} of {len(report.captures)} captures published"
    warned = len(report.warnings)
    if warned:
        header += f", {warned} warning{'' if warned == 1 else 's'} (the site is built anyway)"
    out.insert(0, header)
    out += _problems(report)
    return "\n".join(out) + "\n"


def warning_lines(warnings: tuple[Problem, ...], indent: str = "    ") -> list[str]:
    """A capture's warnings, under its name (the path is in the line above)."""
    return [
        f"{indent}warning{' at ' + w.where if w.where else ''}: {w.problem}. Fix: {w.fix}"
        for w in warnings
    ]


def full(report: Report) -> str:
    """Everything: per capture, dropped lines by rule, unsure lines, where each fact came from."""
    if report.configuration:
        return summary(report)
    if not report.captures:
        return EMPTY + "\n"
    out = []
    for c in report.captures:
        out.append(f"{c.name} -> {c.slug or 'not published'}")
        if c.not_published:
            out.append(f"  not published: {c.not_published}")
        why = f" ({c.doubt})" if c.doubt else ""
        out.append(f"  kept {c.kept} lines, cleaning confidence {c.confidence:.2f}{why}")
        if c.dropped_prose:
            out.append(f"  dropped prose-like lines: {_numbers(c.dropped_prose)}")
        for rule, n in c.dropped:
            out.append(f"  dropped {n:3d}  {rule}")
        for number, text in c.unsure:
            shown = text if len(text) <= 100 else text[:97] + "..."
            out.append(f"  unsure  line {number}: {shown}")
        for fact, source in c.facts:
            out.append(f"  {fact:8s} from {source}")
        out += warning_lines(c.warnings, "  ")
        for problem in c.problems:
            out.append(f"  PROBLEM {problem}")
    out += _problems(report)
    return "\n".join(out) + "\n"


def _numbers(numbers: tuple[int, ...], most: int = 20) -> str:
    """Line numbers, the first ``most`` of them, then how many more."""
    shown = ", ".join(str(n) for n in numbers[:most])
    return shown + (f" (+{len(numbers) - most} more)" if len(numbers) > most else "")


def _problems(report: Report) -> list[str]:
    if not report.problems:
        return []
    return [f"{len(report.problems)} problem(s):"] + [f"  {p}" for p in report.problems]
