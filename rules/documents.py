"""The document record that flows from fetching into extraction and storage."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class Document(BaseModel):
    """One disclosure's readable content, whatever it was fetched or read from."""

    model_config = ConfigDict(frozen=True)

    title: str
    text: str
    url: str | None = None
    published: datetime | None = None
    guid: str | None = None
