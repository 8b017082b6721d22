"""Side-by-side country comparison: choose countries and dimensions, read, print, export."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from htdesk.content.comparison import ComparisonRef
from htdesk.content.kinds import ALL_ROWS, ROW_LABELS, CompareRow, Dimension, Listing
from htdesk.output.compare import MAX_COUNTRIES, MIN_COUNTRIES, FullComparison, comparison_rows, to_csv
from htdesk.output.files import OutputError, write_bytes
from htdesk.output.printing import MIN_BODY_PT, SheetOptions, SheetPrinter, default_paper, sheet_options
from htdesk.render.html import FULL, SHEET, comparison_html, stylesheet
from htdesk.render.theme import LIGHT, Theme
from htdesk.store.pages import comparison_data, country_choices, link_index
from htdesk.store.report import ReportStore
from htdesk.ui import plain
from htdesk.ui.printing import print_preview
from htdesk.ui.reader import ReaderView
from htdesk.ui.settings import read_choice, read_text

PAPERS = ("a4", "letter")

CodeRole = Qt.ItemDataRole.UserRole + 1


class CompareView(QWidget):
    """The compare screen; cells link to records through ``open_requested``."""

    open_requested = Signal(str)
    changed = Signal()

    def __init__(self, store: ReportStore, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._links = link_index(store)
        self._theme: Theme = LIGHT
        self._printer = SheetPrinter(self)
        self._last_pages = 0  # the sheet's page count, as pages_note() last found it

        self.countries = QListWidget()
        self.countries.setAccessibleName(self.tr("Countries to compare"))
        self.countries.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for code, name in country_choices(store):
            item = QListWidgetItem(name)
            item.setData(CodeRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.countries.addItem(item)
        self.countries.itemChanged.connect(self._country_toggled)
        self.countries.model().rowsMoved.connect(self.refresh)
        up, down = QPushButton(self.tr("Move up")), QPushButton(self.tr("Move down"))
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))

        self.layout_choice = QComboBox()
        self.layout_choice.setAccessibleName(self.tr("Layout"))
        self.layout_choice.addItem(self.tr("Sheet: one page, short answers"), SHEET)
        self.layout_choice.addItem(self.tr("Full: every statement"), FULL)
        saved_layout = read_choice(settings, "compare/layout", SHEET, (SHEET, FULL))
        self.layout_choice.setCurrentIndex(max(0, self.layout_choice.findData(saved_layout)))
        self.layout_choice.currentIndexChanged.connect(self._layout_changed)

        self.dimensions = QListWidget()
        self.dimensions.setAccessibleName(self.tr("Dimensions to show"))
        saved = read_text(settings, "compare/dimensions", "")
        shown = set(saved.split(",")) if saved else {r.value for r in ALL_ROWS}
        for d in ALL_ROWS:
            item = QListWidgetItem(ROW_LABELS[d])
            item.setData(CodeRole, d.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if d.value in shown else Qt.CheckState.Unchecked)
            self.dimensions.addItem(item)
        self.dimensions.itemChanged.connect(self._dimensions_changed)

        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.paper.setCurrentIndex(self.paper.findData(read_choice(settings, "compare/paper", default_paper(), PAPERS)))
        self.orientation = QComboBox()
        self.orientation.setAccessibleName(self.tr("Orientation"))
        for label, value in (("Automatic", "auto"), ("Portrait", "portrait"), ("Landscape", "landscape")):
            self.orientation.addItem(label, value)

        self.message = plain.label()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Comparison status"))
        self.view = ReaderView()
        self.view.setAccessibleName(self.tr("Country comparison"))
        self.view.internal_link.connect(self.open_requested)

        print_btn = QPushButton(self.tr("Print…"))
        print_btn.clicked.connect(self.print_preview)
        pdf_btn = QPushButton(self.tr("Export PDF…"))
        pdf_btn.clicked.connect(self._ask_pdf)
        odt_btn = QPushButton(self.tr("Export ODT…"))
        odt_btn.setToolTip(self.tr("OpenDocument text, to adapt in LibreOffice or Word"))
        odt_btn.clicked.connect(self._ask_odt)
        csv_btn = QPushButton(self.tr("Export CSV…"))
        csv_btn.clicked.connect(self._ask_csv)
        self.print_button, self.pdf_button, self.odt_button, self.csv_button = print_btn, pdf_btn, odt_btn, csv_btn

        side = QWidget()
        self.choices = side  # the countries, dimensions and options: the sidebar's text size applies
        form = QVBoxLayout(side)
        form.addWidget(
            QLabel(
                self.tr("Countries ({MIN_COUNTRIES}–{MAX_COUNTRIES}; drag to reorder columns)").format(
                    MIN_COUNTRIES=MIN_COUNTRIES, MAX_COUNTRIES=MAX_COUNTRIES
                )
            )
        )
        form.addWidget(self.countries, 3)
        moves = QHBoxLayout()
        moves.addWidget(up)
        moves.addWidget(down)
        form.addLayout(moves)
        form.addWidget(QLabel(self.tr("Dimensions")))
        form.addWidget(self.dimensions, 2)
        opts = QFormLayout()
        opts.addRow(self.tr("Layout"), self.layout_choice)
        opts.addRow(self.tr("Paper"), self.paper)
        opts.addRow(self.tr("Orientation"), self.orientation)
        form.addLayout(opts)
        for b in (print_btn, pdf_btn, odt_btn, csv_btn):
            form.addWidget(b)
        split = QSplitter()
        split.addWidget(side)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.message)
        rl.addWidget(self.view)
        split.addWidget(right)
        split.setStretchFactor(1, 4)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        self.refresh()

    # -- selection ---------------------------------------------------------------------------
    def selected_countries(self) -> list[str]:
        return [
            self.countries.item(i).data(CodeRole)
            for i in range(self.countries.count())
            if self.countries.item(i).checkState() == Qt.CheckState.Checked
        ]

    def selected_dimensions(self) -> list[CompareRow]:
        """The rows shown: dimensions, institutions and practices alike."""
        rows: dict[str, CompareRow] = {r.value: r for r in ALL_ROWS}
        return [
            rows[self.dimensions.item(i).data(CodeRole)]
            for i in range(self.dimensions.count())
            if self.dimensions.item(i).checkState() == Qt.CheckState.Checked
        ]

    def layout(self) -> str:  # type: ignore[override]
        """The chosen layout: SHEET or FULL (QWidget.layout() is not used on this widget)."""
        return self.layout_choice.currentData()

    def set_layout(self, layout: str) -> None:
        self.layout_choice.setCurrentIndex(self.layout_choice.findData(layout))

    def set_countries(self, codes: list[str]) -> None:
        """Check exactly these countries, in this column order."""
        self.countries.blockSignals(True)
        items = [self.countries.takeItem(0) for _ in range(self.countries.count())]
        by_code = {it.data(CodeRole): it for it in items}
        ordered = [by_code[c] for c in codes if c in by_code][:MAX_COUNTRIES]
        rest = [it for it in items if it not in ordered]
        for it in ordered + rest:
            it.setCheckState(Qt.CheckState.Checked if it in ordered else Qt.CheckState.Unchecked)
            self.countries.addItem(it)
        self.countries.blockSignals(False)
        self.refresh()

    def set_dimensions(self, dims: Sequence[Dimension]) -> None:
        """Show exactly these dimensions (a bookmarked comparison's)."""
        self.dimensions.blockSignals(True)
        for i in range(self.dimensions.count()):
            item = self.dimensions.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(CodeRole) in dims else Qt.CheckState.Unchecked)
        self.dimensions.blockSignals(False)
        self._dimensions_changed(None)

    def reference(self) -> ComparisonRef | None:
        """What is on screen as a comparison to bookmark, or None if it is not one yet."""
        try:
            dims = [d.value for d in self.selected_dimensions() if isinstance(d, Dimension)]
            return ComparisonRef.make(self.selected_countries(), dims, self.layout())
        except ValueError:
            return None

    def bookmark_title(self) -> str:
        names = [
            self.countries.item(i).text()
            for i in range(self.countries.count())
            if self.countries.item(i).checkState() == Qt.CheckState.Checked
        ]
        return self.tr("Comparison: {countries}").format(countries=", ".join(names))

    def set_dimension_shown(self, dim: Dimension | Listing, shown: bool) -> None:
        for i in range(self.dimensions.count()):
            item = self.dimensions.item(i)
            if item.data(CodeRole) == dim.value:
                item.setCheckState(Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked)

    def _country_toggled(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked and len(self.selected_countries()) > MAX_COUNTRIES:
            self.countries.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.countries.blockSignals(False)
            self.message.setText(
                self.tr("A sheet compares at most {MAX_COUNTRIES} countries: untick one first.").format(
                    MAX_COUNTRIES=MAX_COUNTRIES
                )
            )
            return
        self.refresh()

    def _layout_changed(self) -> None:
        self._settings.setValue("compare/layout", self.layout())
        self.refresh()

    def _dimensions_changed(self, _item: QListWidgetItem | None) -> None:
        self._settings.setValue("compare/dimensions", ",".join(d.value for d in self.selected_dimensions()))
        self.refresh()

    def _move(self, step: int) -> None:
        row = self.countries.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.countries.count():
            return
        item = self.countries.takeItem(row)
        self.countries.insertItem(target, item)
        self.countries.setCurrentRow(target)
        self.refresh()

    # -- rendering ---------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.view.set_highlight_colour(theme)
        self.refresh()

    def ready(self) -> bool:
        return MIN_COUNTRIES <= len(self.selected_countries()) <= MAX_COUNTRIES

    def html(self, *, for_print: bool = False) -> str:
        data = comparison_data(self._store, self.selected_countries())
        return comparison_html(
            data, self.selected_dimensions(), links=self._links, for_print=for_print, layout=self.layout()
        )

    def printable(self) -> str | FullComparison:
        """What printing and the PDF get: the sheet's HTML, or the full layout cutting itself into pages."""
        if self.layout() == FULL:
            data = comparison_data(self._store, self.selected_countries())
            return FullComparison(data, self.selected_dimensions(), self._links)
        return self.html(for_print=True)

    def refresh(self) -> None:
        n = len(self.selected_countries())
        for b in (self.print_button, self.pdf_button, self.odt_button, self.csv_button):
            b.setEnabled(self.ready())
        if n < MIN_COUNTRIES:
            self.message.setText(
                self.tr("Tick {MIN_COUNTRIES} to {MAX_COUNTRIES} countries to compare them side by side.").format(
                    MIN_COUNTRIES=MIN_COUNTRIES, MAX_COUNTRIES=MAX_COUNTRIES
                )
            )
            self.view.show_html("", stylesheet(self._theme))
        else:
            self.message.setText(self.pages_note())
            self.view.show_html(self.html(), stylesheet(self._theme))
        self.changed.emit()

    def pages_note(self) -> str:
        """What the printed sheet will be: one page at what size, or why it takes more."""
        self._last_pages = 0
        if self.layout() != SHEET or not self.ready():
            return ""
        laid = self._printer.lay_out(self.html(for_print=True), self.sheet_options())
        self._last_pages = laid.pages
        if laid.fits_one_page:
            return self.tr("The sheet prints on one page (text {size} pt).").format(size=f"{laid.body_pt:.1f}")
        return self.tr(
            "This sheet does not fit one page at {size} pt, the smallest legible size: it prints on %n page(s). "
            "Untick a dimension or a country to fit one page.",
            "",
            laid.pages,
        ).format(size=f"{MIN_BODY_PT:g}")

    def sheet_options(self) -> SheetOptions:
        names = [
            self.countries.item(i).text()
            for i in range(self.countries.count())
            if self.countries.item(i).checkState() == Qt.CheckState.Checked
        ]
        return sheet_options(names, self.paper.currentData(), self.orientation.currentData(), self.layout())

    # -- output --------------------------------------------------------------------------------
    def export_pdf(self, path: Path) -> int:
        """Write what is on screen as a printable sheet; returns the page count."""
        self._settings.setValue("compare/paper", self.paper.currentData())
        return self._printer.to_pdf(self.printable(), path, self.sheet_options())

    def export_odt(self, path: Path) -> None:
        """Write what is on screen as an OpenDocument text, to adapt in a word processor."""
        self._printer.to_odt(self.html(for_print=True), path, self.sheet_options())

    def export_csv(self, path: Path) -> None:
        data = comparison_data(self._store, self.selected_countries())
        write_bytes(path, to_csv(comparison_rows(data, self.selected_dimensions())).encode("utf-8"))

    def print_preview(self) -> None:
        if not self.ready():
            return
        title = self.tr("Print comparison")
        if note := self.pages_note():
            self.message.setText(note)  # the preview says what the sheet will be, the dialog's title too
            if self._last_pages > 1:
                title = self.tr("Print comparison — does not fit one page at {size} pt").format(size=f"{MIN_BODY_PT:g}")
        print_preview(self, self._printer, self.printable, self.sheet_options(), title)

    def _ask_pdf(self) -> None:
        name = "-".join(self.selected_countries()) or "comparison"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export comparison as PDF"), f"compare-{name}.pdf", "PDF (*.pdf)"
        )
        if path:
            self._guarded(lambda: self.export_pdf(Path(path)), self.tr("Saved {name}.").format(name=Path(path).name))

    def _ask_odt(self) -> None:
        name = "-".join(self.selected_countries()) or "comparison"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export comparison as OpenDocument"),
            f"compare-{name}.odt",
            self.tr("OpenDocument text (*.odt)"),
        )
        if path:
            self._guarded(lambda: self.export_odt(Path(path)), self.tr("Saved {name}.").format(name=Path(path).name))

    def _ask_csv(self) -> None:
        name = "-".join(self.selected_countries()) or "comparison"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export comparison as CSV"), f"compare-{name}.csv", "CSV (*.csv)"
        )
        if path:
            self._guarded(lambda: self.export_csv(Path(path)), self.tr("Saved {name}.").format(name=Path(path).name))

    def _guarded(self, action: object, done: str) -> None:
        try:
            action()  # type: ignore[operator]
        except OutputError as exc:
            plain.warning(self, self.tr("Could not save"), str(exc))
            return
        if done:
            self.message.setText(done)
