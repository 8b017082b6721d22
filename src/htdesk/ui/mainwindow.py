"""The main window: navigation tree, reading pane, search, bookmarks, comparison and printing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# No `Qt` namespace here, nor in anything built before the first paint: PySide makes all of its
# hundred-odd enums the first time it is touched, about 40 ms of start-up (tests/ui/test_startup.py
# holds this). Code that runs later imports it where it is used.
from PySide6.QtCore import QCoreApplication, QPoint, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from htdesk import __version__, i18n
from htdesk.content.kinds import Kind
from htdesk.history import History
from htdesk.paths import resources_dir
from htdesk.render import html as render
from htdesk.render.theme import Theme
from htdesk.store.report import ReportStore
from htdesk.ui import appearance
from htdesk.ui.navigation import NavigationFilter, NavigationModel, RecordIdRole, build_tree
from htdesk.ui.reader import MAX_ZOOM, MIN_ZOOM, ReaderView
from htdesk.ui.settings import read_bool, read_choice, read_int, read_state, read_text

if TYPE_CHECKING:
    # The search's word matching (dataclasses, unicodedata) loads with the first search, not the window.
    from PySide6.QtCore import QModelIndex, QRect, QUrl
    from PySide6.QtWidgets import QMenu, QTabBar, QTextEdit

    from htdesk.output.printing import Composed, SheetOptions, SheetPrinter
    from htdesk.store.pages import LinkIndex
    from htdesk.store.query import Alternatives
    from htdesk.ui.compare import CompareView
    from htdesk.ui.findbar import FindBar

HOME = "home"
THEMES = ("system", "light", "dark")
GLOSSARY = "glossary"
COMPARE = "compare"

ConfirmFn = Callable[[QWidget, "QUrl"], bool]


# The sidebar's tabs, in order.
CONTENTS_TAB, SEARCH_TAB, BOOKMARKS_TAB = 0, 1, 2
# Marks a shortcut given as the name of a QKeySequence.StandardKey (the platform's own keys).
STANDARD = "StandardKey."


def std(name: str) -> str:
    """A shortcut that is the platform's standard key `name` (Back, Find, ZoomIn...)."""
    return STANDARD + name


# The first window on a fresh profile: this size where the screen has room, else the screen's free
# area less room for a window manager's title bar and borders (not known before the window shows).
FIRST_SIZE = (1280, 800)
FRAME_ROOM = (16, 48)
# Under this window width the sidebar gives the page its room: it folds away by itself and, shown
# again (F9, Ctrl+K...), folds away once a page is chosen from it, as a drawer does.
NARROW_WIDTH = 720
PAGE_MARGIN = 24  # the page's own margin and scroll bar, either side
# The comparison brings its own lists beside its columns: under this width it takes the sidebar's room too.
COMPARE_ROOM = 1500  # so on 1280-1440 px laptops too: its table then shows three countries whole
# Sidebar width on a first start: room for the tree's long titles, but never most of a small screen.
SIDEBAR_WIDTH, SIDEBAR_SHARE = 340, 0.3

# Text size of the sidebar and lists, in points (Edit > Preferences); 0 is the system's size.
MIN_LIST_TEXT_SIZE, MAX_LIST_TEXT_SIZE = 7, 24

# Go > History and the Back button's menu list this many recent pages.
HISTORY_MENU_LENGTH = 20
HISTORY_TEXT_LIMIT = 20000  # the saved history's line (50 entries) in the settings
SEARCH_TEXT_LIMIT = 500
# Tabs kept across restarts (the open one's history is session/history), each with its last pages.
MAX_TABS, TAB_HISTORY_KEPT = 30, 20
TABS_TEXT_LIMIT = 100000

# Qt::ToolButtonTextBesideIcon, set as a property by its key: the enum itself is in the `Qt`
# namespace (see the note above), and PySide converting a number to it costs over a millisecond.
TEXT_BESIDE_ICON = "ToolButtonTextBesideIcon"


def _today() -> str:
    from datetime import date  # not at import: nothing before the first paint needs it

    return date.today().isoformat()


def confirm_external(parent: QWidget, url: QUrl) -> bool:
    """Ask before leaving the app: HT Desk itself never goes online."""
    from htdesk.ui import plain

    answer = plain.question(
        parent,
        QCoreApplication.translate("mainwindow", "Open in your web browser?"),
        QCoreApplication.translate(
            "mainwindow",
            "This link leads outside HT Desk and needs an internet connection:\n\n{url}\n\n"
            "Open it in your web browser?",
        ).format(url=url.toString()),
        plain.Buttons.Open | plain.Buttons.Cancel,
        plain.Buttons.Cancel,
    )
    return answer == plain.Buttons.Open


def first_geometry(free: QRect) -> QRect:
    """Where a first window goes on a screen whose free area is ``free``: inside it, centred."""
    from PySide6.QtCore import QRect

    width = min(FIRST_SIZE[0], free.width() - FRAME_ROOM[0])
    height = min(FIRST_SIZE[1], free.height() - FRAME_ROOM[1])
    # The frame's title bar goes above the window's own top: the room left for it is kept there.
    left = free.x() + (free.width() - width) // 2
    top = free.y() + FRAME_ROOM[1] - FRAME_ROOM[0] // 2 + max(0, (free.height() - FRAME_ROOM[1] - height) // 2)
    return QRect(left, top, width, height)


class ContentsTree(QTreeView):
    """The contents tree; asks for a context menu (mouse or Menu key) at a viewport position."""

    menu_requested = Signal(QPoint)
    new_tab_asked = False  # the click being handled was a Ctrl+click or a middle click

    def mouseReleaseEvent(self, event: object) -> None:
        """Override of QAbstractItemView.mouseReleaseEvent: a middle click opens its record too (in a new tab)."""
        from PySide6.QtCore import Qt

        button, modifiers = event.button(), event.modifiers()  # type: ignore[attr-defined]
        middle = button == Qt.MouseButton.MiddleButton
        self.new_tab_asked = middle or bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        super().mouseReleaseEvent(event)  # type: ignore[arg-type]
        if middle:
            index = self.indexAt(event.position().toPoint())  # type: ignore[attr-defined]
            if index.isValid():
                self.clicked.emit(index)
        self.new_tab_asked = False

    def contextMenuEvent(self, event: object) -> None:
        """Override of QAbstractScrollArea.contextMenuEvent."""
        self.menu_requested.emit(event.pos())  # type: ignore[attr-defined]


class MainWindow(QMainWindow):
    """The window trainers live in."""

    page_changed = Signal(str)
    first_paint = Signal()
    restart_requested = Signal()  # the user asked to restart now (a new language)

    def __init__(
        self,
        store: ReportStore,
        settings: QSettings,
        *,
        confirm: ConfirmFn = confirm_external,
        bookmarks: object | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        self._confirm = confirm
        self._links: LinkIndex | None = None
        self._find_bar: FindBar | None = None
        self._meta = store.meta()
        self.history = History()
        # Each tab is its own history (pages, positions); the open tab's is self.history.
        self.tab_histories: list[History] = [self.history]
        self.tab_bar: QTabBar | None = None
        self.current: str = HOME
        self._matches: Alternatives | None = None  # what the search that opened the page matched
        self._printer: SheetPrinter | None = None
        self._compare: CompareView | None = None
        # What is made just after the first paint, a step at a time (see _late_init).
        self._late_steps: list[Callable[[], None]] = []
        # Shortcuts wait here until just after the first paint (see _attach_shortcuts); None after.
        self._pending_shortcuts: list[tuple[QAction, list[str]]] | None = []
        self._pending_actions: list[QAction] = []
        self.setWindowTitle(self.tr("HT Desk"))

        # Centre: the page, with a find bar; or the comparison.
        self.reader = ReaderView()
        self.reader.internal_link.connect(self.open)
        self.reader.external_link.connect(self.open_external)
        self.reader.back_requested.connect(self.go_back)
        self.reader.forward_requested.connect(self.go_forward)
        self.reader.new_tab_link.connect(self.new_tab)
        page = QWidget()
        self._page_layout = QVBoxLayout(page)
        self._page_layout.setContentsMargins(0, 0, 0, 0)
        self._page_layout.setSpacing(0)
        self._page_layout.addWidget(self.reader)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)

        # Left: the navigation tree with its filter.
        self.nav_model = NavigationModel(build_tree(store), self)
        # The filter stands between the tree and the model only while a filter is typed (see
        # _filter_tree): unfiltered it would only map each index the tree asks for, some 700 calls
        # into Python to show where a page sits in the tree at start-up.
        self.nav_filter = NavigationFilter(self)
        self.nav_filter.setSourceModel(self.nav_model)
        self.tree = ContentsTree()
        self.tree.setModel(self.nav_model)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Contents"))
        self.tree.setUniformRowHeights(True)
        self.tree.activated.connect(self._tree_activated)
        self.tree.clicked.connect(self._tree_activated)
        self.tree.menu_requested.connect(self._tree_menu)
        self.tree_filter = QLineEdit()
        self.tree_filter.setPlaceholderText(self.tr("Filter contents"))
        self.tree_filter.setAccessibleName(self.tr("Filter contents"))
        self.tree_filter.textChanged.connect(self._filter_tree)
        nav = QWidget()
        self._nav_layout = QVBoxLayout(nav)
        self._nav_layout.setContentsMargins(4, 4, 4, 4)
        self._nav_layout.addWidget(self.tree_filter)
        self._nav_layout.addWidget(self.tree)
        self._no_match: QWidget | None = None  # says a filter matched no title; made when one first does not

        # The sidebar: contents, search and bookmarks as tabs beside the page. Search and
        # bookmarks get their panels just after the first paint, or when first opened.
        self.search_panel = None
        self.bookmarks_panel = None
        self.bookmarks = None
        self._bookmarks_source = bookmarks
        self.sidebar = QTabWidget()
        self.sidebar.setAccessibleName(self.tr("Sidebar"))
        self.sidebar.setDocumentMode(True)
        self.sidebar.addTab(nav, self.tr("Contents"))
        self._search_tab, self._bookmarks_tab = QVBoxLayout(), QVBoxLayout()
        for layout, title in ((self._search_tab, self.tr("Search")), (self._bookmarks_tab, self.tr("Bookmarks"))):
            holder = QWidget()
            holder.setLayout(layout)
            layout.setContentsMargins(0, 0, 0, 0)
            self.sidebar.addTab(holder, title)
        self.sidebar.currentChanged.connect(self._sidebar_tab_changed)
        self.splitter = QSplitter()
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.sidebar)
        # The page area: the tab bar (made with a second tab, see new_tab) above the page.
        self._page_area = QWidget()
        self._page_area_layout = QVBoxLayout(self._page_area)
        self._page_area_layout.setContentsMargins(0, 0, 0, 0)
        self._page_area_layout.setSpacing(0)
        self._page_area_layout.addWidget(self.stack)
        self.splitter.addWidget(self._page_area)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.setCentralWidget(self.splitter)
        self._sidebar_folded = False  # hidden by the window for want of room, not by the user

        self._make_actions()
        self.statusBar().showMessage(f"{self._meta.get('citation', '')[:90]}…", 6000)
        # The page or, when the last session ended on it, the comparison: whichever paints first.
        self._painted = False
        self.reader.first_painted.connect(self._on_first_paint)

        self.theme_choice = read_choice(settings, "view/theme", "system", THEMES)
        self._exact_scheme = False  # until the first paint, see appearance.system_is_dark
        self.apply_theme()
        self.reader.set_zoom(read_int(settings, "view/zoom", 0, MIN_ZOOM, MAX_ZOOM))
        self._apply_list_text_size(read_int(settings, "view/list_text_size", 0, 0, MAX_LIST_TEXT_SIZE))
        self._restore()
        self._ready = True

    # -- parts made on first use: start-up builds only what the first screen shows ----------
    @property
    def links(self) -> LinkIndex:
        """What printed pages turn into links (acronyms, names, appendices): made for the first print."""
        if self._links is None:
            from htdesk.store.pages import link_index  # shown pages come rendered from the database

            self._links = link_index(self.store)
        return self._links

    @property
    def find_bar(self) -> FindBar:
        if self._find_bar is None:
            from htdesk.ui.findbar import FindBar  # its module loads with the first Ctrl+F

            self._find_bar = FindBar(self.reader)
            self._find_bar.hide()
            self._page_layout.addWidget(self._find_bar)
        return self._find_bar

    @property
    def printer(self) -> SheetPrinter:
        if self._printer is None:
            from htdesk.output.printing import SheetPrinter

            self._printer = SheetPrinter(self)
        return self._printer

    @property
    def compare(self) -> CompareView:
        if self._compare is None:
            from htdesk.ui.compare import CompareView

            view = CompareView(self.store, self.settings)
            view.view.first_painted.connect(self._on_first_paint)
            view.open_requested.connect(self.open)
            view.view.external_link.connect(self.open_external)
            view.changed.connect(self._compare_changed)
            view.set_theme(self.theme)
            view.view.set_zoom(self.reader.zoom)
            view.choices.setFont(self._list_font())
            # The countries last compared (the session may end elsewhere): ticked again.
            saved = read_text(self.settings, "compare/countries", "", 200)
            if saved:
                view.set_countries(saved.split(","))
            self.stack.addWidget(view)
            self._compare = view
        return self._compare

    def _showing_compare(self) -> bool:
        return self._compare is not None and self.stack.currentWidget() is self._compare

    # -- the sidebar -------------------------------------------------------------------------
    def show_sidebar_tab(self, tab: int) -> None:
        """Show the sidebar at one of its tabs (contents, search, bookmarks)."""
        self.set_sidebar_visible(True)
        self.sidebar.setCurrentIndex(tab)

    def set_sidebar_visible(self, shown: bool) -> None:
        self._sidebar_folded = False  # the user's own choice: the window folds it no more
        self._show_sidebar(shown)

    def _show_sidebar(self, shown: bool) -> None:
        self.sidebar.setVisible(shown)
        self.actions_by_name["sidebar"].setChecked(shown)

    @property
    def narrow(self) -> bool:
        """Whether the window is too narrow for sidebar and page side by side."""
        return self.width() < NARROW_WIDTH

    def resizeEvent(self, event: object) -> None:
        """Override of QWidget.resizeEvent: fold the sidebar away when narrow, back when wide again."""
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """Fold the sidebar away while the page needs its room, show it again once there is room.

        The page needs it in a narrow window, and for the comparison (its own lists beside its
        columns) in a window under COMPARE_ROOM.
        """
        crowded = self.narrow or (self._showing_compare() and self.width() < COMPARE_ROOM)
        if not crowded and not self._showing_compare() and self.reader.least_width():
            # A page with a wide table (the comparison table): folded, its columns fit beside nothing.
            beside = self.width() - (self.sidebar.width() or SIDEBAR_WIDTH) - 2 * PAGE_MARGIN
            crowded = self.reader.least_width() > beside and self.reader.least_width() <= self.width() - 2 * PAGE_MARGIN
        if crowded and not self.sidebar.isHidden():  # not isVisible(): false too while the window is
            self._show_sidebar(False)
            self._sidebar_folded = True
        elif not crowded and self._sidebar_folded:
            self._show_sidebar(True)
            self._sidebar_folded = False

    def _sidebar_tab_changed(self, tab: int) -> None:
        if tab == SEARCH_TAB:
            self._install_search()
        elif tab == BOOKMARKS_TAB:
            self._install_bookmarks()

    def _install_search(self) -> None:
        if self.search_panel is not None:
            return
        from htdesk.ui.search_panel import SearchPanel

        self.search_panel = SearchPanel(self.store)
        self.search_panel.open_requested.connect(self.open_with_matches)
        self._search_tab.addWidget(self.search_panel)
        typed = read_text(self.settings, "session/search_text", "", SEARCH_TEXT_LIMIT)
        if typed:  # what the last session had searched for: its results show again
            self.search_panel.set_query(typed)

    def _install_bookmarks(self) -> None:
        """Open the user's bookmarks (a service, or a factory that makes one) and show the panel."""
        if self.bookmarks is not None or self._bookmarks_source is None:
            return
        source = self._bookmarks_source
        self.bookmarks = source if hasattr(source, "changed") else source()  # type: ignore[operator]
        if self.bookmarks is None:
            self._bookmarks_source = None
            from PySide6.QtWidgets import QLabel

            self._bookmarks_tab.addWidget(QLabel(self.tr("Bookmarks are unavailable.")))
            return
        from htdesk.ui.bookmarks.panel import BookmarksPanel

        self.bookmarks_panel = BookmarksPanel(self.bookmarks, exists=self._exists)
        self.bookmarks_panel.open_requested.connect(self.open)
        self._bookmarks_tab.addWidget(self.bookmarks_panel)
        self.bookmarks.changed.connect(self._update_star)  # type: ignore[attr-defined]
        stack = self.bookmarks.undo_stack  # type: ignore[attr-defined]
        undo, redo = self.actions_by_name["undo"], self.actions_by_name["redo"]
        # Bound to the actions and the window, so the connections end with them (the service
        # may outlive a window).
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self._update_star()

    def _on_first_paint(self) -> None:
        if self._painted:
            return
        self._painted = True
        self.first_paint.emit()
        # With the window as context: a window closed and deleted this early runs none of it.
        QTimer.singleShot(0, self, self._late_init)

    def _late_init(self) -> None:
        """What the first screen does not show, made just after it is painted.

        In steps, one per turn of the event loop: together they take a fifth of a second or more
        (the search's vocabulary, the bookmarks, the exact colour scheme), and a click or key
        that comes this early then waits for one step rather than for all of them.
        """
        self._attach_shortcuts()
        self._set_window_icon()
        self._late_steps = [
            self._attach_history_menus,
            self._follow_system_scheme,
            self._install_focus_style,
            self._install_bookmarks,
            self._prepare_search,
            self._install_search,
        ]
        QTimer.singleShot(0, self, self._next_late_step)

    def _next_late_step(self) -> None:
        if self._late_steps:
            self._late_steps.pop(0)()
            QTimer.singleShot(0, self, self._next_late_step)

    def _prepare_search(self) -> None:
        """Read the search's vocabulary, a step of its own: the panel is the next (see _late_init)."""
        from htdesk.store.search import prepare

        prepare(self.store)

    def _follow_system_scheme(self) -> None:
        """Take the system's exact colour scheme from now on (see appearance.system_is_dark)."""
        self._exact_scheme = True
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+: follow the system as it changes
            hints.colorSchemeChanged.connect(self._system_scheme_changed)
        if self.theme.name != self._applied_theme:  # the platform's palette guessed wrong
            self.apply_theme()

    def _attach_history_menus(self) -> None:
        """Go > History, and the pages behind Back on a long press or right-click of its button."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMenu, QToolButton

        self.history_menu = self._go_menu.addMenu(self.tr("History"))
        self.history_menu.aboutToShow.connect(lambda: self._fill_history_menu(self.history_menu))
        self.back_menu = QMenu(self)
        self.back_menu.aboutToShow.connect(lambda: self._fill_history_menu(self.back_menu, back_only=True))
        button = self._toolbar.widgetForAction(self.actions_by_name["back"])
        if isinstance(button, QToolButton):
            button.setMenu(self.back_menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(lambda pos: self.back_menu.exec(button.mapToGlobal(pos)))

    def _install_focus_style(self) -> None:
        """Every control's keyboard focus as a 2 px ring in the theme's colour (see appearance.focus_style)."""
        app = QApplication.instance()
        if not isinstance(app, QApplication) or getattr(app.style(), "focus_ring", False):
            return
        style = appearance.focus_style(self.theme)
        style.focus_ring = True  # type: ignore[attr-defined]
        app.setStyle(style)  # type: ignore[arg-type]
        appearance.apply(app, self.theme)  # a new style may bring its own palette: ours again

    def _set_window_icon(self) -> None:
        """The title bar's and task switcher's icon: decoded after the first paint, which needs none of it."""
        icon = resources_dir() / "icons" / "htdesk-256.png"
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))

    def _undo_text(self, text: str) -> None:
        self.actions_by_name["undo"].setText(self.tr("Undo {text}").format(text=text) if text else self.tr("Undo"))

    def _redo_text(self, text: str) -> None:
        self.actions_by_name["redo"].setText(self.tr("Redo {text}").format(text=text) if text else self.tr("Redo"))

    def _undo_redo(self, which: str) -> None:
        self._install_bookmarks()
        stack = getattr(self.bookmarks, "undo_stack", None)
        if stack is not None:
            getattr(stack, which)()

    # -- actions and menus ---------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | list[str] | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        """An action of the window; its shortcuts (key strings, or std() names) are attached later."""
        act = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            if self._pending_shortcuts is None:
                self._set_shortcuts(act, keys)
            else:
                self._pending_shortcuts.append((act, keys))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        if checkable:
            act.setCheckable(True)
        act.triggered.connect(lambda _checked=False: slot())
        if self._pending_shortcuts is None:
            self.addAction(act)
        else:
            self._pending_actions.append(act)  # added with the shortcuts, which need it, after the first paint
        return act

    def _attach_shortcuts(self) -> None:
        """Give the actions their shortcuts: just after the first paint, which shows none of them.

        QKeySequence is a class the first screen does not need (PySide builds its enums, the
        standard keys among them, on first use), and no key can reach the window before it shows.
        """
        pending, self._pending_shortcuts = self._pending_shortcuts or [], None
        for act, keys in pending:
            self._set_shortcuts(act, keys)
        # The window's own list: its shortcuts work even where no menu or toolbar shows the action.
        self.addActions(self._pending_actions)
        self._pending_actions = []

    @staticmethod
    def _set_shortcuts(act: QAction, keys: list[str]) -> None:
        from PySide6.QtGui import QKeySequence

        sequences: list[QKeySequence] = []
        for key in keys:
            if key.startswith(STANDARD):
                seq = QKeySequence(getattr(QKeySequence.StandardKey, key.removeprefix(STANDARD)))
            else:
                seq = QKeySequence(key)
            # Once each: where the platform's standard key is also our extra one (Back is Alt+Left
            # on Windows and Linux), a twice-listed key is "ambiguous" to Qt and does nothing.
            if not seq.isEmpty() and seq not in sequences:
                sequences.append(seq)
        # setShortcuts() even for one: PySide resolves setShortcut()'s overloads through Qt.Key,
        # which builds the whole `Qt` namespace (see the note at the top).
        act.setShortcuts(sequences)

    def _make_actions(self) -> None:
        a = self.actions_by_name = {}
        a["back"] = self._action(self.tr("Back"), self.go_back, [std("Back"), "Alt+Left"], self.tr("Go back"))
        a["forward"] = self._action(
            self.tr("Forward"), self.go_forward, [std("Forward"), "Alt+Right"], self.tr("Go forward")
        )
        a["home"] = self._action(self.tr("Home"), lambda: self.open(HOME), "Alt+Home", self.tr("The start page"))
        a["new_tab"] = self._action(self.tr("New tab"), lambda: self.new_tab(HOME), std("AddTab"))
        a["close_tab"] = self._action(self.tr("Close tab"), self.close_tab, [std("Close"), "Ctrl+W"])
        a["next_tab"] = self._action(self.tr("Next tab"), lambda: self._step_tab(1), ["Ctrl+Tab", "Ctrl+PgDown"])
        a["previous_tab"] = self._action(
            self.tr("Previous tab"), lambda: self._step_tab(-1), [std("PreviousChild"), "Ctrl+Shift+Tab", "Ctrl+PgUp"]
        )
        a["bookmark"] = self._action(
            self.tr("Bookmark this page…"),
            self.bookmark_current,
            "Ctrl+D",
            self.tr("Bookmark the open page"),
            True,
        )
        a["compare"] = self._action(self.tr("Compare countries"), lambda: self.open(COMPARE), "Ctrl+Shift+C")
        a["print"] = self._action(self.tr("Print…"), self.print_current, std("Print"), self.tr("Print the open page"))
        a["pdf"] = self._action(self.tr("Export PDF…"), self.export_pdf_dialog, "Ctrl+Shift+E")
        a["quit"] = self._action(self.tr("Quit"), self.close, std("Quit"))
        a["copy"] = self._action(self.tr("Copy"), self._copy, std("Copy"))
        a["copy_citation"] = self._action(self.tr("Copy citation"), self.copy_citation, "Ctrl+Shift+Y")
        a["find"] = self._action(self.tr("Find in page…"), lambda: self.find_bar.open_bar(), std("Find"))
        a["find_next"] = self._action(self.tr("Find next"), lambda: self.find_bar.step(), std("FindNext"))
        a["find_prev"] = self._action(
            self.tr("Find previous"), lambda: self.find_bar.step(backward=True), std("FindPrevious")
        )
        a["search"] = self._action(self.tr("Search…"), self.focus_search, ["Ctrl+K", "Ctrl+L"])
        a["zoom_in"] = self._action(
            self.tr("Zoom in"),
            lambda: self.set_zoom(self.reader.zoom + 1),
            [std("ZoomIn"), "Ctrl+="],
        )
        a["zoom_out"] = self._action(self.tr("Zoom out"), lambda: self.set_zoom(self.reader.zoom - 1), std("ZoomOut"))
        a["zoom_reset"] = self._action(self.tr("Actual size"), lambda: self.set_zoom(0), "Ctrl+0")
        a["filter_tree"] = self._action(self.tr("Filter contents"), self._focus_tree_filter, "Ctrl+Shift+F")
        a["about"] = self._action(self.tr("About HT Desk"), self.about)
        a["preferences"] = self._action(self.tr("Preferences…"), self.preferences, [std("Preferences"), "Ctrl+,"])

        themes = QActionGroup(self)
        for choice, label in (
            ("system", self.tr("Follow system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            act = self._action(label, lambda c=choice: self.set_theme(c), checkable=True)
            act.setData(choice)
            themes.addAction(act)
            a[f"theme_{choice}"] = act

        from htdesk import i18n

        languages = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():  # each language in its own name, as every app lists them
            act = self._action(name, lambda c=code: self.set_language(c), checkable=True)
            act.setData(code)
            act.setChecked(code == i18n.language())
            languages.addAction(act)
            a[f"language_{code}"] = act

        mb = self.menuBar()
        m = mb.addMenu(self.tr("&File"))
        for k in ("print", "pdf"):
            m.addAction(a[k])
        m.addSeparator()
        m.addAction(a["quit"])
        m = mb.addMenu(self.tr("&Edit"))
        # Undo and redo act on bookmarks (the only thing a trainer edits); they forward to the
        # bookmarks' undo stack once it exists.
        a["undo"] = self._action(self.tr("Undo"), lambda: self._undo_redo("undo"), std("Undo"))
        a["redo"] = self._action(self.tr("Redo"), lambda: self._undo_redo("redo"), std("Redo"))
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        m.addAction(a["undo"])
        m.addAction(a["redo"])
        m.addSeparator()
        for k in ("copy", "copy_citation", "find", "find_next", "find_prev", "search", "filter_tree"):
            m.addAction(a[k])
        m.addSeparator()
        m.addAction(a["preferences"])
        m = mb.addMenu(self.tr("&View"))
        for k in ("zoom_in", "zoom_out", "zoom_reset"):
            m.addAction(a[k])
        m.addSeparator()
        tm = m.addMenu(self.tr("Appearance"))
        for choice in ("system", "light", "dark"):
            tm.addAction(a[f"theme_{choice}"])
        lm = m.addMenu(self.tr("Language"))
        for code in i18n.LANGUAGES:
            lm.addAction(a[f"language_{code}"])
        m.addSeparator()
        a["sidebar"] = self._action(
            self.tr("Sidebar"),
            lambda: self.set_sidebar_visible(a["sidebar"].isChecked()),  # checked: the action toggled itself
            "F9",
            self.tr("Show or hide the sidebar"),
            True,
        )
        a["sidebar"].setChecked(True)
        a["contents"] = self._action(
            self.tr("Contents"),
            lambda: self.show_sidebar_tab(CONTENTS_TAB),
            "Ctrl+Shift+T",
            self.tr("The report's contents"),
        )
        m.addAction(a["sidebar"])
        m.addAction(a["contents"])
        m = self._go_menu = mb.addMenu(self.tr("&Go"))
        for k in ("back", "forward", "home", "compare"):
            m.addAction(a[k])
        m.addSeparator()
        for k in ("new_tab", "close_tab", "next_tab", "previous_tab"):
            m.addAction(a[k])
        m = mb.addMenu(self.tr("&Bookmarks"))
        m.addAction(a["bookmark"])
        a["bookmarks"] = self._action(
            self.tr("Show bookmarks"),
            lambda: self.show_sidebar_tab(BOOKMARKS_TAB),
            "Ctrl+Shift+B",
            self.tr("Your bookmarks"),
        )
        m.addAction(a["bookmarks"])
        a["handout"] = self._action(self.tr("Print a folder as a handout…"), self.print_handout_dialog)
        m.addAction(a["handout"])
        m = mb.addMenu(self.tr("&Help"))
        m.addAction(a["about"])

        # Our own icons, the same on every platform and readable in light and dark; QIcon loads
        # the file (and its @2x twin on high-DPI screens) when the toolbar first paints.
        icons = resources_dir() / "icons" / "toolbar"
        for key in ("back", "forward", "home", "print", "pdf"):
            a[key].setIcon(QIcon(str(icons / f"{key}.png")))
        tb = self._toolbar = self.addToolBar(self.tr("Navigation"))
        tb.setProperty("toolButtonStyle", TEXT_BESIDE_ICON)
        tb.setObjectName("toolbar-main")
        tb.setAccessibleName(self.tr("Main toolbar"))
        for k in ("back", "forward", "home"):
            tb.addAction(a[k])
        tb.addSeparator()
        a["bookmark"].setText(self.tr("☆ Bookmark"))
        tb.addAction(a["bookmark"])
        tb.addAction(a["compare"])
        tb.addAction(a["print"])
        tb.addAction(a["pdf"])
        self._update_nav_actions()

    # -- navigation ------------------------------------------------------------------------------
    def open(self, target: str, *, push: bool = True, matches: Alternatives | None = None) -> bool:
        """Show a record (or home, glossary, compare), ``matches`` of a search marked; False when it does not exist."""
        if push:
            self._remember_position()
        self._matches = matches
        if target.startswith(f"{COMPARE}/"):  # a bookmarked comparison (content.comparison.PREFIX)
            from htdesk.content.comparison import ComparisonRef

            try:
                ref = ComparisonRef.parse(target)
            except ValueError:
                ref = None
            if ref is None or not self._exists(target):
                self.statusBar().showMessage(
                    self.tr("This comparison cannot be shown: a country is not in this report."), 5000
                )
                return False
            self.compare.set_countries(list(ref.countries))
            self.compare.set_dimensions(ref.dimensions)
            self.compare.set_layout(ref.layout)  # the sheet or the full layout, as bookmarked
            target = COMPARE
        if target.startswith(COMPARE):
            codes = [c for c in target.partition(":")[2].split(",") if c]
            if codes:
                self.compare.set_countries(codes)
            self.stack.setCurrentWidget(self.compare)
            self._set_current(self._compare_key(), push)
            self._fit_sidebar()
            return True
        self.stack.setCurrentIndex(0)
        if target == HOME:
            html = self._home_html()
        elif target == GLOSSARY:
            entries = self.store.summaries(Kind.GLOSSARY)
            expansions = self.store.glossary_expansions()
            html = render.glossary_index_html(entries, expansions)
        else:
            # Rendered when the database was built (the same renderer as printing), read in one query;
            # in another language than the report's, rendered now, around the report's English text.
            stored = self.store.page(target) if i18n.language() == i18n.DEFAULT else self._render_page(target)
            if stored is None:
                self.statusBar().showMessage(
                    self.tr("Not in the report database: {target}").format(target=target), 5000
                )
                return False
            html = stored
        self.reader.show_html(html, render.stylesheet(self.theme))
        self._fit_sidebar()  # after the page: its tables say how much room it needs
        if self._matches is not None:
            self.reader.highlight_matches(self._matches)
        self._set_current(target, push)
        return True

    def open_with_matches(self, record_id: str, matches: Alternatives) -> None:
        self.open(record_id, matches=matches)

    def _set_current(self, target: str, push: bool) -> None:
        self.current = target
        if push:
            self.history.visit(target)
        if self.tab_bar is not None:
            self.tab_bar.setTabText(self.tab_index, self._page_title(target))
            self.tab_bar.setTabToolTip(self.tab_index, self._page_title(target))
        self.settings.setValue("session/last_page", target)
        if target != HOME:  # the home page has no place in the tree: the tree stays where it was
            self._sync_tree(target)
        self._fold_drawer()
        self._update_nav_actions()
        self._update_star()
        self.page_changed.emit(target)

    def _fold_drawer(self) -> None:
        """In a narrow window, a page chosen in the sidebar takes the room back from it."""
        if self.narrow and self.sidebar.isVisible() and self.sidebar.isAncestorOf(QApplication.focusWidget()):
            self._show_sidebar(False)
            self._sidebar_folded = True
            self.reader.setFocus()

    def _render_page(self, target: str) -> str | None:
        from htdesk.store.pages import page_data

        data = page_data(self.store, target)
        return render.page_html(data, self.links) if data is not None else None

    def _home_html(self) -> str:
        countries = self.store.summaries(Kind.COUNTRY)
        return render.home_html(self._meta, countries, self.store.theme_sections(), self.store.home_counts())

    # -- tabs ------------------------------------------------------------------------------------
    def _ensure_tab_bar(self) -> QTabBar:
        if self.tab_bar is None:
            # With a second tab, or a start with several: then the `Qt` namespace's cost is paid.
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QTabBar

            bar = QTabBar()
            bar.setAccessibleName(self.tr("Open pages"))
            bar.setDocumentMode(True)
            bar.setTabsClosable(True)
            bar.setExpanding(False)
            bar.setElideMode(Qt.TextElideMode.ElideRight)
            bar.setAutoHide(True)  # one tab: no tab bar, as before tabs
            for history in self.tab_histories:
                bar.addTab(self._page_title(history.current or HOME))
            bar.setCurrentIndex(self.tab_index)
            bar.currentChanged.connect(self.switch_tab)
            bar.tabCloseRequested.connect(self.close_tab)
            self._page_area_layout.insertWidget(0, bar)
            self.tab_bar = bar
        return self.tab_bar

    @property
    def tab_index(self) -> int:
        return self.tab_histories.index(self.history)

    def new_tab(self, page: str = HOME) -> None:
        """Open ``page`` in a new tab just after the open one, and show it (Ctrl+T, Ctrl+click, middle click)."""
        self._remember_position()
        bar = self._ensure_tab_bar()
        at = self.tab_index + 1
        self.tab_histories.insert(at, History())
        bar.blockSignals(True)
        bar.insertTab(at, self._page_title(page))
        bar.setCurrentIndex(at)
        bar.blockSignals(False)
        self.history = self.tab_histories[at]
        if not self.open(page):
            self.open(HOME)

    def switch_tab(self, index: int) -> None:
        """Show tab ``index`` where its reader left it (Ctrl+Tab, Ctrl+Shift+Tab, a click on it)."""
        if not 0 <= index < len(self.tab_histories) or self.tab_histories[index] is self.history:
            return
        self._remember_position()
        self.history = self.tab_histories[index]
        if self.tab_bar is not None and self.tab_bar.currentIndex() != index:
            self.tab_bar.setCurrentIndex(index)  # comes back here, and returns at the check above
        self._return_to(self.history.current)

    def close_tab(self, index: int | None = None) -> None:
        """Close a tab (the open one by default, Ctrl+W); the last tab stays."""
        index = self.tab_index if index is None else index
        if len(self.tab_histories) < 2 or not 0 <= index < len(self.tab_histories):
            return
        closing_open = self.tab_histories[index] is self.history
        del self.tab_histories[index]
        bar = self._ensure_tab_bar()
        bar.blockSignals(True)
        bar.removeTab(index)
        bar.blockSignals(False)
        if closing_open:
            self.history = self.tab_histories[min(index, len(self.tab_histories) - 1)]
            bar.setCurrentIndex(self.tab_index)
            self._return_to(self.history.current)
        else:
            bar.setCurrentIndex(self.tab_index)

    def _step_tab(self, step: int) -> None:
        if len(self.tab_histories) > 1:
            self.switch_tab((self.tab_index + step) % len(self.tab_histories))

    def go_back(self) -> None:
        if self.history.can_back():
            self._remember_position()
            self._return_to(self.history.back())

    def go_forward(self) -> None:
        if self.history.can_forward():
            self._remember_position()
            self._return_to(self.history.forward())

    def go_to_history(self, index: int) -> None:
        """Open entry ``index`` of the history (Go > History, or the Back button's menu)."""
        if index != self.history.index:
            self._remember_position()
            self._return_to(self.history.go_to(index))

    def _return_to(self, page: str | None) -> None:
        """Show a page met before, where the reader left it."""
        if self.open(page or HOME, push=False):
            self.scroll_to(self.history.position)

    def _page_view(self) -> QTextEdit:
        return self._compare.view if self._showing_compare() else self.reader  # type: ignore[union-attr]

    def scroll_position(self) -> int:
        return self._page_view().verticalScrollBar().value()

    def _remember_position(self) -> None:
        if self.history.current is not None:
            self.history.set_position(self.scroll_position())

    def scroll_to(self, position: int, tries: int = 20) -> None:
        """Scroll the page to ``position`` once it is laid out that far (a long page lays out in steps)."""
        bar = self._page_view().verticalScrollBar()
        bar.setValue(position)
        if bar.value() < position and tries > 0:
            QTimer.singleShot(10, self, lambda: self.scroll_to(position, tries - 1))

    def _page_title(self, page: str) -> str:
        """How a history entry is listed: the record's title, or the page's own name."""
        if page == HOME:
            return self.tr("Home")
        if page == GLOSSARY:
            return self.tr("Glossary of acronyms")
        if page.startswith(COMPARE):
            return self.tr("Country comparison")
        summary = self.store.summary(page)
        return summary.title if summary is not None else page

    def _fill_history_menu(self, menu: QMenu, *, back_only: bool = False) -> None:
        """The recent pages, newest first, the open one checked; Back's menu lists only those behind it."""
        menu.clear()
        entries = self.history.entries()
        if back_only:
            entries = entries[: self.history.index]
        for index, page in reversed(entries[-HISTORY_MENU_LENGTH:]):
            act = menu.addAction(self._page_title(page))
            act.setCheckable(True)
            act.setChecked(index == self.history.index)
            act.triggered.connect(lambda _checked=False, i=index: self.go_to_history(i))

    def _update_nav_actions(self) -> None:
        if hasattr(self, "actions_by_name"):
            self.actions_by_name["back"].setEnabled(self.history.can_back())
            self.actions_by_name["forward"].setEnabled(self.history.can_forward())

    def _compare_key(self) -> str:
        return f"{COMPARE}:{','.join(self.compare.selected_countries())}"

    def _compare_changed(self) -> None:
        if self._compare is None:  # the view ticking the saved countries as it is made
            return
        self.settings.setValue("compare/countries", ",".join(self._compare.selected_countries()))
        if self._showing_compare() and self.current != self._compare_key():
            self.current = self._compare_key()
            self.settings.setValue("session/last_page", self.current)

    def _sync_tree(self, target: str) -> None:
        """The tree follows the open page."""
        src = self.nav_model.find(target)
        if not src.isValid():
            return
        idx = src if self.tree.model() is self.nav_model else self.nav_filter.mapFromSource(src)
        if idx.isValid():  # a filter may hide it
            self.tree.setCurrentIndex(idx)
            self.tree.scrollTo(idx)

    def _tree_activated(self, index: QModelIndex) -> None:
        rid = index.data(RecordIdRole)
        if rid and self.tree.new_tab_asked:  # Ctrl+click or middle click: a tab of its own
            self.tree.new_tab_asked = False
            self.new_tab(rid)
        elif rid and rid != self.current:
            self.open(rid)

    def _tree_menu(self, pos: object) -> None:
        from PySide6.QtWidgets import QMenu

        index = self.tree.indexAt(pos)  # type: ignore[arg-type]
        rid = index.data(RecordIdRole) if index.isValid() else None
        if not rid or not str(rid).startswith("country/"):
            return
        code = str(rid).split("/", 1)[1]
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.open(str(rid)))
        sub = menu.addMenu(self.tr("Compare with…"))
        for c in self.store.summaries(Kind.COUNTRY):
            other = c.id.split("/", 1)[1]
            if other != code:
                sub.addAction(c.title, lambda o=other: self.open(f"{COMPARE}:{code},{o}"))
        menu.exec(self.tree.viewport().mapToGlobal(pos))  # type: ignore[arg-type]

    def _filter_tree(self, text: str) -> None:
        # The clear button shows only while there is text: it is set up with the first letter
        # typed, not before the first paint (its icon and action cost a start 1-2 ms).
        if not self.tree_filter.isClearButtonEnabled():
            self.tree_filter.setClearButtonEnabled(True)
        self.nav_filter.set_filter_text(text)
        if text:
            self._show_in_tree(self.nav_filter)
            self.tree.expandAll()
        elif self.tree.model() is not self.nav_model:
            # Cleared: the whole tree again, folded back to where the open page sits.
            self._show_in_tree(self.nav_model)
            self._sync_tree(self.current)
        self._say_no_match(bool(text) and self.nav_filter.rowCount() == 0)

    def _say_no_match(self, shown: bool) -> None:
        """Under an empty filtered tree, say why and where to look instead: the filter reads titles only."""
        if self._no_match is None:
            if not shown:
                return
            from PySide6.QtWidgets import QLabel

            label = QLabel(self.tr("No title matches. Search the whole report with Ctrl+K."))
            label.setWordWrap(True)
            label.setAccessibleName(self.tr("No matching titles"))
            self._nav_layout.insertWidget(1, label)
            self._no_match = label
        self._no_match.setVisible(shown)

    def _show_in_tree(self, model: NavigationModel | NavigationFilter) -> None:
        if self.tree.model() is model:
            return
        from PySide6.QtCore import QItemSelectionModel

        self.tree.setModel(model)
        # setModel() makes new selection models (the header's own, then the one it shares with the
        # tree) and leaves the old ones to their caller: each filter typed would leave some behind.
        kept = self.tree.selectionModel()
        for selection in self.tree.findChildren(QItemSelectionModel):
            if selection is not kept:
                selection.deleteLater()

    def _focus_tree_filter(self) -> None:
        self.show_sidebar_tab(CONTENTS_TAB)
        self.tree_filter.setFocus()
        self.tree_filter.selectAll()

    def focus_search(self) -> None:
        self._install_search()
        self.show_sidebar_tab(SEARCH_TAB)
        self.search_panel.focus_search()

    def open_external(self, url: QUrl) -> None:
        """The only way out of the app: a link the user clicked, confirmed."""
        if self._confirm(self, url):
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(url)

    # -- page tools -----------------------------------------------------------------------------
    def citation(self) -> str:
        """The open record's reference; with text selected in it, the page that text is quoted from."""
        summary = self.store.summary(self.current)
        if summary is None:
            return self._meta.get("citation", "")
        source = summary.source
        selected = self.reader.textCursor().selectedText()
        if selected.strip() and source.page and source.page_end:
            from htdesk.content.kinds import SourceRef
            from htdesk.content.passages import letters, passage_page

            pages = self.store.report_pages()
            at = passage_page(lambda n: letters(pages.get(n, "")), source.page, source.page_end, selected)
            if at is not None:
                source = SourceRef(source.ref, at)
        return f"{summary.title}. {render.citation_line(source)}. {self._meta.get('citation', '')}"

    def copy_citation(self) -> None:
        QGuiApplication.clipboard().setText(self.citation())
        self.statusBar().showMessage(self.tr("Citation copied."), 3000)

    def _copy(self) -> None:
        if self._showing_compare():
            self.compare.view.copy()
        else:
            self.reader.copy()

    def set_zoom(self, steps: int) -> None:
        self.reader.set_zoom(steps)
        if self._compare is not None:
            self._compare.view.set_zoom(steps)
        self.settings.setValue("view/zoom", self.reader.zoom)

    @property
    def list_text_size(self) -> int:
        """The sidebar's and lists' text size in points; 0 when it is the system's."""
        return self._list_text_size

    def set_list_text_size(self, points: int) -> None:
        """Text size for the sidebar (contents, search, bookmarks) and the comparison's lists."""
        self._apply_list_text_size(points)
        self.settings.setValue("view/list_text_size", self._list_text_size)

    def _apply_list_text_size(self, points: int) -> None:
        self._list_text_size = points if MIN_LIST_TEXT_SIZE <= points <= MAX_LIST_TEXT_SIZE else 0
        for widget in (self.sidebar, self._compare.choices if self._compare is not None else None):
            if widget is not None:
                widget.setFont(self._list_font())

    def _list_font(self) -> QFont:
        """Only the size is set: the rest (family, hinting) comes from the application's font."""
        font = QFont()
        if self._list_text_size:
            font.setPointSizeF(self._list_text_size)
        return font

    def preferences(self) -> None:
        from htdesk.ui.preferences import PreferencesDialog

        PreferencesDialog(self).exec()

    @property
    def theme(self) -> Theme:
        return appearance.theme_for(self.theme_choice, exact=self._exact_scheme)

    def set_language(self, code: str) -> None:
        """Keep the choice for the next start and offer to restart in it now."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from htdesk import i18n

        self.settings.setValue("view/language", code)
        if code == i18n.language():
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Language"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        # Said in the new language too: whoever chose it may not read the current one.
        box.setText(
            {
                "fr": "HT Desk s’affichera en français au prochain démarrage. Redémarrer maintenant ?",
                "en": "HT Desk will be in English from its next start. Restart now?",
            }[code]
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.restart_requested.emit()

    def set_theme(self, choice: str) -> None:
        self.theme_choice = choice
        self.settings.setValue("view/theme", choice)
        self.apply_theme()

    def _system_scheme_changed(self, *_args: object) -> None:
        if self.theme_choice == "system":
            self.apply_theme()

    def apply_theme(self) -> None:
        theme = self.theme
        self._applied_theme = theme.name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            appearance.apply(app, theme)
        for choice in ("system", "light", "dark"):
            act = self.actions_by_name.get(f"theme_{choice}") if hasattr(self, "actions_by_name") else None
            if act:
                act.setChecked(choice == self.theme_choice)
        self.reader.set_highlight_colour(self.theme)
        if self._compare is not None:
            self._compare.set_theme(self.theme)
        if self.stack.currentIndex() == 0 and getattr(self, "_ready", False):
            self.open(self.current, push=False, matches=self._matches)

    # -- bookmarks -------------------------------------------------------------------------------
    def _update_star(self) -> None:
        act = self.actions_by_name.get("bookmark") if hasattr(self, "actions_by_name") else None
        if act is None:
            return
        marked = False
        if self.bookmarks is not None:
            from htdesk.store.bookmarks import BookmarkError

            try:
                marked = bool(self.bookmarks.is_bookmarked(self._bookmark_target()[0]))  # type: ignore[attr-defined]
            except BookmarkError as exc:  # the file went bad mid-session: say so, keep reading
                self.statusBar().showMessage(str(exc), 8000)
        act.setChecked(marked)
        act.setText(self.tr("★ Bookmarked") if marked else self.tr("☆ Bookmark"))

    def _exists(self, record_id: str) -> bool:
        """Whether a bookmark's target is in this report: a record, or a comparison of its countries."""
        from htdesk.content.comparison import ComparisonRef

        try:
            ref = ComparisonRef.parse(record_id)
        except ValueError:
            return False
        if ref is None:
            return self.store.summary(record_id) is not None
        return all(self.store.summary(f"country/{c}") is not None for c in ref.countries)

    def _bookmark_target(self) -> tuple[str, str]:
        """What Ctrl+D bookmarks: the open comparison, or the open record ("" when neither)."""
        if self._showing_compare():
            ref = self.compare.reference()
            return (ref.record_id, self.compare.bookmark_title()) if ref else ("", "")
        summary = self.store.summary(self.current)
        return (summary.id, summary.title) if summary else ("", "")

    def bookmark_current(self) -> None:
        record_id, title = self._bookmark_target()
        self._install_bookmarks()
        if self.bookmarks is None or not record_id:
            self._update_star()
            self.statusBar().showMessage(
                self.tr("Only report pages and comparisons of 2 to 4 countries can be bookmarked."), 4000
            )
            return
        from htdesk.ui.bookmarks.dialog import BookmarkDialog

        dialog = BookmarkDialog(self.bookmarks, record_id, title, self)
        dialog.exec()
        self._update_star()

    # -- printing --------------------------------------------------------------------------------
    def _sheet(self) -> tuple[str | Composed, SheetOptions]:
        from htdesk.output.printing import SheetOptions, default_paper

        if self._showing_compare():
            return self.compare.printable(), self.compare.sheet_options()
        summary = self.store.summary(self.current)
        if summary is None:
            html = self.reader.document().toHtml()
            title = "HT Desk"
        else:
            from htdesk.store.pages import page_data

            data = page_data(self.store, self.current)
            html = render.page_html(data, self.links, for_print=True) if data else ""
            title = summary.title
        return html, SheetOptions(title="HT Desk", subtitle=title, paper=default_paper(), date_text=_today())

    def export_pdf(self, path: Path) -> int:
        html, opts = self._sheet()
        return self.printer.to_pdf(html, path, opts)

    def export_pdf_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from htdesk.ui import plain

        name = self.current.replace("/", "-").replace(":", "-")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export as PDF"), f"{name}.pdf", "PDF (*.pdf)")
        if not path:
            return
        from htdesk.output.files import OutputError

        try:
            pages = self.export_pdf(Path(path))
        except OutputError as exc:
            plain.warning(self, self.tr("Could not save the PDF"), str(exc))
            return
        self.statusBar().showMessage(
            self.tr("Saved {name} ({pages} pages).").format(name=Path(path).name, pages=pages), 5000
        )

    def print_current(self) -> None:
        from htdesk.ui.printing import print_preview

        if self._showing_compare():
            self.compare.print_preview()
            return
        html, opts = self._sheet()
        print_preview(self, self.printer, lambda: html, opts, self.tr("Print"))

    def print_handout_dialog(self) -> None:
        from htdesk.ui import plain
        from htdesk.ui.handout import HandoutDialog

        self._install_bookmarks()
        if self.bookmarks is None:
            plain.information(
                self, self.tr("Handouts"), self.tr("Bookmarks are unavailable, so there is no folder to print.")
            )
            return
        HandoutDialog(self.store, self.bookmarks, self).exec()

    # -- help ------------------------------------------------------------------------------------
    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from htdesk.render.html import escape

        m = self._meta
        QMessageBox.about(
            self,
            self.tr("About HT Desk"),
            "".join(
                (
                    f"<h3>HT Desk {__version__}</h3>",
                    "<p>{}</p>".format(
                        self.tr("An offline reference to the ICPC report on human trafficking prevention policies.")
                    ),
                    "<p><b>{}</b> {}</p>".format(self.tr("Report:"), escape(m.get("citation", ""))),
                    "<p><b>{}</b> {}</p>".format(
                        self.tr("Data build:"),
                        self.tr("{built} (content {hash})").format(
                            built=escape(m.get("build_time", "?")), hash=escape(m.get("content_hash", "")[:12])
                        ),
                    ),
                    "<p><b>{}</b> {}</p>".format(
                        self.tr("Note:"),
                        self.tr(
                            "the report dates from 2014. Later developments (new GRETA reports, new national "
                            "action plans, new laws) are not covered."
                        ),
                    ),
                    "<p><b>{}</b> {}</p>".format(
                        self.tr("Licence:"),
                        self.tr(
                            "HT Desk is free software under the MIT licence. The report's text belongs to the "
                            "International Centre for the Prevention of Crime. The DejaVu fonts are free fonts "
                            "(Bitstream Vera licence)."
                        ),
                    ),
                )
            ),
        )

    # -- session ---------------------------------------------------------------------------------
    def _restore(self) -> None:
        # Every value is checked (ui.settings): a hand-edited or damaged file must not stop a start.
        s = self.settings
        geo = read_state(s, "window/geometry")
        # restoreGeometry() itself moves and shrinks a saved window onto the screens there are now.
        if geo is None or not self.restoreGeometry(geo):
            self._fit_first_window()
        state = read_state(s, "window/state")
        if state is not None:
            self.restoreState(state)
        split = read_state(s, "window/splitter")
        if split is None or not self.splitter.restoreState(split):
            side = min(SIDEBAR_WIDTH, int(self.width() * SIDEBAR_SHARE))
            self.splitter.setSizes([side, self.width() - side])
        self.set_sidebar_visible(read_bool(s, "window/sidebar", True))
        self.sidebar.setCurrentIndex(read_int(s, "window/sidebar_tab", CONTENTS_TAB, 0, self.sidebar.count() - 1))
        self.history = History.load(read_text(s, "session/history", "", HISTORY_TEXT_LIMIT))
        self.tab_histories = [self.history]
        # Other tabs of the last session: their histories, and which tab was open.
        others = [History.load(line) for line in read_text(s, "session/tabs", "", TABS_TEXT_LIMIT).split("\t") if line]
        others = [h for h in others if h.current is not None][:MAX_TABS]
        if others:
            at = read_int(s, "session/tab_index", 0, 0, len(others))
            self.tab_histories = [*others[:at], self.history, *others[at:]]
            self._ensure_tab_bar()
        last = read_text(s, "session/last_page", HOME)
        if not self.open(last, push=last != self.history.current):
            self.open(HOME)
        elif last == self.history.current and self.history.position:
            # A page opens at its top: scrolling there would only wake the scroll bar's Python
            # class (its enums, some 2 ms) before the first paint.
            self.scroll_to(self.history.position)  # where the last session left the page
        self._update_nav_actions()

    def _fit_first_window(self) -> None:
        """Size and centre a first window within the screen's free area (less panels and docks)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:  # no screen at all (some offscreen set-ups): the plain first size
            self.resize(*FIRST_SIZE)
            return
        self.setGeometry(first_geometry(screen.availableGeometry()))

    def closeEvent(self, event: object) -> None:
        """Override of QWidget.closeEvent: remember the layout and the open page."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        # Folded away for want of room is not closed: a wider window shows it again.
        self.settings.setValue("window/sidebar", self._sidebar_folded or not self.sidebar.isHidden())
        self.settings.setValue("window/sidebar_tab", self.sidebar.currentIndex())
        self.settings.setValue("session/last_page", self.current)
        self._remember_position()
        self.settings.setValue("session/history", self.history.dump())
        others = [h.dump(TAB_HISTORY_KEPT) for h in self.tab_histories if h is not self.history]
        self.settings.setValue("session/tabs", "\t".join(others[:MAX_TABS]))
        self.settings.setValue("session/tab_index", self.tab_index)
        if self.search_panel is not None:
            self.settings.setValue("session/search_text", self.search_panel.search_edit.text())
        self.settings.sync()
        super().closeEvent(event)  # type: ignore[arg-type]
