"""The bookmarks export file format, validated with pydantic (loaded only when importing)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from htdesk.store.bookmarks import MAX_NAME, MAX_TEXT

_Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
_Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


class BookmarkIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")
    record_id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    title: _Text = ""
    note: _Text = ""
    created: str | None = None


class FolderIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")
    name: _Name
    notes: _Text = ""
    bookmarks: list[BookmarkIn] = []


class FileIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")
    format: Literal["htdesk-bookmarks"]
    version: int
    folders: list[FolderIn]
