//! UN General Assembly roll calls in which Mongolia voted, with the votes of six other members,
//! and Mongolia's yearly agreement with every member (tables `unga_*`; codebook in schema.sql).

use crate::dataset::Dataset;
use crate::error::Result;
use crate::filter::{Filter, Query};
use crate::query::{text, Where};
use crate::record::FromRow;
use crate::records::{UngaAgreement, UngaVote};
use chrono::Datelike;
use rusqlite::types::Value;

impl Dataset {
    /// Votes in the General Assembly roll calls in which Mongolia voted, each beside Mongolia's
    /// vote, by date, roll call and voter (Mongolia first). `polity` keeps one voter's votes
    /// (Mongolia, the DPRK, the ROK, the USSR, Russia, China, the United States or Japan; any
    /// other is an [`crate::Error::UnknownValue`] listing them), `issue` the roll calls with
    /// that issue code, `start`/`end` the roll calls on those days. An absent member has no row.
    ///
    /// ```
    /// use mongolia_relations::{Dataset, Filter};
    /// let data = Dataset::embedded().unwrap();
    /// let dprk = data.unga_votes(&Filter::new().polity("North Korea").start("2000").end("2000")).unwrap();
    /// assert!(dprk.iter().all(|v| v.polity == "PRK" && v.date.to_string().starts_with("2000")));
    /// assert!(dprk.iter().filter(|v| v.vote == v.mongolia_vote).count() > dprk.len() / 2);
    /// ```
    pub fn unga_votes(&self, f: &Filter) -> Result<Vec<UngaVote>> {
        f.check(Query::UngaVotes)?;
        let mut w = Where::default();
        let voters = f
            .polity
            .iter()
            .map(|p| {
                let code = self.resolve_polity(p)?;
                self.check_vocabulary(
                    "UN General Assembly voter",
                    "(SELECT DISTINCT polity FROM unga_votes)",
                    "polity",
                    &code,
                )
            })
            .collect::<Result<Vec<_>>>()?;
        self.any_code(&mut w, &voters, "v.polity = {}");
        if let Some(i) = &f.issue {
            let issue = self.check_vocabulary("UN General Assembly issue", "unga_issues", "issue", i)?;
            w.add("r.rcid IN (SELECT rcid FROM unga_roll_call_issues WHERE issue = {})", [text(issue)]);
        }
        let (start, end) = f.date_bounds()?;
        if let Some(s) = start {
            w.add("r.date >= {}", [text(s.to_string())]);
        }
        if let Some(e) = end {
            w.add("r.date <= {}", [text(e.to_string())]);
        }
        let sql = format!(
            "SELECT {} FROM unga_roll_calls r JOIN unga_votes v ON v.rcid = r.rcid JOIN unga_votes m ON m.rcid = r.rcid AND m.polity = 'MNG'{} \
             ORDER BY r.date, r.rcid, v.rowid",
            UngaVote::select(),
            w.sql()
        );
        self.collect(&sql, &w.params, UngaVote::from_row)
    }

    /// Mongolia's yearly agreement with other members of the General Assembly, by polity and
    /// year. `polity` keeps one member (the USSR and Russia are two: the source's `Russia` seat
    /// is the USSR's to 1991); `start`/`end` keep the years they touch.
    ///
    /// ```
    /// use mongolia_relations::{Dataset, Filter};
    /// let data = Dataset::embedded().unwrap();
    /// let ussr = data.unga_agreement(&Filter::new().polity("USSR")).unwrap();
    /// assert_eq!((ussr[0].year, ussr.last().unwrap().year), (1961, 1991));
    /// assert!(ussr.iter().all(|a| a.source_country == "RU"));
    /// ```
    pub fn unga_agreement(&self, f: &Filter) -> Result<Vec<UngaAgreement>> {
        f.check(Query::UngaAgreement)?;
        let mut w = Where::default();
        self.polity_where(&mut w, f, "a.polity = {}")?;
        let (start, end) = f.date_bounds()?;
        if let Some(s) = start {
            w.add("a.year >= {}", [Value::Integer(s.year().into())]);
        }
        if let Some(e) = end {
            w.add("a.year <= {}", [Value::Integer(e.year().into())]);
        }
        let sql = format!(
            "SELECT {} FROM unga_agreement a JOIN polities p ON p.code = a.polity{} ORDER BY a.polity, a.year",
            UngaAgreement::select(),
            w.sql()
        );
        self.collect(&sql, &w.params, UngaAgreement::from_row)
    }
}
