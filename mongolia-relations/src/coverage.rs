//! Which states the data dates relations with, and how well.

use crate::dataset::Dataset;
use crate::error::Result;
use crate::record::FromRow;
use crate::records::Coverage;

impl Dataset {
    /// Relations coverage of every UN member, the Holy See and Palestine.
    pub fn coverage(&self) -> Result<Vec<Coverage>> {
        let sql = format!(
            "WITH RECURSIVE lineage(polity, ancestor) AS ( \
                 SELECT code, code FROM polities \
                 UNION SELECT l.polity, p.code FROM lineage l JOIN polities p ON p.successor = l.ancestor), \
             dated AS ( \
                 SELECT l.polity, e.id, e.date, e.date_precision, e.certainty, e.date_start, l.ancestor, \
                        (SELECT count(DISTINCT source) FROM citations c WHERE c.record_table = 'events' AND c.record_id = CAST(e.id AS TEXT)) AS n, \
                        row_number() OVER (PARTITION BY l.polity ORDER BY e.date_start, e.id) AS rk \
                 FROM lineage l JOIN event_participants ep ON ep.polity = l.ancestor \
                 JOIN events e ON e.id = ep.event AND e.kind = 'relations_established' \
                 WHERE EXISTS (SELECT 1 FROM event_participants m WHERE m.event = e.id AND m.polity = 'MNG')) \
             SELECT {} \
             FROM polities p LEFT JOIN dated d ON d.polity = p.code AND d.rk = 1 \
             WHERE (p.is_un_member = 1 OR p.code IN ('VAT', 'PSE')) AND p.code <> 'MNG' ORDER BY p.name",
            Coverage::select()
        );
        self.bounded(None, || {
            let mut stmt = self.connection().prepare_cached(&sql)?;
            let rows = stmt.query_map([], Coverage::from_row)?.collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }
}
