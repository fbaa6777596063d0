//! Typed records into Arrow: one schema per record kind whatever the rows, categoricals whose
//! dictionary is the whole vocabulary, nested records as lists of structs, against the real
//! embedded database.

use arrow_array::cast::AsArray;
use arrow_array::types::Int32Type;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use mongolia_relations::record::Record;
use mongolia_relations::{Dataset, DyadYear, Event, Filter};

fn data() -> Dataset {
    Dataset::embedded().expect("the embedded dataset opens")
}

fn dictionary(batch: &RecordBatch, column: &str) -> Vec<String> {
    let array = batch.column_by_name(column).expect("the column is there");
    let dict = array.as_dictionary::<Int32Type>();
    dict.values()
        .as_string::<i32>()
        .iter()
        .map(|v| v.unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_subset_of_events_has_the_schema_and_categories_of_all_events() {
    let d = data();
    let all = d.record_batch(&d.events(&Filter::new().context(true)).unwrap()).unwrap();
    let some = d
        .record_batch(&d.events(&Filter::new().polity("North Korea").kind("visit")).unwrap())
        .unwrap();
    let none = d.record_batch::<Event>(&[]).unwrap();
    assert_eq!(all.schema(), some.schema());
    assert_eq!(all.schema(), none.schema());
    let kinds: Vec<String> = d
        .sql("SELECT kind FROM event_kinds ORDER BY kind")
        .unwrap()
        .rows
        .iter()
        .map(|r| r[0].as_str().unwrap().to_string())
        .collect();
    assert_eq!(dictionary(&some, "kind"), kinds);
    assert_eq!(dictionary(&none, "kind"), kinds);
    assert_eq!(dictionary(&all, "kind"), dictionary(&some, "kind"));
}

#[test]
fn event_columns_follow_the_record_definition_with_participants_as_structs() {
    let d = data();
    let events = d
        .events(&Filter::new().polity("North Korea").kind("relations_established"))
        .unwrap();
    let batch = d.record_batch(&events).unwrap();
    let schema = batch.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let defined: Vec<&str> = Event::FIELDS.iter().map(|f| f.name).collect();
    assert_eq!(names, defined);
    assert_eq!(schema.field_with_name("id").unwrap().data_type(), &DataType::Int64);
    assert_eq!(schema.field_with_name("start").unwrap().data_type(), &DataType::Date32);
    match schema.field_with_name("participants").unwrap().data_type() {
        DataType::List(item) => match item.data_type() {
            DataType::Struct(fields) => {
                let names: Vec<&str> = fields.iter().map(|f| f.name().as_str()).collect();
                assert_eq!(names, ["kind", "id", "name", "role"]);
            }
            other => panic!("participants hold {other}, not structs"),
        },
        other => panic!("participants are {other}, not a list"),
    }
    let participants = batch.column_by_name("participants").unwrap().as_list::<i32>();
    let first = participants.value(0);
    let ids = first
        .as_struct()
        .column_by_name("id")
        .unwrap()
        .as_string::<i32>()
        .iter()
        .flatten()
        .collect::<Vec<_>>();
    assert!(ids.contains(&"MNG") && ids.contains(&"PRK"), "{ids:?}");
}

#[test]
fn the_panel_has_integer_codes_boolean_states_and_a_float_column_per_indicator_whatever_the_subset() {
    let d = data();
    let one = d.dyad_years(&Filter::new().polity("PRK")).unwrap();
    let year = d.dyad_years(&Filter::new().start("1990").end("1990")).unwrap();
    let (one, year) = (d.record_batch(&one).unwrap(), d.record_batch(&year).unwrap());
    assert_eq!(one.schema(), year.schema());
    let schema = one.schema();
    assert_eq!(schema.field_with_name("ccode1").unwrap().data_type(), &DataType::Int64);
    assert_eq!(schema.field_with_name("relations").unwrap().data_type(), &DataType::Boolean);
    let indicators = d.sql("SELECT indicator FROM indicators").unwrap().rows.len();
    assert!(indicators > 0);
    assert_eq!(schema.fields().len(), DyadYear::FIELDS.len() - 1 + indicators);
    assert_eq!(schema.field_with_name("trade_turnover").unwrap().data_type(), &DataType::Float64);
    let relations = one.column_by_name("relations").unwrap().as_boolean();
    assert!(relations.null_count() < relations.len());
}
