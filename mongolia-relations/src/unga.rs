//! UN General Assembly roll calls in which Mongolia voted, with the votes of six other members,
//! and Mongolia's yearly agreement with every member (tables `unga_*`; codebook in schema.sql).

use crate::dataset::Dataset;
use crate::error::Result;
use crate::filter::{Filter, Query};
use crate::query::{date, split_list, text, Where};
use chrono::{Datelike, NaiveDate};
use rusqlite::types::Value;
use serde::Serialize;

/// One member's vote in a roll call in which Mongolia voted, beside Mongolia's own vote (long
/// format: one row per roll call and voter; pivot on `polity` for a column per voter).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UngaVote {
    /// The source's roll-call id.
    pub rcid: i64,
    /// The General Assembly session.
    pub session: i64,
    /// The day of the vote, as the source gives it.
    pub date: NaiveDate,
    /// The resolution's symbol as the source writes it (`R/16/521`), where it gives one.
    pub symbol: Option<String>,
    /// Listed by the US State Department as an important vote; `None` where the source has no flag.
    pub important_vote: Option<bool>,
    /// The source's short description.
    pub title: Option<String>,
    /// The source's issue codes (vocabulary `unga_issues`); often none.
    pub issues: Vec<String>,
    /// Who voted: our polity holding the seat on the day (`SUN` to 1991-12-25, then `RUS`).
    pub polity: String,
    /// `yes`, `no` or `abstain`.
    pub vote: String,
    /// Mongolia's vote in the same roll call.
    pub mongolia_vote: String,
    /// The source's code of the seat (`RU` for the USSR and for Russia).
    pub source_country: String,
    /// The source id of the roll call.
    pub source: String,
    /// Where in the source (`rcid N`).
    pub locator: String,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

/// How alike Mongolia and another member voted in the General Assembly in one calendar year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UngaAgreement {
    /// The other member: our polity holding the seat.
    pub polity: String,
    /// Its name.
    pub polity_name: String,
    /// The calendar year.
    pub year: i64,
    /// Roll calls of the year in which both voted yes, no or abstain.
    pub n_votes: i64,
    /// Share of them where both cast the same vote.
    pub identical_share: f64,
    /// Mean of 1 - |a - b| with yes = 1, abstain = 0.5, no = 0.
    pub agreement_index: f64,
    /// The source's code of the seat.
    pub source_country: String,
    /// The source's name of the seat.
    pub source_name: String,
    /// Where the seat changed hands within the year.
    pub note: Option<String>,
    /// The source id.
    pub source: String,
    /// Where in the source.
    pub locator: String,
    /// The dataset the row comes from (`mongolia-relations` or an extension's name).
    pub dataset: String,
}

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
            "SELECT r.rcid, r.session, r.date, r.symbol, r.important_vote, r.title, \
             (SELECT group_concat(issue, ';') FROM (SELECT issue FROM unga_roll_call_issues i WHERE i.rcid = r.rcid ORDER BY issue)), \
             v.polity, v.vote, m.vote, v.source_country, r.source, r.locator, v.dataset \
             FROM unga_roll_calls r JOIN unga_votes v ON v.rcid = r.rcid JOIN unga_votes m ON m.rcid = r.rcid AND m.polity = 'MNG'{} \
             ORDER BY r.date, r.rcid, v.rowid",
            w.sql()
        );
        self.collect(&sql, &w.params, |r| {
            Ok(UngaVote {
                rcid: r.get(0)?,
                session: r.get(1)?,
                date: date(r, 2)?,
                symbol: r.get(3)?,
                important_vote: r.get::<_, Option<i64>>(4)?.map(|v| v == 1),
                title: r.get(5)?,
                issues: split_list(r.get(6)?),
                polity: r.get(7)?,
                vote: r.get(8)?,
                mongolia_vote: r.get(9)?,
                source_country: r.get(10)?,
                source: r.get(11)?,
                locator: r.get(12)?,
                dataset: r.get(13)?,
            })
        })
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
            "SELECT a.polity, p.name, a.year, a.n_votes, a.identical_share, a.agreement_index, a.source_country, a.source_name, \
             a.note, a.source, a.locator, a.dataset FROM unga_agreement a JOIN polities p ON p.code = a.polity{} ORDER BY a.polity, a.year",
            w.sql()
        );
        self.collect(&sql, &w.params, |r| {
            Ok(UngaAgreement {
                polity: r.get(0)?,
                polity_name: r.get(1)?,
                year: r.get(2)?,
                n_votes: r.get(3)?,
                identical_share: r.get(4)?,
                agreement_index: r.get(5)?,
                source_country: r.get(6)?,
                source_name: r.get(7)?,
                note: r.get(8)?,
                source: r.get(9)?,
                locator: r.get(10)?,
                dataset: r.get(11)?,
            })
        })
    }
}
