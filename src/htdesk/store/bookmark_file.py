"""The bookmarks export file format, validated with pydantic (loaded only when importing)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from htdesk.content.comparison import LAYOUTS, ComparisonRef
from htdesk.store.bookmarks import MAX_NAME, MAX_TEXT

_Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
_Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]


class ComparisonIn(BaseModel):
    """A bookmarked comparison; files written before comparisons could be bookmarked have none."""

    model_config = ConfigDict(strict=True, extra="ignore")
    countries: list[Annotated[str, StringConstraints(max_length=10)]] = Field(max_length=10)
    dimensions: list[Annotated[str, StringConstraints(max_length=50)]] = Field(max_length=50)
    layout: Literal[LAYOUTS] = "sheet"  # type: ignore[valid-type]


class BookmarkIn(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")
    record_id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    title: _Text = ""
    note: _Text = ""
    created: str | None = None
    comparison: ComparisonIn | None = None

    @model_validator(mode="after")
    def _comparison_agrees(self) -> BookmarkIn:
        """A comparison is checked as the app checks one, and its record id is the one it names."""
        if self.comparison is not None:
            c = self.comparison
            self.record_id = ComparisonRef.make(c.countries, c.dimensions, c.layout).record_id
        else:
            ComparisonRef.parse(self.record_id)  # a malformed comparison id is refused, not imported
        return self


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
