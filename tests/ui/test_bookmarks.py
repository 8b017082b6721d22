"""The bookmarks UI: service with undo, tree model, panel (keyboard, drag and drop, files) and dialog."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from htdesk.store.bookmarks import BookmarkError, BookmarkStore
from htdesk.ui import plain
from htdesk.ui.bookmarks.dialog import BookmarkDialog
from htdesk.ui.bookmarks.model import MIME_TYPE, BookmarkRole, BookmarksModel
from htdesk.ui.bookmarks.panel import BookmarksPanel
from htdesk.ui.bookmarks.service import BookmarkService

GONE = {"practice/withdrawn-example"}  # a record the (imagined) new report no longer has


def exists(record_id: str) -> bool:
    return record_id not in GONE


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BookmarkStore]:  # shadows the report store: not needed here
    s = BookmarkStore(tmp_path / "bookmarks.sqlite")
    yield s
    s.close()


@pytest.fixture
def service(store: BookmarkStore, qtbot: QtBot) -> BookmarkService:
    return BookmarkService(store, poll_ms=0)


@pytest.fixture
def filled(service: BookmarkService) -> BookmarkService:
    service.add("country/be", "Belgium", "Session 1", note="Start here")
    service.add("institution/be/myria", "Myria", "Session 1")
    service.add("practice/withdrawn-example", "A withdrawn practice", "Session 1")
    service.add("country/fr", "France", "Session 2 — labour exploitation", note="Case study")
    service.add("country/no", "Norway", "Session 2 — labour exploitation")
    service.undo_stack.clear()
    return service


@pytest.fixture
def panel(filled: BookmarkService, qtbot: QtBot) -> BookmarksPanel:
    p = BookmarksPanel(filled, exists=exists)
    qtbot.addWidget(p)
    p.resize(400, 500)
    p.show()
    qtbot.waitExposed(p)
    return p


def tree_of(model: Any, parent: QModelIndex | None = None) -> dict[str, list[str]]:
    """Folder name -> shown titles, as the user sees the tree (works for the proxy too)."""
    out: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        folder = model.index(row, 0)
        out[folder.data()] = [model.index(r, 0, folder).data() for r in range(model.rowCount(folder))]
    return out


def folder_id(service: BookmarkService, name: str) -> int:
    folder = service.store.folder_named(name)
    assert folder is not None
    return folder.id


def messages(panel: Any) -> list[str]:
    return [box.text() for box in panel.findChildren(QMessageBox) if box.isVisible()]


def close_messages(widget: Any) -> None:
    for box in widget.findChildren(QMessageBox):
        box.close()


def reloaded(qtbot: QtBot, model: BookmarksModel) -> Any:
    return qtbot.waitSignal(model.modelReset, timeout=2000)


# -- the model ---------------------------------------------------------------------------------


def test_model_passes_qt_model_tester_through_changes(
    filled: BookmarkService, qtmodeltester: Any, qtbot: QtBot
) -> None:
    model = BookmarksModel(filled, exists)
    qtmodeltester.check(model)
    with reloaded(qtbot, model):
        filled.add("country/se", "Sweden", "Session 3")
    with reloaded(qtbot, model):
        filled.delete([], [folder_id(filled, "Session 1")])
    with reloaded(qtbot, model):
        filled.undo_stack.undo()
    qtmodeltester.check(model)


_SHOWN_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
    *BookmarkRole,
)


def rows_of(model: BookmarksModel) -> list[tuple[Any, ...]]:
    """Every row as the view and the panel read it: texts, tooltips, ids, style and flags."""

    def row(index: QModelIndex) -> tuple[Any, ...]:
        font, brush = index.data(Qt.ItemDataRole.FontRole), index.data(Qt.ItemDataRole.ForegroundRole)
        style = (font.italic() if font else None, brush.color().name() if brush else None)
        return (*(index.data(role) for role in _SHOWN_ROLES), style, int(index.flags().value))

    rows = []
    for r in range(model.rowCount()):
        folder = model.index(r, 0)
        rows.append(row(folder))
        rows.extend(row(model.index(k, 0, folder)) for k in range(model.rowCount(folder)))
    return rows


CHANGES = ("add", "title", "note", "delete", "delete folder", "new folder", "rename folder", "move", "move folders")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.lists(
        st.tuples(st.sampled_from((*CHANGES, "undo", "redo")), st.integers(0, 99), st.integers(0, 99)), max_size=8
    )
)
def test_after_any_changes_the_tree_is_what_a_fresh_load_shows(
    filled: BookmarkService, qtbot: QtBot, changes: list[tuple[str, int, int]]
) -> None:
    # A reload builds again only the folders whose content changed: none may be left stale.
    model = BookmarksModel(filled, exists)
    for change, a, b in changes:
        folders, marks = filled.folders(), filled.bookmarks()
        folder = folders[a % len(folders)] if folders else None
        mark = marks[a % len(marks)] if marks else None
        try:
            if change == "add":
                filled.add(("country/se", "practice/withdrawn-example", "country/be")[b % 3], f"T{b}", f"S{a % 4}")
            elif change == "title" and mark:
                filled.set_title(mark.id, f"Title {b}")
            elif change == "note" and mark:
                filled.set_note(mark.id, f"Note {b}" if b % 3 else "")
            elif change == "delete" and mark:
                filled.delete([mark.id])
            elif change == "delete folder" and folder:
                filled.delete([], [folder.id])
            elif change == "new folder":
                filled.create_folder(f"S{b % 4}", notes=f"Notes {b}" if b % 2 else "")
            elif change == "rename folder" and folder:
                filled.rename_folder(folder.id, f"S{b % 5}")
            elif change == "move" and mark and folder:
                filled.move([mark.id], folder.id, b % 4)
            elif change == "move folders" and folder:
                filled.move_folders([folder.id], b % 4)
            elif change == "undo":
                filled.undo_stack.undo()
            elif change == "redo":
                filled.undo_stack.redo()
        except BookmarkError:
            pass  # a duplicate name or record: the message is the service's; the tree must still agree
        model.reload()
        assert rows_of(model) == rows_of(BookmarksModel(filled, exists))


def test_model_shows_folders_in_order_with_their_bookmarks(filled: BookmarkService) -> None:
    model = BookmarksModel(filled, exists)
    assert tree_of(model) == {
        "Session 1": ["Belgium", "Myria", "A withdrawn practice (missing)"],
        "Session 2 — labour exploitation": ["France", "Norway"],
    }
    belgium = model.index(0, 0, model.index(0, 0))
    assert belgium.data(BookmarkRole.RECORD_ID) == "country/be"
    assert belgium.data(BookmarkRole.NOTE) == "Start here"
    assert "Start here" in belgium.data(Qt.ItemDataRole.ToolTipRole)


def test_missing_record_keeps_its_saved_title_and_is_marked(filled: BookmarkService) -> None:
    asked: list[str] = []

    def exists_logged(record_id: str) -> bool:
        asked.append(record_id)
        return exists(record_id)

    model = BookmarksModel(filled, exists_logged)
    gone = model.index(2, 0, model.index(0, 0))
    assert gone.data(Qt.ItemDataRole.EditRole) == "A withdrawn practice"
    assert gone.data(BookmarkRole.MISSING) is True
    assert gone.data(Qt.ItemDataRole.FontRole).italic()
    assert gone.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(Qt.GlobalColor.gray)
    assert "no longer in the report" in gone.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0, model.index(0, 0)).data(BookmarkRole.MISSING) is False
    assert sorted(asked) == sorted(set(asked))  # each record asked once per reload, not per paint


def test_missing_bookmark_can_be_removed_but_not_opened(panel: BookmarksPanel, qtbot: QtBot) -> None:
    gone = panel.model.bookmark_index(panel.model.index(2, 0, panel.model.index(0, 0)).data(BookmarkRole.BOOKMARK_ID))
    panel.tree.setCurrentIndex(panel.proxy.mapFromSource(gone))
    panel.tree.setFocus()
    with qtbot.assertNotEmitted(panel.open_requested):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert any("no longer in the report" in m for m in messages(panel))
    close_messages(panel)
    with reloaded(qtbot, panel.model):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert "A withdrawn practice (missing)" not in tree_of(panel.proxy)["Session 1"]


def test_renaming_a_missing_bookmark_starts_from_its_plain_title(panel: BookmarksPanel, qtbot: QtBot) -> None:
    gone = panel.proxy.index(2, 0, panel.proxy.index(0, 0))
    assert gone.data() == "A withdrawn practice (missing)"
    panel.tree.setCurrentIndex(gone)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    (editor,) = panel.tree.findChildren(QLineEdit)
    assert editor.text() == "A withdrawn practice"
    editor.setText("Withdrawn practice, 2019")
    with reloaded(qtbot, panel.model):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert tree_of(panel.proxy)["Session 1"][2] == "Withdrawn practice, 2019 (missing)"


def test_a_read_only_file_offers_no_rename_and_no_drag(filled: BookmarkService, qtbot: QtBot) -> None:
    filled.store.read_only = True  # as a store opened on a file it cannot write
    panel = BookmarksPanel(filled, exists=exists)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    belgium = panel.proxy.index(0, 0, panel.proxy.index(0, 0))
    for index in (panel.proxy.index(0, 0), belgium):
        flags = panel.proxy.flags(index)
        assert not flags & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled)
    panel.tree.setCurrentIndex(belgium)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert panel.tree.findChildren(QLineEdit) == []
    assert not panel.rename_action.isEnabled()
    assert tree_of(panel.proxy)["Session 1"] == ["Belgium", "Myria", "A withdrawn practice (missing)"]


def test_folders_stay_open_or_closed_and_the_current_row_stays_across_a_change(
    panel: BookmarksPanel, qtbot: QtBot
) -> None:
    s2 = panel.proxy.index(1, 0)
    panel.tree.collapse(s2)
    myria = panel.proxy.index(1, 0, panel.proxy.index(0, 0))
    panel.tree.setCurrentIndex(myria)
    with reloaded(qtbot, panel.model):
        panel.model.service.add("country/se", "Sweden", "Session 1")
    s1, s2 = panel.proxy.index(0, 0), panel.proxy.index(1, 0)
    assert panel.tree.isExpanded(s1) and not panel.tree.isExpanded(s2)
    assert panel.tree.currentIndex().data() == "Myria"
    assert tree_of(panel.proxy)["Session 1"][-1] == "Sweden"


# -- add and note --------------------------------------------------------------------------------


def test_dialog_bookmarks_the_page_into_a_new_folder_with_a_note(service: BookmarkService, qtbot: QtBot) -> None:
    dialog = BookmarkDialog(service, "country/be", "Belgium")
    qtbot.addWidget(dialog)
    assert not dialog.remove_button.isVisible()
    dialog.folder_box.setCurrentText("Session 2 — labour exploitation")
    qtbot.keyClicks(dialog.note_edit, "Use for the role play")
    with qtbot.waitSignal(service.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == BookmarkDialog.DialogCode.Accepted
    assert service.is_bookmarked("country/be")
    (mark,) = service.bookmarks()
    assert (mark.title, mark.note) == ("Belgium", "Use for the role play")
    assert service.folder(mark.folder_id).name == "Session 2 — labour exploitation"  # type: ignore[union-attr]
    assert dialog.bookmark == mark
    service.undo_stack.undo()  # Ctrl+Z after Ctrl+D takes the bookmark and its new folder away
    assert service.bookmarks() == [] and service.folders() == []


def test_dialog_on_a_bookmarked_page_edits_its_note_instead_of_duplicating(
    filled: BookmarkService, qtbot: QtBot
) -> None:
    dialog = BookmarkDialog(filled, "country/fr", "France")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.folder_box.currentText() == "Session 2 — labour exploitation"
    assert dialog.note_edit.toPlainText() == "Case study"
    assert dialog.remove_button.isVisible()
    dialog.note_edit.setPlainText("Case study; bring the timeline")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (mark,) = filled.bookmarks_of("country/fr")
    assert mark.note == "Case study; bring the timeline"
    filled.undo_stack.undo()
    assert filled.bookmarks_of("country/fr")[0].note == "Case study"


def test_dialog_remove_button_removes_the_bookmark(filled: BookmarkService, qtbot: QtBot) -> None:
    dialog = BookmarkDialog(filled, "country/no", "Norway")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert not filled.is_bookmarked("country/no") and dialog.bookmark is None


def test_dialog_refuses_a_blank_folder_and_stays_open(service: BookmarkService, qtbot: QtBot) -> None:
    dialog = BookmarkDialog(service, "country/be", "Belgium")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.folder_box.setCurrentText("   ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not service.is_bookmarked("country/be")
    assert any("needs a name" in m for m in messages(dialog))
    close_messages(dialog)


def test_edit_note_from_the_panel_and_undo(
    panel: BookmarksPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = panel.model.service
    mark = service.bookmarks_of("institution/be/myria")[0]
    panel.select_bookmark(mark.id)
    monkeypatch.setattr(plain, "ask_multiline", lambda *a, **k: ("Ask about funding", True))
    with reloaded(qtbot, panel.model):
        panel.note_action.trigger()
    assert service.store.bookmark(mark.id).note == "Ask about funding"  # type: ignore[union-attr]
    assert panel.model.bookmark_index(mark.id).data(BookmarkRole.NOTE) == "Ask about funding"
    service.undo_stack.undo()
    assert service.store.bookmark(mark.id).note == ""  # type: ignore[union-attr]


def test_folder_notes_for_the_handout_cover(
    panel: BookmarksPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = panel.model.service
    fid = folder_id(service, "Session 1")
    panel.tree.setCurrentIndex(panel.proxy.mapFromSource(panel.model.folder_index(fid)))
    monkeypatch.setattr(plain, "ask_multiline", lambda *a, **k: ("Bring flip chart", True))
    panel.note_action.trigger()
    assert service.folder(fid).notes == "Bring flip chart"  # type: ignore[union-attr]


# -- move and reorder by drag and drop ----------------------------------------------------------


def drag(model: BookmarksModel, *indexes: QModelIndex) -> QMimeData:
    data = model.mimeData(list(indexes))
    assert data.hasFormat(MIME_TYPE)
    return data


def test_reorder_within_a_folder_by_drag_and_drop_and_undo(filled: BookmarkService, qtbot: QtBot) -> None:
    model = BookmarksModel(filled, exists)
    s1 = model.index(0, 0)
    belgium = model.index(0, 0, s1)
    with reloaded(qtbot, model):
        assert model.dropMimeData(drag(model, belgium), Qt.DropAction.MoveAction, 3, 0, s1)  # after the last
    assert tree_of(model)["Session 1"] == ["Myria", "A withdrawn practice (missing)", "Belgium"]
    assert [b.position for b in filled.bookmarks(folder_id(filled, "Session 1"))] == [0, 1, 2]
    with reloaded(qtbot, model):
        filled.undo_stack.undo()
    assert tree_of(model)["Session 1"] == ["Belgium", "Myria", "A withdrawn practice (missing)"]


def test_move_several_to_another_folder_by_drag_and_drop(filled: BookmarkService, qtbot: QtBot) -> None:
    model = BookmarksModel(filled, exists)
    s1, s2 = model.index(0, 0), model.index(1, 0)
    data = drag(model, model.index(1, 0, s1), model.index(0, 0, s1))  # selection order does not matter
    with reloaded(qtbot, model):
        assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, s2)  # between France and Norway
    assert tree_of(model) == {
        "Session 1": ["A withdrawn practice (missing)"],
        "Session 2 — labour exploitation": ["France", "Belgium", "Myria", "Norway"],
    }
    moved = filled.bookmarks_of("country/be")[0]
    assert moved.note == "Start here"  # the note travels with it
    with reloaded(qtbot, model):
        filled.undo_stack.undo()  # one drop, one undo
    assert tree_of(model)["Session 1"] == ["Belgium", "Myria", "A withdrawn practice (missing)"]
    with reloaded(qtbot, model):
        filled.undo_stack.redo()
    assert tree_of(model)["Session 2 — labour exploitation"] == ["France", "Belgium", "Myria", "Norway"]


def test_drop_onto_a_folder_appends_and_onto_a_bookmark_inserts_before(filled: BookmarkService, qtbot: QtBot) -> None:
    model = BookmarksModel(filled, exists)
    s1, s2 = model.index(0, 0), model.index(1, 0)
    with reloaded(qtbot, model):
        assert model.dropMimeData(drag(model, model.index(0, 0, s1)), Qt.DropAction.MoveAction, -1, -1, s2)
    assert tree_of(model)["Session 2 — labour exploitation"] == ["France", "Norway", "Belgium"]
    s1, s2 = model.index(0, 0), model.index(1, 0)
    norway = model.index(1, 0, s2)
    with reloaded(qtbot, model):
        assert model.dropMimeData(drag(model, model.index(0, 0, s1)), Qt.DropAction.MoveAction, -1, -1, norway)
    assert tree_of(model)["Session 2 — labour exploitation"] == ["France", "Myria", "Norway", "Belgium"]


def test_the_view_cannot_take_the_dragged_rows_away_after_a_drop(panel: BookmarksPanel, qtbot: QtBot) -> None:
    # After a move drop the view removes the rows it dragged (QAbstractItemView expects the model
    # to have copied them); the service has moved them already, so they must stay.
    s1 = panel.proxy.index(0, 0)
    with reloaded(qtbot, panel.model):
        assert panel.proxy.dropMimeData(
            drag(panel.model, panel.model.index(0, 0, panel.model.index(0, 0))),
            Qt.DropAction.MoveAction,
            -1,
            -1,
            panel.proxy.index(1, 0),
        )
    s1 = panel.proxy.index(0, 0)
    assert not panel.proxy.removeRows(0, 1, s1)
    assert not panel.proxy.removeRows(0, 1)
    assert tree_of(panel.proxy) == {
        "Session 1": ["Myria", "A withdrawn practice (missing)"],
        "Session 2 — labour exploitation": ["France", "Norway", "Belgium"],
    }


def test_drop_into_a_folder_already_holding_the_record_is_refused(panel: BookmarksPanel, qtbot: QtBot) -> None:
    service = panel.model.service
    service.add("country/fr", "France", "Session 1")
    with reloaded(qtbot, panel.model):
        pass
    model = panel.model
    before = tree_of(model)
    france_s1 = model.index(3, 0, model.index(0, 0))
    assert france_s1.data() == "France"
    assert not model.dropMimeData(drag(model, france_s1), Qt.DropAction.MoveAction, 0, 0, model.index(1, 0))
    assert tree_of(model) == before
    assert any("already in the folder" in m for m in messages(panel))
    close_messages(panel)


def test_drop_rules(filled: BookmarkService) -> None:
    model = BookmarksModel(filled, exists)
    s1 = model.index(0, 0)
    a_bookmark = drag(model, model.index(0, 0, s1))
    a_folder = drag(model, s1)
    move = Qt.DropAction.MoveAction
    assert model.canDropMimeData(a_bookmark, move, 0, 0, s1)
    assert not model.canDropMimeData(a_bookmark, move, 0, 0, QModelIndex())  # no loose bookmarks
    assert model.canDropMimeData(a_folder, move, 1, 0, QModelIndex())
    assert not model.canDropMimeData(a_folder, move, 0, 0, s1)  # no folders in folders
    foreign = QMimeData()
    foreign.setText("https://example.org")
    assert not model.canDropMimeData(foreign, move, 0, 0, s1)
    assert not model.dropMimeData(foreign, move, 0, 0, s1)
    junk = QMimeData()
    junk.setData(MIME_TYPE, b"not json")
    assert not model.dropMimeData(junk, move, 0, 0, s1)


def test_reorder_folders_by_drag_and_drop(filled: BookmarkService, qtbot: QtBot) -> None:
    filled.create_folder("Session 3")
    model = BookmarksModel(filled, exists)
    with reloaded(qtbot, model):
        assert model.dropMimeData(drag(model, model.index(2, 0)), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert list(tree_of(model)) == ["Session 3", "Session 1", "Session 2 — labour exploitation"]
    with reloaded(qtbot, model):
        filled.undo_stack.undo()
    assert list(tree_of(model)) == ["Session 1", "Session 2 — labour exploitation", "Session 3"]


# -- rename, delete, undo ----------------------------------------------------------------------


def test_rename_folder_in_place_and_undo(panel: BookmarksPanel, qtbot: QtBot) -> None:
    service = panel.model.service
    s1 = panel.proxy.index(0, 0)
    with reloaded(qtbot, panel.model):
        assert panel.proxy.setData(s1, "Session 1 — introduction")
    assert next(iter(tree_of(panel.proxy))) == "Session 1 — introduction"
    with reloaded(qtbot, panel.model):
        service.undo_stack.undo()
    assert next(iter(tree_of(panel.proxy))) == "Session 1"


def test_rename_to_a_taken_name_is_refused_with_a_message(panel: BookmarksPanel) -> None:
    assert not panel.proxy.setData(panel.proxy.index(0, 0), "session 2 — LABOUR exploitation")
    assert any("already a folder" in m for m in messages(panel))
    assert next(iter(tree_of(panel.proxy))) == "Session 1"
    close_messages(panel)


def test_delete_key_then_ctrl_z_restores_exactly(panel: BookmarksPanel, qtbot: QtBot) -> None:
    service = panel.model.service
    panel.addAction(service.create_undo_action(panel))
    before = service.bookmarks()
    sel = panel.tree.selectionModel()
    s1 = panel.proxy.index(0, 0)
    sel.select(panel.proxy.index(0, 0, s1), sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
    sel.select(panel.proxy.index(1, 0, s1), sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
    panel.tree.setFocus()
    with reloaded(qtbot, panel.model):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert tree_of(panel.proxy)["Session 1"] == ["A withdrawn practice (missing)"]
    assert service.undo_stack.undoText() == "Delete 2 bookmarks"
    with reloaded(qtbot, panel.model):
        qtbot.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert service.bookmarks() == before  # same ids, places, notes and dates


def test_delete_folder_and_undo(panel: BookmarksPanel, qtbot: QtBot) -> None:
    service = panel.model.service
    folders, marks = service.folders(), service.bookmarks()
    panel.tree.setCurrentIndex(panel.proxy.index(1, 0))
    with reloaded(qtbot, panel.model):
        panel.delete_action.trigger()
    assert list(tree_of(panel.proxy)) == ["Session 1"]
    with reloaded(qtbot, panel.model):
        service.undo_stack.undo()
    assert service.folders() == folders and service.bookmarks() == marks


def test_failed_undo_is_reported_not_raised(filled: BookmarkService, qtbot: QtBot) -> None:
    fid = folder_id(filled, "Session 1")
    filled.rename_folder(fid, "Intro")
    with BookmarkStore(filled.store.path) as other_window:
        other_window.delete_folder(fid)
    with qtbot.waitSignal(filled.error) as blocker:
        filled.undo_stack.undo()
    assert "no longer exists" in blocker.args[0]
    assert filled.undo_stack.count() == 0  # the stale step is dropped


# -- opening and filtering ---------------------------------------------------------------------


def test_enter_and_double_click_open_the_bookmark(panel: BookmarksPanel, qtbot: QtBot) -> None:
    france = panel.proxy.index(0, 0, panel.proxy.index(1, 0))
    panel.tree.setCurrentIndex(france)
    panel.tree.setFocus()
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == ["country/fr"]
    norway = panel.proxy.index(1, 0, panel.proxy.index(1, 0))
    panel.tree.scrollTo(norway)
    with qtbot.waitSignal(panel.open_requested) as blocker:
        pos = panel.tree.visualRect(norway).center()
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["country/no"]


def test_enter_on_a_folder_folds_it(panel: BookmarksPanel, qtbot: QtBot) -> None:
    s1 = panel.proxy.index(0, 0)
    assert panel.tree.isExpanded(s1)
    panel.tree.setCurrentIndex(s1)
    panel.tree.setFocus()
    with qtbot.assertNotEmitted(panel.open_requested):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert not panel.tree.isExpanded(s1)


def test_filter_box_shows_matching_bookmarks_and_folders(panel: BookmarksPanel, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.filter_edit, "case STUDY")  # matches France's note, any case
    assert tree_of(panel.proxy) == {"Session 2 — labour exploitation": ["France"]}
    panel.filter_edit.clear()
    qtbot.keyClicks(panel.filter_edit, "labour")  # a folder's name shows the whole folder
    assert tree_of(panel.proxy) == {"Session 2 — labour exploitation": ["France", "Norway"]}
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Down)
    assert panel.tree.hasFocus()
    with qtbot.waitSignal(panel.open_requested) as blocker:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == ["country/fr"]
    panel.set_filter("")
    assert len(tree_of(panel.proxy)) == 2


def test_a_filter_opens_every_folder_it_shows(panel: BookmarksPanel, qtbot: QtBot) -> None:
    panel.tree.collapse(panel.proxy.index(0, 0))
    panel.tree.collapse(panel.proxy.index(1, 0))
    qtbot.keyClicks(panel.filter_edit, "a")
    assert tree_of(panel.proxy) == {
        "Session 1": ["Belgium", "Myria", "A withdrawn practice (missing)"],
        "Session 2 — labour exploitation": ["France", "Norway"],
    }
    assert all(panel.tree.isExpanded(panel.proxy.index(row, 0)) for row in range(2))
    qtbot.keyClicks(panel.filter_edit, "ctice")
    assert tree_of(panel.proxy) == {"Session 1": ["A withdrawn practice (missing)"]}
    assert panel.tree.isExpanded(panel.proxy.index(0, 0))
    first = panel.tree.visualRect(panel.proxy.index(0, 0, panel.proxy.index(0, 0)))
    assert first.isValid() and panel.tree.viewport().rect().contains(first)  # laid out, on screen


def test_clearing_a_filter_brings_back_the_folders_as_they_were(panel: BookmarksPanel, qtbot: QtBot) -> None:
    first, second = panel.proxy.index(0, 0), panel.proxy.index(1, 0)
    panel.tree.collapse(first)
    panel.tree.expand(second)  # opened by hand since the last reload
    qtbot.keyClicks(panel.filter_edit, "ctice")  # only Session 1 holds a match: Session 2 hides
    assert list(tree_of(panel.proxy)) == ["Session 1"]
    panel.filter_edit.clear()
    first, second = panel.proxy.index(0, 0), panel.proxy.index(1, 0)
    assert not panel.tree.isExpanded(first), "the filter opened it, the user had it closed"
    assert panel.tree.isExpanded(second), "hidden by the filter, it comes back open"


def test_a_bookmark_chosen_while_filtering_stays_chosen_and_shown(panel: BookmarksPanel, qtbot: QtBot) -> None:
    panel.tree.collapse(panel.proxy.index(1, 0))
    panel.model.reload()  # a change comes in: Session 2 is kept closed
    assert not panel.tree.isExpanded(panel.proxy.index(1, 0))
    qtbot.keyClicks(panel.filter_edit, "norway")
    folder = panel.proxy.index(0, 0)
    panel.tree.setCurrentIndex(panel.proxy.index(0, 0, folder))
    panel.filter_edit.clear()
    current = panel.tree.currentIndex()
    assert current.data() == "Norway"
    assert panel.tree.isExpanded(current.parent())  # its folder opens to show it


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet="abefmnorstyBFM ()[]{}.*+?\\^$|-—", max_size=12))
def test_any_filter_text_shows_exactly_the_matching_bookmarks(panel: BookmarksPanel, text: str) -> None:
    panel.set_filter(text)
    words = text.lower().split()
    shown = {t for titles in tree_of(panel.proxy).values() for t in titles}
    expected = set()
    for folder in panel.model.service.folders():
        folder_hit = all(w in f"{folder.name}\n{folder.notes}".lower() for w in words)
        for b in panel.model.service.bookmarks(folder.id):
            if folder_hit or all(w in f"{b.title}\n{b.note}\n{b.record_id}".lower() for w in words):
                expected.add(b.title + (" (missing)" if b.record_id in GONE else ""))
    assert shown == expected


# -- export and import ---------------------------------------------------------------------------


def test_export_folder_and_all_through_the_panel(
    panel: BookmarksPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "session2"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.tree.setCurrentIndex(panel.proxy.index(0, 0, panel.proxy.index(1, 0)))  # a bookmark in it
    panel.export_folder_action.trigger()
    doc = json.loads((tmp_path / "session2.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in doc["folders"]] == ["Session 2 — labour exploitation"]
    assert [b["title"] for b in doc["folders"][0]["bookmarks"]] == ["France", "Norway"]
    everything = tmp_path / "all.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(everything), ""))
    panel.export_all_action.trigger()
    assert len(json.loads(everything.read_text(encoding="utf-8"))["folders"]) == 2


def test_export_to_an_unwritable_place_shows_a_message(
    panel: BookmarksPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "nope" / "x.json"), ""))
    panel.export_all_action.trigger()
    assert any("Nothing was exported" in m for m in messages(panel))
    close_messages(panel)


def test_import_merges_and_reports_counts(
    panel: BookmarksPanel, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = panel.model.service
    doc = service.store.export_json()
    doc["folders"][0]["bookmarks"].append({"record_id": "country/se", "title": "Sweden"})
    path = tmp_path / "from-colleague.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with reloaded(qtbot, panel.model):
        panel.import_action.trigger()
    assert tree_of(panel.proxy)["Session 1"][-1] == "Sweden"
    assert len(service.bookmarks()) == 6
    assert any("Imported 1 bookmark and 0 new folders, 5 already present." in m for m in messages(panel))
    close_messages(panel)


@pytest.mark.parametrize(
    "content", [b"{ this is not json", b'{"format": "someone-else", "items": []}', b"\xff\xfe\x00garbage"]
)
def test_import_of_a_malformed_or_foreign_file_is_refused(
    panel: BookmarksPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    service = panel.model.service
    before = service.bookmarks(), service.folders()
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    panel.import_action.trigger()
    (text,) = messages(panel)
    assert "Nothing was imported" in text and "Traceback" not in text
    assert (service.bookmarks(), service.folders()) == before
    close_messages(panel)


# -- several windows, damaged files ------------------------------------------------------------


def test_a_second_window_sees_bookmarks_added_in_the_first(store: BookmarkStore, qtbot: QtBot) -> None:
    first = BookmarkService(store, poll_ms=0)
    with BookmarkStore(store.path) as other_store:
        second = BookmarkService(other_store, poll_ms=20)
        second_model = BookmarksModel(second)
        with qtbot.waitSignal(second_model.modelReset, timeout=3000):
            first.add("country/be", "Belgium", "Session 1")
        assert tree_of(second_model) == {"Session 1": ["Belgium"]}
        second._poll.stop()


def test_panel_tells_where_a_damaged_file_was_kept(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "bookmarks.sqlite"
    path.write_bytes(b"\x00garbage" * 500)
    with BookmarkStore(path) as store:
        panel = BookmarksPanel(BookmarkService(store, poll_ms=0))
        qtbot.addWidget(panel)
        panel.show()
        assert panel.notice.isVisible()
        assert str(store.recovered_from) in panel.notice.text()
        assert store.recovered_from is not None and store.recovered_from.name.startswith("bookmarks-corrupt-")


def test_new_folder_from_the_panel(panel: BookmarksPanel, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Session 3", True))
    with reloaded(qtbot, panel.model):
        panel.new_folder_action.trigger()
    assert list(tree_of(panel.proxy))[-1] == "Session 3"


def test_widgets_have_accessible_names(panel: BookmarksPanel, service: BookmarkService, qtbot: QtBot) -> None:
    assert panel.filter_edit.accessibleName() == "Filter bookmarks"
    assert panel.tree.accessibleName()
    dialog = BookmarkDialog(service, "country/be", "Belgium")
    qtbot.addWidget(dialog)
    for widget in (dialog.folder_box, dialog.note_edit, dialog.ok_button):
        assert widget.accessibleName()


def test_a_failing_exists_check_shows_bookmarks_as_present(filled: BookmarkService) -> None:
    def broken(record_id: str) -> bool:
        raise RuntimeError("report database unreadable")

    model = BookmarksModel(filled, broken)
    assert tree_of(model)["Session 1"] == ["Belgium", "Myria", "A withdrawn practice"]


def test_a_large_import_shows_progress_and_cancel_keeps_nothing(
    panel: BookmarksPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    from htdesk.ui.bookmarks import panel as panel_module

    doc = {
        "format": "htdesk-bookmarks",
        "version": 1,
        "folders": [
            {"name": f"Big {f}", "bookmarks": [{"record_id": f"x/{f}-{i}", "title": f"T {i}"} for i in range(1000)]}
            for f in range(3)
        ],
    }
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(panel_module, "IMPORT_PROGRESS_AFTER_MS", 0)
    seen: list[tuple[bool, str, int]] = []

    def cancelled(self: QProgressDialog) -> bool:  # the user presses Cancel as soon as it shows
        seen.append((self.isVisible(), self.labelText(), self.maximum()))
        return True

    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled)
    before = tree_of(panel.model)
    panel.import_bookmarks()
    assert seen == [(True, "Importing bookmarks…", 3000)]
    assert messages(panel) == []  # a cancel is the user's choice: no error
    panel.model.reload()
    assert tree_of(panel.model) == before
    assert not [d for d in panel.findChildren(QProgressDialog) if d.isVisible()]
