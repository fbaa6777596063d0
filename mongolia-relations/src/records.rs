//! Typed records returned by the queries. All derive `serde::Serialize`; dates carry the EDTF
//! string as given plus its earliest and latest day.

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::unga::{UngaAgreement, UngaVote};

/// Someone or something taking part in an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Participant {
    /// `polity`, `person` or `organization`.
    pub kind: String,
    /// The polity code, person id or organization code.
    pub id: String,
    /// A readable name.
    pub name: String,
    /// The role (see the `participant_roles` vocabulary).
    pub role: String,
}

/// A dated happening.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Stable id.
    pub id: i64,
    /// Kind from the `event_kinds` vocabulary.
    pub kind: String,
    /// The date as EDTF, at the precision of the source.
    pub date: String,
    /// Earliest day the date can denote.
    pub start: NaiveDate,
    /// Latest day the date can denote.
    pub end: NaiveDate,
    /// `day`, `month`, `season`, `year`, ... (see [`crate::Precision`]).
    pub precision: String,
    /// `stated` by the source or `inferred` (see `date_note`).
    pub certainty: String,
    /// The reasoning behind an inferred date, or the source's own wording.
    pub date_note: Option<String>,
    /// Where it happened.
    pub place: Option<String>,
    /// The state the place is in.
    pub place_polity: Option<String>,
    /// The highest level involved.
    pub level: Option<String>,
    /// State, party, parliament or multilateral channel.
    pub channel: Option<String>,
    /// The treaty a `treaty_*` event concerns.
    pub treaty: Option<i64>,
    /// CAMEO code of the kind.
    pub cameo: Option<String>,
    /// PLOVER event type of the kind.
    pub plover: Option<String>,
    /// What happened, in the dataset's own words.
    pub summary: String,
    /// Further remarks.
    pub note: Option<String>,
    /// Mongolia's part: `party` (a side), `host` (it only hosts), `third_party` (concerned, not a
    /// side) or `none` (a context event between other states).
    pub mongolia_role: String,
    /// Codes of the polities taking part.
    pub polities: Vec<String>,
    /// Names of the persons taking part.
    pub persons: Vec<String>,
    /// Codes of the organizations taking part.
    pub organizations: Vec<String>,
    /// Everyone taking part, with roles.
    pub participants: Vec<Participant>,
    /// Ids of the sources citing the event.
    pub sources: Vec<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// An international instrument with its lifecycle dates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Treaty {
    /// Stable id.
    pub id: i64,
    /// English title.
    pub title: String,
    /// `treaty`, `agreement`, `protocol`, `convention` or `declaration`.
    pub kind: String,
    /// Codes of the parties.
    pub parties: Vec<String>,
    /// Signature date (EDTF) where recorded.
    pub signed: Option<String>,
    /// Place of signature.
    pub signed_place: Option<String>,
    /// Entry into force (EDTF) where recorded.
    pub in_force: Option<String>,
    /// Exchange or approval of the instruments of ratification (EDTF) where recorded.
    pub ratified: Option<String>,
    /// Termination (EDTF) where recorded.
    pub terminated: Option<String>,
    /// Latest day of the start (entry into force, else signature, else ratification): certainly
    /// in force from here; `None` when no start is recorded (never in force).
    pub in_force_from: Option<NaiveDate>,
    /// Which event dates the start: `in_force`, `signed` or `ratified`.
    pub start_basis: Option<String>,
    /// Earliest day of the end: a recorded termination, else the expiry of a stated term.
    pub terminated_from: Option<NaiveDate>,
    /// The rule by which the treaty counts as in force (see the `treaty_dates` view): `recorded`
    /// (a recorded termination ends it), `term` (a stated term ends it), `assumed` (no end is
    /// known: taken to stay in force); `None` when it has no start.
    pub in_force_basis: Option<String>,
    /// Term in years where stated.
    pub term_years: Option<i64>,
    /// Languages of the authentic texts (ISO 639-1).
    pub languages: Vec<String>,
    /// Further remarks.
    pub note: Option<String>,
    /// Ids of the sources citing the treaty.
    pub sources: Vec<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// A diplomat's posting.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Posting {
    /// Stable id.
    pub id: i64,
    /// The diplomat's name.
    pub person: String,
    /// The diplomat's person id.
    pub person_id: i64,
    /// `ambassador`, `envoy`, `counsellor` or `charge_d_affaires`.
    pub role: String,
    /// The sending state.
    pub sending: String,
    /// The receiving state.
    pub receiving: String,
    /// Start (EDTF) where known.
    pub start: Option<String>,
    /// End (EDTF) where known.
    pub end: Option<String>,
    /// Further remarks.
    pub note: Option<String>,
    /// Ids of the sources.
    pub sources: Vec<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// A diplomatic or consular mission, or a non-resident accreditation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mission {
    /// Stable id.
    pub id: i64,
    /// The state the mission represents.
    pub sending: String,
    /// The state it is accredited to.
    pub receiving: String,
    /// Kind from the `mission_kinds` vocabulary (`embassy`, `consulate_general`,
    /// `honorary_consulate`, `accredited_from`, ...).
    pub kind: String,
    /// The city it is in; for `accredited_from`, the city of the covering embassy.
    pub city: Option<String>,
    /// For `accredited_from`: the state holding the covering embassy.
    pub accredited_from: Option<String>,
    /// `open`, or `closed` when the source says it closed (with or without a date).
    pub status: String,
    /// Opening (EDTF) where known.
    pub opened: Option<String>,
    /// Closing (EDTF) where known.
    pub closed: Option<String>,
    /// The time the source describes (EDTF), where it dates its own statement.
    pub as_of: Option<String>,
    /// Further remarks.
    pub note: Option<String>,
    /// Ids of the sources.
    pub sources: Vec<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// A membership in an international organization.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Membership {
    /// Stable id.
    pub id: i64,
    /// Organization code.
    pub organization: String,
    /// Polity code.
    pub polity: String,
    /// `member`, `founding_member`, `observer` or `partner`.
    pub status: String,
    /// Start (EDTF) where known.
    pub start: Option<String>,
    /// End (EDTF) where known.
    pub end: Option<String>,
    /// Further remarks.
    pub note: Option<String>,
    /// Ids of the sources.
    pub sources: Vec<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// A figure of a numeric series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Observation {
    /// Stable id.
    pub id: i64,
    /// The partner the figure is about.
    pub polity: String,
    /// Whose statistics.
    pub reporter: String,
    /// Indicator code.
    pub indicator: String,
    /// Period (EDTF).
    pub period: String,
    /// First day of the period.
    pub period_start: NaiveDate,
    /// Last day of the period.
    pub period_end: NaiveDate,
    /// The value; `None` where the source gives none.
    pub value: Option<f64>,
    /// Unit of the value.
    pub unit: String,
    /// Further remarks.
    pub note: Option<String>,
    /// Ids of the sources.
    pub sources: Vec<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// A state, historical states included.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Polity {
    /// Stable code (ISO alpha-3, ISO 3166-3, or our own).
    pub code: String,
    /// Common English name.
    pub name: String,
    /// Official name.
    pub official_name: Option<String>,
    /// ISO 3166-1 (or -3) alpha-2.
    pub iso2: Option<String>,
    /// ISO 3166-1 (or -3) alpha-3.
    pub iso3: Option<String>,
    /// ISO numeric code.
    pub iso_numeric: Option<i64>,
    /// Whether the ISO codes are withdrawn (ISO 3166-3).
    pub iso_withdrawn: bool,
    /// Correlates of War state number.
    pub cow_code: Option<i64>,
    /// Correlates of War abbreviation.
    pub cow_abbrev: Option<String>,
    /// Gleditsch–Ward number.
    pub gw_code: Option<i64>,
    /// First year (COW system membership where COW codes it).
    pub start_year: Option<i64>,
    /// Last year, `None` while it exists.
    pub end_year: Option<i64>,
    /// The polity that continued it.
    pub successor: Option<String>,
    /// A UN member today.
    pub is_un_member: bool,
    /// Further remarks.
    pub note: Option<String>,
    /// Names and codes that resolve to it.
    pub aliases: Vec<String>,
}

/// One code a scheme gives a polity, with the days between which it holds (the crosswalk).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolityCode {
    /// Stable id.
    pub id: i64,
    /// The polity the code denotes.
    pub polity: String,
    /// The code system: `iso2`, `iso3`, `iso_numeric`, `cow`, `cow_abbrev` or `gw`.
    pub scheme: String,
    /// The code as the scheme writes it (ISO numeric with three digits).
    pub code: String,
    /// First day (EDTF) the scheme's list gives the code to the polity; `None` where not dated.
    pub valid_from: Option<String>,
    /// Last day (EDTF); `None` while the code holds.
    pub valid_to: Option<String>,
    /// `stated`, or `inferred` where a boundary day is ours (the note says why).
    pub certainty: String,
    /// Further remarks.
    pub note: Option<String>,
    /// Ids of the sources.
    pub sources: Vec<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// A person.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Person {
    /// Stable id.
    pub id: i64,
    /// Name as printed.
    pub name: String,
    /// The state served.
    pub polity: Option<String>,
    /// Every spelling the sources use.
    pub names: Vec<String>,
    /// Offices held, as `role (from–to)`.
    pub roles: Vec<String>,
    /// Further remarks.
    pub note: Option<String>,
}

/// An international organization.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Organization {
    /// Code (acronym).
    pub code: String,
    /// Full name.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
}

/// A document facts are taken from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// Stable id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Author or editor.
    pub author: Option<String>,
    /// Publisher or site.
    pub publisher: Option<String>,
    /// Kind of document.
    pub kind: String,
    /// Where to read it.
    pub url: Option<String>,
    /// Publication date (EDTF).
    pub published: Option<String>,
    /// ISO 639-1 language.
    pub language: String,
    /// SHA-256 of the text held.
    pub sha256: Option<String>,
    /// `normal` or `weak`.
    pub reliability: String,
    /// What is known about it.
    pub note: Option<String>,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// A link from a fact to a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Citation {
    /// Stable id.
    pub id: i64,
    /// Source id.
    pub source: String,
    /// Source title.
    pub source_title: String,
    /// Table of the cited row.
    pub record_table: String,
    /// Key of the cited row.
    pub record_id: String,
    /// Where in the source.
    pub locator: String,
    /// A short identifying phrase from the source.
    pub quote: Option<String>,
    /// Remarks.
    pub note: Option<String>,
}

/// One side of a dispute.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// Stable id.
    pub id: i64,
    /// Table of the record concerned.
    pub record_table: Option<String>,
    /// Key of the record concerned.
    pub record_id: Option<String>,
    /// What the claim is about.
    pub property: String,
    /// The value this side gives.
    pub value: String,
    /// `preferred` (the record carries it: the more precise of agreeing values), `deprecated`
    /// (it cannot be right) or `normal` (no side of a conflict is preferred).
    pub rank: String,
    /// Ids of the sources making the claim.
    pub sources: Vec<String>,
}

/// Sources that disagree, with every side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dispute {
    /// Stable id.
    pub id: i64,
    /// What is disputed.
    pub topic: String,
    /// `conflict` (the sources disagree), `misprint` (a text cannot be right) or `precision` (the
    /// values agree, one is more precise).
    pub kind: String,
    /// The disagreement.
    pub note: String,
    /// The sides.
    pub claims: Vec<Claim>,
}

/// The result of a raw SQL query.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SqlRows {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows of JSON values (BLOBs as hex strings).
    pub rows: Vec<Vec<serde_json::Value>>,
}
