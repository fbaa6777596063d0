//! Resident memory of opening the embedded dataset and a large database file, and of a query on
//! each (Linux: VmRSS from /proc/self/status).
//!
//! `cargo run --release -p mongolia-relations --example memory -- [DB_FILE]`

use mongolia_relations::{Dataset, Filter};

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = rss_kib();
    println!("process before opening: {base} KiB");
    let data = Dataset::embedded()?;
    println!("open embedded dataset: +{} KiB", rss_kib() - base);
    let events = data.events(&Filter::new().polity("PRK"))?;
    println!("after a query ({} events): +{} KiB", events.len(), rss_kib() - base);
    if let Some(path) = std::env::args().nth(1) {
        let before = rss_kib();
        let big = Dataset::open(&path)?;
        println!("open {path}: +{} KiB", rss_kib() - before);
        let hits = big.events(&Filter::new().polity("PRK").start("1980").end("1984"))?;
        println!("after a filtered query ({} events): +{} KiB", hits.len(), rss_kib() - before);
    }
    Ok(())
}
