"""User text shown as text: message boxes, labels and tooltips that never read it as markup or open links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

from htdesk.render.html import escape

# Qt reads any text that looks like HTML as HTML (Qt.TextFormat.AutoText): a bookmark title such as
# <a href="file:///etc/passwd">Norway update</a> would show as a live link, and QMessageBox opens
# the links in its text by itself. Everything here is plain text, and nothing opens a link.

Buttons = QMessageBox.StandardButton


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = Buttons.Ok,
    default: QMessageBox.StandardButton = Buttons.NoButton,
) -> QMessageBox:
    """A message box showing ``text`` exactly as written; the caller shows it (open() or exec())."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Buttons.NoButton:
        box.setDefaultButton(default)
    for label in box.findChildren(QLabel):
        label.setOpenExternalLinks(False)
    return box


def _ask(box: QMessageBox) -> QMessageBox.StandardButton:
    """Show ``box`` until answered: the button chosen, Cancel if it was closed."""
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else Buttons.Cancel


def warning(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.warning, with ``text`` as plain text."""
    _ask(message_box(parent, QMessageBox.Icon.Warning, title, text))


def information(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.information, with ``text`` as plain text."""
    _ask(message_box(parent, QMessageBox.Icon.Information, title, text))


def critical(parent: QWidget | None, title: str, text: str) -> None:
    """QMessageBox.critical, with ``text`` as plain text."""
    _ask(message_box(parent, QMessageBox.Icon.Critical, title, text))


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """QMessageBox.question, with ``text`` as plain text; the button chosen (Cancel if closed)."""
    return _ask(message_box(parent, QMessageBox.Icon.Question, title, text, buttons, default))


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows its text as written, whatever it looks like."""
    widget = QLabel(text, parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def ask_multiline(parent: QWidget | None, title: str, text: str, value: str) -> tuple[str, bool]:
    """QInputDialog.getMultiLineText, with ``text`` (which may quote a title) as plain text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setLabelText(text)
    dialog.setTextValue(value)
    for widget in dialog.findChildren(QLabel):
        widget.setTextFormat(Qt.TextFormat.PlainText)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), accepted


def tooltip(text: str) -> str:
    """A tooltip showing ``text`` as written: escaped, in rich text so the escaping is read back."""
    # Tooltips have no text format of their own: Qt reads them as HTML when they look like it.
    return f'<p style="white-space:pre-wrap">{escape(text)}</p>' if text else ""
