"""A page of a QTabWidget that builds its content the first time it is shown (or asked
for), so a tab with several inner pages opens with only the one on screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

W = TypeVar("W", bound=QWidget)


class LazyPage(QWidget, Generic[W]):
    def __init__(self, factory: Callable[[], W], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory: Callable[[], W] | None = factory
        self._page: W | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> W:
        """The content, built now if it was not yet."""
        if self._page is None:
            assert self._factory is not None
            self._page = self._factory()
            self._factory = None
            self._layout.addWidget(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.page()
