//! The dyad-year panel pins real values of the embedded dataset.

use mongolia_relations::{Dataset, DyadYear, PanelOptions};

fn panel(partner: &str) -> Vec<DyadYear> {
    Dataset::embedded()
        .unwrap()
        .dyad_years(&PanelOptions {
            partners: vec![partner.into()],
            ..PanelOptions::default()
        })
        .unwrap()
}

fn row(rows: &[DyadYear], year: i32) -> &DyadYear {
    rows.iter().find(|r| r.year == year).unwrap_or_else(|| panic!("no row for {year}"))
}

#[test]
fn the_dprk_rows_show_the_1986_treaty_in_force_in_1990_and_terminated_by_1996() {
    let data = Dataset::embedded().unwrap();
    let t1986 = data
        .treaties(&mongolia_relations::Filter::new().polity("PRK"))
        .unwrap()
        .into_iter()
        .find(|t| t.title.contains("1986"))
        .unwrap();
    let rows = panel("North Korea");
    assert!(row(&rows, 1990).treaties_in_force_ids.contains(&t1986.id));
    assert_eq!(row(&rows, 1995).treaties_terminated, 1);
    assert!(!row(&rows, 1996).treaties_in_force_ids.contains(&t1986.id));
    assert_eq!(row(&rows, 1996).treaties_in_force, row(&rows, 1990).treaties_in_force - 1);
    assert_eq!(row(&rows, 1990).relations, Some(true));
    assert_eq!(row(&rows, 1990).years_since_relations, Some(42));
}

#[test]
fn years_before_a_partner_existed_are_absent() {
    assert_eq!(panel("PRK").first().unwrap().year, 1948);
    let ussr = panel("USSR");
    assert_eq!((ussr.first().unwrap().year, ussr.last().unwrap().year), (1922, 1991));
    assert_eq!(
        row(&ussr, 1950).relations,
        Some(true),
        "relations come from Soviet Russia's 1921 agreement"
    );
    assert!(panel("DDR").iter().all(|r| r.year <= 1990));
}

#[test]
fn a_year_without_a_trade_figure_is_na_not_zero() {
    let rows = panel("PRK");
    assert_eq!(row(&rows, 1985).series["trade_turnover"], Some(10.7));
    assert_eq!(row(&rows, 1991).series["trade_turnover"], None);
    assert_eq!(row(&rows, 2000).series["trade_turnover"], Some(0.0));
}

#[test]
fn relations_are_false_before_establishment_and_during_a_break() {
    let kor = panel("South Korea");
    assert_eq!((row(&kor, 1989).relations, row(&kor, 1990).relations), (Some(false), Some(true)));
    let pak = panel("Pakistan");
    assert_eq!(
        (row(&pak, 1971).relations, row(&pak, 1973).relations, row(&pak, 1976).relations),
        (Some(true), Some(false), Some(true))
    );
    let bahamas = panel("Bahamas");
    assert_eq!(
        (row(&bahamas, 2015).relations, row(&bahamas, 2016).relations),
        (Some(false), Some(true))
    );
}

#[test]
fn visits_count_by_direction_and_postings_mark_ambassadors() {
    let rows = panel("PRK");
    assert!(row(&rows, 1988).visits_2_to_1 >= 1, "Kim Il Sung's state visit");
    assert!(row(&rows, 1989).visits_1_to_2 >= 1, "Gombosuren in Pyongyang");
    assert_eq!(row(&rows, 1951).ambassador_1_in_2, Some(true));
    assert_eq!(row(&rows, 1990).ambassador_2_in_1, Some(true));
}

#[test]
fn the_full_panel_covers_every_partner_with_years() {
    let rows = Dataset::embedded().unwrap().dyad_years(&PanelOptions::default()).unwrap();
    let partners: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.partner.as_str()).collect();
    assert!(partners.len() > 190 && !partners.contains("MNG"));
    assert!(rows.iter().all(|r| r.year >= 1921));
}

#[test]
fn panel_rows_carry_the_cow_and_gw_numbers_of_the_year() {
    let d = Dataset::embedded().unwrap();
    let row = |partner: &str, year: i32| {
        let rows = d
            .dyad_years(&PanelOptions {
                start: Some(year),
                end: Some(year),
                partners: vec![partner.into()],
                ..PanelOptions::default()
            })
            .unwrap();
        rows.first().map(|r| (r.ccode2, r.gwcode2))
    };
    assert_eq!(row("DDR", 1960), Some((Some(265), Some(265))));
    assert_eq!(row("SUN", 1950), Some((Some(365), Some(365))));
    assert_eq!(row("DEU", 1995), Some((Some(255), Some(260))));
    assert_eq!(row("FRG", 1956), Some((Some(260), Some(260))));
    assert_eq!(
        row("NLD", 1942),
        Some((None, Some(210))),
        "COW counts the Netherlands out during the occupation"
    );
}
