"""The navigation tree: plain-Python items, a thin Qt model over them, and a filter proxy."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from htdesk.content.kinds import Kind
from htdesk.store.report import ReportStore, Summary

Index = QModelIndex | QPersistentModelIndex
# Qt.ItemDataRole values by number: the tree paints before the first frame, and touching the `Qt`
# namespace makes PySide build all of its enums (see ui/mainwindow.py). A test holds them to Qt's.
DISPLAY_ROLE, TOOLTIP_ROLE, ACCESSIBLE_TEXT_ROLE, USER_ROLE = 0, 3, 11, 256
RecordIdRole = USER_ROLE + 1

THEME_SECTIONS = "section/3-6-"


class NavItem:
    """One node of the tree; ``record_id`` is None for pure grouping nodes."""

    # Plain slots rather than a dataclass: some 460 are made before the first paint.
    __slots__ = ("children", "parent", "record_id", "title", "tooltip")

    def __init__(self, title: str, record_id: str | None = None, tooltip: str = "") -> None:
        self.title = title
        self.record_id = record_id
        self.tooltip = tooltip
        self.children: list[NavItem] = []
        self.parent: NavItem | None = None

    def __repr__(self) -> str:
        return f"NavItem({self.title!r}, {self.record_id!r}, {len(self.children)} children)"

    def add(self, child: NavItem) -> NavItem:
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


def build_tree(store: ReportStore) -> NavItem:
    """Report / Countries / Practices / Glossary / Figures & tables, from the store's summaries."""
    # A handful of bulk reads rather than a query per node: this runs before the first paint.
    root = NavItem("root")
    report = root.add(NavItem("Report", "section/introduction", "The report's text, in its order"))
    sections = {s.id: s for s in store.summaries(Kind.SECTION)}
    tree = store.section_tree()
    by_id: dict[str, NavItem] = {}
    for sid, parent, title in tree:
        summary = sections.get(sid)
        node = NavItem(title, sid, summary.cite() if summary else "")
        (by_id.get(parent) if parent else report).add(node)  # type: ignore[union-attr]
        by_id[sid] = node

    institutions: dict[str, list[tuple[Summary, str | None]]] = {}
    for summary, parent_id in store.institution_tree():
        institutions.setdefault(summary.country or "", []).append((summary, parent_id))
    practices = store.summaries(Kind.PRACTICE)
    countries_of = store.practice_countries()
    countries = root.add(NavItem("Countries", None, "Country profiles, institutions and practices"))
    for c in store.summaries(Kind.COUNTRY):
        code = c.id.split("/", 1)[1]
        node = countries.add(NavItem(c.title, c.id, c.cite()))
        node.add(NavItem("Profile", c.id, c.cite()))
        insts = institutions.get(code, [])
        if insts:
            frame = node.add(NavItem("Institutional framework", None, f"{len(insts)} bodies"))
            inst_nodes = {s.id: NavItem(s.title, s.id, s.cite()) for s, _ in insts}
            for s, parent_id in insts:
                (inst_nodes.get(parent_id) if parent_id in inst_nodes else frame).add(inst_nodes[s.id])  # type: ignore[union-attr]
        own = [p for p in practices if code in countries_of.get(p.id, ())]
        if own:
            pnode = node.add(NavItem("Practices", None, f"{len(own)} practices"))
            for p in own:
                pnode.add(NavItem(p.title, p.id, p.cite()))

    themes = root.add(NavItem("Practices", "section/3-6", "Prevention practices, by theme"))
    theme_nodes: dict[str, NavItem] = {}
    for sid, parent, title in tree:
        if parent == "section/3-6" and sid != "section/3-6-conclusion":
            theme_nodes[sid] = themes.add(NavItem(title, sid, "Chapter III"))
    themes_of = store.practice_themes()
    for s in practices:
        target = theme_nodes.get(themes_of.get(s.id, ""))
        (target or themes).add(NavItem(s.title, s.id, s.cite()))

    glossary = root.add(NavItem("Glossary", "glossary", "Acronyms, English and French"))
    letters: dict[str, NavItem] = {}
    for g in store.summaries(Kind.GLOSSARY):
        letter = g.title[:1].upper()
        if letter not in letters:
            letters[letter] = glossary.add(NavItem(letter))
        letters[letter].add(NavItem(g.title, g.id, g.cite()))

    figures = root.add(NavItem("Figures & tables", None, "Every figure and table of the report"))
    for f in store.summaries(Kind.FIGURE):
        figures.add(NavItem(f.title, f.id, f.cite()))
    return root


class NavigationModel(QAbstractItemModel):
    """A read-only tree model over NavItem."""

    def __init__(self, root: NavItem, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._root = root

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
        return self.createIndex(p.row(), 0, p)

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
        for it in self._root.walk():
            if it is not self._root and it.record_id == record_id:
                return self.createIndex(it.row(), 0, it)
        return QModelIndex()


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
