"""Human-readable rendering of the content stage's report."""

from __future__ import annotations

from .pipeline import Report


def summary(report: Report) -> str:
    """One line per capture, then the problems; what `make content` prints."""
    rows = []
    for c in report.captures:
        dropped = sum(n for _, n in c.dropped)
        status = (
            "FAILED" if c.problems
            else f"not published: {c.not_published}" if c.not_published
            else c.slug
        )
        rows.append(
            f"  {c.name}: kept {c.kept}, dropped {dropped}, unsure {len(c.unsure)} -> {status}"
        )
    published = sum(1 for c in report.captures if not c.problems and not c.not_published)
    out = [f"digest: {published} of {len(report.captures)} captures published"]
    out += rows
    out += _problems(report)
    return "\n".join(out) + "\n"


def full(report: Report) -> str:
    """Everything: per capture, dropped lines by rule, unsure lines, where each fact came from."""
    out = []
    for c in report.captures:
        out.append(f"{c.name} -> {c.slug or 'not published'}")
        if c.not_published:
            out.append(f"  not published: {c.not_published}")
        out.append(f"  kept {c.kept} lines, cleaning confidence {c.confidence:.2f}")
        if c.dropped_prose:
            out.append(f"  dropped prose-like lines: {_numbers(c.dropped_prose)}")
        for rule, n in c.dropped:
            out.append(f"  dropped {n:3d}  {rule}")
        for number, text in c.unsure:
            shown = text if len(text) <= 100 else text[:97] + "..."
            out.append(f"  unsure  line {number}: {shown}")
        for fact, source in c.facts:
            out.append(f"  {fact:8s} from {source}")
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
