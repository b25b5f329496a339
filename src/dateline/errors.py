"""Every exception Dateline raises, in one place, each with a stable code.

Catch :class:`DatelineError` to catch them all.
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base class of all Dateline errors."""

    code = "E000"

    def __init__(self, message: str, *, origin: str | None = None) -> None:
        self.origin = origin
        self.message = message
        super().__init__(f"{origin}: {message}" if origin else message)


class InputError(DatelineError):
    """An input could not be read or understood."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class MalformedInputError(InputError):
    """HTML, JSON, feed or WARC content that does not parse."""

    code = "E104"


class InputTooLargeError(InputError):
    code = "E105"


class NoArticleError(InputError):
    """The input parsed but held no article text."""

    code = "E106"


class StoreError(DatelineError):
    """The database could not be opened, migrated or written."""

    code = "E200"


class UnknownDatabaseError(StoreError):
    code = "E201"


class NotFoundError(StoreError):
    code = "E202"


class ExportError(DatelineError):
    code = "E300"


class ModelLoadError(DatelineError):
    """The spaCy pipeline could not be loaded."""

    code = "E400"
