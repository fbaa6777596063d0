//! Query filters, shared by every query, the command line and the Python bindings.

use crate::dates::PartialDate;
use crate::error::{Error, Result};
use chrono::NaiveDate;

/// Filters for the queries. Every field is optional; unset fields do not filter.
///
/// Dates are EDTF strings: `start` keeps records whose date may fall on or after the first day
/// of `start`, `end` those whose date may fall on or before the last day of `end` (so `1986`
/// as both start and end keeps everything that can be in 1986).
///
/// ```
/// use mongolia_relations::{Dataset, Filter};
/// let data = Dataset::embedded().unwrap();
/// let treaties = data.events(&Filter::new().polity("DPRK").kind("treaty_signed").start("1986").end("1986")).unwrap();
/// assert!(treaties.iter().any(|e| e.summary.contains("twenty years")));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A polity by code (ISO alpha-2 or alpha-3, a former ISO code, our code), name, alias, COW
    /// number (`731` or `cow:731`), Gleditsch-Ward number (`gw:731`) or ISO numeric (`iso:408`).
    /// Events and treaties: the dyad of Mongolia and this polity (both take part as sides, or
    /// Mongolia hosts), unless `context` is set.
    pub polity: Option<String>,
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
        polity,
        kind,
        start,
        end,
        person,
        organization,
        in_force_on,
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

    /// Sets `context`: also the records Mongolia takes no part in.
    pub fn context(mut self, yes: bool) -> Self {
        self.context = yes;
        self
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
