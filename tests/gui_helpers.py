"""Helpers for the GUI tests: the application set up as ``make_application`` does,
and ways to find what a user sees (buttons by their label, dialogs on screen)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_crm import i18n
from desktop_crm.app import make_application

W = TypeVar("W", bound=QWidget)


def chinese_ui(qapp: QApplication) -> Iterator[QApplication]:
    """``make_application("zh_CN")`` on pytest-qt's QApplication; the default language after."""
    app = make_application("zh_CN")
    assert app is qapp
    yield app
    # Leave the catalogue a fresh process would load by default (zh_CN), whatever a test chose.
    i18n.install(i18n.DEFAULT_LANGUAGE)


# -- finding widgets ---------------------------------------------------------------
def edit(parent: QWidget, name: str) -> QLineEdit:
    widget = parent.findChild(QLineEdit, name)
    assert widget is not None, f"no QLineEdit named {name!r}"
    return widget


def button(parent: QWidget, text: str) -> QPushButton:
    """The visible push button labelled ``text`` (as shown, without the & marker)."""
    found = [
        b
        for b in parent.findChildren(QPushButton)
        if b.text().replace("&", "") == text and b.isVisible()
    ]
    assert len(found) == 1, f"{len(found)} buttons labelled {text!r}: " + ", ".join(
        b.text() for b in parent.findChildren(QPushButton)
    )
    return found[0]


def windows(cls: type[W]) -> list[W]:
    """The visible top-level windows of a class (dialogs opened with ``open()``/``show()``)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]


def wait_window(qtbot: QtBot, cls: type[W], timeout: int = 3000) -> W:
    qtbot.waitUntil(lambda: len(windows(cls)) == 1, timeout=timeout)
    return windows(cls)[0]


def message_boxes() -> list[QMessageBox]:
    return windows(QMessageBox)


# -- acting like a user -----------------------------------------------------------
def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), f"{widget.text() if hasattr(widget, 'text') else widget} disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Replace the field's text by typing (select all, erase, then type).

    ASCII goes in as key presses; Chinese as an input method's commit, the way a
    pinyin IME delivers it (QTest's key clicks only know ASCII).
    """
    widget.setFocus()
    widget.selectAll()
    if widget.text():
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    for run in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)
    assert widget.text() == text


def choose(combo: QComboBox, text: str) -> None:
    """Pick the entry shown as ``text`` (leading indentation ignored)."""
    texts = [combo.itemText(i).strip() for i in range(combo.count())]
    assert text in texts, f"{text!r} not among {texts}"
    combo.setCurrentIndex(texts.index(text))


def click_list_item(qtbot: QtBot, widget: QListWidget, text: str) -> None:
    items = widget.findItems(text, Qt.MatchFlag.MatchExactly)
    assert len(items) == 1, f"list item {text!r}"
    rect = widget.visualItemRect(items[0])
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def tree_item(tree: QTreeWidget, text: str, column: int) -> QTreeWidgetItem:
    items = tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, column)
    assert len(items) == 1, f"{len(items)} tree items with {text!r} in column {column}"
    return items[0]


def click_tree_item(qtbot: QtBot, tree: QTreeWidget, text: str, column: int = 1) -> None:
    item = tree_item(tree, text, column)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tree.currentItem() is item


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
