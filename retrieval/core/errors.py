"""Small, specific exceptions. Front ends turn them into one friendly line; nothing here prints."""

from __future__ import annotations


class SectorbotError(Exception):
    """Base class for every expected failure."""


class DocumentError(SectorbotError):
    """A document could not be read or parsed. Carries the file name so the message can name it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(DocumentError):
    pass


class DocumentTooLarge(DocumentError):
    pass


class EmptyDocument(DocumentError):
    pass


class ModelNotProvisioned(SectorbotError):
    """The embedding model files are missing and could not be provisioned."""


class StoreUnavailable(SectorbotError):
    """The vector store (embedded or a Chroma server) cannot be reached or opened."""


class LLMError(SectorbotError):
    """The OpenAI-compatible endpoint failed: timeout, HTTP error or unusable output."""
