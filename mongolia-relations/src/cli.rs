//! The `mongolia-relations` command line: query the embedded dataset (or a file with `--db`).

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use mongolia_relations::{CitationFormat, Dataset, Error, Filter, FilterValue, Query};
use serde::Serialize;
use serde_json::Value;
use std::io::Write;
use std::process::ExitCode;

mod table;

#[derive(Parser)]
#[command(name = "mongolia-relations", version, about = "A cited dataset of Mongolia's foreign relations")]
struct Cli {
    /// Query this database file instead of the embedded dataset.
    #[arg(long, global = true)]
    db: Option<std::path::PathBuf>,
    /// Output format (`export` writes csv, jsonl, parquet or datasette; `codebook` writes md or html).
    /// bibtex, biblatex and text give the references of the sources behind the rows (for
    /// `cite`: of the dataset itself).
    #[arg(long, global = true, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Tables: every column at full width (by default a table fits the terminal, $COLUMNS or
    /// 100: long texts are cut, empty columns left out).
    #[arg(long, global = true)]
    wide: bool,
    #[command(flatten)]
    bounds: Bounds,
    #[command(subcommand)]
    command: Command,
}

/// The bounds of every query (defaults in `mongolia_relations::Limits`).
#[derive(Args)]
struct Bounds {
    /// Stop a query after this many seconds.
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = mongolia_relations::DEFAULT_TIMEOUT.as_secs_f64())]
    timeout: f64,
    /// Most rows an `sql` result may have.
    #[arg(long, global = true, value_name = "N")]
    max_rows: Option<u64>,
    /// Most bytes an `sql` result may hold.
    #[arg(long, global = true, value_name = "N")]
    max_bytes: Option<u64>,
    /// Longest string or blob a query may make or read, in bytes.
    #[arg(long, global = true, value_name = "N")]
    max_value_bytes: Option<u64>,
    /// Working memory of one query (sorts, DISTINCT), in MiB (default 256); SQLite's heap as a
    /// whole is held to this plus 256 MiB.
    #[arg(long, global = true, value_name = "MIB")]
    max_memory: Option<u64>,
}

impl Bounds {
    fn limits(&self) -> Result<mongolia_relations::Limits, Error> {
        let defaults = mongolia_relations::Limits::default();
        let timeout = std::time::Duration::try_from_secs_f64(self.timeout)
            .ok()
            .filter(|t| !t.is_zero())
            .ok_or_else(|| Error::InvalidInput {
                field: "timeout",
                reason: format!("{} is not a positive number of seconds", self.timeout),
            })?;
        Ok(mongolia_relations::Limits {
            timeout,
            max_rows: self.max_rows.unwrap_or(defaults.max_rows),
            max_bytes: self.max_bytes.unwrap_or(defaults.max_bytes),
            max_value_bytes: self.max_value_bytes.unwrap_or(defaults.max_value_bytes),
            memory: self.max_memory.map_or(defaults.memory, |m| m.saturating_mul(1 << 20)),
        })
    }
}

/// Set by the SIGINT handler; the running query checks it and stops with `Error::Interrupted`.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The exit status of a program stopped by Ctrl-C (128 + SIGINT).
const EXIT_INTERRUPTED: u8 = 130;

extern "C" fn on_sigint(_: libc::c_int) {
    INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
    // A second Ctrl-C ends the program at once, whatever it is doing.
    // SAFETY: signal() is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
    }
}

/// Ctrl-C stops the running query cleanly (temporary output files are removed) instead of
/// killing the program mid-write.
fn catch_ctrl_c() {
    let handler: extern "C" fn(libc::c_int) = on_sigint;
    // SAFETY: the handler only stores to an atomic and calls signal(), both async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, handler as libc::sighandler_t);
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
    Jsonl,
    Parquet,
    Datasette,
    Md,
    Html,
    Bibtex,
    Biblatex,
    Text,
}

impl Format {
    /// The citation format this output format asks for, if it is one.
    fn citation(self) -> Option<CitationFormat> {
        match self {
            Format::Bibtex => Some(CitationFormat::Bibtex),
            Format::Biblatex => Some(CitationFormat::Biblatex),
            Format::Text => Some(CitationFormat::Text),
            _ => None,
        }
    }
}

/// The filters of one query (`Query::ALL[Q]`, `Q` its [`Query::index`]) as its subcommand's flags, made from
/// [`Query::filters`] so that a subcommand shows and takes only the filters its query applies.
struct Filters<const Q: usize>(Filter);

impl<const Q: usize> Filters<Q> {
    const QUERY: Query = Query::ALL[Q];
}

impl<const Q: usize> FromArgMatches for Filters<Q> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut filter = Filter::new();
        for name in Self::QUERY.filters() {
            let given: Vec<String> = if name.value() == FilterValue::Flag {
                matches.get_flag(name.name()).then(|| "true".to_string()).into_iter().collect()
            } else {
                matches.get_many::<String>(name.name()).into_iter().flatten().cloned().collect()
            };
            for value in given {
                filter
                    .set(*name, &value)
                    .map_err(|e| clap::Error::raw(clap::error::ErrorKind::InvalidValue, e))?;
            }
        }
        Ok(Filters(filter))
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

impl<const Q: usize> Args for Filters<Q> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        Self::QUERY.filters().iter().fold(cmd, |cmd, name| {
            let arg = clap::Arg::new(name.name())
                .long(name.name().replace('_', "-"))
                .help(name.help_in(Self::QUERY))
                .help_heading("Filters")
                .value_name(name.name().to_uppercase());
            cmd.arg(match name.value() {
                FilterValue::Flag => arg.action(clap::ArgAction::SetTrue),
                FilterValue::Polities => arg.action(clap::ArgAction::Append),
                _ => arg.action(clap::ArgAction::Set),
            })
        })
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

#[derive(Subcommand)]
enum Command {
    /// Dated events (relations, visits, treaties, aid...): Mongolia's own (with --polity X, those
    /// of Mongolia with X); --context or --involving add the events Mongolia takes no part in.
    Events {
        #[command(flatten)]
        filters: Filters<{ Query::Events.index() }>,
    },
    /// Treaties and agreements with their dates and the basis of their being in force:
    /// Mongolia's (with --polity X, those of Mongolia with X); --context adds the others.
    Treaties {
        #[command(flatten)]
        filters: Filters<{ Query::Treaties.index() }>,
    },
    /// Ambassadors and other diplomats.
    Postings {
        #[command(flatten)]
        filters: Filters<{ Query::Postings.index() }>,
    },
    /// Diplomatic missions: embassies, consulates, honorary consulates and non-resident
    /// accreditations (--kind accredited_from), either way.
    Missions {
        #[command(flatten)]
        filters: Filters<{ Query::Missions.index() }>,
    },
    /// Memberships in international organizations.
    Memberships {
        #[command(flatten)]
        filters: Filters<{ Query::Memberships.index() }>,
    },
    /// Numeric series (trade).
    Observations {
        #[command(flatten)]
        filters: Filters<{ Query::Observations.index() }>,
    },
    /// States, historical ones included, with their codes.
    Polities {
        #[command(flatten)]
        filters: Filters<{ Query::Polities.index() }>,
    },
    /// The code crosswalk (ISO 3166, COW, Gleditsch-Ward) with the days each code holds; with
    /// --code, the polity that code denoted (on --on).
    Codes {
        #[command(flatten)]
        filters: Filters<{ Query::Codes.index() }>,
        /// Look this code up (needs --scheme).
        #[arg(long, requires = "scheme")]
        code: Option<String>,
        /// The day, month or year the code is used for (EDTF).
        #[arg(long, requires = "code")]
        on: Option<String>,
    },
    /// People and their spellings.
    Persons {
        #[command(flatten)]
        filters: Filters<{ Query::Persons.index() }>,
    },
    /// International organizations.
    Organizations {
        #[command(flatten)]
        filters: Filters<{ Query::Organizations.index() }>,
    },
    /// The sources facts are taken from.
    Sources,
    /// Disagreements between sources, with every side.
    Disputes {
        #[command(flatten)]
        filters: Filters<{ Query::Disputes.index() }>,
    },
    /// Full-text search over event summaries (FTS5 syntax).
    Search {
        /// The search text.
        text: String,
    },
    /// Run one read-only SQL statement.
    Sql {
        /// The statement.
        query: String,
    },
    /// How to cite the dataset: BibTeX `@misc` (default), `--format biblatex` (`@dataset`) or
    /// `--format text`. Any query with `--format bibtex` gives the references of its sources.
    Cite {
        /// The same as --format bibtex (kept for scripts written before --format).
        #[arg(long, hide = true)]
        bibtex: bool,
    },
    /// Dataset version and hashes.
    Version,
    /// Write every table, the SQLite file, an ICEWS-layout event file and a manifest.
    Export {
        /// Folder to write (created if missing).
        #[arg(long)]
        out: std::path::PathBuf,
        /// Replace files already in the folder (never the database file being exported).
        #[arg(long)]
        force: bool,
    },
    /// Build the embedded dataset plus your own seed folders into a new database file.
    Build {
        /// A folder of seed CSVs in the format of seeds/ (repeatable); its name names the dataset.
        #[arg(long = "extra", required = true)]
        extra: Vec<std::path::PathBuf>,
        /// The database file to write.
        #[arg(long)]
        out: std::path::PathBuf,
        /// Replace an existing file (never a seed file).
        #[arg(long)]
        force: bool,
    },
    /// Recompute a database file's content hash (FILE, else --db, else the embedded dataset)
    /// and say whether it matches the one the file claims; exit 1 when it does not.
    Verify {
        /// The database file.
        file: Option<std::path::PathBuf>,
    },
    /// The dyad-year panel of Mongolia and its partners (codebook in the README): --polity keeps
    /// those partners, --start and --end the years they fall in (by default 1921 to the latest
    /// year of the data). `panel` is its former name.
    #[command(alias = "panel")]
    DyadYears {
        #[command(flatten)]
        filters: Filters<{ Query::DyadYears.index() }>,
    },
    /// UN General Assembly votes: one row per roll call Mongolia voted in and voter (Mongolia, both
    /// Koreas, the USSR/Russia, China, the US, Japan), beside Mongolia's vote.
    UngaVotes {
        #[command(flatten)]
        filters: Filters<{ Query::UngaVotes.index() }>,
    },
    /// Mongolia's yearly agreement with each member in UN General Assembly votes.
    UngaAgreement {
        #[command(flatten)]
        filters: Filters<{ Query::UngaAgreement.index() }>,
    },
    /// Convert names or codes between schemes, as R's countrycode does: name (as the World Bank,
    /// IMF, UN, CIA or COW write it), polity, iso3c, iso2c, iso3n, cown, cowc, gwn, gwc.
    Countrycode {
        /// The names or codes to convert.
        #[arg(required = true)]
        values: Vec<String>,
        /// The scheme of the values.
        #[arg(long, default_value = "name")]
        from: String,
        /// The scheme to convert to.
        #[arg(long, default_value = "polity")]
        to: String,
        /// The date the codes are of (EDTF), for codes that change (COW 365: USSR, then Russia).
        #[arg(long)]
        on: Option<String>,
    },
    /// Counts of what the dataset holds.
    Stats,
    /// The codebook: tables, columns, vocabularies with counts, coding rules and disputes, from
    /// schema.sql and the data (--format md or html).
    Codebook,
    /// Every UN member (and the Holy See, Palestine): cited relations date, precision, sources.
    Coverage,
    /// Check hashes, locators and quoted phrases against the source texts in the folders, and
    /// that our summaries and notes copy no run of eight words from them; lists each failure.
    VerifySources {
        /// Folders holding the source texts (the documents, the Wikipedia articles, the shared data).
        #[arg(required = true)]
        dirs: Vec<std::path::PathBuf>,
    },
}

/// The `mongolia-relations` program: parses the process's arguments, and Ctrl-C stops the
/// running query.
pub fn main() -> ExitCode {
    catch_ctrl_c();
    ExitCode::from(run_args(std::env::args_os(), || {
        INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed)
    }))
}

/// Runs the command line on `args` (the first is the program's name) and returns the exit
/// status: 0 on success, 2 for a usage error, 130 when `interrupted` said stop, 1 otherwise.
/// Output goes to the process's stdout and stderr. `interrupted` is asked every few thousand
/// steps of a query; the Python package passes one that runs Python's signal handlers.
pub fn run_args<I, T>(args: I, interrupted: impl Fn() -> bool + Send + Sync + 'static) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    let parsed = Cli::command()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m).map(|cli| (cli, m)));
    let (cli, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) if not_applicable(&e, &args).is_some() => {
            eprintln!("error: {}", not_applicable(&e, &args).unwrap_or_default());
            return 2;
        }
        Err(e) => {
            // --help and --version are "errors" that print to stdout and succeed.
            let _ = e.print();
            return u8::try_from(e.exit_code()).unwrap_or(2);
        }
    };
    match run(&cli, &matches, interrupted) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            if matches!(e, Error::Interrupted { .. }) {
                EXIT_INTERRUPTED
            } else {
                1
            }
        }
    }
}

/// A flag clap does not know that is a filter of another query: said as the query refuses it,
/// with the filters this query takes, rather than as an unknown argument.
fn not_applicable(e: &clap::Error, args: &[std::ffi::OsString]) -> Option<String> {
    if e.kind() != clap::error::ErrorKind::UnknownArgument {
        return None;
    }
    let Some(clap::error::ContextValue::String(given)) = e.get(clap::error::ContextKind::InvalidArg) else {
        return None;
    };
    let flag = given.strip_prefix("--")?.split('=').next()?.replace('-', "_");
    let name = mongolia_relations::FilterName::ALL.iter().find(|n| n.name() == flag)?;
    // The subcommand is the first argument that names one (an alias such as `panel` too).
    let cli = Cli::command();
    let sub = args.iter().skip(1).find_map(|a| cli.find_subcommand(a.to_str()?))?;
    let query = Query::named(sub.get_name())?;
    let mut filter = Filter::new();
    filter
        .set(*name, if name.value() == FilterValue::Flag { "true" } else { "x" })
        .ok()?;
    filter
        .check(query)
        .err()
        .map(|e| format!("{e} (see `{} --help`)", query.name().replace('_', "-")))
}

fn to_rows<T: Serialize>(records: &[T]) -> Vec<Value> {
    records.iter().map(|r| serde_json::to_value(r).unwrap_or(Value::Null)).collect()
}

fn run(cli: &Cli, matches: &ArgMatches, interrupted: impl Fn() -> bool + Send + Sync + 'static) -> Result<(), Error> {
    let limits = cli.bounds.limits()?;
    if let Command::Build { extra, out, force } = &cli.command {
        // Before any dataset is opened: a build reads no --db, and takes no heap limit.
        return build(extra, out, *force);
    }
    // The command line owns its process, so a hard limit on SQLite's heap is safe here: it stops
    // what the per-query budget, checked every few hundred steps, could let through between two
    // checks (a query making a maximal value at every row). Room above the budget is left for
    // the database's own pages.
    mongolia_relations::set_process_heap_limit(Some(limits.memory.saturating_add(256 << 20)));
    let file = match &cli.command {
        Command::Verify { file: Some(file) } => Some(file),
        _ => cli.db.as_ref(),
    };
    let data = match file {
        Some(path) => Dataset::open(path)?,
        None => Dataset::embedded()?,
    };
    data.set_limits(limits)?;
    data.set_interrupt_check(interrupted);
    let (rows, columns): (Vec<Value>, &[&str]) = match &cli.command {
        Command::Events { filters: Filters(f) } => {
            // Mongolia's part tells something only once others' events come too.
            let columns: &[&str] = if f.context || f.involving.is_some() {
                &["id", "date", "kind", "polities", "mongolia_role", "place", "summary", "sources"]
            } else {
                &["id", "date", "kind", "polities", "place", "summary", "sources"]
            };
            (to_rows(&data.events(f)?), columns)
        }
        Command::Treaties { filters: Filters(f) } => (
            to_rows(&data.treaties(f)?),
            &["id", "signed", "kind", "parties", "title", "terminated", "in_force_basis"],
        ),
        Command::Postings { filters: Filters(f) } => (
            to_rows(&data.postings(f)?),
            &["id", "person", "sending", "receiving", "start", "end"],
        ),
        Command::Missions { filters: Filters(f) } => (
            to_rows(&data.missions(f)?),
            &[
                "id",
                "sending",
                "receiving",
                "kind",
                "city",
                "accredited_from",
                "status",
                "opened",
                "closed",
                "sources",
            ],
        ),
        Command::Memberships { filters: Filters(f) } => (
            to_rows(&data.memberships(f)?),
            &["organization", "polity", "status", "start", "end", "sources"],
        ),
        Command::Observations { filters: Filters(f) } => (
            to_rows(&data.observations(f)?),
            &["polity", "indicator", "period", "value", "unit", "sources"],
        ),
        Command::Polities { filters: Filters(f) } => (
            to_rows(&data.polities(f)?),
            &["code", "name", "iso2", "iso3", "cow_code", "start_year", "end_year", "successor"],
        ),
        Command::Codes {
            filters: Filters(f),
            code: Some(code),
            on,
        } => {
            let polity = data.polity_for_code(f.scheme.as_deref().unwrap_or_default(), code, on.as_deref())?;
            (
                to_rows(&data.polities(&Filter::new().polity(polity))?),
                &["code", "name", "iso2", "iso3", "cow_code", "gw_code", "start_year", "end_year"],
            )
        }
        Command::Codes { filters: Filters(f), .. } => (
            to_rows(&data.codes(f)?),
            &["polity", "scheme", "code", "valid_from", "valid_to", "certainty", "sources"],
        ),
        Command::Persons { filters: Filters(f) } => (to_rows(&data.persons(f)?), &["id", "name", "polity", "names"]),
        Command::Organizations { filters: Filters(f) } => (to_rows(&data.organizations(f)?), &["code", "name"]),
        Command::Sources => (to_rows(&data.sources()?), &["id", "kind", "reliability", "title"]),
        Command::Disputes { filters: Filters(f) } => (to_rows(&data.disputes(f)?), &["id", "topic", "claims"]),
        Command::Search { text } => (to_rows(&data.search(text)?), &["id", "date", "kind", "polities", "summary"]),
        Command::Sql { query } => (objects(data.sql(query)?), &[]),
        Command::Cite { bibtex } => {
            let format = match cli.format.citation() {
                Some(format) if !*bibtex => format,
                _ => CitationFormat::Bibtex,
            };
            emit(&data.cite(format)?);
            return Ok(());
        }
        Command::Version => {
            let rows = vec![serde_json::json!({
                "library_version": env!("CARGO_PKG_VERSION"),
                "dataset_version": data.dataset_version()?,
                "schema_version": data.metadata("schema_version")?,
                "content_hash": data.content_hash()?,
                "file_sha256": if data.is_embedded() { Some(mongolia_relations::FILE_SHA256) } else { None },
                "sqlite_version": rusqlite_version(&data)?,
            })];
            (rows, &[])
        }
        Command::UngaVotes { filters: Filters(f) } => (
            to_rows(&data.unga_votes(f)?),
            &["rcid", "date", "symbol", "polity", "vote", "mongolia_vote", "issues", "title"],
        ),
        Command::UngaAgreement { filters: Filters(f) } => (
            to_rows(&data.unga_agreement(f)?),
            &["polity", "year", "n_votes", "identical_share", "agreement_index", "source_country"],
        ),
        Command::Countrycode { values, from, to, on } => {
            let input: Vec<Option<String>> = values.iter().cloned().map(Some).collect();
            let conversion = data.countrycode(&input, from, to, std::slice::from_ref(on))?;
            let rows = values
                .iter()
                .zip(&conversion.values)
                .enumerate()
                .map(|(i, (value, out))| {
                    let miss = conversion.unmatched.iter().find(|u| u.index == i);
                    let mut row = serde_json::Map::new();
                    row.insert("value".into(), Value::from(value.as_str()));
                    row.insert(to.clone(), out.clone().map_or(Value::Null, Value::from));
                    row.insert("reason".into(), miss.map_or(Value::Null, |u| Value::from(u.reason.as_str())));
                    row.insert(
                        "suggestions".into(),
                        miss.map_or(Value::Null, |u| Value::from(u.suggestions.join("; "))),
                    );
                    Value::Object(row)
                })
                .collect();
            (rows, &[])
        }
        Command::Stats => (stats(&data)?, &[]),
        Command::Codebook => {
            let book = data.codebook()?;
            match cli.format {
                Format::Md | Format::Table => print!("{}", book.markdown()),
                Format::Html => print!("{}", book.html()),
                _ => {
                    return Err(Error::InvalidInput {
                        field: "format",
                        reason: "the codebook is written as md or html; use --format md".into(),
                    })
                }
            }
            return Ok(());
        }
        Command::Export { out, force } if matches!(cli.format, Format::Datasette) => {
            let manifest = data.export_datasette(out, overwrite(*force))?;
            eprintln!(
                "wrote {} files to {}; serve them with: datasette serve --immutable {} --metadata {}",
                manifest.files.len(),
                out.display(),
                out.join(mongolia_relations::DATASETTE_DATABASE).display(),
                out.join("metadata.json").display()
            );
            return Ok(());
        }
        Command::Export { out, force } => {
            let format = match cli.format {
                Format::Table | Format::Csv => mongolia_relations::ExportFormat::Csv,
                Format::Jsonl => mongolia_relations::ExportFormat::Jsonl,
                Format::Parquet => mongolia_relations::ExportFormat::Parquet,
                Format::Json | Format::Datasette | Format::Md | Format::Html | Format::Bibtex | Format::Biblatex | Format::Text => {
                    return Err(Error::InvalidInput {
                        field: "format",
                        reason: "export writes csv, jsonl, parquet or datasette; use --format jsonl".into(),
                    });
                }
            };
            let manifest = data.export_with(out, format, overwrite(*force))?;
            eprintln!("wrote {} files to {}", manifest.files.len(), out.display());
            return Ok(());
        }
        Command::Build { extra, out, force } => return build(extra, out, *force),
        Command::Verify { .. } => {
            let verification = data.verify()?;
            print(
                &to_rows(std::slice::from_ref(&verification)),
                &["matches", "claimed", "actual"],
                cli.format,
                &table::Layout::new(cli.wide, "verify"),
            );
            if verification.matches {
                return Ok(());
            }
            return Err(Error::InvalidInput {
                field: "content hash",
                reason: format!(
                    "the rows hash to {}, not to the {} the file claims: it was changed after it was built",
                    verification.actual,
                    verification.claimed.as_deref().unwrap_or("(no hash)")
                ),
            });
        }
        Command::DyadYears { filters: Filters(f) } => (to_rows(&data.dyad_years(f)?), &[]),
        Command::Coverage => (to_rows(&data.coverage()?), &[]),
        Command::VerifySources { dirs } => {
            let failures = data.verify_sources(dirs)?;
            print(
                &to_rows(&failures),
                &[],
                cli.format,
                &table::Layout::new(cli.wide, "verify-sources"),
            );
            if failures.is_empty() {
                let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
                eprintln!(
                    "all sources, locators, quoted phrases and own words check out against {}",
                    names.join(", ")
                );
                return Ok(());
            }
            return Err(Error::InvalidInput {
                field: "sources",
                reason: format!("{} provenance failure(s)", failures.len()),
            });
        }
    };
    if matches!(cli.format, Format::Parquet | Format::Datasette | Format::Md | Format::Html) {
        return Err(Error::InvalidInput {
            field: "format",
            reason: "parquet and datasette are written by `export`, md and html by `codebook`; choose table, csv, json or jsonl".into(),
        });
    }
    if let Some(format) = cli.format.citation() {
        // A polity found by its code (`codes --code`) is cited like any polity row.
        let kind = match (&cli.command, matches.subcommand_name()) {
            (Command::Codes { code: Some(_), .. }, _) => "polities",
            (_, name) => name.unwrap_or_default(),
        };
        let ids = data.sources_behind(kind, &rows)?;
        emit(&data.cite_sources(&ids, format)?);
        return Ok(());
    }
    let layout = table::Layout {
        title: Some(table::title(&data, matches)?),
        ..table::Layout::new(cli.wide, "")
    };
    print(&rows, columns, cli.format, &layout);
    Ok(())
}

/// Prints `text` and a newline; a closed pipe (e.g. `| head`) is not an error worth reporting.
fn emit(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// A build is not a query: it holds the whole extended database in memory, unbounded.
fn build(extra: &[std::path::PathBuf], out: &std::path::Path, force: bool) -> Result<(), Error> {
    let dirs: Vec<&std::path::Path> = extra.iter().map(|p| p.as_path()).collect();
    let summary = Dataset::build_extended_with(&dirs, out, overwrite(force))?;
    eprintln!("wrote {} (content hash {})", out.display(), summary.content_hash);
    Ok(())
}

fn overwrite(force: bool) -> mongolia_relations::Overwrite {
    if force {
        mongolia_relations::Overwrite::Replace
    } else {
        mongolia_relations::Overwrite::Refuse
    }
}

fn rusqlite_version(data: &Dataset) -> Result<String, Error> {
    Ok(data.connection().query_row("SELECT sqlite_version()", [], |r| r.get(0))?)
}

fn stats(data: &Dataset) -> Result<Vec<Value>, Error> {
    let q = "SELECT 'events: ' || kind AS what, count(*) AS n FROM events GROUP BY kind \
             UNION ALL SELECT 'events (all)', count(*) FROM events \
             UNION ALL SELECT 'treaties', count(*) FROM treaties \
             UNION ALL SELECT 'postings', count(*) FROM postings \
             UNION ALL SELECT 'missions (all)', count(*) FROM missions \
             UNION ALL SELECT 'missions: ' || kind, count(*) FROM missions GROUP BY kind \
             UNION ALL SELECT 'memberships', count(*) FROM memberships \
             UNION ALL SELECT 'observations', count(*) FROM observations \
             UNION ALL SELECT 'polities', count(*) FROM polities \
             UNION ALL SELECT 'polities with a relations date', count(DISTINCT ep.polity) FROM events e JOIN event_participants ep ON ep.event = e.id \
                 WHERE e.kind = 'relations_established' AND ep.polity <> 'MNG' \
             UNION ALL SELECT 'codes: ' || scheme, count(*) FROM polity_codes GROUP BY scheme \
             UNION ALL SELECT 'persons', count(*) FROM persons \
             UNION ALL SELECT 'sources', count(*) FROM sources \
             UNION ALL SELECT 'citations', count(*) FROM citations \
             UNION ALL SELECT 'events: context (Mongolia no party)', count(*) FROM events WHERE mongolia_role = 'none' \
             UNION ALL SELECT 'quantities', count(*) FROM quantities \
             UNION ALL SELECT 'sources: Wikipedia articles held', count(*) FROM sources WHERE id LIKE 'wp-%' \
             UNION ALL SELECT 'paragraphs without a fact (listed)', count(*) FROM uncited_paragraphs \
             UNION ALL SELECT 'disputes: ' || kind, count(*) FROM disputes GROUP BY kind \
             UNION ALL SELECT 'disputes', count(*) FROM disputes \
             UNION ALL SELECT 'UN General Assembly roll calls', count(*) FROM unga_roll_calls \
             UNION ALL SELECT 'UN General Assembly votes: ' || polity, count(*) FROM unga_votes GROUP BY polity \
             UNION ALL SELECT 'UN General Assembly agreement rows', count(*) FROM unga_agreement";
    Ok(objects(data.sql(q)?))
}

/// SQL rows as JSON objects keyed by column name.
fn objects(result: mongolia_relations::SqlRows) -> Vec<Value> {
    result
        .rows
        .into_iter()
        .map(|r| Value::Object(result.columns.iter().cloned().zip(r).collect()))
        .collect()
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(";"),
        Value::Object(map) => map
            .get("value")
            .or_else(|| map.get("name"))
            .map(cell)
            .unwrap_or_else(|| serde_json::to_string(v).unwrap_or_default()),
        other => other.to_string(),
    }
}

fn print(rows: &[Value], table_columns: &[&str], format: Format, layout: &table::Layout) {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let all: Vec<String> = match rows.first() {
        Some(Value::Object(m)) => m.keys().cloned().collect(),
        _ => Vec::new(),
    };
    let result = match format {
        Format::Json => serde_json::to_writer_pretty(&mut out, rows)
            .map_err(std::io::Error::other)
            .and_then(|_| writeln!(out)),
        Format::Jsonl => rows.iter().try_for_each(|r| {
            serde_json::to_writer(&mut out, r)
                .map_err(std::io::Error::other)
                .and_then(|_| writeln!(out))
        }),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            // An empty result has no columns to name: print nothing rather than an empty field.
            let mut res = if all.is_empty() {
                Ok(())
            } else {
                w.write_record(&all).map_err(std::io::Error::other)
            };
            for r in rows {
                if res.is_ok() {
                    res = w
                        .write_record(all.iter().map(|c| cell(&r[c.as_str()])))
                        .map_err(std::io::Error::other);
                }
            }
            res.and_then(|_| w.flush())
        }
        Format::Table
        | Format::Parquet
        | Format::Datasette
        | Format::Md
        | Format::Html
        | Format::Bibtex
        | Format::Biblatex
        | Format::Text => {
            let cols: Vec<String> = if table_columns.is_empty() {
                all
            } else {
                table_columns.iter().map(|c| c.to_string()).collect()
            };
            let cells: Vec<Vec<String>> = rows.iter().map(|r| cols.iter().map(|c| cell(&r[c.as_str()])).collect()).collect();
            writeln!(out, "{}", layout.render(&cols, &cells))
        }
    };
    // A closed pipe (e.g. `| head`) is not an error worth reporting.
    let _ = result;
}
