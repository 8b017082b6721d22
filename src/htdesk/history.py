"""Back/forward navigation history, as plain Python so it is testable without Qt."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class History:
    """A browser-style history: visiting a page drops the forward stack."""

    limit: int = 200
    _items: list[str] = field(default_factory=list)
    _pos: int = -1

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
