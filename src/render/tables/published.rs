//! `published`: each `[[published]]` figure beside the computed one, and
//! whether it is reproduced (docs/reference.md, `published.csv` in "Output files").
//!
//! Owns finding an entry's row (its `where` keys naming exactly one row of
//! its table) and the comparison as printed: the exact figure (the table's
//! full-precision value, never the 6-decimal CSV text), rounded half away
//! from zero to the decimals the printed value shows, equals it; a `%`
//! value is compared with the share times 100; a count exactly. A figure
//! on a suppressed row is `hidden`: nothing is said about it. It must not
//! compute a figure of its own.

use crate::codebook::{Codebook, Language, Published};
use crate::render::format;
use crate::render::tables::columns::{
    find, COLUMN, COMPUTED, PUBLISHED, REPRODUCED, SOURCE, TABLE, WHERE,
};
use crate::render::tables::table::{column, Table, Value};

/// One checked entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<'a> {
    pub entry: &'a Published,
    /// The figure as in its table; `Empty` on a suppressed row.
    pub computed: Value,
    /// `yes`, `no` or `hidden`.
    pub reproduced: &'static str,
}

/// The entries of `folder` (a round id or `compare-R1-R2`) checked against
/// its `tables` (each named as an entry names it: `area_scores`,
/// `by-functie/area_scores`). An entry whose `where` matches no row or
/// several is an error naming the entry and the keys that would make it
/// unique.
pub fn check<'a>(
    cb: &'a Codebook,
    folder: &str,
    tables: &[(String, &Table)],
) -> Result<Vec<Checked<'a>>, String> {
    let entries = cb
        .published
        .iter()
        .enumerate()
        .filter(|(_, p)| p.round == folder);
    entries.map(|(i, p)| check_one(i, p, tables)).collect()
}

fn check_one<'a>(
    i: usize,
    p: &'a Published,
    tables: &[(String, &Table)],
) -> Result<Checked<'a>, String> {
    let name = format!("[[published]] #{} ({}, {})", i + 1, p.table, p.column);
    let t = (tables.iter())
        .find(|(n, _)| *n == p.table)
        .map(|(_, t)| *t)
        .ok_or_else(|| format!("{name}: round {} has no table {:?}", p.round, p.table))?;
    let at = |c: &str| t.headers().iter().position(|h| h.name == c);
    let col = at(&p.column)
        .ok_or_else(|| format!("{name}: table {} has no column {:?}", p.table, p.column))?;
    let matches: Vec<&Vec<Value>> = (t.rows().iter())
        .filter(|r| {
            (p.keys.iter()).all(|(k, v)| at(k).is_some_and(|c| r[c] == Value::Text(v.clone())))
        })
        .collect();
    let row = match matches.as_slice() {
        [row] => *row,
        [] => return Err(format!("{name}: `where` {} matches no row of {}", keys(p), p.table)),
        many => return Err(format!(
            "{name}: `where` {} matches {} rows of {}\n  fix: add the keys that tell them apart: {}",
            keys(p),
            many.len(),
            p.table,
            telling_apart(t, many).join(", ")
        )),
    };
    let hidden = at("suppressed").is_some_and(|c| row[c] == Value::Flag(true));
    let computed = if hidden {
        Value::Empty
    } else {
        row[col].clone()
    };
    let reproduced = match (&computed, hidden) {
        (_, true) => "hidden",
        (v, false) if reproduces(v, &p.printed) => "yes",
        _ => "no",
    };
    Ok(Checked {
        entry: p,
        computed,
        reproduced,
    })
}

/// `measure=herkenbaarheid;area=bruggenbouwer;group=ALL`.
fn keys(p: &Published) -> String {
    let pairs: Vec<String> = p.keys.iter().map(|(k, v)| format!("{k}={v}")).collect();
    pairs.join(";")
}

/// The text columns whose values differ between `rows`.
fn telling_apart(t: &Table, rows: &[&Vec<Value>]) -> Vec<String> {
    (t.headers().iter().enumerate())
        .filter(|(c, _)| {
            rows.iter()
                .any(|r| matches!(r[*c], Value::Text(_)) && r[*c] != rows[0][*c])
        })
        .map(|(_, h)| h.name.to_string())
        .collect()
}

/// Whether the figure, rounded as printed, is the printed value.
pub fn reproduces(v: &Value, printed: &crate::codebook::Printed) -> bool {
    let exact = match v {
        Value::Int(n) => {
            return !printed.percent && printed.decimals == 0 && *n as f64 == printed.number
        }
        Value::Num(x) => *x,
        _ => return false,
    };
    let scaled = if printed.percent {
        exact * 100.0
    } else {
        exact
    };
    let shown = format::round_half_away(scaled, printed.decimals, Language::En);
    shown.parse::<f64>().is_ok_and(|s| s == printed.number)
}

/// The `published` table: one row per entry of the folder.
pub fn table(checked: &[Checked]) -> Table {
    type R<'a, 'b> = &'b Checked<'a>;
    Table::of(
        "published",
        vec![
            column(TABLE, |c: &R| c.entry.table.as_str().into()),
            column(WHERE, |c: &R| keys(c.entry).as_str().into()),
            column(COLUMN, |c: &R| c.entry.column.as_str().into()),
            column(PUBLISHED, |c: &R| c.entry.printed.text.as_str().into()),
            column(COMPUTED, |c: &R| c.computed.clone()),
            column(REPRODUCED, |c: &R| c.reproduced.into()),
            column(SOURCE, |c: &R| {
                c.entry.source.as_deref().map_or(Value::Empty, Value::from)
            }),
        ],
        checked,
    )
}

/// Why an entry cannot name a figure, if it cannot: an unknown table or
/// column (checked before any data is read).
pub fn unknown(p: &Published) -> Option<String> {
    let base = p.table.rsplit('/').next().unwrap_or(&p.table);
    let breakdown = p
        .table
        .split_once('/')
        .is_none_or(|(f, _)| f.starts_with("by-"));
    if !TABLES.contains(&base) || !breakdown {
        return Some(format!("table {:?} is not a table peil writes", p.table));
    }
    find(&p.column)
        .is_none()
        .then(|| format!("column {:?} is not a column peil writes", p.column))
}

/// The tables an entry may name (docs/reference.md, "Output files"):
/// every CSV table peil writes (tests/reference.rs checks it).
pub const TABLES: [&str; 15] = [
    "respondents",
    "area_scores",
    "item_scores",
    "reliability",
    "item_reliability",
    "group_tests",
    "consultation",
    "participants",
    "coding_agreement",
    "quotes",
    "comments",
    "data_quality",
    "compare_areas",
    "compare_items",
    "published",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codebook::Printed;

    fn printed(s: &str) -> Printed {
        Printed::parse(s).unwrap()
    }

    /// Rounding as printed, half away from zero on the exact figure.
    #[test]
    fn a_figure_is_reproduced_when_it_rounds_to_the_printed_value() {
        let yes = |x: f64, p: &str| reproduces(&Value::Num(x), &printed(p));
        assert!(yes(2.95, "3,0"), "2,95 printed as 3,0");
        assert!(!yes(2.9499, "3,0"), "2,9499 is 2,9");
        assert!(yes(2.9499, "2.9"));
        assert!(yes(2.94, "2,94") && !yes(2.94, "2,9400001"));
        assert!(yes(0.779, "77,9%") && yes(0.779, "78%") && !yes(0.779, "77%"));
        assert!(yes(0.785, "79%"), "78,5% rounds half away to 79%");
        assert!(reproduces(&Value::Int(87), &printed("87")));
        assert!(!reproduces(&Value::Int(87), &printed("86")));
        assert!(!reproduces(&Value::Int(87), &printed("87,0")));
        assert!(!reproduces(&Value::Empty, &printed("87")));
    }
}
