"""Qt tests run with the translators the app installs at start (English: its plural forms)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from htdesk import i18n


@pytest.fixture(autouse=True)
def _interface_language(qapp: object) -> Iterator[None]:
    i18n.set_language("en")
    i18n.install_qt(qapp, "en")  # type: ignore[arg-type]
    yield
    i18n.set_language("en")
