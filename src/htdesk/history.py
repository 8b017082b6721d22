"""Back/forward navigation history, as plain Python so it is testable without Qt."""

from __future__ import annotations


class History:
    """A browser-style history: visiting a page drops the forward stack; each entry keeps where the reader was."""

    # A plain class, not a dataclass: it is built before the first paint, and the dataclasses
    # module and decorator cost a start-up a few milliseconds for what three fields need.
    __slots__ = ("_items", "_pos", "_positions", "limit")

    def __init__(self, limit: int = 200) -> None:
        self.limit = limit
        self._items: list[str] = []
        self._positions: list[int] = []  # the scroll position of each entry, as last left
        self._pos = -1

    @property
    def current(self) -> str | None:
        return self._items[self._pos] if self._pos >= 0 else None

    @property
    def position(self) -> int:
        """Where the reader was on the current entry (0: its top)."""
        return self._positions[self._pos] if self._pos >= 0 else 0

    def set_position(self, position: int) -> None:
        """Remember where the reader is on the current entry, for when they come back to it."""
        if self._pos >= 0:
            self._positions[self._pos] = max(0, int(position))

    def visit(self, page: str) -> None:
        if page == self.current:
            return
        del self._items[self._pos + 1 :]
        del self._positions[self._pos + 1 :]
        self._items.append(page)
        self._positions.append(0)
        if len(self._items) > self.limit:
            del self._items[0]
            del self._positions[0]
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

    def go_to(self, index: int) -> str | None:
        """Jump to entry ``index`` (as entries() numbers them), keeping the rest of the list."""
        if 0 <= index < len(self._items):
            self._pos = index
        return self.current

    def entries(self) -> list[tuple[int, str]]:
        """Every entry, oldest first, with its index."""
        return list(enumerate(self._items))

    @property
    def index(self) -> int:
        return self._pos

    # -- kept across restarts -----------------------------------------------------------------
    def dump(self, keep: int = 50) -> str:
        """The last ``keep`` entries as one line: "index|position page|position page|...", for the settings."""
        first = min(max(0, len(self._items) - keep), max(0, self._pos))  # the current entry is always kept
        last = first + keep
        entries = (
            f"{pos} {page}" for page, pos in zip(self._items[first:last], self._positions[first:last], strict=True)
        )
        return "|".join([str(max(0, self._pos - first)), *entries])

    @classmethod
    def load(cls, line: str, limit: int = 200) -> History:
        """A history from dump()'s line; anything malformed (a hand-edited settings file) gives an empty one."""
        history = cls(limit)
        parts = line.split("|") if line else []
        try:
            pos = int(parts[0]) if parts else -1
            items = [(page, max(0, int(n))) for n, page in (part.split(" ", 1) for part in parts[1 : limit + 1])]
        except ValueError:  # also a part without its space: too few values to unpack
            return history
        if not items or not 0 <= pos < len(items) or any(not page or " " in page for page, _ in items):
            return history
        history._items = [page for page, _ in items]
        history._positions = [n for _, n in items]
        history._pos = pos
        return history
