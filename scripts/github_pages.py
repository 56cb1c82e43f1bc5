"""`make github`: push output/ to the gh-pages branch (ghp-import), after `make publish`.

It refuses, in one line and before touching any branch, when the folder is no publish build
(its pages link with relative URLs: `make html` built it) or when the repository has no remote
to push to. When the push itself fails, the local gh-pages branch is put back as it was (or
removed, if this run created it): a failed publish leaves no stray commit or branch.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

BRANCH = "gh-pages"
MESSAGE = "Publish the site (make github)"
_STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*\bhref=\"([^\"]*)\"")


class Refused(Exception):
    """What is wrong, said in one line with the fix."""


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], capture_output=True, text=True)


def check_output(output: Path) -> str:
    """The SITEURL the folder was built for; Refused when it is no publish build."""
    index = output / "index.html"
    if not index.is_file():
        raise Refused(f"{output}/ holds no site. Fix: build it with "
                      "SITEURL=https://you.github.io/repo make publish")
    match = _STYLESHEET.search(index.read_text(encoding="utf-8", errors="replace"))
    href = match.group(1) if match else ""
    if not href.startswith(("https://", "http://")):
        raise Refused(f"{output}/ was built by make html (relative links), not by make publish. "
                      "Fix: SITEURL=https://you.github.io/repo make publish, then make github")
    return href.rsplit("/theme/", 1)[0]


def check_remote(remote: str) -> str:
    """The URL of ``remote``; Refused outside a repository or without that remote."""
    if _git("rev-parse", "--git-dir").returncode != 0:
        raise Refused("not inside a git repository. Fix: run make github in the digest's "
                      "git checkout")
    found = _git("remote", "get-url", remote)
    if found.returncode != 0:
        raise Refused(f"this repository has no git remote {remote!r} to push {BRANCH} to. "
                      f"Fix: git remote add {remote} https://github.com/you/repo.git")
    return found.stdout.strip()


def _branch_head() -> str | None:
    found = _git("rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}")
    return found.stdout.strip() if found.returncode == 0 else None


def _restore(before: str | None) -> None:
    """The local branch as it was before this run."""
    if before is None:
        if _branch_head() is not None:
            _git("branch", "-D", BRANCH)
    else:
        _git("update-ref", f"refs/heads/{BRANCH}", before)


def publish(output: Path, remote: str) -> str:
    """Commit ``output`` to gh-pages and push it; the remote's URL. Refused on any failure."""
    site = check_output(output)
    url = check_remote(remote)
    import ghp_import  # only once the checks passed: its import is the slow part

    before = _branch_head()
    try:
        ghp_import.ghp_import(str(output), mesg=MESSAGE, nojekyll=True, push=True, force=True,
                              remote=remote, branch=BRANCH)
    except (ghp_import.GhpError, subprocess.CalledProcessError, OSError) as exc:
        _restore(before)
        if isinstance(exc, subprocess.CalledProcessError):
            reason = f"git {exc.cmd[1]} exited with status {exc.returncode}"
        else:
            reason = getattr(exc, "message", None) or str(exc)
        raise Refused(f"pushing {BRANCH} to {remote} ({url}) failed: {reason}. Fix: check "
                      "that the remote exists and that you may push to it (git said why above)"
                      ) from exc
    return f"published {output}/ (built for {site}) to {BRANCH} on {remote} ({url})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="output", help="the folder to publish")
    parser.add_argument("--remote", default="origin", help="the git remote to push to")
    args = parser.parse_args(argv)
    try:
        print(publish(Path(args.output), args.remote))
    except Refused as refused:
        print(f"make github: {refused}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
