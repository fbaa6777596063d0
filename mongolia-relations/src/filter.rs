//! Query filters, shared by every query, the command line and the Python bindings.
//!
//! [`Query::filters`] is the one list of which filters apply to which query: the queries refuse
//! the others ([`Error::FilterNotApplicable`]), the command line makes each subcommand's flags
//! from it, and the Python bindings check their arguments against it.

use crate::dates::PartialDate;
use crate::error::{Error, Result};
use chrono::NaiveDate;

/// Filters for the queries. Every field is optional; unset fields do not filter. Each query
/// takes only the filters [`Query::filters`] lists for it and refuses the others.
///
/// Dates are EDTF strings: `start` keeps records whose date may fall on or after the first day
/// of `start`, `end` those whose date may fall on or before the last day of `end` (so `1986`
/// as both start and end keeps everything that can be in 1986). The setters also take a year
/// (`1986`) or a [`NaiveDate`].
///
/// ```
/// use mongolia_relations::{Dataset, Filter};
/// let data = Dataset::embedded().unwrap();
/// let treaties = data.events(&Filter::new().polity("DPRK").kind("treaty_signed").start(1986).end("1986")).unwrap();
/// assert!(treaties.iter().any(|e| e.summary.contains("twenty years")));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Polities, each by code (ISO alpha-2 or alpha-3, a former ISO code, our code), name, alias,
    /// COW number (`731` or `cow:731`), Gleditsch-Ward number (`gw:731`) or ISO numeric
    /// (`iso:408`); a record matching any of them is kept. Events and treaties: the dyad of
    /// Mongolia and this polity (both take part as sides, or Mongolia hosts), unless `context`
    /// is set. The panel: these partners.
    pub polity: Vec<String>,
    /// Events and treaties: also the records Mongolia takes no part in (context: a war, a treaty
    /// between others, a recognition by a third state), marked by `mongolia_role` (events) or by
    /// their parties (treaties). Without it, events and treaties are Mongolia's own.
    pub context: bool,
    /// Events and treaties: those in which this polity takes part, whatever Mongolia's part
    /// (implies `context` for this polity; any form `polity` accepts).
    pub involving: Option<String>,
    /// Events only: the highest level involved, from the `event_levels` vocabulary
    /// (`head_of_state`, `head_of_government`, `minister`, `party`, ...); events whose level the
    /// sources leave uncoded never match.
    pub level: Option<String>,
    /// Events only: the channel, from the `event_channels` vocabulary (`state`, `party`,
    /// `parliament`, `multilateral`).
    pub channel: Option<String>,
    /// An event kind, treaty kind, membership status or mission kind, depending on the query.
    pub kind: Option<String>,
    /// The code crosswalk only: the code system (`iso2`, `iso3`, `iso_numeric`, `cow`,
    /// `cow_abbrev`, `gw`).
    pub scheme: Option<String>,
    /// Earliest date (EDTF).
    pub start: Option<String>,
    /// Latest date (EDTF).
    pub end: Option<String>,
    /// A person by id or any spelling of the name.
    pub person: Option<String>,
    /// An organization by code or name.
    pub organization: Option<String>,
    /// Treaties only: in force on this day (EDTF; its first day is used).
    pub in_force_on: Option<String>,
    /// Observations only: the indicator code.
    pub indicator: Option<String>,
    /// Events only: a CAMEO code or prefix (`05` matches `054` and `057`).
    pub cameo: Option<String>,
    /// Events only: a PLOVER event type.
    pub plover: Option<String>,
    /// Postings and missions: the sending state (any form `polity` accepts).
    pub sending: Option<String>,
    /// Postings and missions: the receiving state (any form `polity` accepts).
    pub receiving: Option<String>,
    /// UN General Assembly votes only: an issue code of the `unga_issues` vocabulary (`hr`, `nu`...).
    pub issue: Option<String>,
    /// The dyad-year panel only: two rows per partner-year (Mongolia→X, then X→Mongolia).
    pub directed: bool,
}

/// One or more polities, as [`Filter::polity`] takes them: a code or name, a COW number, or a
/// list of these.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Polities(pub Vec<String>);

impl From<&str> for Polities {
    fn from(p: &str) -> Self {
        Polities(vec![p.to_string()])
    }
}
impl From<String> for Polities {
    fn from(p: String) -> Self {
        Polities(vec![p])
    }
}
impl From<&String> for Polities {
    fn from(p: &String) -> Self {
        Polities(vec![p.clone()])
    }
}
impl From<i64> for Polities {
    /// A COW number.
    fn from(cow: i64) -> Self {
        Polities(vec![cow.to_string()])
    }
}
impl From<i32> for Polities {
    /// A COW number.
    fn from(cow: i32) -> Self {
        Polities(vec![cow.to_string()])
    }
}
impl<T: Into<Polities>> From<Vec<T>> for Polities {
    fn from(list: Vec<T>) -> Self {
        Polities(list.into_iter().flat_map(|p| p.into().0).collect())
    }
}
impl<T: Into<Polities> + Clone> From<&[T]> for Polities {
    fn from(list: &[T]) -> Self {
        list.to_vec().into()
    }
}
impl<T: Into<Polities>, const N: usize> From<[T; N]> for Polities {
    fn from(list: [T; N]) -> Self {
        Vec::from(list).into()
    }
}

/// A date bound as [`Filter::start`] and [`Filter::end`] take it: an EDTF string (`"1986"`,
/// `"1988-06"`, `"1948-10-15"`), a year (`1986`) or a [`NaiveDate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateBound(pub String);

impl From<&str> for DateBound {
    fn from(d: &str) -> Self {
        DateBound(d.to_string())
    }
}
impl From<String> for DateBound {
    fn from(d: String) -> Self {
        DateBound(d)
    }
}
impl From<&String> for DateBound {
    fn from(d: &String) -> Self {
        DateBound(d.clone())
    }
}
impl From<i32> for DateBound {
    /// A year, written as EDTF writes it (four digits at least).
    fn from(year: i32) -> Self {
        DateBound(if year < 0 {
            format!("-{:04}", year.unsigned_abs())
        } else {
            format!("{year:04}")
        })
    }
}
impl From<NaiveDate> for DateBound {
    fn from(day: NaiveDate) -> Self {
        DateBound(day.format("%Y-%m-%d").to_string())
    }
}

/// The form of a filter's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FilterValue {
    /// One or more polities (a code, a name, a COW number, or a list).
    Polities,
    /// A date: a year, an EDTF string or a day.
    Date,
    /// A name, code or id.
    Text,
    /// Yes or no (a flag on the command line).
    Flag,
}

macro_rules! filters {
    ($($variant:ident $name:literal $value:ident $help:literal;)*) => {
        /// A filter by its one name (the same in Rust, on the command line and in Python).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum FilterName {
            $(
                #[doc = $help]
                $variant,
            )*
        }

        impl FilterName {
            /// Every filter.
            pub const ALL: &'static [FilterName] = &[$(FilterName::$variant),*];

            /// The name: the field of [`Filter`], the Python keyword, the command-line flag
            /// (`_` written `-`).
            pub fn name(self) -> &'static str {
                match self {
                    $(FilterName::$variant => $name,)*
                }
            }

            /// The form its value takes.
            pub fn value(self) -> FilterValue {
                match self {
                    $(FilterName::$variant => FilterValue::$value,)*
                }
            }

            /// What it keeps, whatever the query (the command line's help, unless
            /// [`FilterName::help_in`] says more).
            pub fn help(self) -> &'static str {
                match self {
                    $(FilterName::$variant => $help,)*
                }
            }
        }
    };
}

filters! {
    Polity "polity" Polities "Polity: ISO code, our code, name or alias (\"North Korea\", \"DPRK\", \"PRK\", \"KP\"), COW number, gw:NNN, iso:NNN; repeat for any of several";
    Kind "kind" Text "Event kind, treaty kind, membership status or mission kind";
    Scheme "scheme" Text "The code system: iso2, iso3, iso_numeric, cow, cow_abbrev or gw";
    Start "start" Date "Earliest date (a year or EDTF: 1986, 1988-06, 1948-10-15)";
    End "end" Date "Latest date (a year or EDTF)";
    Person "person" Text "Person: any spelling of the name, or the id";
    Organization "organization" Text "Organization: code or name";
    Sending "sending" Text "Only those sent by this state (its diplomats, its missions)";
    Receiving "receiving" Text "Only those sent to this state";
    Context "context" Flag "Also the records Mongolia takes no part in (context), marked by mongolia_role";
    Involving "involving" Text "Those a polity takes part in, whatever Mongolia's part (any form --polity takes)";
    Level "level" Text "Highest level involved: head_of_state, head_of_government, minister, party, ..";
    Channel "channel" Text "Channel: state, party, parliament or multilateral";
    Cameo "cameo" Text "CAMEO code or prefix";
    Plover "plover" Text "PLOVER event type";
    InForceOn "in_force_on" Date "Only those in force on this day (a year or EDTF)";
    Indicator "indicator" Text "Indicator code";
    Issue "issue" Text "The source's issue code: me, nu, di, hr, co or ec";
    Directed "directed" Flag "Two rows per partner-year, Mongolia→X and X→Mongolia (ccode1/ccode2 as peacesciencer)";
}

/// A query that takes a [`Filter`], by its one name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Query {
    /// [`crate::Dataset::events`].
    Events,
    /// [`crate::Dataset::treaties`].
    Treaties,
    /// [`crate::Dataset::postings`].
    Postings,
    /// [`crate::Dataset::missions`].
    Missions,
    /// [`crate::Dataset::memberships`].
    Memberships,
    /// [`crate::Dataset::observations`].
    Observations,
    /// [`crate::Dataset::polities`].
    Polities,
    /// [`crate::Dataset::codes`].
    Codes,
    /// [`crate::Dataset::persons`].
    Persons,
    /// [`crate::Dataset::organizations`].
    Organizations,
    /// [`crate::Dataset::disputes`].
    Disputes,
    /// [`crate::Dataset::unga_votes`].
    UngaVotes,
    /// [`crate::Dataset::unga_agreement`].
    UngaAgreement,
    /// [`crate::Dataset::dyad_years`], the dyad-year panel.
    DyadYears,
}

impl Query {
    /// Every query that takes a filter.
    pub const ALL: &'static [Query] = &[
        Query::Events,
        Query::Treaties,
        Query::Postings,
        Query::Missions,
        Query::Memberships,
        Query::Observations,
        Query::Polities,
        Query::Codes,
        Query::Persons,
        Query::Organizations,
        Query::Disputes,
        Query::UngaVotes,
        Query::UngaAgreement,
        Query::DyadYears,
    ];

    /// The name: the method of [`crate::Dataset`], the Python function, the command-line
    /// subcommand (`_` written `-`).
    pub fn name(self) -> &'static str {
        match self {
            Query::Events => "events",
            Query::Treaties => "treaties",
            Query::Postings => "postings",
            Query::Missions => "missions",
            Query::Memberships => "memberships",
            Query::Observations => "observations",
            Query::Polities => "polities",
            Query::Codes => "codes",
            Query::Persons => "persons",
            Query::Organizations => "organizations",
            Query::Disputes => "disputes",
            Query::UngaVotes => "unga_votes",
            Query::UngaAgreement => "unga_agreement",
            Query::DyadYears => "dyad_years",
        }
    }

    /// The position of the query in [`Query::ALL`] (a constant, for generic parameters).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The query of this name (`events`, `dyad_years`; `-` for `_` as on the command line).
    pub fn named(name: &str) -> Option<Query> {
        let name = name.replace('-', "_");
        Query::ALL.iter().copied().find(|q| q.name() == name)
    }

    /// The filters this query takes, in the order its documentation gives them: the one list
    /// of which filter applies where.
    pub fn filters(self) -> &'static [FilterName] {
        use FilterName::*;
        match self {
            Query::Events => &[
                Polity,
                Kind,
                Start,
                End,
                Person,
                Organization,
                Cameo,
                Plover,
                Context,
                Involving,
                Level,
                Channel,
            ],
            Query::Treaties => &[Polity, Kind, Start, End, InForceOn, Context, Involving],
            Query::Postings => &[Polity, Start, End, Person, Sending, Receiving],
            Query::Missions => &[Polity, Kind, Start, End, Sending, Receiving],
            Query::Memberships => &[Polity, Organization, Kind, Start, End],
            Query::Observations => &[Polity, Indicator, Start, End],
            Query::Polities => &[Polity],
            Query::Codes => &[Polity, Scheme, Start, End],
            Query::Persons => &[Person, Polity],
            Query::Organizations => &[Organization],
            Query::Disputes => &[Polity],
            Query::UngaVotes => &[Polity, Start, End, Issue],
            Query::UngaAgreement => &[Polity, Start, End],
            Query::DyadYears => &[Start, End, Polity, Directed],
        }
    }
}

impl FilterName {
    /// What it keeps in `query`: its meaning there where that differs from [`FilterName::help`]
    /// (`kind` is an event kind for events, a status for memberships).
    pub fn help_in(self, query: Query) -> &'static str {
        match (self, query) {
            (FilterName::Kind, Query::Events) => {
                "Event kind (event_kinds): visit, meeting, treaty_signed, relations_established, aid, statement, ..."
            }
            (FilterName::Kind, Query::Treaties) => "Treaty kind: treaty, agreement, protocol, convention or declaration",
            (FilterName::Kind, Query::Missions) => {
                "Mission kind: embassy, consulate_general, consulate, honorary_consulate, accredited_from, ..."
            }
            (FilterName::Kind, Query::Memberships) => "Membership status: member, founding_member, observer or partner",
            (FilterName::Polity, Query::DyadYears) => "Only this partner (repeatable), in any form --polity takes elsewhere",
            (FilterName::Polity, Query::UngaVotes) => "Whose votes (repeatable), in any form --polity takes elsewhere",
            (FilterName::Start, Query::DyadYears) => "First year: a year, or an EDTF date in it (default 1921)",
            (FilterName::End, Query::DyadYears) => "Last year: a year, or an EDTF date in it (default: the latest year of the data)",
            _ => self.help(),
        }
    }
}

macro_rules! setter {
    ($($name:ident),*) => {$(
        #[doc = concat!("Sets `", stringify!($name), "`.")]
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = Some(value.into());
            self
        }
    )*};
}

impl Filter {
    /// A filter that keeps everything.
    pub fn new() -> Filter {
        Filter::default()
    }

    setter!(
        kind,
        scheme,
        person,
        organization,
        indicator,
        cameo,
        plover,
        sending,
        receiving,
        issue,
        involving,
        level,
        channel
    );

    /// Adds polities to `polity`: a code or name, a COW number, or a list of them.
    pub fn polity(mut self, polities: impl Into<Polities>) -> Self {
        self.polity.extend(polities.into().0);
        self
    }

    /// Sets `start`: a year, an EDTF string or a day.
    pub fn start(mut self, date: impl Into<DateBound>) -> Self {
        self.start = Some(date.into().0);
        self
    }

    /// Sets `end`: a year, an EDTF string or a day.
    pub fn end(mut self, date: impl Into<DateBound>) -> Self {
        self.end = Some(date.into().0);
        self
    }

    /// Sets `in_force_on`: a year, an EDTF string or a day.
    pub fn in_force_on(mut self, date: impl Into<DateBound>) -> Self {
        self.in_force_on = Some(date.into().0);
        self
    }

    /// Sets `context`: also the records Mongolia takes no part in.
    pub fn context(mut self, yes: bool) -> Self {
        self.context = yes;
        self
    }

    /// Sets `directed`: two panel rows per partner-year.
    pub fn directed(mut self, yes: bool) -> Self {
        self.directed = yes;
        self
    }

    /// Sets the filter `name` from its text (a polity is added to the list; a flag is set by
    /// `true`, cleared by `false`), as the command line and the Python bindings give it.
    pub fn set(&mut self, name: FilterName, value: &str) -> Result<()> {
        use FilterName::*;
        let text = Some(value.to_string());
        match name {
            Polity => self.polity.push(value.to_string()),
            Context | Directed => {
                let yes = match value {
                    "true" => true,
                    "false" => false,
                    other => {
                        return Err(Error::InvalidInput {
                            field: name.name(),
                            reason: format!("{other:?} is not true or false"),
                        })
                    }
                };
                *(if name == Context { &mut self.context } else { &mut self.directed }) = yes;
            }
            Kind => self.kind = text,
            Scheme => self.scheme = text,
            Start => self.start = text,
            End => self.end = text,
            Person => self.person = text,
            Organization => self.organization = text,
            Sending => self.sending = text,
            Receiving => self.receiving = text,
            Involving => self.involving = text,
            Level => self.level = text,
            Channel => self.channel = text,
            Cameo => self.cameo = text,
            Plover => self.plover = text,
            InForceOn => self.in_force_on = text,
            Indicator => self.indicator = text,
            Issue => self.issue = text,
        }
        Ok(())
    }

    /// Whether the filter `name` narrows anything.
    pub fn is_set(&self, name: FilterName) -> bool {
        use FilterName::*;
        match name {
            Polity => !self.polity.is_empty(),
            Context => self.context,
            Directed => self.directed,
            Kind => self.kind.is_some(),
            Scheme => self.scheme.is_some(),
            Start => self.start.is_some(),
            End => self.end.is_some(),
            Person => self.person.is_some(),
            Organization => self.organization.is_some(),
            Sending => self.sending.is_some(),
            Receiving => self.receiving.is_some(),
            Involving => self.involving.is_some(),
            Level => self.level.is_some(),
            Channel => self.channel.is_some(),
            Cameo => self.cameo.is_some(),
            Plover => self.plover.is_some(),
            InForceOn => self.in_force_on.is_some(),
            Indicator => self.indicator.is_some(),
            Issue => self.issue.is_some(),
        }
    }

    /// Refuses a filter set here that `query` does not take
    /// ([`Error::FilterNotApplicable`], naming the filters it takes).
    ///
    /// ```
    /// use mongolia_relations::{Error, Filter, Query};
    /// let f = Filter::new().kind("visit");
    /// assert!(f.check(Query::Events).is_ok());
    /// assert!(matches!(f.check(Query::Polities), Err(Error::FilterNotApplicable { filter: "kind", .. })));
    /// ```
    pub fn check(&self, query: Query) -> Result<()> {
        let accepted = query.filters();
        match FilterName::ALL.iter().find(|n| self.is_set(**n) && !accepted.contains(n)) {
            None => Ok(()),
            Some(name) => Err(Error::FilterNotApplicable {
                query: query.name(),
                filter: name.name(),
                accepted: accepted.iter().map(|n| n.name()).collect(),
            }),
        }
    }

    /// The date bounds of `start` and `end`, checked.
    pub fn date_bounds(&self) -> Result<(Option<NaiveDate>, Option<NaiveDate>)> {
        let start = parse(self.start.as_deref(), "start")?.map(|d| d.start());
        let end = parse(self.end.as_deref(), "end")?.map(|d| d.end());
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                return Err(Error::InvertedRange {
                    start: self.start.clone().unwrap_or_default(),
                    end: self.end.clone().unwrap_or_default(),
                });
            }
        }
        Ok((start, end))
    }
}

pub(crate) fn parse(text: Option<&str>, field: &'static str) -> Result<Option<PartialDate>> {
    match text {
        None => Ok(None),
        Some(t) => {
            crate::guard::check_text(field, t, 64)?;
            PartialDate::parse(t).map(Some).map_err(|e| Error::InvalidDate {
                field,
                input: e.input,
                reason: e.reason,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_filter_applies_to_some_query() {
        for name in FilterName::ALL {
            assert!(Query::ALL.iter().any(|q| q.filters().contains(name)), "{name:?} applies nowhere");
        }
    }

    #[test]
    fn every_query_is_at_its_index() {
        for (i, q) in Query::ALL.iter().enumerate() {
            assert_eq!(q.index(), i);
            assert_eq!(Query::named(q.name()), Some(*q));
        }
    }

    #[test]
    fn set_by_name_sets_the_field_is_set_reads() {
        for name in FilterName::ALL {
            let mut f = Filter::new();
            let value = if name.value() == FilterValue::Flag { "true" } else { "x" };
            f.set(*name, value).unwrap();
            assert!(f.is_set(*name), "{name:?}");
            assert_eq!(FilterName::ALL.iter().filter(|n| f.is_set(**n)).count(), 1, "{name:?} sets another");
        }
    }

    #[test]
    fn a_year_a_string_and_a_day_give_the_same_bound() {
        let day = NaiveDate::from_ymd_opt(1986, 1, 1).unwrap();
        assert_eq!(Filter::new().start(1986).start, Some("1986".into()));
        assert_eq!(Filter::new().start(day).start, Some("1986-01-01".into()));
        assert_eq!(Filter::new().end(5).end, Some("0005".into()));
    }

    #[test]
    fn polity_takes_a_name_a_number_or_a_list() {
        let f = Filter::new().polity("PRK").polity(731).polity(["KOR", "CHN"]);
        assert_eq!(f.polity, ["PRK", "731", "KOR", "CHN"]);
    }

    #[test]
    fn a_filter_outside_the_query_is_refused_with_the_ones_it_takes() {
        let err = Filter::new().person("Sambuu").check(Query::Polities).unwrap_err();
        assert!(matches!(
            &err,
            Error::FilterNotApplicable { query: "polities", filter: "person", accepted } if accepted == &["polity"]
        ));
        assert_eq!(err.to_string(), "polities takes no person filter; it takes polity");
    }
}
