//! Typed records returned by the queries, each defined once (see [`crate::record`]): the
//! struct, its columns and their docs, its SELECT list and row mapping, its Arrow schema and its
//! Python class all come from the definition here. All derive `serde::Serialize`; dates carry
//! the EDTF string as given plus its earliest and latest day.

use crate::record::record;
use chrono::NaiveDate;

// The whole vocabulary of each categorical column, so that a subset's categories are the
// whole table's and frames of two queries concatenate and join.
const POLITIES: &str = "SELECT code FROM polities ORDER BY code";
const ORGANIZATIONS: &str = "SELECT code FROM organizations ORDER BY code";
const SOURCE_IDS: &str = "SELECT id FROM sources ORDER BY id";
const DATASETS: &str = "SELECT DISTINCT dataset FROM sources ORDER BY dataset";
const CERTAINTIES: &str = "VALUES ('inferred'), ('stated')";
const PRECISIONS: &str =
    "VALUES ('day'), ('month'), ('season'), ('quarter'), ('half'), ('year'), ('decade'), ('century'), ('interval'), ('set')";
const EVENT_KINDS: &str = "SELECT kind FROM event_kinds ORDER BY kind";
const EVENT_LEVELS: &str = "SELECT level FROM event_levels ORDER BY level";
const EVENT_CHANNELS: &str = "SELECT channel FROM event_channels ORDER BY channel";
const CAMEO_CODES: &str = "SELECT DISTINCT cameo FROM event_kinds WHERE cameo IS NOT NULL ORDER BY cameo";
const PLOVER_TYPES: &str = "SELECT DISTINCT plover FROM event_kinds WHERE plover IS NOT NULL ORDER BY plover";
const MONGOLIA_ROLES: &str = "VALUES ('host'), ('none'), ('party'), ('third_party')";
const TREATY_KINDS: &str = "SELECT kind FROM treaty_kinds ORDER BY kind";
const START_BASES: &str = "VALUES ('in_force'), ('ratified'), ('signed')";
const IN_FORCE_BASES: &str = "VALUES ('assumed'), ('recorded'), ('term')";
const POSTING_ROLES: &str = "VALUES ('ambassador'), ('charge_d_affaires'), ('counsellor'), ('envoy')";
const MISSION_KINDS: &str = "SELECT kind FROM mission_kinds ORDER BY kind";
const MISSION_STATUSES: &str = "VALUES ('closed'), ('open')";
const MEMBERSHIP_STATUSES: &str = "SELECT status FROM membership_statuses ORDER BY status";
const INDICATORS: &str = "SELECT indicator FROM indicators ORDER BY indicator";
const UNITS: &str = "SELECT DISTINCT unit FROM indicators ORDER BY unit";
const CODE_SCHEMES: &str = "SELECT scheme FROM code_schemes ORDER BY scheme";
const SOURCE_KINDS: &str = "SELECT kind FROM source_kinds ORDER BY kind";
const LANGUAGES: &str = "SELECT DISTINCT language FROM sources ORDER BY language";
const RELIABILITIES: &str = "VALUES ('normal'), ('weak')";
const CITED_TABLES: &str = "VALUES ('claims'), ('events'), ('memberships'), ('missions'), ('observations'), ('person_roles'), \
     ('polities'), ('polity_codes'), ('polity_names'), ('postings'), ('quantities'), ('treaties')";
const UNGA_VOTES: &str = "SELECT vote FROM unga_vote_choices ORDER BY vote";
const UNGA_SEATS: &str = "SELECT DISTINCT source_country FROM unga_agreement ORDER BY source_country";

/// The keys of the panel's indicator series.
pub(crate) const INDICATOR_SERIES: &str = INDICATORS;

record! {
    /// Someone or something taking part in an event.
    #[record(table = "", key = "id", queries = [])]
    pub struct Participant {
        /// `polity`, `person` or `organization`.
        pub kind: String = "CASE WHEN ep.polity IS NOT NULL THEN 'polity' WHEN ep.person IS NOT NULL THEN 'person' ELSE 'organization' END",
        /// The polity code, person id or organization code.
        pub id: String = "COALESCE(ep.polity, CAST(ep.person AS TEXT), ep.organization)",
        /// A readable name.
        pub name: String = "COALESCE(po.name, pe.name, o.name)",
        /// The role (see the `participant_roles` vocabulary).
        pub role: String = "ep.role",
    }
}

record! {
    /// A dated happening in Mongolia's foreign relations (a row of `events` and `search`).
    #[record(table = "events", key = "id", queries = ["events", "search"])]
    pub struct Event {
        /// Stable id of the event (cite it by `citations(("events", id))`).
        pub id: i64 = "e.id",
        /// What happened, from the `event_kinds` vocabulary: `visit`, `treaty_signed`,
        /// `relations_established`, `aid`, `meeting`, ...
        @vocab(EVENT_KINDS)
        pub kind: String = "e.kind",
        /// The date as EDTF, exactly as precise as the source: `"1948-10-15"`, `"1972"`,
        /// `"1972/1973"` (from one year to the next), `"195X"` (a decade).
        pub date: String = "e.date",
        /// The earliest day the date can denote.
        pub start: NaiveDate = "e.date_start",
        /// The latest day the date can denote; equal to `start` only for a day-precise date.
        pub end: NaiveDate = "e.date_end",
        /// How finely the date is known: `day`, `month`, `season`, `quarter`, `half`, `year`,
        /// `decade`, `century`, `interval` or `set`.
        @vocab(PRECISIONS)
        pub precision: String = "e.date_precision",
        /// `stated` when the source gives the date, `inferred` when it was reasoned out (see
        /// `date_note`).
        @vocab(CERTAINTIES)
        pub certainty: String = "e.certainty",
        /// How an inferred date was reached, or the source's own wording of the date.
        pub date_note: Option<String> = "e.date_note",
        /// The city or place where it happened, where known.
        pub place: Option<String> = "e.place",
        /// Code of the state the place was in.
        @vocab(POLITIES)
        pub place_polity: Option<String> = "e.place_polity",
        /// The highest level involved: `head_of_state`, `head_of_government`, `minister`,
        /// `deputy_minister`, `parliament`, `party`, `ambassador`, `official` or `other`.
        @vocab(EVENT_LEVELS)
        pub level: Option<String> = "e.level",
        /// The channel of relations: `state`, `party`, `parliament` or `multilateral`.
        @vocab(EVENT_CHANNELS)
        pub channel: Option<String> = "e.channel",
        /// Id of the treaty a `treaty_*` event concerns (see `treaties`).
        pub treaty: Option<i64> = "e.treaty",
        /// The CAMEO event code closest to the kind (as GDELT and ICEWS code events).
        @vocab(CAMEO_CODES)
        pub cameo: Option<String> = "k.cameo",
        /// The PLOVER event type closest to the kind (as POLECAT codes events).
        @vocab(PLOVER_TYPES)
        pub plover: Option<String> = "k.plover",
        /// What happened, in the dataset's own words.
        pub summary: String = "e.summary",
        /// Further remarks of the coders.
        pub note: Option<String> = "e.note",
        /// Mongolia's part: `party` (a side, a host receiving a visit included), `host` (only the
        /// venue of others meeting), `third_party` (concerned, not a side) or `none` (a context
        /// event between other states).
        @vocab(MONGOLIA_ROLES)
        pub mongolia_role: String = "e.mongolia_role",
        /// Codes of the states taking part.
        pub polities: Vec<String>,
        /// Names of the persons taking part.
        pub persons: Vec<String>,
        /// Codes of the organizations taking part.
        pub organizations: Vec<String>,
        /// Everyone taking part, each as `{"kind": "polity" | "person" | "organization", "id": ...,
        /// "name": ..., "role": ...}` with a role from `participant_roles` (`visitor`, `host`,
        /// `donor`, `recipient`, `actor`, `target`, `party`, ...): the roles tell the direction of
        /// a visit or of aid. A list of structs in DataFrames.
        pub participants: Vec<Participant>,
        /// Ids of the sources cited for the event (see `sources()` and `citations()`).
        pub sources: Vec<String>,
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "e.dataset",
    }
}

record! {
    /// An international instrument (a row of `treaties`) with its lifecycle dates.
    ///
    /// The dates are those of the treaty's `treaty_*` events; a treaty counts as in force on a day
    /// D when `in_force_from <= D < terminated_from`, by the rule `in_force_basis` names (the
    /// `treaty_dates` view in `schema.sql` states it).
    #[record(table = "treaties", key = "id", queries = ["treaties"])]
    pub struct Treaty {
        /// Stable id of the treaty (events of kinds `treaty_*` point to it).
        pub id: i64 = "t.id",
        /// English title (the dataset's translation where the source gives another language).
        pub title: String = "t.title",
        /// The form of the instrument: `treaty`, `agreement`, `protocol`, `convention` or
        /// `declaration`.
        @vocab(TREATY_KINDS)
        pub kind: String = "t.kind",
        /// Codes of the states party to it.
        pub parties: Vec<String> = "(SELECT group_concat(polity, ';') FROM (SELECT polity FROM treaty_parties WHERE treaty = t.id ORDER BY polity))",
        /// Date of signature (EDTF), where recorded.
        pub signed: Option<String> = "d.signed",
        /// Place of signature, where recorded.
        pub signed_place: Option<String> = "d.signed_place",
        /// Date of entry into force (EDTF), where recorded.
        pub in_force: Option<String> = "d.in_force",
        /// Date the instruments of ratification were approved or exchanged (EDTF), where recorded.
        pub ratified: Option<String> = "d.ratified",
        /// Date of termination, denunciation or expiry (EDTF), where recorded.
        pub terminated: Option<String> = "d.terminated",
        /// The first day it is certainly in force: the latest day of its start event (entry into
        /// force, else ratification, else signature; see `start_basis`).
        pub in_force_from: Option<NaiveDate> = "d.in_force_from",
        /// Which event starts it: `in_force`, `ratified` or `signed`; None when none is recorded
        /// (the treaty is never counted in force).
        @vocab(START_BASES)
        pub start_basis: Option<String> = "d.start_basis",
        /// The earliest day it may have ended: of a recorded termination or, failing that, the
        /// expiry of a stated term; None when it is taken to stay in force.
        pub terminated_from: Option<NaiveDate> = "d.terminated_from",
        /// The rule that ends it: `recorded` (a recorded termination), `term` (a stated term runs
        /// out; annual protocols after a year unless renewed) or `assumed` (neither: taken to stay
        /// in force, which no source states); None when it has no start.
        @vocab(IN_FORCE_BASES)
        pub in_force_basis: Option<String> = "d.in_force_basis",
        /// The term in years, where the text states one.
        pub term_years: Option<i64> = "t.term_years",
        /// ISO 639-1 codes of the authentic texts, where stated.
        pub languages: Vec<String> = "t.languages",
        /// Further remarks of the coders.
        pub note: Option<String> = "t.note",
        /// Ids of the sources cited for the treaty.
        pub sources: Vec<String>,
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "t.dataset",
    }
}

record! {
    /// A diplomat, an ambassador above all, sent from one state to another (a row of `postings`).
    #[record(table = "postings", key = "id", queries = ["postings"])]
    pub struct Posting {
        /// Stable id of the posting.
        pub id: i64 = "p.id",
        /// The diplomat's name as the dataset prints it.
        pub person: String = "pe.name",
        /// The diplomat's id in `persons`.
        pub person_id: i64 = "p.person",
        /// `ambassador`, `envoy`, `counsellor` or `charge_d_affaires`.
        @vocab(POSTING_ROLES)
        pub role: String = "p.role",
        /// Code of the state the diplomat represented.
        @vocab(POLITIES)
        pub sending: String = "p.sending",
        /// Code of the state the diplomat was posted to.
        @vocab(POLITIES)
        pub receiving: String = "p.receiving",
        /// Start of the posting (EDTF), where the source gives it.
        pub start: Option<String> = "p.start",
        /// End of the posting (EDTF); None where the source gives no end.
        pub end: Option<String> = r#"p."end""#,
        /// Further remarks of the coders.
        pub note: Option<String> = "p.note",
        /// Ids of the sources cited for the posting.
        pub sources: Vec<String>,
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "p.dataset",
    }
}

record! {
    /// A diplomatic or consular mission, or a non-resident accreditation (a row of `missions`).
    ///
    /// Rows say what a source says: an undated "X has an embassy in Ulaanbaatar" is a row with no
    /// dates and status `open`; a mission that closed and reopened is two rows.
    #[record(table = "missions", key = "id", queries = ["missions"])]
    pub struct Mission {
        /// Stable id of the mission.
        pub id: i64 = "m.id",
        /// Code of the state the mission represents.
        @vocab(POLITIES)
        pub sending: String = "m.sending",
        /// Code of the state it is accredited to (for every kind but `accredited_from`, the state
        /// it stands in).
        @vocab(POLITIES)
        pub receiving: String = "m.receiving",
        /// From `mission_kinds`: `embassy`, `consulate_general`, `consulate`, `consular_office`,
        /// `honorary_consulate`, `representative_office`, `liaison_office` or `accredited_from`
        /// (covered from an embassy in a third state).
        @vocab(MISSION_KINDS)
        pub kind: String = "m.kind",
        /// The city the mission is in; for `accredited_from`, the city of the covering embassy.
        pub city: Option<String> = "m.city",
        /// For `accredited_from` only: code of the state whose territory holds the covering
        /// embassy.
        @vocab(POLITIES)
        pub accredited_from: Option<String> = "m.accredited_from",
        /// `closed` when the source says the mission closed (dated or not), `open` otherwise.
        @vocab(MISSION_STATUSES)
        pub status: String = "m.status",
        /// When it opened or the accreditation began (EDTF), where the source dates it.
        pub opened: Option<String> = "m.opened",
        /// When it closed (EDTF), where dated.
        pub closed: Option<String> = "m.closed",
        /// The time the source describes (EDTF), where the source dates its own statement; None for
        /// an undated statement in the present tense.
        pub as_of: Option<String> = "m.as_of",
        /// What the coders read into the source (an inferred city, a reopening).
        pub note: Option<String> = "m.note",
        /// Ids of the sources cited for the mission.
        pub sources: Vec<String>,
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "m.dataset",
    }
}

record! {
    /// A polity's standing in an international organization (a row of `memberships`).
    #[record(table = "memberships", key = "id", queries = ["memberships"])]
    pub struct Membership {
        /// Stable id of the membership.
        pub id: i64 = "m.id",
        /// Code of the organization (see `organizations`).
        @vocab(ORGANIZATIONS)
        pub organization: String = "m.organization",
        /// Code of the member state.
        @vocab(POLITIES)
        pub polity: String = "m.polity",
        /// `member`, `founding_member`, `observer` or `partner` (a participant without membership).
        @vocab(MEMBERSHIP_STATUSES)
        pub status: String = "m.status",
        /// When the standing began (EDTF); None where no source dates it.
        pub start: Option<String> = "m.start",
        /// When it ended (EDTF); None while it lasts or where unknown.
        pub end: Option<String> = r#"m."end""#,
        /// Further remarks of the coders.
        pub note: Option<String> = "m.note",
        /// Ids of the sources cited for the membership.
        pub sources: Vec<String>,
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "m.dataset",
    }
}

record! {
    /// One figure of a numeric series, e.g. a year's trade (a row of `observations`).
    #[record(table = "observations", key = "id", queries = ["observations"])]
    pub struct Observation {
        /// Stable id of the observation.
        pub id: i64 = "o.id",
        /// Code of the partner the figure is about.
        @vocab(POLITIES)
        pub polity: String = "o.polity",
        /// Code of the state whose statistics give the figure (`MNG` for Mongolia's own).
        @vocab(POLITIES)
        pub reporter: String = "o.reporter",
        /// What is measured, from `indicators`: `trade_turnover` is total trade (exports plus
        /// imports) between Mongolia and the partner.
        @vocab(INDICATORS)
        pub indicator: String = "o.indicator",
        /// The period the figure covers (EDTF; a year for annual figures).
        pub period: String = "o.period",
        /// First day of the period.
        pub period_start: NaiveDate = "o.period_start",
        /// Last day of the period.
        pub period_end: NaiveDate = "o.period_end",
        /// The figure; None where the source gives none (never 0 for unknown).
        pub value: Option<f64> = "o.value",
        /// Unit of `value`, e.g. `USD million`.
        @vocab(UNITS)
        pub unit: String = "o.unit",
        /// Further remarks of the coders.
        pub note: Option<String> = "o.note",
        /// Ids of the sources cited for the figure.
        pub sources: Vec<String>,
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "o.dataset",
    }
}

record! {
    /// A state, historical states as themselves, with its codes (a row of `polities`).
    ///
    /// The USSR (`SUN`) is not Russia (`RUS`), the GDR (`DDR`) is not Germany (`DEU`).
    #[record(table = "polities", key = "code", queries = ["polities"])]
    pub struct Polity {
        /// Stable code: ISO 3166-1 alpha-3, the withdrawn ISO 3166-3 code of a former state (`SUN`,
        /// `DDR`, `CSK`, `YUG`), or the dataset's own where ISO has none (`RSF`, `YAR`, `ROC`).
        pub code: String = "p.code",
        /// Common English name.
        pub name: String = "p.name",
        /// Full official name, where useful.
        pub official_name: Option<String> = "p.official_name",
        /// ISO 3166-1 alpha-2 (or the withdrawn ISO 3166-3 alpha-2).
        pub iso2: Option<String> = "p.iso2",
        /// ISO 3166-1 alpha-3 (or the withdrawn one).
        pub iso3: Option<String> = "p.iso3",
        /// ISO 3166-1 numeric code (or the withdrawn one).
        pub iso_numeric: Option<i64> = "p.iso_numeric",
        /// True when the ISO codes are withdrawn ones (ISO 3166-3).
        pub iso_withdrawn: bool = "p.iso_withdrawn",
        /// Correlates of War state number today or at the state's end (`codes` has the dated
        /// history).
        pub cow_code: Option<i64> = "p.cow_code",
        /// Correlates of War abbreviation.
        pub cow_abbrev: Option<String> = "p.cow_abbrev",
        /// Gleditsch-Ward state number today or at the state's end.
        pub gw_code: Option<i64> = "p.gw_code",
        /// First year the state existed as this polity, where a source gives it.
        pub start_year: Option<i64> = "p.start_year",
        /// Last year; None while it exists.
        pub end_year: Option<i64> = "p.end_year",
        /// Code of the polity that continued it, where one did.
        pub successor: Option<String> = "p.successor",
        /// True for the 193 UN members of today.
        pub is_un_member: bool = "p.is_un_member",
        /// Further remarks of the coders.
        pub note: Option<String> = "p.note",
        /// Other names and codes that resolve to it in any `polity=` filter.
        pub aliases: Vec<String> = "(SELECT group_concat(alias, ';') FROM (SELECT alias FROM polity_aliases WHERE polity = p.code ORDER BY rowid))",
    }
}

record! {
    /// One code a scheme (ISO, COW, G&W) gives a polity, with the days it holds (a row of `codes`).
    #[record(table = "polity_codes", key = "id", queries = ["codes"])]
    pub struct PolityCode {
        /// Stable id of the row.
        pub id: i64 = "c.id",
        /// Code of the polity the code denotes.
        @vocab(POLITIES)
        pub polity: String = "c.polity",
        /// The code system: `iso2`, `iso3`, `iso_numeric`, `cow`, `cow_abbrev` or `gw`.
        @vocab(CODE_SCHEMES)
        pub scheme: String = "c.scheme",
        /// The code as the scheme writes it (ISO numeric with three digits).
        pub code: String = "c.code",
        /// First day (EDTF) the scheme's list gives the code to the polity; None where undated (ISO
        /// assignments).
        pub valid_from: Option<String> = "c.valid_from",
        /// Last day (EDTF); None while the code holds.
        pub valid_to: Option<String> = "c.valid_to",
        /// `stated`, or `inferred` where a boundary day is the dataset's (the note says why).
        @vocab(CERTAINTIES)
        pub certainty: String = "c.certainty",
        /// Further remarks of the coders.
        pub note: Option<String> = "c.note",
        /// Ids of the sources cited for the code.
        pub sources: Vec<String>,
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "c.dataset",
    }
}

record! {
    /// A person in the data, with every spelling the sources use (a row of `persons`).
    #[record(table = "persons", key = "id", queries = ["persons"])]
    pub struct Person {
        /// Stable id of the person (`person=` filters take it, or any spelling).
        pub id: i64 = "p.id",
        /// The name as the dataset prints it.
        pub name: String = "p.name",
        /// Code of the state the person served.
        @vocab(POLITIES)
        pub polity: Option<String> = "p.polity",
        /// Every spelling and romanization the sources use (Kim Il Sung, Kim Il-sung, ...).
        pub names: Vec<String> = "(SELECT group_concat(name, ';') FROM (SELECT name FROM person_names WHERE person = p.id ORDER BY rowid))",
        /// Offices held, as the sources state them, each as `role (from-to)`.
        pub roles: Vec<String> = r#"(SELECT group_concat(role || COALESCE(' (' || COALESCE("from", '') || '–' || COALESCE("to", '') || ')', ''), ';') FROM person_roles WHERE person = p.id)"#,
        /// Further remarks of the coders.
        pub note: Option<String> = "p.note",
    }
}

record! {
    /// An international organization or forum (a row of `organizations`).
    #[record(table = "organizations", key = "code", queries = ["organizations"])]
    pub struct Organization {
        /// The dataset's code, usually the English acronym (`organization=` filters take it).
        pub code: String = "o.code",
        /// Full English name.
        pub name: String = "o.name",
        /// Other names and acronyms that resolve to it.
        pub aliases: Vec<String> = "(SELECT group_concat(alias, ';') FROM organization_aliases WHERE organization = o.code)",
    }
}

record! {
    /// A document facts are taken from (a row of `sources`).
    #[record(table = "sources", key = "id", queries = ["sources"])]
    pub struct Source {
        /// Stable id of the source, as the `sources` of every record name it.
        pub id: String = "id",
        /// Title as the document shows it.
        pub title: String = "title",
        /// Author or editor, where the document shows one.
        pub author: Option<String> = "author",
        /// Site, agency or publisher, where known.
        pub publisher: Option<String> = "publisher",
        /// What kind of document: `encyclopedia`, `scholarly_article`, `news`, `blog`, `official`,
        /// `reference` or `web_page`.
        @vocab(SOURCE_KINDS)
        pub kind: String = "kind",
        /// Where it can be read, where known.
        pub url: Option<String> = "url",
        /// Publication date (EDTF).
        pub published: Option<String> = "published",
        /// ISO 639-1 code of the text's language.
        @vocab(LANGUAGES)
        pub language: String = "language",
        /// SHA-256 of the text the project holds; None for web pages not held.
        pub sha256: Option<String> = "sha256",
        /// `normal`, or `weak` for a blog, a mirror, a machine-written text or anniversary
        /// arithmetic.
        @vocab(RELIABILITIES)
        pub reliability: String = "reliability",
        /// What is known about the document, in the coders' words.
        pub note: Option<String> = "note",
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "dataset",
    }
}

record! {
    /// The link from a fact row to a source, with a locator (a row of `citations`).
    #[record(table = "citations", key = "id", queries = ["citations"])]
    pub struct Citation {
        /// Stable id of the citation.
        pub id: i64 = "c.id",
        /// Id of the source cited.
        pub source: String = "c.source",
        /// Its title.
        pub source_title: String = "s.title",
        /// The table of the cited row (`events`, `treaties`, `observations`, ...).
        @vocab(CITED_TABLES)
        pub record_table: String = "c.record_table",
        /// The cited row's key (its id, or its code for polities).
        pub record_id: String = "c.record_id",
        /// Where in the source the fact stands: a section and paragraph such as `"§Hopes dashed,
        /// ¶2"` for a text the project holds, free text otherwise.
        pub locator: String = "c.locator",
        /// A short phrase of the source (ten words at most) inside the located span, to find it.
        pub quote: Option<String> = "c.quote",
        /// Further remarks of the coders.
        pub note: Option<String> = "c.note",
    }
}

record! {
    /// One side of a dispute.
    #[record(table = "", key = "id", queries = [])]
    pub struct Claim {
        /// Stable id.
        pub id: i64 = "id",
        /// Table of the record concerned.
        pub record_table: Option<String> = "record_table",
        /// Key of the record concerned.
        pub record_id: Option<String> = "record_id",
        /// What the claim is about.
        pub property: String = "property",
        /// The value this side gives.
        pub value: String = "value",
        /// `preferred` (the record carries it: the more precise of agreeing values), `deprecated`
        /// (it cannot be right) or `normal` (no side of a conflict is preferred).
        pub rank: String = "rank",
        /// Ids of the sources making the claim.
        pub sources: Vec<String>,
    }
}

record! {
    /// Sources that disagree, or a text that cannot be right (a row of `disputes`).
    ///
    /// No side is silently preferred: every claim keeps its sources.
    #[record(table = "disputes", key = "id", queries = ["disputes", "disputes_of"])]
    pub struct Dispute {
        /// Stable id of the dispute.
        pub id: i64 = "d.id",
        /// What is in dispute, in a few words.
        pub topic: String = "d.topic",
        /// `conflict` (the sources disagree), `misprint` (a text contradicts itself or cannot be
        /// right) or `precision` (the values agree and one is more precise).
        pub kind: String = "d.kind",
        /// The disagreement, in the coders' words.
        pub note: String = "d.note",
        /// Every side, each a dict with `id`, `record_table` and `record_id` (the record it
        /// concerns, where one), `property` (`date`, `count`, ...), `value`, `rank` (`preferred`,
        /// `normal` or `deprecated`, as Wikidata ranks statements) and `sources`. A list of structs in
        /// DataFrames.
        pub claims: Vec<Claim>,
    }
}

record! {
    /// One member's vote in a UN General Assembly roll call in which Mongolia voted.
    ///
    /// Each row stands beside Mongolia's own vote (`mongolia_vote`). Cited by `source` and
    /// `locator` (the cell of the roll call in the source), not through `citations`.
    #[record(table = "unga_votes", key = "rcid", queries = ["unga_votes"])]
    pub struct UngaVote {
        /// The source's roll-call id.
        pub rcid: i64 = "r.rcid",
        /// The General Assembly session (16 is 1961-62).
        pub session: i64 = "r.session",
        /// The day of the vote, as the source gives it.
        pub date: NaiveDate = "r.date",
        /// The resolution's symbol as the source writes it (`R/16/521`), where it gives one.
        pub symbol: Option<String> = "r.symbol",
        /// True when the US State Department listed it as an important vote; None where the source
        /// has no flag.
        pub important_vote: Option<bool> = "r.important_vote",
        /// The source's short description (upper case, as written).
        pub title: Option<String> = "r.title",
        /// The source's issue codes: `me` (Palestinian conflict), `nu` (nuclear), `di`
        /// (disarmament), `hr` (human rights), `co` (colonialism), `ec` (economic development);
        /// often none.
        pub issues: Vec<String> = "(SELECT group_concat(issue, ';') FROM (SELECT issue FROM unga_roll_call_issues i WHERE i.rcid = r.rcid ORDER BY issue))",
        /// Who voted: the polity holding the seat on the day (`SUN` to 1991-12-25, then `RUS`).
        @vocab(POLITIES)
        pub polity: String = "v.polity",
        /// `yes`, `no` or `abstain` (an absence is no row).
        @vocab(UNGA_VOTES)
        pub vote: String = "v.vote",
        /// Mongolia's vote in the same roll call.
        @vocab(UNGA_VOTES)
        pub mongolia_vote: String = "m.vote",
        /// The source's code of the seat (`RU` for the USSR and for Russia).
        @vocab(UNGA_SEATS)
        pub source_country: String = "v.source_country",
        /// Id of the source of the roll call.
        @vocab(SOURCE_IDS)
        pub source: String = "r.source",
        /// Where in the source: `rcid N`.
        pub locator: String = "r.locator",
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "v.dataset",
    }
}

record! {
    /// How alike Mongolia and another member voted in the UN General Assembly in one year.
    ///
    /// Cited by `source` and `locator`, not through `citations`.
    #[record(table = "unga_agreement", key = "polity", queries = ["unga_agreement"])]
    pub struct UngaAgreement {
        /// The other member: the polity holding the seat on most of the year's roll calls.
        @vocab(POLITIES)
        pub polity: String = "a.polity",
        /// Its name.
        pub polity_name: String = "p.name",
        /// The calendar year of the roll calls.
        pub year: i64 = "a.year",
        /// Roll calls of the year in which both voted yes, no or abstain; few votes make a noisy
        /// year.
        pub n_votes: i64 = "a.n_votes",
        /// Share of those roll calls in which both cast the same vote (0 to 1).
        pub identical_share: f64 = "a.identical_share",
        /// Mean of `1 - |a - b|` with yes = 1, abstain = 0.5, no = 0 (the index of Lijphart and
        /// Voeten): abstaining against a yes counts half (0 to 1).
        pub agreement_index: f64 = "a.agreement_index",
        /// The source's code of the seat.
        @vocab(UNGA_SEATS)
        pub source_country: String = "a.source_country",
        /// The source's name of the seat (`Russia` for the USSR's seat too).
        pub source_name: String = "a.source_name",
        /// Where the seat changed hands within the year, how many roll calls the other holder had.
        pub note: Option<String> = "a.note",
        /// Id of the source table.
        @vocab(SOURCE_IDS)
        pub source: String = "a.source",
        /// Where in it: `country_code XX, year YYYY`.
        pub locator: String = "a.locator",
        /// The dataset the row comes from: `mongolia-relations` or the name of your extension.
        @vocab(DATASETS)
        pub dataset: String = "a.dataset",
    }
}

record! {
    /// A state of today's world and the earliest cited date of its relations with Mongolia.
    #[record(table = "coverage", key = "polity", queries = ["coverage"])]
    pub struct Coverage {
        /// Code of the state (every UN member, the Holy See and Palestine).
        pub polity: String = "p.code",
        /// Its common English name.
        pub name: String = "p.name",
        /// The earliest cited date of relations (EDTF); None where no source dates them.
        pub date: Option<String> = "d.date",
        /// How finely that date is known (`day`, `year`, ...).
        @vocab(PRECISIONS)
        pub precision: Option<String> = "d.date_precision",
        /// `stated` or `inferred`.
        @vocab(CERTAINTIES)
        pub certainty: Option<String> = "d.certainty",
        /// The predecessor the date belongs to, when it is not the state itself (`RSF` for Russia,
        /// `DDR` or `FRG` for Germany).
        pub via: Option<String> = "CASE WHEN d.ancestor <> p.code THEN d.ancestor END",
        /// How many sources cite the date.
        pub sources: i64 = "COALESCE(d.n, 0)",
        /// True when sources disagree on the date (a `conflict` or `misprint` dispute); a more
        /// precise date of agreeing sources is not a disagreement.
        pub disputed: bool = "EXISTS (SELECT 1 FROM claims c JOIN disputes x ON x.id = c.dispute WHERE x.kind <> 'precision' AND c.record_table = 'events' AND c.record_id = CAST(d.id AS TEXT))",
    }
}

/// The result of a raw SQL query.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct SqlRows {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows of JSON values (BLOBs as hex strings).
    pub rows: Vec<Vec<serde_json::Value>>,
}
