# Generated from the record definitions in mongolia-relations/src/records.rs by
# `cargo run -p mongolia-relations --example codegen`; do not edit (tests/pygen.rs checks it).
"""Typed, immutable records: one class per kind of row."""

from __future__ import annotations

import dataclasses
import datetime as _dt
from typing import Any, ClassVar

from ._record_base import Record, columns_doc

__all__ = [
    "Citation",
    "Coverage",
    "Dispute",
    "Event",
    "Membership",
    "Mission",
    "Observation",
    "Organization",
    "Person",
    "Polity",
    "PolityCode",
    "Posting",
    "RECORD_TYPES",
    "Record",
    "Source",
    "Treaty",
    "UngaAgreement",
    "UngaVote",
    "columns_doc",
]


@dataclasses.dataclass(frozen=True)
class Event(Record):
    """A dated happening in Mongolia's foreign relations (a row of ``events`` and ``search``).

    Attributes
    ----------
    id : int
        Stable id of the event (cite it by ``citations(("events", id))``).
    kind : str
        What happened, from the ``event_kinds`` vocabulary: ``visit``, ``treaty_signed``,
        ``relations_established``, ``aid``, ``meeting``, ...
    date : str
        The date as EDTF, exactly as precise as the source: ``"1948-10-15"``, ``"1972"``,
        ``"1972/1973"`` (from one year to the next), ``"195X"`` (a decade).
    start : datetime.date
        The earliest day the date can denote.
    end : datetime.date
        The latest day the date can denote; equal to ``start`` only for a day-precise date.
    precision : str
        How finely the date is known: ``day``, ``month``, ``season``, ``quarter``, ``half``,
        ``year``, ``decade``, ``century``, ``interval`` or ``set``.
    certainty : str
        ``stated`` when the source gives the date, ``inferred`` when it was reasoned out (see
        ``date_note``).
    date_note : str or None
        How an inferred date was reached, or the source's own wording of the date.
    place : str or None
        The city or place where it happened, where known.
    place_polity : str or None
        Code of the state the place was in.
    level : str or None
        The highest level involved: ``head_of_state``, ``head_of_government``, ``minister``,
        ``deputy_minister``, ``parliament``, ``party``, ``ambassador``, ``official`` or ``other``.
    channel : str or None
        The channel of relations: ``state``, ``party``, ``parliament`` or ``multilateral``.
    treaty : int or None
        Id of the treaty a ``treaty_*`` event concerns (see ``treaties``).
    cameo : str or None
        The CAMEO event code closest to the kind (as GDELT and ICEWS code events).
    plover : str or None
        The PLOVER event type closest to the kind (as POLECAT codes events).
    summary : str
        What happened, in the dataset's own words.
    note : str or None
        Further remarks of the coders.
    mongolia_role : str
        Mongolia's part: ``party`` (a side, a host receiving a visit included), ``host`` (only the
        venue of others meeting), ``third_party`` (concerned, not a side) or ``none`` (a context
        event between other states).
    polities : tuple of str
        Codes of the states taking part.
    persons : tuple of str
        Names of the persons taking part.
    organizations : tuple of str
        Codes of the organizations taking part.
    participants : tuple of dict
        Everyone taking part, each as ``{"kind": "polity" | "person" | "organization", "id": ...,
        "name": ..., "role": ...}`` with a role from ``participant_roles`` (``visitor``, ``host``,
        ``donor``, ``recipient``, ``actor``, ``target``, ``party``, ...): the roles tell the
        direction of a visit or of aid. A list of structs in DataFrames.
    sources : tuple of str
        Ids of the sources cited for the event (see ``sources()`` and ``citations()``).
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """An international instrument (a row of ``treaties``) with its lifecycle dates.

    The dates are those of the treaty's ``treaty_*`` events; a treaty counts as in force on a day D
    when ``in_force_from <= D < terminated_from``, by the rule ``in_force_basis`` names (the
    ``treaty_dates`` view in ``schema.sql`` states it).

    Attributes
    ----------
    id : int
        Stable id of the treaty (events of kinds ``treaty_*`` point to it).
    title : str
        English title (the dataset's translation where the source gives another language).
    kind : str
        The form of the instrument: ``treaty``, ``agreement``, ``protocol``, ``convention`` or
        ``declaration``.
    parties : tuple of str
        Codes of the states party to it.
    signed : str or None
        Date of signature (EDTF), where recorded.
    signed_place : str or None
        Place of signature, where recorded.
    in_force : str or None
        Date of entry into force (EDTF), where recorded.
    ratified : str or None
        Date the instruments of ratification were approved or exchanged (EDTF), where recorded.
    terminated : str or None
        Date of termination, denunciation or expiry (EDTF), where recorded.
    in_force_from : datetime.date or None
        The first day it is certainly in force: the latest day of its start event (entry into force,
        else ratification, else signature; see ``start_basis``).
    start_basis : str or None
        Which event starts it: ``in_force``, ``ratified`` or ``signed``; None when none is recorded
        (the treaty is never counted in force).
    terminated_from : datetime.date or None
        The earliest day it may have ended: of a recorded termination or, failing that, the expiry
        of a stated term; None when it is taken to stay in force.
    in_force_basis : str or None
        The rule that ends it: ``recorded`` (a recorded termination), ``term`` (a stated term runs
        out; annual protocols after a year unless renewed) or ``assumed`` (neither: taken to stay in
        force, which no source states); None when it has no start.
    term_years : int or None
        The term in years, where the text states one.
    languages : tuple of str
        ISO 639-1 codes of the authentic texts, where stated.
    note : str or None
        Further remarks of the coders.
    sources : tuple of str
        Ids of the sources cited for the treaty.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """A diplomat, an ambassador above all, sent from one state to another (a row of ``postings``).

    Attributes
    ----------
    id : int
        Stable id of the posting.
    person : str
        The diplomat's name as the dataset prints it.
    person_id : int
        The diplomat's id in ``persons``.
    role : str
        ``ambassador``, ``envoy``, ``counsellor`` or ``charge_d_affaires``.
    sending : str
        Code of the state the diplomat represented.
    receiving : str
        Code of the state the diplomat was posted to.
    start : str or None
        Start of the posting (EDTF), where the source gives it.
    end : str or None
        End of the posting (EDTF); None where the source gives no end.
    note : str or None
        Further remarks of the coders.
    sources : tuple of str
        Ids of the sources cited for the posting.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """A diplomatic or consular mission, or a non-resident accreditation (a row of ``missions``).

    Rows say what a source says: an undated "X has an embassy in Ulaanbaatar" is a row with no dates
    and status ``open``; a mission that closed and reopened is two rows.

    Attributes
    ----------
    id : int
        Stable id of the mission.
    sending : str
        Code of the state the mission represents.
    receiving : str
        Code of the state it is accredited to (for every kind but ``accredited_from``, the state it
        stands in).
    kind : str
        From ``mission_kinds``: ``embassy``, ``consulate_general``, ``consulate``,
        ``consular_office``, ``honorary_consulate``, ``representative_office``, ``liaison_office``
        or ``accredited_from`` (covered from an embassy in a third state).
    city : str or None
        The city the mission is in; for ``accredited_from``, the city of the covering embassy.
    accredited_from : str or None
        For ``accredited_from`` only: code of the state whose territory holds the covering embassy.
    status : str
        ``closed`` when the source says the mission closed (dated or not), ``open`` otherwise.
    opened : str or None
        When it opened or the accreditation began (EDTF), where the source dates it.
    closed : str or None
        When it closed (EDTF), where dated.
    as_of : str or None
        The time the source describes (EDTF), where the source dates its own statement; None for an
        undated statement in the present tense.
    note : str or None
        What the coders read into the source (an inferred city, a reopening).
    sources : tuple of str
        Ids of the sources cited for the mission.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """A polity's standing in an international organization (a row of ``memberships``).

    Attributes
    ----------
    id : int
        Stable id of the membership.
    organization : str
        Code of the organization (see ``organizations``).
    polity : str
        Code of the member state.
    status : str
        ``member``, ``founding_member``, ``observer`` or ``partner`` (a participant without
        membership).
    start : str or None
        When the standing began (EDTF); None where no source dates it.
    end : str or None
        When it ended (EDTF); None while it lasts or where unknown.
    note : str or None
        Further remarks of the coders.
    sources : tuple of str
        Ids of the sources cited for the membership.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """One figure of a numeric series, e.g. a year's trade (a row of ``observations``).

    Attributes
    ----------
    id : int
        Stable id of the observation.
    polity : str
        Code of the partner the figure is about.
    reporter : str
        Code of the state whose statistics give the figure (``MNG`` for Mongolia's own).
    indicator : str
        What is measured, from ``indicators``: ``trade_turnover`` is total trade (exports plus
        imports) between Mongolia and the partner.
    period : str
        The period the figure covers (EDTF; a year for annual figures).
    period_start : datetime.date
        First day of the period.
    period_end : datetime.date
        Last day of the period.
    value : float or None
        The figure; None where the source gives none (never 0 for unknown).
    unit : str
        Unit of ``value``, e.g. ``USD million``.
    note : str or None
        Further remarks of the coders.
    sources : tuple of str
        Ids of the sources cited for the figure.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """A state, historical states as themselves, with its codes (a row of ``polities``).

    The USSR (``SUN``) is not Russia (``RUS``), the GDR (``DDR``) is not Germany (``DEU``).

    Attributes
    ----------
    code : str
        Stable code: ISO 3166-1 alpha-3, the withdrawn ISO 3166-3 code of a former state (``SUN``,
        ``DDR``, ``CSK``, ``YUG``), or the dataset's own where ISO has none (``RSF``, ``YAR``,
        ``ROC``).
    name : str
        Common English name.
    official_name : str or None
        Full official name, where useful.
    iso2 : str or None
        ISO 3166-1 alpha-2 (or the withdrawn ISO 3166-3 alpha-2).
    iso3 : str or None
        ISO 3166-1 alpha-3 (or the withdrawn one).
    iso_numeric : int or None
        ISO 3166-1 numeric code (or the withdrawn one).
    iso_withdrawn : bool
        True when the ISO codes are withdrawn ones (ISO 3166-3).
    cow_code : int or None
        Correlates of War state number today or at the state's end (``codes`` has the dated
        history).
    cow_abbrev : str or None
        Correlates of War abbreviation.
    gw_code : int or None
        Gleditsch-Ward state number today or at the state's end.
    start_year : int or None
        First year the state existed as this polity, where a source gives it.
    end_year : int or None
        Last year; None while it exists.
    successor : str or None
        Code of the polity that continued it, where one did.
    is_un_member : bool
        True for the 193 UN members of today.
    note : str or None
        Further remarks of the coders.
    aliases : tuple of str
        Other names and codes that resolve to it in any ``polity=`` filter.
    """

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
    """A person in the data, with every spelling the sources use (a row of ``persons``).

    Attributes
    ----------
    id : int
        Stable id of the person (``person=`` filters take it, or any spelling).
    name : str
        The name as the dataset prints it.
    polity : str or None
        Code of the state the person served.
    names : tuple of str
        Every spelling and romanization the sources use (Kim Il Sung, Kim Il-sung, ...).
    roles : tuple of str
        Offices held, as the sources state them, each as ``role (from-to)``.
    note : str or None
        Further remarks of the coders.
    """

    table: ClassVar[str] = "persons"
    id: int
    name: str
    polity: str | None
    names: tuple[str, ...]
    roles: tuple[str, ...]
    note: str | None


@dataclasses.dataclass(frozen=True)
class Organization(Record):
    """An international organization or forum (a row of ``organizations``).

    Attributes
    ----------
    code : str
        The dataset's code, usually the English acronym (``organization=`` filters take it).
    name : str
        Full English name.
    aliases : tuple of str
        Other names and acronyms that resolve to it.
    """

    table: ClassVar[str] = "organizations"
    key: ClassVar[str] = "code"
    code: str
    name: str
    aliases: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Source(Record):
    """A document facts are taken from (a row of ``sources``).

    Attributes
    ----------
    id : str
        Stable id of the source, as the ``sources`` of every record name it.
    title : str
        Title as the document shows it.
    author : str or None
        Author or editor, where the document shows one.
    publisher : str or None
        Site, agency or publisher, where known.
    kind : str
        What kind of document: ``encyclopedia``, ``scholarly_article``, ``news``, ``blog``,
        ``official``, ``reference`` or ``web_page``.
    url : str or None
        Where it can be read, where known.
    published : str or None
        Publication date (EDTF).
    language : str
        ISO 639-1 code of the text's language.
    sha256 : str or None
        SHA-256 of the text the project holds; None for web pages not held.
    reliability : str
        ``normal``, or ``weak`` for a blog, a mirror, a machine-written text or anniversary
        arithmetic.
    note : str or None
        What is known about the document, in the coders' words.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """The link from a fact row to a source, with a locator (a row of ``citations``).

    Attributes
    ----------
    id : int
        Stable id of the citation.
    source : str
        Id of the source cited.
    source_title : str
        Its title.
    record_table : str
        The table of the cited row (``events``, ``treaties``, ``observations``, ...).
    record_id : str
        The cited row's key (its id, or its code for polities).
    locator : str
        Where in the source the fact stands: a section and paragraph such as ``"§Hopes dashed,
        ¶2"`` for a text the project holds, free text otherwise.
    quote : str or None
        A short phrase of the source (ten words at most) inside the located span, to find it.
    note : str or None
        Further remarks of the coders.
    """

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
    """Sources that disagree, or a text that cannot be right (a row of ``disputes``).

    No side is silently preferred: every claim keeps its sources.

    Attributes
    ----------
    id : int
        Stable id of the dispute.
    topic : str
        What is in dispute, in a few words.
    kind : str
        ``conflict`` (the sources disagree), ``misprint`` (a text contradicts itself or cannot be
        right) or ``precision`` (the values agree and one is more precise).
    note : str
        The disagreement, in the coders' words.
    claims : tuple of dict
        Every side, each a dict with ``id``, ``record_table`` and ``record_id`` (the record it
        concerns, where one), ``property`` (``date``, ``count``, ...), ``value``, ``rank``
        (``preferred``, ``normal`` or ``deprecated``, as Wikidata ranks statements) and ``sources``.
        A list of structs in DataFrames.
    """

    table: ClassVar[str] = "disputes"
    id: int
    topic: str
    kind: str
    note: str
    claims: tuple[dict[str, Any], ...]


@dataclasses.dataclass(frozen=True)
class Coverage(Record):
    """A state of today's world and the earliest cited date of its relations with Mongolia.

    Attributes
    ----------
    polity : str
        Code of the state (every UN member, the Holy See and Palestine).
    name : str
        Its common English name.
    date : str or None
        The earliest cited date of relations (EDTF); None where no source dates them.
    precision : str or None
        How finely that date is known (``day``, ``year``, ...).
    certainty : str or None
        ``stated`` or ``inferred``.
    via : str or None
        The predecessor the date belongs to, when it is not the state itself (``RSF`` for Russia,
        ``DDR`` or ``FRG`` for Germany).
    sources : int
        How many sources cite the date.
    disputed : bool
        True when sources disagree on the date (a ``conflict`` or ``misprint`` dispute); a more
        precise date of agreeing sources is not a disagreement.
    """

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
    """One code a scheme (ISO, COW, G&W) gives a polity, with the days it holds (a row of ``codes``).

    Attributes
    ----------
    id : int
        Stable id of the row.
    polity : str
        Code of the polity the code denotes.
    scheme : str
        The code system: ``iso2``, ``iso3``, ``iso_numeric``, ``cow``, ``cow_abbrev`` or ``gw``.
    code : str
        The code as the scheme writes it (ISO numeric with three digits).
    valid_from : str or None
        First day (EDTF) the scheme's list gives the code to the polity; None where undated (ISO
        assignments).
    valid_to : str or None
        Last day (EDTF); None while the code holds.
    certainty : str
        ``stated``, or ``inferred`` where a boundary day is the dataset's (the note says why).
    note : str or None
        Further remarks of the coders.
    sources : tuple of str
        Ids of the sources cited for the code.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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
    """One member's vote in a UN General Assembly roll call in which Mongolia voted.

    Each row stands beside Mongolia's own vote (``mongolia_vote``). Cited by ``source`` and
    ``locator`` (the cell of the roll call in the source), not through ``citations``.

    Attributes
    ----------
    rcid : int
        The source's roll-call id.
    session : int
        The General Assembly session (16 is 1961-62).
    date : datetime.date
        The day of the vote, as the source gives it.
    symbol : str or None
        The resolution's symbol as the source writes it (``R/16/521``), where it gives one.
    important_vote : bool or None
        True when the US State Department listed it as an important vote; None where the source has
        no flag.
    title : str or None
        The source's short description (upper case, as written).
    issues : tuple of str
        The source's issue codes: ``me`` (Palestinian conflict), ``nu`` (nuclear), ``di``
        (disarmament), ``hr`` (human rights), ``co`` (colonialism), ``ec`` (economic development);
        often none.
    polity : str
        Who voted: the polity holding the seat on the day (``SUN`` to 1991-12-25, then ``RUS``).
    vote : str
        ``yes``, ``no`` or ``abstain`` (an absence is no row).
    mongolia_vote : str
        Mongolia's vote in the same roll call.
    source_country : str
        The source's code of the seat (``RU`` for the USSR and for Russia).
    source : str
        Id of the source of the roll call.
    locator : str
        Where in the source: ``rcid N``.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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

    Cited by ``source`` and ``locator``, not through ``citations``.

    Attributes
    ----------
    polity : str
        The other member: the polity holding the seat on most of the year's roll calls.
    polity_name : str
        Its name.
    year : int
        The calendar year of the roll calls.
    n_votes : int
        Roll calls of the year in which both voted yes, no or abstain; few votes make a noisy year.
    identical_share : float
        Share of those roll calls in which both cast the same vote (0 to 1).
    agreement_index : float
        Mean of ``1 - |a - b|`` with yes = 1, abstain = 0.5, no = 0 (the index of Lijphart and
        Voeten): abstaining against a yes counts half (0 to 1).
    source_country : str
        The source's code of the seat.
    source_name : str
        The source's name of the seat (``Russia`` for the USSR's seat too).
    note : str or None
        Where the seat changed hands within the year, how many roll calls the other holder had.
    source : str
        Id of the source table.
    locator : str
        Where in it: ``country_code XX, year YYYY``.
    dataset : str
        The dataset the row comes from: ``mongolia-relations`` or the name of your extension.
    """

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


# The record class of each query's rows.
RECORD_TYPES: dict[str, type[Record]] = {
    "events": Event,
    "search": Event,
    "treaties": Treaty,
    "postings": Posting,
    "missions": Mission,
    "memberships": Membership,
    "observations": Observation,
    "polities": Polity,
    "persons": Person,
    "organizations": Organization,
    "sources": Source,
    "citations": Citation,
    "disputes": Dispute,
    "disputes_of": Dispute,
    "coverage": Coverage,
    "codes": PolityCode,
    "unga_votes": UngaVote,
    "unga_agreement": UngaAgreement,
}
