//! Every typed query against the same query written by hand with raw rusqlite and a hand-written
//! row mapping, on the embedded dataset; plus opening the dataset and the full dyad-year panel.
//! Each pair is checked to return identical records, then timed by criterion; the summary at the
//! end prints the medians and the ratio typed / baseline.
//!
//! Run: `cargo bench -p mongolia-relations --bench queries`

use criterion::Criterion;
use mongolia_relations::*;
use rusqlite::{Connection, Row, MAIN_DB};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::Duration;

fn raw(bytes: &'static [u8]) -> Connection {
    let mut conn = Connection::open_in_memory().unwrap();
    conn.deserialize_bytes(MAIN_DB, bytes).unwrap();
    conn
}

/// Hand-written versions of the library's queries: same SQL idea, no filter builder, no name
/// resolution, mapping written out per record.
mod baseline {
    use super::*;

    fn list(s: Option<String>) -> Vec<String> {
        s.map(|s| s.split(';').map(str::to_string).collect()).unwrap_or_default()
    }

    fn day(r: &Row<'_>, i: usize) -> rusqlite::Result<chrono::NaiveDate> {
        Ok(r.get::<_, String>(i)?.parse().unwrap())
    }

    fn sources(conn: &Connection, table: &str, ids: &[String]) -> HashMap<String, Vec<String>> {
        let mut stmt = conn
            .prepare_cached("SELECT record_id, source FROM citations WHERE record_table = ?1 AND record_id IN (SELECT value FROM json_each(?2)) ORDER BY id")
            .unwrap();
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        let rows = stmt
            .query_map((table, serde_json::to_string(ids).unwrap()), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .unwrap();
        for row in rows {
            let (id, s) = row.unwrap();
            let l = out.entry(id).or_default();
            if !l.contains(&s) {
                l.push(s);
            }
        }
        out
    }

    pub fn events(conn: &Connection, polity: &str) -> Vec<Event> {
        events_where(
            conn,
            "e.id IN (SELECT event FROM event_participants WHERE polity = ?1 AND role <> 'third_party') AND e.mongolia_role IN ('party', 'host')",
            polity,
        )
    }

    fn events_where(conn: &Connection, clause: &str, param: &str) -> Vec<Event> {
        let mut stmt = conn
            .prepare_cached(&format!(
                "SELECT e.id, e.kind, e.date, e.date_start, e.date_end, e.date_precision, e.certainty, e.date_note, e.place, e.place_polity, \
                 e.level, e.channel, e.treaty, k.cameo, k.plover, e.summary, e.note, e.dataset, e.mongolia_role FROM events e JOIN event_kinds k ON k.kind = e.kind \
                 WHERE {clause} ORDER BY e.date_start, e.date_end, e.id"
            ))
            .unwrap();
        let mut events: Vec<Event> = stmt
            .query_map([param], |r| {
                Ok(Event {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    date: r.get(2)?,
                    start: day(r, 3)?,
                    end: day(r, 4)?,
                    precision: r.get(5)?,
                    certainty: r.get(6)?,
                    date_note: r.get(7)?,
                    place: r.get(8)?,
                    place_polity: r.get(9)?,
                    level: r.get(10)?,
                    channel: r.get(11)?,
                    treaty: r.get(12)?,
                    cameo: r.get(13)?,
                    plover: r.get(14)?,
                    summary: r.get(15)?,
                    note: r.get(16)?,
                    dataset: r.get(17)?,
                    mongolia_role: r.get(18)?,
                    polities: vec![],
                    persons: vec![],
                    organizations: vec![],
                    participants: vec![],
                    sources: vec![],
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
        let mut parts: HashMap<i64, Vec<Participant>> = HashMap::new();
        let mut stmt = conn
            .prepare_cached(
                "SELECT ep.event, CASE WHEN ep.polity IS NOT NULL THEN 'polity' WHEN ep.person IS NOT NULL THEN 'person' ELSE 'organization' END, \
                 COALESCE(ep.polity, CAST(ep.person AS TEXT), ep.organization), COALESCE(po.name, pe.name, o.name), ep.role \
                 FROM event_participants ep LEFT JOIN polities po ON po.code = ep.polity LEFT JOIN persons pe ON pe.id = ep.person \
                 LEFT JOIN organizations o ON o.code = ep.organization WHERE ep.event IN (SELECT value FROM json_each(?1)) ORDER BY ep.rowid",
            )
            .unwrap();
        for row in stmt
            .query_map([serde_json::to_string(&ids).unwrap()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    Participant {
                        kind: r.get(1)?,
                        id: r.get(2)?,
                        name: r.get(3)?,
                        role: r.get(4)?,
                    },
                ))
            })
            .unwrap()
        {
            let (e, p) = row.unwrap();
            parts.entry(e).or_default().push(p);
        }
        let keys: Vec<String> = ids.iter().map(i64::to_string).collect();
        let mut srcs = sources(conn, "events", &keys);
        for e in &mut events {
            e.participants = parts.remove(&e.id).unwrap_or_default();
            for p in &e.participants {
                let (list, value) = match p.kind.as_str() {
                    "polity" => (&mut e.polities, p.id.clone()),
                    "person" => (&mut e.persons, p.name.clone()),
                    _ => (&mut e.organizations, p.id.clone()),
                };
                if !list.contains(&value) {
                    list.push(value);
                }
            }
            e.sources = srcs.remove(&e.id.to_string()).unwrap_or_default();
        }
        events
    }

    pub fn search(conn: &Connection, text: &str) -> Vec<Event> {
        let ids: Vec<i64> = conn
            .prepare_cached("SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 ORDER BY rank")
            .unwrap()
            .query_map([text], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let mut all = events_where(
            conn,
            "e.id IN (SELECT value FROM json_each(?1))",
            &serde_json::to_string(&ids).unwrap(),
        );
        all.sort_by_key(|e| ids.iter().position(|i| *i == e.id));
        all
    }

    pub fn treaties_in_force(conn: &Connection, polity: &str, day: &str) -> Vec<Treaty> {
        let mut stmt = conn
            .prepare_cached(
                "SELECT t.id, t.title, t.kind, (SELECT group_concat(polity, ';') FROM (SELECT polity FROM treaty_parties WHERE treaty = t.id ORDER BY polity)), \
                 d.signed, d.signed_place, d.in_force, d.terminated, d.in_force_from, d.terminated_from, t.term_years, t.languages, t.note, t.dataset, \
                 d.ratified, d.start_basis, d.in_force_basis \
                 FROM treaties t JOIN treaty_dates d ON d.treaty = t.id WHERE t.id IN (SELECT treaty FROM treaty_parties WHERE polity = ?1) \
                 AND t.id IN (SELECT treaty FROM treaty_parties WHERE polity = 'MNG') \
                 AND d.in_force_from <= ?2 AND (d.terminated_from IS NULL OR d.terminated_from > ?2) ORDER BY d.in_force_from, t.id",
            )
            .unwrap();
        let mut out: Vec<Treaty> = stmt
            .query_map((polity, day), |r| {
                Ok(Treaty {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    kind: r.get(2)?,
                    parties: list(r.get(3)?),
                    signed: r.get(4)?,
                    signed_place: r.get(5)?,
                    in_force: r.get(6)?,
                    ratified: r.get(14)?,
                    terminated: r.get(7)?,
                    in_force_from: r.get::<_, Option<String>>(8)?.map(|s| s.parse().unwrap()),
                    start_basis: r.get(15)?,
                    terminated_from: r.get::<_, Option<String>>(9)?.map(|s| s.parse().unwrap()),
                    in_force_basis: r.get(16)?,
                    term_years: r.get(10)?,
                    languages: list(r.get(11)?),
                    note: r.get(12)?,
                    dataset: r.get(13)?,
                    sources: vec![],
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let keys: Vec<String> = out.iter().map(|t| t.id.to_string()).collect();
        let mut s = sources(conn, "treaties", &keys);
        out.iter_mut()
            .for_each(|t| t.sources = s.remove(&t.id.to_string()).unwrap_or_default());
        out
    }

    pub fn postings(conn: &Connection, polity: &str) -> Vec<Posting> {
        let mut stmt = conn
            .prepare_cached(
                "SELECT p.id, pe.name, p.person, p.role, p.sending, p.receiving, p.start, p.\"end\", p.note, p.dataset FROM postings p \
                 JOIN persons pe ON pe.id = p.person WHERE (p.sending = ?1 OR p.receiving = ?1) ORDER BY p.start_start IS NULL, p.start_start, p.id",
            )
            .unwrap();
        let mut out: Vec<Posting> = stmt
            .query_map([polity], |r| {
                Ok(Posting {
                    id: r.get(0)?,
                    person: r.get(1)?,
                    person_id: r.get(2)?,
                    role: r.get(3)?,
                    sending: r.get(4)?,
                    receiving: r.get(5)?,
                    start: r.get(6)?,
                    end: r.get(7)?,
                    note: r.get(8)?,
                    dataset: r.get(9)?,
                    sources: vec![],
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let keys: Vec<String> = out.iter().map(|t| t.id.to_string()).collect();
        let mut s = sources(conn, "postings", &keys);
        out.iter_mut()
            .for_each(|t| t.sources = s.remove(&t.id.to_string()).unwrap_or_default());
        out
    }

    pub fn observations(conn: &Connection, polity: &str) -> Vec<Observation> {
        let mut stmt = conn
            .prepare_cached(
                "SELECT o.id, o.polity, o.reporter, o.indicator, o.period, o.period_start, o.period_end, o.value, o.unit, o.note, o.dataset \
                 FROM observations o WHERE o.polity = ?1 ORDER BY o.polity, o.indicator, o.period_start",
            )
            .unwrap();
        let mut out: Vec<Observation> = stmt
            .query_map([polity], |r| {
                Ok(Observation {
                    id: r.get(0)?,
                    polity: r.get(1)?,
                    reporter: r.get(2)?,
                    indicator: r.get(3)?,
                    period: r.get(4)?,
                    period_start: day(r, 5)?,
                    period_end: day(r, 6)?,
                    value: r.get(7)?,
                    unit: r.get(8)?,
                    note: r.get(9)?,
                    dataset: r.get(10)?,
                    sources: vec![],
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let keys: Vec<String> = out.iter().map(|t| t.id.to_string()).collect();
        let mut s = sources(conn, "observations", &keys);
        out.iter_mut()
            .for_each(|t| t.sources = s.remove(&t.id.to_string()).unwrap_or_default());
        out
    }

    pub fn memberships(conn: &Connection, polity: &str) -> Vec<Membership> {
        let mut stmt = conn
            .prepare_cached(
                "SELECT m.id, m.organization, m.polity, m.status, m.start, m.\"end\", m.note, m.dataset FROM memberships m WHERE m.polity = ?1 \
                 ORDER BY m.start_start IS NULL, m.start_start, m.id",
            )
            .unwrap();
        let mut out: Vec<Membership> = stmt
            .query_map([polity], |r| {
                Ok(Membership {
                    id: r.get(0)?,
                    organization: r.get(1)?,
                    polity: r.get(2)?,
                    status: r.get(3)?,
                    start: r.get(4)?,
                    end: r.get(5)?,
                    note: r.get(6)?,
                    dataset: r.get(7)?,
                    sources: vec![],
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let keys: Vec<String> = out.iter().map(|t| t.id.to_string()).collect();
        let mut s = sources(conn, "memberships", &keys);
        out.iter_mut()
            .for_each(|t| t.sources = s.remove(&t.id.to_string()).unwrap_or_default());
        out
    }

    pub fn polities(conn: &Connection) -> Vec<Polity> {
        let mut stmt = conn
            .prepare_cached(
                "SELECT p.code, p.name, p.official_name, p.iso2, p.iso3, p.iso_numeric, p.iso_withdrawn, p.cow_code, p.cow_abbrev, p.gw_code, \
                 p.start_year, p.end_year, p.successor, p.is_un_member, p.note, \
                 (SELECT group_concat(alias, ';') FROM (SELECT alias FROM polity_aliases WHERE polity = p.code ORDER BY rowid)) FROM polities p ORDER BY p.name",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok(Polity {
                code: r.get(0)?,
                name: r.get(1)?,
                official_name: r.get(2)?,
                iso2: r.get(3)?,
                iso3: r.get(4)?,
                iso_numeric: r.get(5)?,
                iso_withdrawn: r.get::<_, i64>(6)? == 1,
                cow_code: r.get(7)?,
                cow_abbrev: r.get(8)?,
                gw_code: r.get(9)?,
                start_year: r.get(10)?,
                end_year: r.get(11)?,
                successor: r.get(12)?,
                is_un_member: r.get::<_, i64>(13)? == 1,
                note: r.get(14)?,
                aliases: list(r.get(15)?),
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    pub fn persons(conn: &Connection) -> Vec<Person> {
        let mut stmt = conn
            .prepare_cached(
                "SELECT p.id, p.name, p.polity, p.note, \
                 (SELECT group_concat(name, ';') FROM (SELECT name FROM person_names WHERE person = p.id ORDER BY rowid)), \
                 (SELECT group_concat(role || COALESCE(' (' || COALESCE(\"from\", '') || '–' || COALESCE(\"to\", '') || ')', ''), ';') FROM person_roles WHERE person = p.id) \
                 FROM persons p ORDER BY p.name",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                polity: r.get(2)?,
                note: r.get(3)?,
                names: list(r.get(4)?),
                roles: list(r.get(5)?),
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    pub fn organizations(conn: &Connection) -> Vec<Organization> {
        let mut stmt = conn
            .prepare_cached("SELECT o.code, o.name, (SELECT group_concat(alias, ';') FROM organization_aliases WHERE organization = o.code) FROM organizations o ORDER BY o.code")
            .unwrap();
        stmt.query_map([], |r| {
            Ok(Organization {
                code: r.get(0)?,
                name: r.get(1)?,
                aliases: list(r.get(2)?),
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }

    pub fn disputes(conn: &Connection) -> Vec<Dispute> {
        let mut out: Vec<Dispute> = conn
            .prepare_cached("SELECT id, topic, kind, note FROM disputes ORDER BY id")
            .unwrap()
            .query_map([], |r| {
                Ok(Dispute {
                    id: r.get(0)?,
                    topic: r.get(1)?,
                    kind: r.get(2)?,
                    note: r.get(3)?,
                    claims: vec![],
                })
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let claims: Vec<(i64, Claim)> = conn
            .prepare_cached("SELECT dispute, id, record_table, record_id, property, value, rank FROM claims ORDER BY id")
            .unwrap()
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    Claim {
                        id: r.get(1)?,
                        record_table: r.get(2)?,
                        record_id: r.get(3)?,
                        property: r.get(4)?,
                        value: r.get(5)?,
                        rank: r.get(6)?,
                        sources: vec![],
                    },
                ))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let keys: Vec<String> = claims.iter().map(|(_, c)| c.id.to_string()).collect();
        let mut s = sources(conn, "claims", &keys);
        for (d, mut c) in claims {
            c.sources = s.remove(&c.id.to_string()).unwrap_or_default();
            out.iter_mut().find(|x| x.id == d).unwrap().claims.push(c);
        }
        out
    }

    pub fn sources_all(conn: &Connection) -> Vec<Source> {
        let mut stmt = conn
            .prepare_cached("SELECT id, title, author, publisher, kind, url, published, language, sha256, reliability, note, dataset FROM sources ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| {
            Ok(Source {
                id: r.get(0)?,
                title: r.get(1)?,
                author: r.get(2)?,
                publisher: r.get(3)?,
                kind: r.get(4)?,
                url: r.get(5)?,
                published: r.get(6)?,
                language: r.get(7)?,
                sha256: r.get(8)?,
                reliability: r.get(9)?,
                note: r.get(10)?,
                dataset: r.get(11)?,
            })
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    }
}

/// Seconds of CPU time this thread has used: time spent descheduled while other processes run
/// (this machine is shared) counts on neither side of a pair.
#[cfg(unix)]
fn cpu_seconds() -> f64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes into the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

#[cfg(not(unix))]
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64()
}

/// The median, over rounds, of the time of `k` typed runs over the time of `k` baseline runs
/// taken back to back (which side goes first alternates), timed by the thread's CPU clock. On a
/// shared machine a slow spell then slows both sides of a round alike, where criterion's two
/// separate wall-clock measurements may catch it on one side only; `k` makes a round last about
/// 5 ms.
fn paired_ratio(typed: &dyn Fn(), base: &dyn Fn()) -> f64 {
    let calibrate = cpu_seconds();
    let mut k = 0u32;
    while cpu_seconds() - calibrate < 0.005 {
        base();
        k += 1;
    }
    let time = |f: &dyn Fn()| {
        let start = cpu_seconds();
        (0..k).for_each(|_| f());
        cpu_seconds() - start
    };
    let mut ratios: Vec<f64> = (0..101)
        .map(|round| {
            if round % 2 == 0 {
                let t = time(typed);
                t / time(base)
            } else {
                let b = time(base);
                time(typed) / b
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[ratios.len() / 2]
}

fn summary(pairs: &[&str]) {
    let home = std::env::var("CRITERION_HOME").map(std::path::PathBuf::from).unwrap_or_else(|_| {
        let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| format!("{}/../target", env!("CARGO_MANIFEST_DIR")));
        std::path::Path::new(&target).join("criterion")
    });
    let median = |id: &str| -> Option<f64> {
        let text = std::fs::read_to_string(home.join(id.replace('/', "_")).join("new/estimates.json")).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        v["median"]["point_estimate"].as_f64()
    };
    println!("\n{:<22} {:>14} {:>14} {:>8}", "benchmark", "typed (µs)", "baseline (µs)", "ratio");
    for name in pairs {
        if let (Some(t), Some(b)) = (median(&format!("{name}/typed")), median(&format!("{name}/baseline"))) {
            println!("{:<22} {:>14.2} {:>14.2} {:>8.3}", name, t / 1e3, b / 1e3, t / b);
        }
    }
    if let Some(p) = median("panel/full") {
        println!(
            "{:<22} {:>14.2} {:>14} {:>8}",
            "panel/full (target 50 ms)",
            p / 1e3,
            "-",
            format!("{:.3}", p / 50e6)
        );
    }
}

/// One typed query and its hand-written baseline, each run and dropped; `same` asserts that
/// both return identical records.
struct Case<'a> {
    name: &'static str,
    typed: Box<dyn Fn() + 'a>,
    base: Box<dyn Fn() + 'a>,
    same: Box<dyn Fn() + 'a>,
}

macro_rules! case {
    ($name:expr, $typed:expr, $base:expr) => {
        case!($name, $typed, $base, || assert_eq!($typed, $base, "{}", $name))
    };
    ($name:expr, $typed:expr, $base:expr, $same:expr) => {
        Case {
            name: $name,
            typed: Box::new(|| drop(black_box($typed))),
            base: Box::new(|| drop(black_box($base))),
            same: Box::new($same),
        }
    };
}

/// `QUERIES_PROFILE=NAME/typed` (or `/baseline`) with `QUERIES_PROFILE_RUNS=N`: runs one side of
/// one case once to warm it (statement cache, resolved names), then N more times, and nothing
/// else; for `valgrind --tool=callgrind` (see `scripts/callgrind_queries.sh`), where the
/// instruction count of N = 1 subtracted from that of N = 101 is the cost of 100 calls.
fn profile(cases: &[Case<'_>], spec: &str) {
    let (name, side) = spec.split_once('/').expect("QUERIES_PROFILE is NAME/typed or NAME/baseline");
    let case = cases.iter().find(|c| c.name == name).expect("no such case");
    let run = if side == "typed" { &case.typed } else { &case.base };
    let n: u32 = std::env::var("QUERIES_PROFILE_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(1);
    (0..n).for_each(|_| run());
}

fn main() {
    let data = Dataset::embedded().unwrap();
    let bytes: &'static [u8] = Box::leak(data.file_bytes().unwrap().into_boxed_slice());
    let conn = raw(bytes);
    let cases = [
        // A dataset has no equality: opening is compared by what a query on it returns.
        case!("open", Dataset::embedded().unwrap(), raw(bytes), || {
            let (typed, base) = (Dataset::embedded().unwrap(), raw(bytes));
            assert_eq!(typed.sources().unwrap(), baseline::sources_all(&base), "open");
        }),
        case!("search", data.search("treaty").unwrap(), baseline::search(&conn, "treaty")),
        case!("persons", data.persons(&Filter::new()).unwrap(), baseline::persons(&conn)),
        case!(
            "organizations",
            data.organizations(&Filter::new()).unwrap(),
            baseline::organizations(&conn)
        ),
        case!("disputes", data.disputes(&Filter::new()).unwrap(), baseline::disputes(&conn)),
        case!(
            "events",
            data.events(&Filter::new().polity("PRK")).unwrap(),
            baseline::events(&conn, "PRK")
        ),
        case!(
            "treaties",
            data.treaties(&Filter::new().polity("PRK").in_force_on("1990-07-01")).unwrap(),
            baseline::treaties_in_force(&conn, "PRK", "1990-07-01")
        ),
        case!(
            "postings",
            data.postings(&Filter::new().polity("PRK")).unwrap(),
            baseline::postings(&conn, "PRK")
        ),
        case!(
            "observations",
            data.observations(&Filter::new().polity("PRK")).unwrap(),
            baseline::observations(&conn, "PRK")
        ),
        case!(
            "memberships",
            data.memberships(&Filter::new().polity("MNG")).unwrap(),
            baseline::memberships(&conn, "MNG")
        ),
        case!("polities", data.polities(&Filter::new()).unwrap(), baseline::polities(&conn)),
        case!("sources", data.sources().unwrap(), baseline::sources_all(&conn)),
    ];
    if let Ok(spec) = std::env::var("QUERIES_PROFILE") {
        return profile(&cases, &spec);
    }
    // The pairs must agree before their speed is compared.
    cases.iter().for_each(|c| (c.same)());

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
        .configure_from_args();
    // `cargo bench --bench queries -- NAME` runs the cases whose name holds NAME (criterion reads
    // the same argument for its own filter).
    let only = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let mut paired: Vec<(&str, f64)> = Vec::new();
    for case in cases.iter().filter(|c| only.as_ref().is_none_or(|o| c.name.contains(o.as_str()))) {
        c.bench_function(&format!("{}/typed", case.name), |b| b.iter(&case.typed));
        c.bench_function(&format!("{}/baseline", case.name), |b| b.iter(&case.base));
        paired.push((case.name, paired_ratio(&case.typed, &case.base)));
    }
    c.bench_function("panel/full", |b| b.iter(|| black_box(data.dyad_years(&Filter::new()).unwrap())));
    c.final_summary();
    summary(&[
        "open",
        "events",
        "treaties",
        "postings",
        "observations",
        "memberships",
        "polities",
        "sources",
        "search",
        "persons",
        "organizations",
        "disputes",
    ]);
    println!("\npaired, interleaved rounds (median of 101 ratios, typed / baseline)");
    for (name, ratio) in paired {
        println!("{name:<26} {ratio:>8.3}");
    }
}
