//! Which states the data dates relations with, and how well.

use crate::dataset::Dataset;
use crate::error::Result;
use serde::Serialize;

/// One state of today's world (the UN members, the Holy See and Palestine) and the earliest
/// cited relations date the data has for it or for a state it continues.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Coverage {
    /// Polity code.
    pub polity: String,
    /// Name.
    pub name: String,
    /// Earliest relations date (EDTF), `None` where no source dates it.
    pub date: Option<String>,
    /// Its precision.
    pub precision: Option<String>,
    /// `stated` or `inferred`.
    pub certainty: Option<String>,
    /// The polity the date is for, when it is a predecessor (RSF for Russia, DDR/FRG...).
    pub via: Option<String>,
    /// How many sources cite the date.
    pub sources: i64,
    /// Whether sources disagree on it: a claim of a conflict or misprint dispute (see `disputes`);
    /// a more precise date of agreeing sources is not a disagreement.
    pub disputed: bool,
}

impl Dataset {
    /// Relations coverage of every UN member, the Holy See and Palestine.
    pub fn coverage(&self) -> Result<Vec<Coverage>> {
        let sql = "WITH RECURSIVE lineage(polity, ancestor) AS ( \
                 SELECT code, code FROM polities \
                 UNION SELECT l.polity, p.code FROM lineage l JOIN polities p ON p.successor = l.ancestor), \
             dated AS ( \
                 SELECT l.polity, e.id, e.date, e.date_precision, e.certainty, e.date_start, l.ancestor, \
                        (SELECT count(DISTINCT source) FROM citations c WHERE c.record_table = 'events' AND c.record_id = CAST(e.id AS TEXT)) AS n, \
                        row_number() OVER (PARTITION BY l.polity ORDER BY e.date_start, e.id) AS rk \
                 FROM lineage l JOIN event_participants ep ON ep.polity = l.ancestor \
                 JOIN events e ON e.id = ep.event AND e.kind = 'relations_established' \
                 WHERE EXISTS (SELECT 1 FROM event_participants m WHERE m.event = e.id AND m.polity = 'MNG')) \
             SELECT p.code, p.name, d.date, d.date_precision, d.certainty, CASE WHEN d.ancestor <> p.code THEN d.ancestor END, COALESCE(d.n, 0), \
                    EXISTS (SELECT 1 FROM claims c JOIN disputes x ON x.id = c.dispute WHERE x.kind <> 'precision' AND c.record_table = 'events' AND c.record_id = CAST(d.id AS TEXT)) \
             FROM polities p LEFT JOIN dated d ON d.polity = p.code AND d.rk = 1 \
             WHERE (p.is_un_member = 1 OR p.code IN ('VAT', 'PSE')) AND p.code <> 'MNG' ORDER BY p.name";
        self.bounded(None, || {
            let mut stmt = self.connection().prepare_cached(sql)?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(Coverage {
                        polity: r.get(0)?,
                        name: r.get(1)?,
                        date: r.get(2)?,
                        precision: r.get(3)?,
                        certainty: r.get(4)?,
                        via: r.get(5)?,
                        sources: r.get(6)?,
                        disputed: r.get(7)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }
}
