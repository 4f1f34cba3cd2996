"""What differs between SQL backends besides their own modules: parameter marks, how a write
transaction starts, which driver errors mean "the database failed", how a script splits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    """The shared SQL is written with `?` marks; `sql()` gives a backend its own form."""

    name: str  # picks the migrations: NNNN_name.<dialect>.sql
    mark: str  # the driver's parameter mark: "?" (qmark) or "%s" (format)
    begin_write: str  # starts a transaction that holds the write lock from its first statement
    errors: tuple[type[BaseException], ...]  # driver errors that become StoreError
    statements: Callable[[str], Iterator[str]]  # a migration script, one statement at a time
    table_exists: str = "SELECT 1 FROM information_schema.tables WHERE table_name = ?"

    def sql(self, text: str) -> str:
        return text if self.mark == "?" else text.replace("?", self.mark)
