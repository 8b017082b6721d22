"""Preferences: text sizes of the page and of the sidebar and lists, applied as they change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from htdesk.ui.reader import MAX_ZOOM, MIN_ZOOM

if TYPE_CHECKING:
    from htdesk.ui.mainwindow import MainWindow


class PreferencesDialog(QDialog):
    """Edit > Preferences: each change shows at once and is kept; Close closes."""

    def __init__(self, window: MainWindow) -> None:
        from htdesk.ui.mainwindow import MAX_LIST_TEXT_SIZE, MIN_LIST_TEXT_SIZE

        super().__init__(window)
        self.setWindowTitle(self.tr("Preferences"))
        self._window = window

        self.list_size = QSpinBox()
        self.list_size.setAccessibleName(self.tr("Text size of the sidebar and lists"))
        # The value below the range reads as the system's own size (stored as 0).
        self.list_size.setRange(MIN_LIST_TEXT_SIZE - 1, MAX_LIST_TEXT_SIZE)
        self.list_size.setSpecialValueText(self.tr("As the system"))
        self.list_size.setSuffix(self.tr(" pt"))
        self.list_size.setValue(window.list_text_size or MIN_LIST_TEXT_SIZE - 1)
        self.list_size.valueChanged.connect(self._list_size_changed)

        self.zoom = QSpinBox()
        self.zoom.setAccessibleName(self.tr("Page zoom"))
        self.zoom.setRange(MIN_ZOOM, MAX_ZOOM)
        self.zoom.setSuffix(self.tr(" steps"))
        self.zoom.setValue(window.reader.zoom)
        self.zoom.valueChanged.connect(window.set_zoom)

        form = QFormLayout()
        form.addRow(self.tr("Sidebar and lists:"), self.list_size)
        form.addRow(self.tr("Page zoom:"), self.zoom)
        hint = QLabel(self.tr("Ctrl+= and Ctrl+− zoom the page too; Ctrl+0 goes back to its usual size."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def _list_size_changed(self, points: int) -> None:
        self._window.set_list_text_size(points)
