//! Diplomatic missions: which state keeps an embassy, consulate or non-resident accreditation
//! where (the `missions` table).

use crate::dataset::Dataset;
use crate::error::Result;
use crate::filter::{Filter, Query};
use crate::query::{text, Where};
use crate::record::FromRow;
use crate::records::Mission;

impl Dataset {
    /// Missions: `polity` matches the sending or the receiving state, `sending` and `receiving`
    /// one side only; `kind` is a mission kind (`embassy`, `accredited_from`, ... from the
    /// `mission_kinds` vocabulary); `start`/`end` keep missions that may have been open at some
    /// time in the range, so an undated mission is always kept. Rows come by sending state,
    /// receiving state, kind and opening.
    ///
    /// ```
    /// use mongolia_relations::{Dataset, Filter};
    /// let data = Dataset::embedded().unwrap();
    /// let us = data.missions(&Filter::new().sending("USA").receiving("Mongolia").kind("embassy")).unwrap();
    /// assert_eq!(us[0].city.as_deref(), Some("Ulaanbaatar"));
    /// ```
    pub fn missions(&self, f: &Filter) -> Result<Vec<Mission>> {
        f.check(Query::Missions)?;
        let mut w = Where::default();
        self.sides_where(&mut w, f, "m")?;
        if let Some(k) = &f.kind {
            w.add(
                "m.kind = {}",
                [text(self.check_vocabulary("mission kind", "mission_kinds", "kind", k)?)],
            );
        }
        // A mission closed at an unknown time may still have been open at any later date.
        self.range_where(
            &mut w,
            f,
            "COALESCE(m.opened_start, '0000-01-01')",
            "COALESCE(m.closed_end, '9999-12-31')",
        )?;
        let sql = format!(
            "SELECT {} FROM missions m{} ORDER BY m.sending, m.receiving, m.kind, m.opened_start IS NULL, m.opened_start, m.id",
            Mission::select(),
            w.sql()
        );
        let mut records = self.collect(&sql, &w.params, Mission::from_row)?;
        self.attach_sources("missions", &mut records, |x| x.id.to_string(), |x| &mut x.sources)?;
        Ok(records)
    }
}
