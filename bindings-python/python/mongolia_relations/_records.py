"""Typed, immutable records: one class per kind of row."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, ClassVar


@dataclasses.dataclass(frozen=True)
class Record:
    """Base class of every record: attribute access, equality, ``repr`` and ``to_dict()``."""

    table: ClassVar[str] = ""
    key: ClassVar[str] = "id"
    _db: str | None = dataclasses.field(default=None, repr=False, compare=False, kw_only=True)

    @classmethod
    def from_row(cls, row: dict[str, Any], db: str | None = None) -> Record:
        # The row comes from the native layout of exactly these fields, so the generated
        # __init__ (one frozen __setattr__ per field) can be skipped: this is the hot path of
        # iterating a result set.
        record = object.__new__(cls)
        values = record.__dict__
        for key, value in row.items():
            values[key] = tuple(value) if isinstance(value, list) else value
        values["_db"] = db
        return record

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dictionary (lists for sequences)."""
        out = {}
        for f in dataclasses.fields(self):
            if f.name.startswith("_"):
                continue
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    def citations(self) -> Any:
        """The sources cited for this record, with locators."""
        from . import _query

        return _query.Database(self._db).citations(self)

    def disputes(self) -> Any:
        """The disputes concerning this record."""
        from . import _query

        return _query.Database(self._db).disputes_of(self)


@dataclasses.dataclass(frozen=True)
class Event(Record):
    """A dated happening. ``date`` is EDTF; ``start``/``end`` are the bounds of the date."""

    table: ClassVar[str] = "events"
    id: int
    kind: str
    date: str
    start: _dt.date
    end: _dt.date
    precision: str
    certainty: str
    date_note: str | None
    place: str | None
    place_polity: str | None
    level: str | None
    channel: str | None
    treaty: int | None
    cameo: str | None
    plover: str | None
    summary: str
    note: str | None
    mongolia_role: str
    polities: tuple[str, ...]
    persons: tuple[str, ...]
    organizations: tuple[str, ...]
    participants: tuple[dict[str, str], ...]
    sources: tuple[str, ...]
    dataset: str


@dataclasses.dataclass(frozen=True)
class Treaty(Record):
    """An international instrument with its lifecycle dates."""

    table: ClassVar[str] = "treaties"
    id: int
    title: str
    kind: str
    parties: tuple[str, ...]
    signed: str | None
    signed_place: str | None
    in_force: str | None
    ratified: str | None
    terminated: str | None
    in_force_from: _dt.date | None
    start_basis: str | None
    terminated_from: _dt.date | None
    in_force_basis: str | None
    term_years: int | None
    languages: tuple[str, ...]
    note: str | None
    sources: tuple[str, ...]
    dataset: str


@dataclasses.dataclass(frozen=True)
class Posting(Record):
    """A diplomat sent from one state to another."""

    table: ClassVar[str] = "postings"
    id: int
    person: str
    person_id: int
    role: str
    sending: str
    receiving: str
    start: str | None
    end: str | None
    note: str | None
    sources: tuple[str, ...]
    dataset: str


@dataclasses.dataclass(frozen=True)
class Mission(Record):
    """A diplomatic or consular mission, or a non-resident accreditation (``kind="accredited_from"``:
    ``city`` and ``accredited_from`` then name the covering embassy). ``status`` is ``"closed"``
    when the source says it closed, dated or not."""

    table: ClassVar[str] = "missions"
    id: int
    sending: str
    receiving: str
    kind: str
    city: str | None
    accredited_from: str | None
    status: str
    opened: str | None
    closed: str | None
    as_of: str | None
    note: str | None
    sources: tuple[str, ...]
    dataset: str


@dataclasses.dataclass(frozen=True)
class Membership(Record):
    """A polity's standing in an international organization."""

    table: ClassVar[str] = "memberships"
    id: int
    organization: str
    polity: str
    status: str
    start: str | None
    end: str | None
    note: str | None
    sources: tuple[str, ...]
    dataset: str


@dataclasses.dataclass(frozen=True)
class Observation(Record):
    """A figure of a numeric series; ``value`` is None where the source gives none."""

    table: ClassVar[str] = "observations"
    id: int
    polity: str
    reporter: str
    indicator: str
    period: str
    period_start: _dt.date
    period_end: _dt.date
    value: float | None
    unit: str
    note: str | None
    sources: tuple[str, ...]
    dataset: str


@dataclasses.dataclass(frozen=True)
class Polity(Record):
    """A state, historical states included, with its code crosswalk."""

    table: ClassVar[str] = "polities"
    key: ClassVar[str] = "code"
    code: str
    name: str
    official_name: str | None
    iso2: str | None
    iso3: str | None
    iso_numeric: int | None
    iso_withdrawn: bool
    cow_code: int | None
    cow_abbrev: str | None
    gw_code: int | None
    start_year: int | None
    end_year: int | None
    successor: str | None
    is_un_member: bool
    note: str | None
    aliases: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Person(Record):
    """A person with every spelling the sources use."""

    table: ClassVar[str] = "persons"
    id: int
    name: str
    polity: str | None
    names: tuple[str, ...]
    roles: tuple[str, ...]
    note: str | None


@dataclasses.dataclass(frozen=True)
class Organization(Record):
    """An international organization."""

    table: ClassVar[str] = "organizations"
    key: ClassVar[str] = "code"
    code: str
    name: str
    aliases: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Source(Record):
    """A document facts are taken from."""

    table: ClassVar[str] = "sources"
    id: str
    title: str
    author: str | None
    publisher: str | None
    kind: str
    url: str | None
    published: str | None
    language: str
    sha256: str | None
    reliability: str
    note: str | None
    dataset: str


@dataclasses.dataclass(frozen=True)
class Citation(Record):
    """The link from a fact row to a source, with a locator."""

    table: ClassVar[str] = "citations"
    id: int
    source: str
    source_title: str
    record_table: str
    record_id: str
    locator: str
    quote: str | None
    note: str | None


@dataclasses.dataclass(frozen=True)
class Dispute(Record):
    """Sources that disagree; ``claims`` holds every side with its sources and rank.

    ``kind`` is ``conflict`` (the sources disagree), ``misprint`` (a text cannot be right) or
    ``precision`` (the values agree and one is more precise).
    """

    table: ClassVar[str] = "disputes"
    id: int
    topic: str
    kind: str
    note: str
    claims: tuple[dict[str, Any], ...]


@dataclasses.dataclass(frozen=True)
class Coverage(Record):
    """A state of today's world and the earliest cited relations date the data has for it."""

    table: ClassVar[str] = "coverage"
    key: ClassVar[str] = "polity"
    polity: str
    name: str
    date: str | None
    precision: str | None
    certainty: str | None
    via: str | None
    sources: int
    disputed: bool


@dataclasses.dataclass(frozen=True)
class PolityCode(Record):
    """One code a scheme (ISO, COW, G&W) gives a polity, with the days it holds."""

    table: ClassVar[str] = "polity_codes"
    id: int
    polity: str
    scheme: str
    code: str
    valid_from: str | None
    valid_to: str | None
    certainty: str
    note: str | None
    sources: tuple[str, ...]
    dataset: str


@dataclasses.dataclass(frozen=True)
class UngaVote(Record):
    """One member's vote in a UN General Assembly roll call in which Mongolia voted, beside
    Mongolia's own (``mongolia_vote``). Cited by ``source`` and ``locator``, not by citations."""

    table: ClassVar[str] = "unga_votes"
    key: ClassVar[str] = "rcid"
    rcid: int
    session: int
    date: _dt.date
    symbol: str | None
    important_vote: bool | None
    title: str | None
    issues: tuple[str, ...]
    polity: str
    vote: str
    mongolia_vote: str
    source_country: str
    source: str
    locator: str
    dataset: str


@dataclasses.dataclass(frozen=True)
class UngaAgreement(Record):
    """How alike Mongolia and another member voted in the UN General Assembly in one year.
    Cited by ``source`` and ``locator``, not by citations."""

    table: ClassVar[str] = "unga_agreement"
    key: ClassVar[str] = "polity"
    polity: str
    polity_name: str
    year: int
    n_votes: int
    identical_share: float
    agreement_index: float
    source_country: str
    source_name: str
    note: str | None
    source: str
    locator: str
    dataset: str


RECORD_TYPES: dict[str, type[Record]] = {
    "events": Event,
    "search": Event,
    "treaties": Treaty,
    "postings": Posting,
    "missions": Mission,
    "memberships": Membership,
    "observations": Observation,
    "polities": Polity,
    "codes": PolityCode,
    "persons": Person,
    "organizations": Organization,
    "sources": Source,
    "citations": Citation,
    "disputes": Dispute,
    "disputes_of": Dispute,
    "coverage": Coverage,
    "unga_votes": UngaVote,
    "unga_agreement": UngaAgreement,
}
