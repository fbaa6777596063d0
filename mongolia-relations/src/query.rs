//! The queries: one per entity, all taking a [`Filter`].

use crate::dataset::Dataset;
use crate::error::Result;
use crate::filter::{parse, Filter, Query};
use crate::record::FromRow;
use crate::records::*;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params_from_iter, Row};
use std::collections::HashMap;

/// A WHERE clause under construction.
#[derive(Default)]
pub(crate) struct Where {
    clauses: Vec<String>,
    pub(crate) params: Vec<Value>,
}

impl Where {
    /// Adds `clause`, its `{}` placeholders numbered in turn for `values`.
    pub(crate) fn add(&mut self, clause: &str, values: impl IntoIterator<Item = Value>) {
        use std::fmt::Write;
        let mut out = String::with_capacity(clause.len() + 8);
        let mut values = values.into_iter();
        let mut rest = clause;
        while let Some(at) = rest.find("{}") {
            out.push_str(&rest[..at]);
            match values.next() {
                Some(v) => {
                    self.params.push(v);
                    let _ = write!(out, "?{}", self.params.len());
                }
                None => out.push_str("{}"),
            }
            rest = &rest[at + 2..];
        }
        out.push_str(rest);
        self.params.extend(values);
        self.clauses.push(out);
    }

    /// Whether no clause narrows the query.
    pub(crate) fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    pub(crate) fn sql(&self) -> String {
        if self.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.clauses.join(" AND "))
        }
    }
}

pub(crate) fn text(v: String) -> Value {
    Value::Text(v)
}

pub(crate) fn date(row: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let s: String = row.get(idx)?;
    s.parse()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

/// `text` as a LIKE pattern matching itself only (with `ESCAPE '\\'`).
fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Column names made unique, as a result with two `id` columns would lose one in every
/// name-keyed form (JSON objects, data frames): the second becomes `id_2`, and so on.
fn unique_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let mut candidate = name.to_string();
        let mut n = 1;
        while out.contains(&candidate) {
            n += 1;
            candidate = format!("{name}_{n}");
        }
        out.push(candidate);
    }
    out
}

pub(crate) fn split_list(s: Option<String>) -> Vec<String> {
    s.map(|s| s.split(';').map(str::to_string).filter(|x| !x.is_empty()).collect())
        .unwrap_or_default()
}

impl Dataset {
    pub(crate) fn collect<T>(&self, sql: &str, params: &[Value], map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
        self.bounded(None, || {
            let mut stmt = self.connection().prepare_cached(sql)?;
            let rows = stmt
                .query_map(params_from_iter(params.iter()), map)?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// Source ids citing the rows `ids` of `table`, in citation order.
    fn sources_of(&self, table: &str, ids: &[String]) -> Result<HashMap<String, Vec<String>>> {
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        if ids.is_empty() {
            return Ok(out);
        }
        let keys = serde_json::to_string(ids).unwrap_or_default();
        // Rows go straight into the map: a list of pairs first would cost an allocation per row.
        self.bounded(None, || {
            let mut stmt = self.connection().prepare_cached(
                "SELECT record_id, source FROM citations WHERE record_table = ?1 AND record_id IN (SELECT value FROM json_each(?2)) ORDER BY id",
            )?;
            let mut rows = stmt.query((table, keys))?;
            while let Some(r) = rows.next()? {
                let source: String = r.get(1)?;
                let list = out.entry(r.get(0)?).or_default();
                if !list.contains(&source) {
                    list.push(source);
                }
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// Fills each record's `sources` from the citations of its table.
    pub(crate) fn attach_sources<T>(
        &self,
        table: &str,
        records: &mut [T],
        id: impl Fn(&T) -> String,
        sources: impl Fn(&mut T) -> &mut Vec<String>,
    ) -> Result<()> {
        let ids: Vec<String> = records.iter().map(&id).collect();
        let mut found = self.sources_of(table, &ids)?;
        for r in records.iter_mut() {
            if let Some(list) = found.remove(&id(r)) {
                *sources(r) = list;
            }
        }
        Ok(())
    }

    /// The dyad of an event or treaty query: `polity` as a side (`side`, one `{}`) together
    /// with Mongolia (`mongolia`, no `{}`) unless `context`; `involving` as a participant of any
    /// part (`any`, one `{}`), Mongolia's part then free.
    fn dyad_where(&self, w: &mut Where, f: &Filter, side: &str, any: &str, mongolia: &str) -> Result<()> {
        self.any_polity(w, &f.polity, if f.context { any } else { side })?;
        if let Some(p) = &f.involving {
            w.add(any, [text(self.resolve_polity(p)?)]);
        }
        if !f.context && f.involving.is_none() {
            w.add(mongolia, []);
        }
        Ok(())
    }

    pub(crate) fn polity_where(&self, w: &mut Where, f: &Filter, clause: &str) -> Result<()> {
        self.any_polity(w, &f.polity, clause)
    }

    /// `clause` (each `{}` the polity's code) for any of `polities`: one clause for one polity,
    /// as before lists were taken, so its query plan stays the same.
    pub(crate) fn any_polity(&self, w: &mut Where, polities: &[String], clause: &str) -> Result<()> {
        let codes = polities.iter().map(|p| self.resolve_polity(p)).collect::<Result<Vec<_>>>()?;
        self.any_code(w, &codes, clause);
        Ok(())
    }

    /// `clause` (each `{}` the code) for any of `codes`, already resolved.
    pub(crate) fn any_code(&self, w: &mut Where, codes: &[String], clause: &str) {
        let n = clause.matches("{}").count();
        let params = codes.iter().flat_map(|c| std::iter::repeat_n(text(c.clone()), n));
        match codes.len() {
            0 => {}
            1 => w.add(clause, params),
            k => w.add(&format!("({})", vec![clause; k].join(" OR ")), params),
        }
    }

    /// The sides of a table with `sending` and `receiving` columns (alias `t`): `polity` matches
    /// either side, `sending` and `receiving` one side each.
    pub(crate) fn sides_where(&self, w: &mut Where, f: &Filter, t: &str) -> Result<()> {
        self.polity_where(w, f, &format!("({t}.sending = {{}} OR {t}.receiving = {{}})"))?;
        if let Some(s) = &f.sending {
            w.add(&format!("{t}.sending = {{}}"), [text(self.resolve_polity(s)?)]);
        }
        if let Some(r) = &f.receiving {
            w.add(&format!("{t}.receiving = {{}}"), [text(self.resolve_polity(r)?)]);
        }
        Ok(())
    }

    pub(crate) fn range_where(&self, w: &mut Where, f: &Filter, start_col: &str, end_col: &str) -> Result<()> {
        let (start, end) = f.date_bounds()?;
        if let Some(s) = start {
            w.add(&format!("{end_col} >= {{}}"), [text(s.to_string())]);
        }
        if let Some(e) = end {
            w.add(&format!("{start_col} <= {{}}"), [text(e.to_string())]);
        }
        Ok(())
    }

    /// Events matching the filter, in date order. `kind` is an event kind; `cameo` a CAMEO code
    /// or prefix; `plover` a PLOVER type.
    ///
    /// Mongolia's own events by default: those in which Mongolia takes part as a side or as the
    /// host (`mongolia_role` `party` or `host`), and with `polity` those in which that polity is
    /// also a side (a role other than `third_party`). `context` adds the events Mongolia takes no
    /// part in or is only concerned by (`none`, `third_party`), and `involving` keeps the events
    /// a polity takes part in whatever Mongolia's part; `mongolia_role` marks each. `level` and
    /// `channel` keep the events coded with that level or channel.
    pub fn events(&self, f: &Filter) -> Result<Vec<Event>> {
        f.check(Query::Events)?;
        let mut w = Where::default();
        self.dyad_where(
            &mut w,
            f,
            "e.id IN (SELECT event FROM event_participants WHERE polity = {} AND role <> 'third_party')",
            "e.id IN (SELECT event FROM event_participants WHERE polity = {})",
            "e.mongolia_role IN ('party', 'host')",
        )?;
        if let Some(l) = &f.level {
            let l = self.check_vocabulary("event level", "event_levels", "level", l)?;
            w.add("e.level = {}", [text(l)]);
        }
        if let Some(c) = &f.channel {
            let c = self.check_vocabulary("event channel", "event_channels", "channel", c)?;
            w.add("e.channel = {}", [text(c)]);
        }
        if let Some(k) = &f.kind {
            let k = self.check_vocabulary("event kind", "event_kinds", "kind", k)?;
            w.add("e.kind = {}", [text(k)]);
        }
        if let Some(p) = &f.person {
            let id = self.resolve_person(p)?;
            w.add(
                "e.id IN (SELECT event FROM event_participants WHERE person = {})",
                [Value::Integer(id)],
            );
        }
        if let Some(o) = &f.organization {
            let code = self.resolve_organization(o)?;
            w.add(
                "e.id IN (SELECT event FROM event_participants WHERE organization = {})",
                [text(code)],
            );
        }
        if let Some(c) = &f.cameo {
            crate::guard::check_text("cameo", c, 8)?;
            // A code is matched as a prefix, its characters literally: `%` or `_` match only themselves.
            w.add("k.cameo LIKE {} || '%' ESCAPE '\\'", [text(escape_like(c.trim()))]);
        }
        if let Some(p) = &f.plover {
            let p = self.check_vocabulary(
                "PLOVER type",
                "(SELECT DISTINCT plover FROM event_kinds WHERE plover IS NOT NULL)",
                "plover",
                &p.to_uppercase(),
            )?;
            w.add("k.plover = {}", [text(p)]);
        }
        self.events_range_where(&mut w, f)?;
        self.events_where(&w)
    }

    /// The date range of an event query. An event may fall in the range when it ends on or after
    /// the range's first day and starts on or before its last. An index can bound only one of
    /// the two, so every short event (at most 366 days: nearly all) is also bounded from below
    /// by its start, and the few long ones (`date_long`) are taken apart; SQLite answers with two
    /// index range scans instead of walking every earlier event.
    fn events_range_where(&self, w: &mut Where, f: &Filter) -> Result<()> {
        let (start, end) = f.date_bounds()?;
        if let Some(last) = end {
            w.add("e.date_start <= {}", [text(last.to_string())]);
        }
        if let Some(first) = start {
            w.add("e.date_end >= {}", [text(first.to_string())]);
            w.add(
                "(e.date_long = 1 OR (e.date_long = 0 AND e.date_start >= {}))",
                [text((first - chrono::Days::new(366)).to_string())],
            );
        }
        Ok(())
    }

    fn events_where(&self, w: &Where) -> Result<Vec<Event>> {
        let sql = format!(
            "SELECT {} FROM events e JOIN event_kinds k ON k.kind = e.kind{} ORDER BY e.date_start, e.date_end, e.id",
            Event::select(),
            w.sql()
        );
        let mut events = self.collect(&sql, &w.params, Event::from_row)?;
        if events.is_empty() {
            return Ok(events);
        }
        let ids = serde_json::to_string(&events.iter().map(|e| e.id).collect::<Vec<_>>()).unwrap_or_default();
        let mut parts: HashMap<i64, Vec<Participant>> = HashMap::new();
        for (event, p) in self.collect(
            &format!(
                "SELECT {}, ep.event FROM event_participants ep LEFT JOIN polities po ON po.code = ep.polity LEFT JOIN persons pe ON pe.id = ep.person \
             LEFT JOIN organizations o ON o.code = ep.organization WHERE ep.event IN (SELECT value FROM json_each(?1)) ORDER BY ep.rowid",
                Participant::select()
            ),
            &[text(ids)],
            |r| Ok((r.get::<_, i64>(Participant::width())?, Participant::from_row(r)?)),
        )? {
            parts.entry(event).or_default().push(p);
        }
        for e in &mut events {
            e.participants = parts.remove(&e.id).unwrap_or_default();
            for p in &e.participants {
                let list = match p.kind.as_str() {
                    "polity" => &mut e.polities,
                    "person" => &mut e.persons,
                    _ => &mut e.organizations,
                };
                let value = if p.kind == "person" { p.name.clone() } else { p.id.clone() };
                if !list.contains(&value) {
                    list.push(value);
                }
            }
        }
        self.attach_sources("events", &mut events, |e| e.id.to_string(), |e| &mut e.sources)?;
        Ok(events)
    }

    /// One event by id.
    pub fn event(&self, id: i64) -> Result<Event> {
        let mut w = Where::default();
        w.add("e.id = {}", [Value::Integer(id)]);
        self.events_where(&w)?.pop().ok_or(crate::Error::NotFound {
            table: "events".into(),
            id: id.to_string(),
        })
    }

    /// Full-text search over event summaries, places and notes (SQLite FTS5 syntax:
    /// `treaty AND friendship`, `"special train"`, `orphan*`), best matches first.
    pub fn search(&self, query: &str) -> Result<Vec<Event>> {
        crate::guard::check_text("search", query, 1000)?;
        let ids: Vec<i64> = self
            .collect(
                "SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 ORDER BY rank",
                &[text(query.into())],
                |r| r.get(0),
            )
            .map_err(|e| match e {
                crate::Error::Sql { source, .. } => crate::Error::Sql {
                    statement: Some(query.into()),
                    source,
                },
                other => other,
            })?;
        let mut w = Where::default();
        w.add(
            "e.id IN (SELECT value FROM json_each({}))",
            [text(serde_json::to_string(&ids).unwrap_or_default())],
        );
        let mut events = self.events_where(&w)?;
        events.sort_by_key(|e| ids.iter().position(|i| *i == e.id));
        Ok(events)
    }

    /// Treaties matching the filter: `polity` (a party), `kind` (treaty kind), `start`/`end`
    /// (signature date), `in_force_on` (see the `treaty_dates` view for the rule).
    ///
    /// Mongolia's treaties by default: `polity` keeps those with both Mongolia and that polity
    /// as parties; `context` (or `involving`) also those Mongolia is no party to (the USSR–DPRK
    /// treaty of 1961).
    pub fn treaties(&self, f: &Filter) -> Result<Vec<Treaty>> {
        f.check(Query::Treaties)?;
        let mut w = Where::default();
        let party = "t.id IN (SELECT treaty FROM treaty_parties WHERE polity = {})";
        self.dyad_where(
            &mut w,
            f,
            party,
            party,
            "t.id IN (SELECT treaty FROM treaty_parties WHERE polity = 'MNG')",
        )?;
        if let Some(k) = &f.kind {
            let k = self.check_vocabulary("treaty kind", "treaty_kinds", "kind", k)?;
            w.add("t.kind = {}", [text(k)]);
        }
        let (start, end) = f.date_bounds()?;
        if let Some(s) = start {
            w.add(
                "t.id IN (SELECT treaty FROM events WHERE kind = 'treaty_signed' AND date_end >= {})",
                [text(s.to_string())],
            );
        }
        if let Some(e) = end {
            w.add(
                "t.id IN (SELECT treaty FROM events WHERE kind = 'treaty_signed' AND date_start <= {})",
                [text(e.to_string())],
            );
        }
        if let Some(day) = parse(f.in_force_on.as_deref(), "in_force_on")? {
            let d = day.start().to_string();
            w.add(
                "d.in_force_from <= {} AND (d.terminated_from IS NULL OR d.terminated_from > {})",
                [text(d.clone()), text(d)],
            );
        }
        let sql = format!(
            "SELECT {} FROM treaties t JOIN treaty_dates d ON d.treaty = t.id{} ORDER BY d.in_force_from, t.id",
            Treaty::select(),
            w.sql()
        );
        let mut records = self.collect(&sql, &w.params, Treaty::from_row)?;
        self.attach_sources("treaties", &mut records, |x| x.id.to_string(), |x| &mut x.sources)?;
        Ok(records)
    }

    /// Postings: `polity` matches the sending or the receiving state, `sending` and `receiving`
    /// one side only; `person`; `start`/`end`
    /// keep postings that may overlap the range.
    pub fn postings(&self, f: &Filter) -> Result<Vec<Posting>> {
        f.check(Query::Postings)?;
        let mut w = Where::default();
        self.sides_where(&mut w, f, "p")?;
        if let Some(person) = &f.person {
            w.add("p.person = {}", [Value::Integer(self.resolve_person(person)?)]);
        }
        self.range_where(
            &mut w,
            f,
            "COALESCE(p.start_start, '0000-01-01')",
            "COALESCE(p.end_end, '9999-12-31')",
        )?;
        let sql = format!(
            "SELECT {} FROM postings p JOIN persons pe ON pe.id = p.person{} \
             ORDER BY p.start_start IS NULL, p.start_start, p.id",
            Posting::select(),
            w.sql()
        );
        let mut records = self.collect(&sql, &w.params, Posting::from_row)?;
        self.attach_sources("postings", &mut records, |x| x.id.to_string(), |x| &mut x.sources)?;
        Ok(records)
    }

    /// Memberships: `polity`, `organization`, `kind` (a status).
    pub fn memberships(&self, f: &Filter) -> Result<Vec<Membership>> {
        f.check(Query::Memberships)?;
        let mut w = Where::default();
        self.polity_where(&mut w, f, "m.polity = {}")?;
        if let Some(o) = &f.organization {
            w.add("m.organization = {}", [text(self.resolve_organization(o)?)]);
        }
        if let Some(k) = &f.kind {
            w.add(
                "m.status = {}",
                [text(self.check_vocabulary(
                    "membership status",
                    "membership_statuses",
                    "status",
                    k,
                )?)],
            );
        }
        self.range_where(
            &mut w,
            f,
            "COALESCE(m.start_start, '0000-01-01')",
            "COALESCE(m.end_end, '9999-12-31')",
        )?;
        let sql = format!(
            "SELECT {} FROM memberships m{} ORDER BY m.start_start IS NULL, m.start_start, m.id",
            Membership::select(),
            w.sql()
        );
        let mut records = self.collect(&sql, &w.params, Membership::from_row)?;
        self.attach_sources("memberships", &mut records, |x| x.id.to_string(), |x| &mut x.sources)?;
        Ok(records)
    }

    /// Observations: `polity`, `indicator`, `start`/`end` on the period.
    pub fn observations(&self, f: &Filter) -> Result<Vec<Observation>> {
        f.check(Query::Observations)?;
        let mut w = Where::default();
        self.polity_where(&mut w, f, "o.polity = {}")?;
        if let Some(i) = &f.indicator {
            w.add(
                "o.indicator = {}",
                [text(self.check_vocabulary("indicator", "indicators", "indicator", i)?)],
            );
        }
        self.range_where(&mut w, f, "o.period_start", "o.period_end")?;
        let sql = format!(
            "SELECT {} FROM observations o{} ORDER BY o.polity, o.indicator, o.period_start",
            Observation::select(),
            w.sql()
        );
        let mut records = self.collect(&sql, &w.params, Observation::from_row)?;
        self.attach_sources("observations", &mut records, |x| x.id.to_string(), |x| &mut x.sources)?;
        Ok(records)
    }

    /// Polities; `polity` narrows to one.
    pub fn polities(&self, f: &Filter) -> Result<Vec<Polity>> {
        f.check(Query::Polities)?;
        let mut w = Where::default();
        self.polity_where(&mut w, f, "p.code = {}")?;
        let sql = format!("SELECT {} FROM polities p{} ORDER BY p.name", Polity::select(), w.sql());
        self.collect(&sql, &w.params, Polity::from_row)
    }

    /// The code crosswalk: `polity` narrows to one polity, `scheme` to one scheme (`iso2`, `iso3`,
    /// `iso_numeric`, `cow`, `cow_abbrev`, `gw`), `start`/`end` to codes valid at some time in
    /// that range. Rows come by polity, scheme and date.
    ///
    /// ```
    /// use mongolia_relations::{Dataset, Filter};
    /// let data = Dataset::embedded().unwrap();
    /// let cow = data.codes(&Filter::new().polity("USSR").scheme("cow")).unwrap();
    /// assert_eq!((cow[0].code.as_str(), cow[0].valid_to.as_deref()), ("365", Some("1991-12-25")));
    /// ```
    pub fn codes(&self, f: &Filter) -> Result<Vec<PolityCode>> {
        f.check(Query::Codes)?;
        let mut w = Where::default();
        self.polity_where(&mut w, f, "c.polity = {}")?;
        if let Some(k) = &f.scheme {
            w.add(
                "c.scheme = {}",
                [text(self.check_vocabulary("code scheme", "code_schemes", "scheme", k)?)],
            );
        }
        self.range_where(
            &mut w,
            f,
            "COALESCE(c.valid_from_start, '0000-01-01')",
            "COALESCE(c.valid_to_end, '9999-12-31')",
        )?;
        let sql = format!(
            "SELECT {} FROM polity_codes c{} ORDER BY c.polity, c.scheme, c.valid_from_start IS NOT NULL, c.valid_from_start, c.id",
            PolityCode::select(),
            w.sql()
        );
        let mut records = self.collect(&sql, &w.params, PolityCode::from_row)?;
        self.attach_sources("polity_codes", &mut records, |x| x.id.to_string(), |x| &mut x.sources)?;
        Ok(records)
    }

    /// Persons; `person` narrows to one, `polity` to those serving a state.
    pub fn persons(&self, f: &Filter) -> Result<Vec<Person>> {
        f.check(Query::Persons)?;
        let mut w = Where::default();
        self.polity_where(&mut w, f, "p.polity = {}")?;
        if let Some(person) = &f.person {
            w.add("p.id = {}", [Value::Integer(self.resolve_person(person)?)]);
        }
        let sql = format!("SELECT {} FROM persons p{} ORDER BY p.name", Person::select(), w.sql());
        self.collect(&sql, &w.params, Person::from_row)
    }

    /// Organizations; `organization` narrows to one.
    pub fn organizations(&self, f: &Filter) -> Result<Vec<Organization>> {
        f.check(Query::Organizations)?;
        let mut w = Where::default();
        if let Some(o) = &f.organization {
            w.add("o.code = {}", [text(self.resolve_organization(o)?)]);
        }
        let sql = format!("SELECT {} FROM organizations o{} ORDER BY o.code", Organization::select(), w.sql());
        self.collect(&sql, &w.params, Organization::from_row)
    }

    /// Every source.
    pub fn sources(&self) -> Result<Vec<Source>> {
        self.collect(
            &format!("SELECT {} FROM sources ORDER BY id", Source::select()),
            &[],
            Source::from_row,
        )
    }

    /// The citations of one record (`table` is `events`, `treaties`, `postings`, ...).
    pub fn citations(&self, table: &str, id: &str) -> Result<Vec<Citation>> {
        self.collect(
            &format!(
                "SELECT {} FROM citations c JOIN sources s ON s.id = c.source WHERE c.record_table = ?1 AND c.record_id = ?2 ORDER BY c.id",
                Citation::select()
            ),
            &[text(table.into()), text(id.into())],
            Citation::from_row,
        )
    }

    /// Disputes; with `polity` set, those about records involving that polity.
    pub fn disputes(&self, f: &Filter) -> Result<Vec<Dispute>> {
        f.check(Query::Disputes)?;
        let mut w = Where::default();
        self.polity_where(
            &mut w,
            f,
            "d.id IN (SELECT c.dispute FROM claims c WHERE (c.record_table = 'events' AND c.record_id IN (SELECT CAST(event AS TEXT) FROM event_participants WHERE polity = {})) \
             OR (c.record_table = 'memberships' AND c.record_id IN (SELECT CAST(id AS TEXT) FROM memberships WHERE polity = {})) \
             OR (c.record_table = 'postings' AND c.record_id IN (SELECT CAST(id AS TEXT) FROM postings WHERE sending = {} OR receiving = {})) \
             OR (c.record_table = 'missions' AND c.record_id IN (SELECT CAST(id AS TEXT) FROM missions WHERE sending = {} OR receiving = {})) \
             OR (c.record_table = 'quantities' AND c.record_id IN (SELECT CAST(q.id AS TEXT) FROM quantities q JOIN event_participants ep ON ep.event = q.event WHERE ep.polity = {})) \
             OR (c.record_table = 'polities' AND c.record_id = {}) \
             OR (c.record_table = 'polity_codes' AND c.record_id IN (SELECT CAST(id AS TEXT) FROM polity_codes WHERE polity = {})))",
        )?;
        self.disputes_where(&w)
    }

    /// The disputes that concern one record.
    pub fn disputes_of(&self, table: &str, id: &str) -> Result<Vec<Dispute>> {
        let mut w = Where::default();
        w.add(
            "d.id IN (SELECT dispute FROM claims WHERE record_table = {} AND record_id = {})",
            [text(table.into()), text(id.into())],
        );
        self.disputes_where(&w)
    }

    fn disputes_where(&self, w: &Where) -> Result<Vec<Dispute>> {
        let mut disputes = self.collect(
            &format!("SELECT {} FROM disputes d{} ORDER BY d.id", Dispute::select(), w.sql()),
            &w.params,
            Dispute::from_row,
        )?;
        // Every dispute is in an unfiltered result, so every claim is read without an id list.
        let (filter, params) = if w.is_empty() {
            ("", Vec::new())
        } else {
            let ids = serde_json::to_string(&disputes.iter().map(|d| d.id).collect::<Vec<_>>()).unwrap_or_default();
            (" WHERE dispute IN (SELECT value FROM json_each(?1))", vec![text(ids)])
        };
        let claims_sql = format!("SELECT {}, dispute FROM claims{filter} ORDER BY id", Claim::select());
        let mut claims = self.collect(&claims_sql, &params, |r| {
            Ok((r.get::<_, i64>(Claim::width())?, Claim::from_row(r)?))
        })?;
        let keys: Vec<String> = claims.iter().map(|(_, c)| c.id.to_string()).collect();
        let mut sources = self.sources_of("claims", &keys)?;
        for (dispute, mut claim) in claims.drain(..) {
            claim.sources = sources.remove(&claim.id.to_string()).unwrap_or_default();
            if let Some(d) = disputes.iter_mut().find(|d| d.id == dispute) {
                d.claims.push(claim);
            }
        }
        Ok(disputes)
    }

    /// Runs one read-only SQL statement. Writes, ATTACH, pragma writes, extension loading and
    /// multiple statements are refused with [`crate::Error::ReadOnly`]; the statement runs under
    /// the dataset's [`crate::Limits`] (deadline, memory budget, value size, result rows and
    /// bytes), each ending it with the error that names the bound. Duplicate column names are
    /// kept, renamed `name_2`, `name_3`, ...
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// let rows = data.sql("SELECT count(*) AS n FROM events").unwrap();
    /// assert_eq!(rows.columns, ["n"]);
    /// assert!(matches!(data.sql("DROP TABLE events"), Err(mongolia_relations::Error::ReadOnly { .. })));
    /// ```
    pub fn sql(&self, query: &str) -> Result<SqlRows> {
        let mut rows = Vec::new();
        let columns = self.sql_rows(query, |r| {
            let n = r.as_ref().column_count();
            rows.push(
                (0..n)
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            ValueRef::Null => serde_json::Value::Null,
                            ValueRef::Integer(v) => v.into(),
                            ValueRef::Real(v) => v.into(),
                            ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
                            ValueRef::Blob(b) => crate::builder::hex(b).into(),
                        })
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()?,
            );
            Ok(())
        })?;
        Ok(SqlRows { columns, rows })
    }

    /// Runs one read-only statement under the same guard and bounds as [`Dataset::sql`],
    /// handing each row to `visit` instead of collecting JSON values; returns the column names.
    /// For callers that build their own columns (the Python bindings write Arrow arrays).
    ///
    /// ```
    /// let data = mongolia_relations::Dataset::embedded().unwrap();
    /// let mut kinds = Vec::new();
    /// let columns = data
    ///     .sql_rows("SELECT kind, count(*) AS n FROM events GROUP BY kind", |row| {
    ///         kinds.push(row.get::<_, String>(0)?);
    ///         Ok(())
    ///     })
    ///     .unwrap();
    /// assert_eq!(columns, ["kind", "n"]);
    /// assert!(kinds.contains(&"visit".to_string()));
    /// ```
    pub fn sql_rows(&self, query: &str, mut visit: impl FnMut(&Row<'_>) -> rusqlite::Result<()>) -> Result<Vec<String>> {
        self.untyped(|| self.sql_rows_bounded(query, &mut visit))
    }

    fn sql_rows_bounded(&self, query: &str, visit: &mut impl FnMut(&Row<'_>) -> rusqlite::Result<()>) -> Result<Vec<String>> {
        self.bounded(Some(query), || {
            let limits = self.limits();
            let failed = |source| crate::guard::statement_error(query, source);
            let too_large = |unit, max| crate::Error::ResultTooLarge {
                statement: Some(crate::bounds::short(query)),
                unit,
                max,
            };
            let mut stmt = crate::guard::prepare(self.connection(), query)?;
            let columns = unique_names(stmt.column_names());
            let mut rows = stmt.query([]).map_err(failed)?;
            let (mut seen, mut bytes) = (0u64, 0u64);
            while let Some(row) = rows.next().map_err(failed)? {
                seen += 1;
                if seen > limits.max_rows {
                    return Err(too_large("rows", limits.max_rows));
                }
                for i in 0..columns.len() {
                    bytes += match row.get_ref(i).map_err(failed)? {
                        ValueRef::Text(t) | ValueRef::Blob(t) => t.len() as u64,
                        _ => 8,
                    };
                }
                if bytes > limits.max_bytes {
                    return Err(too_large("bytes", limits.max_bytes));
                }
                visit(row).map_err(failed)?;
            }
            Ok(columns)
        })
    }
}
