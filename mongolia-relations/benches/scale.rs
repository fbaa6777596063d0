//! Filtered queries on synthetic extended databases of 10 thousand, 100 thousand and 1 million
//! events (made by `examples/generate_scale.rs`), with the query plans that keep them fast.
//!
//! Run: `bash scripts/bench.sh` (it generates the databases), or
//! `cargo bench -p mongolia-relations --bench scale` once they exist under target/scale/.

use criterion::Criterion;
use mongolia_relations::{Dataset, Filter};
use std::hint::black_box;
use std::time::Duration;

const SIZES: &[usize] = &[10_000, 100_000, 1_000_000];

/// The three filtered queries: (name, filter or search text).
fn run(data: &Dataset, name: &str) -> usize {
    match name {
        "polity_range" => data.events(&Filter::new().polity("PRK").start("1980").end("1984")).unwrap().len(),
        "kind_range" => data.events(&Filter::new().kind("visit").start("1990").end("1990")).unwrap().len(),
        _ => data.search("tag1717").unwrap().len(),
    }
}

/// The plans of the SQL those queries run (the shapes of `Dataset::events` and `Dataset::search`).
const PLANS: &[(&str, &str)] = &[
    (
        "polity_range",
        "SELECT e.id FROM events e JOIN event_kinds k ON k.kind = e.kind WHERE e.id IN (SELECT event FROM event_participants WHERE polity = 'PRK') \
         AND e.date_end >= '1980-01-01' AND e.date_start <= '1984-12-31' AND (e.date_long = 1 OR (e.date_long = 0 AND e.date_start >= '1978-12-31')) \
         ORDER BY e.date_start, e.date_end, e.id",
    ),
    (
        "kind_range",
        "SELECT e.id FROM events e JOIN event_kinds k ON k.kind = e.kind WHERE e.kind = 'visit' \
         AND e.date_end >= '1990-01-01' AND e.date_start <= '1990-12-31' AND (e.date_long = 1 OR (e.date_long = 0 AND e.date_start >= '1988-12-31')) \
         ORDER BY e.date_start, e.date_end, e.id",
    ),
    ("fulltext", "SELECT rowid FROM events_fts WHERE events_fts MATCH 'tag1717' ORDER BY rank"),
];

fn main() {
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| format!("{}/../target", env!("CARGO_MANIFEST_DIR")));
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();
    let mut rows = Vec::new();
    for n in SIZES {
        let path = std::path::Path::new(&target).join(format!("scale/events-{n}.sqlite"));
        let Ok(data) = Dataset::open(&path) else {
            eprintln!("skipping {n}: {} not found (run scripts/bench.sh)", path.display());
            continue;
        };
        for (name, sql) in PLANS {
            let hits = run(&data, name);
            let plan = data.sql(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            let steps: Vec<String> = plan.rows.iter().map(|r| r[3].as_str().unwrap_or_default().to_string()).collect();
            let id = format!("scale/{n}/{name}");
            c.bench_function(&id, |b| b.iter(|| black_box(run(&data, name))));
            rows.push((*n, *name, hits, steps.join(" | ")));
        }
    }
    c.final_summary();
    let median = |n: usize, name: &str| -> Option<f64> {
        let text =
            std::fs::read_to_string(std::path::Path::new(&target).join(format!("criterion/scale_{n}_{name}/new/estimates.json"))).ok()?;
        serde_json::from_str::<serde_json::Value>(&text).ok()?["median"]["point_estimate"].as_f64()
    };
    println!("\n{:<14} {:>10} {:>8} {:>12}  plan", "query", "events", "rows", "median (ms)");
    for (n, name, hits, plan) in &rows {
        let m = median(*n, name).map(|m| format!("{:.3}", m / 1e6)).unwrap_or_default();
        println!("{name:<14} {n:>10} {hits:>8} {m:>12}  {plan}");
    }
}
