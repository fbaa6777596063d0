//! Partial and uncertain dates, written as EDTF (ISO 8601-2) strings: see [`PartialDate`].

use chrono::{Datelike, NaiveDate};
use std::fmt;

/// How finely a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// A single day.
    Day,
    /// A calendar month.
    Month,
    /// A season of the northern hemisphere.
    Season,
    /// A quarter of a year.
    Quarter,
    /// A half of a year.
    Half,
    /// A calendar year.
    Year,
    /// A decade, written with an unspecified last digit (`196X`).
    Decade,
    /// A century, written with two unspecified digits (`19XX`).
    Century,
    /// An interval between two dates (`1950/1952`).
    Interval,
    /// One date out of a set (`[1972,1973]`).
    Set,
}

impl Precision {
    /// The name stored in the database and shown by the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Quarter => "quarter",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Century => "century",
            Precision::Interval => "interval",
            Precision::Set => "set",
        }
    }

    /// Parses a name produced by [`Precision::as_str`].
    pub fn from_name(name: &str) -> Option<Precision> {
        Some(match name {
            "day" => Precision::Day,
            "month" => Precision::Month,
            "season" => Precision::Season,
            "quarter" => Precision::Quarter,
            "half" => Precision::Half,
            "year" => Precision::Year,
            "decade" => Precision::Decade,
            "century" => Precision::Century,
            "interval" => Precision::Interval,
            "set" => Precision::Set,
            _ => return None,
        })
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a string is not a date this crate understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// The text that was given.
    pub input: String,
    /// What is wrong with it, and what would be right.
    pub reason: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid date {:?}: {}", self.input, self.reason)
    }
}

impl std::error::Error for DateError {}

/// A date known to some precision, with its earliest and latest possible day: partial and
/// uncertain dates, written as EDTF (ISO 8601-2) strings.
///
/// Historical sources rarely give a day: "summer 1988", "1972 and 1973", "end of 1953". A
/// [`PartialDate`] keeps exactly what the source says and derives two bounds, the earliest and
/// the latest day the date can denote, so that partial dates sort and filter like ordinary ones.
///
/// | EDTF | meaning | precision | bounds |
/// |---|---|---|---|
/// | `1948-10-15` | a day | day | 1948-10-15 .. 1948-10-15 |
/// | `1989-04` | a month | month | 1989-04-01 .. 1989-04-30 |
/// | `1988-22` | summer 1988 (21 spring, 22 summer, 23 autumn, 24 winter) | season | 1988-06-01 .. 1988-08-31 |
/// | `1953-36` | fourth quarter of 1953 (33..36) | quarter | 1953-10-01 .. 1953-12-31 |
/// | `1990-40` | first half of 1990 (40, 41) | half | 1990-01-01 .. 1990-06-30 |
/// | `1986` | a year | year | 1986-01-01 .. 1986-12-31 |
/// | `196X` | the 1960s | decade | 1960-01-01 .. 1969-12-31 |
/// | `1950/1952` | an interval | interval | 1950-01-01 .. 1952-12-31 |
/// | `[1972,1973]` | one of a set | set | 1972-01-01 .. 1973-12-31 |
///
/// A trailing `?` marks the date uncertain, `~` approximate, `%` both; the bounds stay those of
/// the unit, the flags travel with the date. Seasons are those of the northern hemisphere.
///
/// ```
/// use mongolia_relations_builder::dates::{PartialDate, Precision};
/// let summer = PartialDate::parse("1988-22").unwrap();
/// assert_eq!(summer.precision(), Precision::Season);
/// assert_eq!(summer.start().to_string(), "1988-06-01");
/// assert_eq!(summer.end().to_string(), "1988-08-31");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    edtf: String,
    start: NaiveDate,
    end: NaiveDate,
    precision: Precision,
    approximate: bool,
    uncertain: bool,
}

/// The longest date string accepted; anything longer is not a date.
const MAX_LEN: usize = 64;

impl PartialDate {
    /// Parses an EDTF string (see [`PartialDate`] for the accepted forms).
    pub fn parse(input: &str) -> Result<PartialDate, DateError> {
        let fail = |reason: &str| DateError {
            input: input.chars().take(MAX_LEN).collect(),
            reason: reason.to_string(),
        };
        let text = input.trim();
        if text.is_empty() {
            return Err(fail("empty; write e.g. 1948-10-15, 1988-22 (summer) or 1986"));
        }
        if text.len() > MAX_LEN {
            return Err(fail("too long to be a date"));
        }
        if let Some(inner) = text
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .or_else(|| text.strip_prefix('{').and_then(|t| t.strip_suffix('}')))
        {
            return Self::parse_set(text, inner).map_err(|r| fail(&r));
        }
        if let Some((a, b)) = text.split_once('/') {
            let a = Self::parse_single(a).map_err(|r| fail(&r))?;
            let b = Self::parse_single(b).map_err(|r| fail(&r))?;
            if b.end < a.start {
                return Err(fail("the interval ends before it starts"));
            }
            return Ok(PartialDate {
                edtf: text.to_string(),
                start: a.start,
                end: b.end,
                precision: Precision::Interval,
                approximate: a.approximate || b.approximate,
                uncertain: a.uncertain || b.uncertain,
            });
        }
        Self::parse_single(text).map_err(|r| fail(&r))
    }

    fn parse_set(text: &str, inner: &str) -> Result<PartialDate, String> {
        let mut members = Vec::new();
        for part in inner.split(',') {
            match part.split_once("..") {
                Some((a, b)) => {
                    members.push(Self::parse_single(a)?);
                    members.push(Self::parse_single(b)?);
                }
                None => members.push(Self::parse_single(part)?),
            }
        }
        let start = members.iter().map(|d| d.start).min();
        let end = members.iter().map(|d| d.end).max();
        match (start, end) {
            (Some(start), Some(end)) => Ok(PartialDate {
                edtf: text.to_string(),
                start,
                end,
                precision: Precision::Set,
                approximate: members.iter().any(|d| d.approximate),
                uncertain: members.iter().any(|d| d.uncertain),
            }),
            _ => Err("an empty set".into()),
        }
    }

    fn parse_single(text: &str) -> Result<PartialDate, String> {
        let text = text.trim();
        let (body, approximate, uncertain) = match text.chars().last() {
            Some('?') => (&text[..text.len() - 1], false, true),
            Some('~') => (&text[..text.len() - 1], true, false),
            Some('%') => (&text[..text.len() - 1], true, true),
            _ => (text, false, false),
        };
        let parts: Vec<&str> = body.split('-').collect();
        let year_text = parts[0];
        if year_text.len() != 4 || !year_text.chars().all(|c| c.is_ascii_digit() || c == 'X') {
            return Err(format!("the year must be four digits (or 196X for a decade), not {year_text:?}"));
        }
        let unspecified = year_text.chars().rev().take_while(|&c| c == 'X').count();
        if year_text[..4 - unspecified].contains('X') {
            return Err("only the last digits of a year may be X".into());
        }
        let digits = |s: &str| -> Result<u32, String> {
            if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
                Err(format!("{s:?} is not a number"))
            } else {
                s.parse().map_err(|_| format!("{s:?} is not a number"))
            }
        };
        let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y:04}-{m:02}-{d:02} does not exist"));
        let make = |start, end, precision| PartialDate {
            edtf: text.to_string(),
            start,
            end,
            precision,
            approximate,
            uncertain,
        };
        if unspecified > 0 {
            if parts.len() > 1 {
                return Err("a decade or century cannot have a month or day".into());
            }
            if unspecified > 2 {
                return Err("at most two unspecified digits (19XX)".into());
            }
            let base: i32 = year_text[..4 - unspecified].parse().map_err(|_| "bad year")?;
            let span = 10_i32.pow(unspecified as u32);
            let first = base * span;
            let precision = if unspecified == 1 { Precision::Decade } else { Precision::Century };
            return Ok(make(ymd(first, 1, 1)?, ymd(first + span - 1, 12, 31)?, precision));
        }
        let year: i32 = year_text.parse().map_err(|_| "bad year")?;
        match parts.len() {
            1 => Ok(make(ymd(year, 1, 1)?, ymd(year, 12, 31)?, Precision::Year)),
            2 => {
                if parts[1].len() != 2 {
                    return Err(format!("the month must be two digits, not {:?}", parts[1]));
                }
                let code = digits(parts[1])?;
                let (first, last, precision) = match code {
                    1..=12 => (code, code, Precision::Month),
                    21..=24 => {
                        let first = [3, 6, 9, 12][(code - 21) as usize];
                        (first, first + 2, Precision::Season)
                    }
                    33..=36 => {
                        let first = 1 + 3 * (code - 33);
                        (first, first + 2, Precision::Quarter)
                    }
                    40 | 41 => {
                        let first = 1 + 6 * (code - 40);
                        (first, first + 5, Precision::Half)
                    }
                    _ => {
                        return Err(format!(
                            "{code:02} is neither a month (01-12), a season (21-24), a quarter (33-36) nor a half (40-41)"
                        ))
                    }
                };
                let start = ymd(year, first, 1)?;
                // Winter runs from December into the next year's February.
                let (end_year, end_month) = if last > 12 { (year + 1, last - 12) } else { (year, last) };
                Ok(make(start, last_day(end_year, end_month)?, precision))
            }
            3 => {
                if parts[1].len() != 2 || parts[2].len() != 2 {
                    return Err("write month and day with two digits each (1948-10-15)".into());
                }
                let day = ymd(year, digits(parts[1])?, digits(parts[2])?)?;
                Ok(make(day, day, Precision::Day))
            }
            _ => Err("too many parts; write YYYY, YYYY-MM or YYYY-MM-DD".into()),
        }
    }

    /// The date as EDTF, exactly as it was given.
    pub fn edtf(&self) -> &str {
        &self.edtf
    }

    /// The earliest day the date can denote.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The latest day the date can denote.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// How finely the date is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Whether the source gives the date as approximate (`~` or `%`).
    pub fn is_approximate(&self) -> bool {
        self.approximate
    }

    /// Whether the source gives the date as uncertain (`?` or `%`).
    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }

    /// The calendar year of the earliest bound.
    pub fn year(&self) -> i32 {
        self.start.year()
    }
}

fn last_day(year: i32, month: u32) -> Result<NaiveDate, String> {
    let (ny, nm) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| format!("year {year} is out of range"))
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.edtf)
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(s: &str) -> (String, String, Precision) {
        let d = PartialDate::parse(s).unwrap();
        (d.start().to_string(), d.end().to_string(), d.precision())
    }

    #[test]
    fn day_month_and_year_bounds_cover_the_unit() {
        assert_eq!(bounds("1948-10-15"), ("1948-10-15".into(), "1948-10-15".into(), Precision::Day));
        assert_eq!(bounds("1988-02"), ("1988-02-01".into(), "1988-02-29".into(), Precision::Month));
        assert_eq!(bounds("1986"), ("1986-01-01".into(), "1986-12-31".into(), Precision::Year));
    }

    #[test]
    fn seasons_quarters_and_halves_follow_iso_8601_2_codes() {
        assert_eq!(bounds("1988-22").0, "1988-06-01");
        assert_eq!(bounds("1988-24"), ("1988-12-01".into(), "1989-02-28".into(), Precision::Season));
        assert_eq!(bounds("1953-36"), ("1953-10-01".into(), "1953-12-31".into(), Precision::Quarter));
        assert_eq!(bounds("1990-41"), ("1990-07-01".into(), "1990-12-31".into(), Precision::Half));
    }

    #[test]
    fn decades_intervals_and_sets_span_their_members() {
        assert_eq!(bounds("196X"), ("1960-01-01".into(), "1969-12-31".into(), Precision::Decade));
        assert_eq!(bounds("1950/1952"), ("1950-01-01".into(), "1952-12-31".into(), Precision::Interval));
        assert_eq!(bounds("[1972,1973]"), ("1972-01-01".into(), "1973-12-31".into(), Precision::Set));
        assert_eq!(bounds("{1960..1970}").1, "1970-12-31");
    }

    #[test]
    fn qualifiers_are_kept_and_do_not_move_the_bounds() {
        let d = PartialDate::parse("1953-36~").unwrap();
        assert!(d.is_approximate() && !d.is_uncertain());
        assert_eq!(d.start().to_string(), "1953-10-01");
        assert_eq!(d.edtf(), "1953-36~");
        assert!(PartialDate::parse("1975?").unwrap().is_uncertain());
    }

    #[test]
    fn malformed_dates_are_rejected_with_a_reason() {
        for bad in [
            "",
            "88",
            "1988-13",
            "1988-02-30",
            "1990/1980",
            "19X0",
            "1988-1-5",
            "[]",
            "1988-22-01x",
        ] {
            let err = PartialDate::parse(bad).unwrap_err();
            assert!(!err.reason.is_empty(), "{bad}");
        }
    }
}
