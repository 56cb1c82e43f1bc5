"""Helpers for browser tests: axe-core in the page, and a watch on console errors and 404s."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page, Response

from .conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.0/2.1 A and AA plus 2.2 AA: without wcag22aa, target-size problems slip through.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Inject axe-core into the loaded page and return its violations (id, impact, nodes)."""
    if not AXE.is_file():
        raise AssertionError(f"{AXE} is missing: run `make setup` (npm ci)")
    page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per violation and up to three of its elements, for assertion messages."""
    lines = []
    for v in violations:
        targets = ", ".join(str(n["target"]) for n in v["nodes"][:3])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {targets}")
    return "\n".join(lines)


@dataclass
class Watch:
    """Console errors, uncaught exceptions and failed responses seen by a page."""

    errors: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.errors and not self.missing


def watch(page: Page) -> Watch:
    seen = Watch()
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))

    def on_response(response: Response) -> None:
        if response.status >= 400:
            seen.missing.append(f"{response.status} {response.url}")

    page.on("response", on_response)
    return seen
