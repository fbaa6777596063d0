//! Filtered queries on synthetic extended databases of 10 thousand, 100 thousand and 1 million
//! events (made by `examples/generate_scale.rs`), with the query plans that keep them fast.
//!
//! Then the Parquet export of the 1M database's events table beside DuckDB's `COPY` of the same
//! table through its `sqlite_scanner` (run by the bench virtual environment's Python, each round
//! a fresh process timing only its connect, LOAD and COPY), rounds interleaved, and the whole
//! export (every table in parallel, the file copy, the ICEWS file) for the record.
//!
//! Run: `bash scripts/bench.sh` (it generates the databases and the environment), or
//! `cargo bench -p mongolia-relations --bench scale` once they exist under target/.

use criterion::Criterion;
use mongolia_relations::{Dataset, ExportFormat, Filter, Overwrite};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

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

/// DuckDB's side: one process per round, printing the milliseconds of connect + LOAD + COPY.
const DUCKDB_COPY: &str = r#"
import importlib.util, pathlib, sys, time
import duckdb
spec = importlib.util.find_spec("duckdb_ext")
ext = next(pathlib.Path(list(spec.submodule_search_locations)[0]).rglob("sqlite_scanner.duckdb_extension"))
t, cpu = time.perf_counter(), time.process_time()
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute(f"LOAD '{ext}'")
con.execute(f"COPY (SELECT * FROM sqlite_scan('{sys.argv[1]}', 'events')) TO '{sys.argv[2]}' (FORMAT parquet)")
con.close()
print((time.perf_counter() - t) * 1e3, (time.process_time() - cpu) * 1e3)
"#;

/// CPU time of this process, all threads, in milliseconds.
fn cpu_ms() -> f64 {
    // SAFETY: getrusage fills the struct it is given and reads nothing else.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    ms(usage.ru_utime) + ms(usage.ru_stime)
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Ours (open + export of the events table to Parquet) beside DuckDB's COPY, interleaved.
fn export_vs_duckdb(target: &str, db: &Path) {
    let python = Path::new(target).join("bench-venv/bin/python");
    let work = tempfile::tempdir().unwrap();
    const ROUNDS: usize = 5;
    let (mut ours, mut duck, mut ours_cpu, mut duck_cpu) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut rows = 0;
    println!(
        "\nParquet export of the events table, {} (load average before: {})",
        db.display(),
        load_average()
    );
    for round in 0..ROUNDS {
        let out = work.path().join(format!("ours-{round}.parquet"));
        let (t, cpu) = (Instant::now(), cpu_ms());
        let data = Dataset::open(db).unwrap();
        rows = data.export_table(&out, "events", ExportFormat::Parquet, Overwrite::Refuse).unwrap();
        ours.push(t.elapsed().as_secs_f64() * 1e3);
        ours_cpu.push(cpu_ms() - cpu);
        let out = work.path().join(format!("duckdb-{round}.parquet"));
        match std::process::Command::new(&python)
            .args(["-c", DUCKDB_COPY])
            .arg(db)
            .arg(&out)
            .output()
        {
            Ok(o) if o.status.success() => {
                let text = String::from_utf8_lossy(&o.stdout);
                let times: Vec<f64> = text
                    .lines()
                    .last()
                    .unwrap_or_default()
                    .split_whitespace()
                    .filter_map(|x| x.parse().ok())
                    .collect();
                if let [wall, cpu] = times[..] {
                    duck.push(wall);
                    duck_cpu.push(cpu);
                }
            }
            _ => {}
        }
    }
    let size = |name: &str| std::fs::metadata(work.path().join(name)).map_or(0, |m| m.len()) as f64 / 1048576.0;
    let (ours, ours_cpu) = (median(ours), median(ours_cpu));
    println!(
        "  ours: {rows} rows, median {ours:.0} ms (CPU {ours_cpu:.0} ms), {:.1} MiB",
        size("ours-0.parquet")
    );
    if duck.is_empty() {
        println!(
            "  DuckDB: not run ({} with duckdb and duckdb-ext-sqlite is made by scripts/bench.sh)",
            python.display()
        );
    } else {
        let (duck, duck_cpu) = (median(duck), median(duck_cpu));
        println!(
            "  DuckDB COPY: median {duck:.0} ms (CPU {duck_cpu:.0} ms), {:.1} MiB",
            size("duckdb-0.parquet")
        );
        println!(
            "  ratio ours / DuckDB: {:.3} wall clock, {:.3} CPU time (below 1: faster)",
            ours / duck,
            ours_cpu / duck_cpu
        );
    }
    let t = Instant::now();
    let manifest = Dataset::open(db)
        .unwrap()
        .export(&work.path().join("all"), ExportFormat::Parquet)
        .unwrap();
    println!(
        "  whole export ({} tables in parallel, the file copy, ICEWS): {:.0} ms; load average after: {}",
        manifest.tables.len() - 1,
        t.elapsed().as_secs_f64() * 1e3,
        load_average()
    );
}

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
    let db = Path::new(&target).join("scale/events-1000000.sqlite");
    if db.exists() {
        export_vs_duckdb(&target, &db);
    }
}
