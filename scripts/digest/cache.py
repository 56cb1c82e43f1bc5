"""The content stage's cache: what cleaning, tagging and rendering made of each capture, keyed
by a content hash, so that an unchanged capture is not processed again.

One SQLite file in the cache folder holds every entry, written in a few large transactions
(every WRITE_EVERY entries, and at the end of a run): a cold build of thousands of captures
stores thousands of entries, and a file per entry (renamed into place one by one) cost more
file-system time than the cleaning it saved.
Entries are pickles of the pipeline's own records. An entry that cannot be read (missing,
corrupt, from other code) is a miss, never an error; a cache file that is not a database is
replaced; a cache that cannot be written at all is skipped, and the build goes on without it.

Worker processes never open the database (an SQLite connection must not cross a fork): they
record what they would store, and the parent stores it (:meth:`Cache.recorder`,
:meth:`Cache.take`, :meth:`Cache.merge`).
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

DATABASE = "content.sqlite3"
#: Kinds of entry of the content stage (also the folders of the former file-per-entry cache,
#: whose pickles are removed when found).
KINDS = ("clean", "report", "tag", "markdown")
#: A build running beside another one (make devserver and make html) waits this long for the
#: other's write to finish.
BUSY_TIMEOUT_S = 30.0

#: Pending entries are stored in batches of this many (one transaction each), so that a cold
#: build does not hold every entry in memory until its end.
WRITE_EVERY = 2000

Entries = dict[tuple[str, str], bytes]  # (kind, key) -> pickled value


class Cache:
    """Entries by (kind, key); ``folder`` None is no cache at all."""

    def __init__(self, folder: Path | None, *, record: bool = False) -> None:
        self.folder = folder
        self.record = record or folder is not None  # keep what is put, to store or hand on
        self.used: set[tuple[str, str]] = set()  # (kind, key) read or written in this run
        self.pending: Entries = {}
        self._fetched: Entries = {}  # read ahead by prefetch, not asked for yet
        self._keep: dict[str, set[str]] = {}  # kind -> the keys to keep (see prune)
        self._db: sqlite3.Connection | None = None
        self._unusable = False

    @classmethod
    def recorder(cls) -> Cache:
        """A cache for a worker process: remembers its puts for :meth:`take`, reads nothing."""
        return cls(None, record=True)

    # -- reading and writing -------------------------------------------------------------

    def prefetch(self, kind: str, keys: Iterable[str]) -> None:
        """Read the entries of ``kind`` for all ``keys`` in one query (a warm build asks for
        thousands: one query each cost more than unpickling them); :meth:`get` then finds them
        in memory, once."""
        db = self._connection()
        if db is None:
            return
        try:
            with db:
                db.execute("DELETE FROM keep")
                db.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)",
                               [(key,) for key in keys])
                rows = db.execute("SELECT key, value FROM entries WHERE kind = ? AND key IN "
                                  "(SELECT key FROM keep)", (kind,)).fetchall()
        except sqlite3.Error:
            return
        self._fetched.update(((kind, key), value) for key, value in rows)

    def get(self, kind: str, key: str) -> object | None:
        data = self.pending.get((kind, key)) or self._fetched.pop((kind, key), None)
        if data is None:
            db = self._connection()
            if db is None:
                return None
            try:
                row = db.execute("SELECT value FROM entries WHERE kind = ? AND key = ?",
                                 (kind, key)).fetchone()
            except sqlite3.Error:
                return None
            if row is None:
                return None
            data = row[0]
        try:
            value: object = pickle.loads(data)
        except (pickle.PickleError, EOFError, AttributeError, ImportError, TypeError,
                ValueError, IndexError):
            return None
        self.used.add((kind, key))
        return value

    def put(self, kind: str, key: str, value: object) -> None:
        if self.record:
            self.pending[(kind, key)] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            self.used.add((kind, key))
            self._write_if_large()

    def take(self) -> Entries:
        """The entries put since the last call (a worker hands them to the parent)."""
        taken, self.pending = self.pending, {}
        return taken

    def merge(self, entries: Entries) -> None:
        """Entries a worker put, to be stored with this cache's own."""
        if self.record:
            self.pending.update(entries)
            self.used.update(entries)
            self._write_if_large()

    def prune(self, kind: str, keep: set[str]) -> None:
        """Forget, when saving, the entries of ``kind`` no capture uses any more, so that the
        cache does not grow forever."""
        self._keep[kind] = set(keep)

    def save(self) -> None:
        """Store what is still pending and apply the prunes: the end of a run."""
        if self._write():
            self._fetched.clear()
            self._remove_file_per_entry_cache()

    def _write_if_large(self) -> None:
        # a cold build of 10,000 captures makes ~300 MB of entries: store them as they come
        if self.folder is not None and len(self.pending) >= WRITE_EVERY:
            self._write()

    def _write(self) -> bool:
        """Store the pending entries and apply the prunes so far; False if it could not."""
        db = self._connection()
        if db is None:
            self.pending.clear()  # nowhere to store them
            return False
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO entries (kind, key, value) VALUES (?, ?, ?)",
                    [(kind, key, data) for (kind, key), data in sorted(self.pending.items())],
                )
                for kind, keep in sorted(self._keep.items()):
                    db.execute("DELETE FROM keep")
                    db.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)",
                                   [(key,) for key in keep])
                    db.execute("DELETE FROM entries WHERE kind = ? AND key NOT IN "
                               "(SELECT key FROM keep)", (kind,))
        except sqlite3.Error as exc:
            log.warning("digest: cannot write the cache %s (%s); the next build cleans "
                        "again what this one did", self.folder, exc)
            self.pending.clear()  # kept, they would only be tried again and fail again
            return False
        self.pending.clear()
        self._keep.clear()
        return True

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- the database ----------------------------------------------------------------------

    def _connection(self) -> sqlite3.Connection | None:
        if self.folder is None or self._unusable:
            return None
        if self._db is None:
            path = self.folder / DATABASE
            try:
                self._db = _open(path)
            except sqlite3.DatabaseError:
                # not a database (a crash mid-write of an older file, a stray file): start over
                path.unlink(missing_ok=True)
                try:
                    self._db = _open(path)
                except (sqlite3.Error, OSError) as exc:
                    self._give_up(exc)
            except (sqlite3.Error, OSError) as exc:
                self._give_up(exc)
        return self._db

    def _give_up(self, exc: Exception) -> None:
        log.warning("digest: cannot use the cache in %s (%s); building without it",
                    self.folder, exc)
        self._unusable = True

    def _remove_file_per_entry_cache(self) -> None:
        # only the pickles this package wrote there, never anything else in a folder the
        # user named with DIGEST_CACHE
        assert self.folder is not None
        for kind in KINDS:
            folder = self.folder / kind
            if folder.is_dir():
                for entry in folder.glob("*.pickle"):
                    entry.unlink(missing_ok=True)
                with contextlib.suppress(OSError):  # not empty: something else is in it
                    folder.rmdir()


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    try:
        db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT NOT NULL, key TEXT NOT NULL, "
                   "value BLOB NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID")
        db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
    except BaseException:
        db.close()
        raise
    return db


def stored_kinds(folder: Path) -> Mapping[str, int]:
    """Entries per kind in the cache of ``folder`` (for tests and the curious)."""
    path = folder / DATABASE
    if not path.is_file():
        return {}
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT kind, COUNT(*) FROM entries GROUP BY kind").fetchall())
    finally:
        db.close()
