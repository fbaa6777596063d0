//! The export's content and its one SQLite-to-Arrow path: columns line up with their names,
//! one table can be written alone, an interrupted parallel export leaves nothing behind, and
//! free SQL reaches Arrow typed by its values.
#![cfg(feature = "export")]

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
use arrow_schema::DataType;
use mongolia_relations::{Dataset, Error, ExportFormat, Overwrite};
use std::path::PathBuf;

#[test]
fn exported_columns_line_up_with_their_names_past_a_generated_column() {
    let data = Dataset::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    data.export(dir.path(), ExportFormat::Jsonl).unwrap();
    let expected = data
        .sql("SELECT id, date_long, certainty, mongolia_role, dataset FROM events ORDER BY rowid")
        .unwrap();
    let text = std::fs::read_to_string(dir.path().join("events.jsonl")).unwrap();
    let rows: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), expected.rows.len());
    for (row, want) in rows.iter().zip(&expected.rows) {
        let got: Vec<&serde_json::Value> = ["id", "date_long", "certainty", "mongolia_role", "dataset"]
            .iter()
            .map(|k| &row[*k])
            .collect();
        assert_eq!(got, want.iter().collect::<Vec<_>>());
    }
}

#[test]
fn one_table_is_exported_alone_atomically_and_an_unknown_one_is_not_found() {
    let data = Dataset::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("events.csv");
    let rows = data.export_table(&file, "events", ExportFormat::Csv, Overwrite::Refuse).unwrap();
    let n: i64 = data
        .connection()
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows as i64, n);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("id,kind,date,date_start,date_end,date_precision,date_long,certainty,"));
    assert_eq!(text.lines().count(), rows + 1);
    assert!(matches!(
        data.export_table(&file, "events", ExportFormat::Csv, Overwrite::Refuse),
        Err(Error::OutputExists { .. })
    ));
    assert!(matches!(
        data.export_table(&dir.path().join("x.csv"), "no_such_table", ExportFormat::Csv, Overwrite::Refuse),
        Err(Error::NotFound { .. })
    ));
    let names: Vec<PathBuf> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(names, [file]);
}

#[test]
fn an_interrupted_parallel_export_stops_every_thread_and_leaves_no_file() {
    let data = Dataset::embedded().unwrap();
    data.set_interrupt_check(|| true);
    let dir = tempfile::tempdir().unwrap();
    let err = data.export(dir.path(), ExportFormat::Parquet).unwrap_err();
    assert!(matches!(err, Error::Interrupted { .. }), "{err:?}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn free_sql_reaches_arrow_typed_by_its_values_widening_mixed_columns() {
    let data = Dataset::embedded().unwrap();
    let batch = data
        .sql_arrow("SELECT 1 AS i, 1 AS f, NULL AS n, 1 AS s, x'ff' AS b UNION ALL SELECT 2, 2.5, NULL, 'a', NULL")
        .unwrap();
    let types: Vec<&DataType> = batch.schema_ref().fields().iter().map(|f| f.data_type()).collect();
    assert_eq!(
        types,
        [
            &DataType::Int64,
            &DataType::Float64,
            &DataType::Utf8,
            &DataType::Utf8,
            &DataType::Utf8
        ]
    );
    assert_eq!(batch.column(0).as_primitive::<Int64Type>().values(), &[1, 2]);
    assert_eq!(batch.column(1).as_primitive::<Float64Type>().values(), &[1.0, 2.5]);
    assert_eq!(batch.column(2).null_count(), 2);
    let s = batch.column(3).as_string::<i32>();
    assert_eq!((s.value(0), s.value(1)), ("1", "a"));
    assert_eq!(batch.column(4).as_string::<i32>().value(0), "ff");
}

#[test]
fn free_sql_into_arrow_keeps_the_row_cap_and_the_read_only_guard() {
    let data = Dataset::embedded().unwrap();
    data.set_limits(mongolia_relations::Limits {
        max_rows: 5,
        ..Default::default()
    })
    .unwrap();
    assert!(matches!(
        data.sql_arrow("SELECT id FROM events"),
        Err(Error::ResultTooLarge { unit: "rows", max: 5, .. })
    ));
    assert!(matches!(data.sql_arrow("DELETE FROM events"), Err(Error::ReadOnly { .. })));
    let empty = data.sql_arrow("SELECT id, kind FROM events WHERE 0").unwrap();
    assert_eq!((empty.num_rows(), empty.num_columns()), (0, 2));
}

#[test]
fn export_failures_of_our_own_name_the_file_and_what_to_do() {
    let serialize = Error::Serialize {
        format: "Parquet",
        path: Some(PathBuf::from("/out/events.parquet")),
        detail: "bad schema".into(),
    };
    assert_eq!(serialize.to_string(), "cannot write Parquet to /out/events.parquet: bad schema");
    let remove = Error::RemoveFile {
        path: PathBuf::from("/out/.events.csv.1-0.partial"),
        target: PathBuf::from("/out/events.csv"),
        source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    };
    let message = remove.to_string();
    assert!(message.starts_with("/out/events.csv was written, but its temporary file /out/.events.csv.1-0.partial"));
    assert!(message.ends_with("delete it by hand"));
    assert!(std::error::Error::source(&remove).is_some());
}
