"""The navigation tree: plain-Python items, a thin Qt model over them, and a filter proxy."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

if TYPE_CHECKING:
    from collections.abc import Iterator

    from htdesk.store.report import ReportStore

Index = QModelIndex | QPersistentModelIndex
# Qt.ItemDataRole values by number: the tree paints before the first frame, and touching the `Qt`
# namespace makes PySide build all of its enums (see ui/mainwindow.py). A test holds them to Qt's.
DISPLAY_ROLE, TOOLTIP_ROLE, ACCESSIBLE_TEXT_ROLE, USER_ROLE = 0, 3, 11, 256
RecordIdRole = USER_ROLE + 1


class NavItem:
    """One node of the tree; ``record_id`` is None for pure grouping nodes."""

    # Plain slots rather than a dataclass: some 460 are made before the first paint.
    __slots__ = ("children", "parent", "position", "record_id", "title", "tooltip")

    def __init__(self, title: str, record_id: str | None = None, tooltip: str = "") -> None:
        self.title = title
        self.record_id = record_id
        self.tooltip = tooltip
        self.children: list[NavItem] = []
        self.parent: NavItem | None = None
        self.position = 0  # its row under its parent: the tree never changes once built

    def __repr__(self) -> str:
        return f"NavItem({self.title!r}, {self.record_id!r}, {len(self.children)} children)"

    def add(self, child: NavItem) -> NavItem:
        child.parent = self
        child.position = len(self.children)
        self.children.append(child)
        return child

    def walk(self) -> Iterator[NavItem]:
        """This node and every node below it, depth first, each before its children."""
        # A stack rather than nested generators: each node would pass up through one generator
        # per level above it.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def build_tree(store: ReportStore) -> NavItem:
    """Report / Countries / Practices / Glossary / Figures & tables, as the database holds the tree.

    Shaped when the database is built (htdesk.build.contents): here, before the first paint,
    it is only read, parents before children and siblings in order.
    """
    from htdesk.i18n import translate

    root = NavItem("root")
    items: dict[int | None, NavItem] = {None: root}
    # The tree's own headings ("Countries", "Glossary") are in the catalogue; record titles are the
    # report's words and come back as they are.
    for node, parent, title, record_id, tooltip in store.contents():
        items[node] = items[parent].add(
            NavItem(translate("contents", title), record_id, translate("contents", tooltip))
        )
    return root


class NavigationModel(QAbstractItemModel):
    """A read-only tree model over NavItem."""

    def __init__(self, root: NavItem, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._root = root
        self._first: dict[str, NavItem] | None = None  # record id -> its first node; made by find()

    def item(self, index: Index) -> NavItem:
        return index.internalPointer() if index.isValid() else self._root  # type: ignore[return-value]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Override of QAbstractItemModel.index."""
        if column != 0 or row < 0:
            return QModelIndex()
        p = self.item(parent)
        if row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, 0, p.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Override of QAbstractItemModel.parent."""
        if not index.isValid():
            return QModelIndex()
        p = self.item(index).parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.position, 0, p)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.rowCount."""
        if parent.column() > 0:
            return 0
        return len(self.item(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount."""
        return 1

    # flags() is not overridden: Qt's own gives every item "enabled, selectable", which is all it needs.
    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        """Override of QAbstractItemModel.data."""
        if not index.isValid():
            return None
        it = self.item(index)
        if role == DISPLAY_ROLE:
            return it.title
        if role == TOOLTIP_ROLE:
            return it.tooltip or None
        if role == RecordIdRole:
            return it.record_id
        if role == ACCESSIBLE_TEXT_ROLE:
            return it.title
        return None

    def find(self, record_id: str) -> QModelIndex:
        """The first node showing ``record_id`` (a record may appear in several places)."""
        if self._first is None:  # the tree never changes: one walk serves every page opened
            self._first = {}
            for it in self._root.walk():
                if it is not self._root and it.record_id is not None:
                    self._first.setdefault(it.record_id, it)
        it = self._first.get(record_id)
        return self.createIndex(it.position, 0, it) if it is not None else QModelIndex()


class NavigationFilter(QSortFilterProxyModel):
    """Narrows the tree as the user types; a match keeps its ancestors visible."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)

    def set_filter_text(self, text: str) -> None:
        """Keep the rows whose title contains ``text``, in any case."""
        # Set here rather than in __init__, which runs before the first paint (see DISPLAY_ROLE).
        from PySide6.QtCore import Qt

        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterFixedString(text)
