"""Back/forward navigation history, as plain Python so it is testable without Qt."""

from __future__ import annotations


class History:
    """A browser-style history: visiting a page drops the forward stack."""

    # A plain class, not a dataclass: it is built before the first paint, and the dataclasses
    # module and decorator cost a start-up a few milliseconds for what three fields need.
    __slots__ = ("_items", "_pos", "limit")

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._items: list[str] = []
        self._pos = -1

    @property
    def current(self) -> str | None:
        return self._items[self._pos] if self._pos >= 0 else None

    def visit(self, page: str) -> None:
        if page == self.current:
            return
        del self._items[self._pos + 1 :]
        self._items.append(page)
        if len(self._items) > self.limit:
            del self._items[0]
        self._pos = len(self._items) - 1

    def can_back(self) -> bool:
        return self._pos > 0

    def can_forward(self) -> bool:
        return self._pos < len(self._items) - 1

    def back(self) -> str | None:
        if self.can_back():
            self._pos -= 1
        return self.current

    def forward(self) -> str | None:
        if self.can_forward():
            self._pos += 1
        return self.current
