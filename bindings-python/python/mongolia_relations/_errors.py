"""Exceptions raised by the Python layer itself (the native module defines the others)."""

from __future__ import annotations

from ._native import MongoliaRelationsError


class NoDataError(MongoliaRelationsError, ValueError):
    """The filters match no rows, so there is nothing to draw or compute.

    Raised by the plots instead of an empty figure; the message names the filters that were
    given. A query itself returns an empty ResultSet rather than raising.
    """
