"""One error base class; messages name the file, the place, the offending text and the fix."""

from __future__ import annotations


class ParindexError(Exception):
    """A failure a user can act on: what went wrong, where, and how to fix it."""

    def __init__(self, message: str, *, path: str | None = None, place: str | None = None,
                 fix: str | None = None) -> None:
        self.path = path
        self.place = place
        self.fix = fix
        self.bare_message = message
        super().__init__(self.render())

    def render(self) -> str:
        where = ":".join(p for p in (self.path, self.place) if p)
        text = f"{where}: {self.bare_message}" if where else self.bare_message
        return f"{text} — {self.fix}" if self.fix else text


class UnreadableInput(ParindexError):
    """A document that cannot be read or decoded."""


class ExtractorBug(ParindexError):
    """The extractor itself failed on a document (a bug in parindex, not in the document)."""
