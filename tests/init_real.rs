//! `peil init` on two real LimeSurvey exports no one here wrote (the UK
//! Research Software Engineer survey of 2016 and 2017, tests/data/rse-uk,
//! credit in its README): the thirteen guesses a user has to check, each
//! against a table of what is right, written here from reading the export.
//! The header is parsed in this file (not by peil's code) to name columns.
//!
//! Then both exports at once (`peil init A.csv B.csv`): one codebook with
//! two rounds, a column per round for a statement asked in both years
//! under another column name, matched on its wording.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{outcome, run_in};
use toml::{Table, Value};

/// What is right for one export, by LimeSurvey code (the array's
/// subquestion code for array columns).
struct Truth {
    file: &'static str,
    name: &'static str,
    /// The columns of the most common rating scale (5-point agreement).
    items: &'static [&'static str],
    /// Their areas, in order of first appearance.
    areas: &'static [&'static str],
    /// Open answers: long, mostly distinct texts.
    comments: &'static [&'static str],
    /// The stakeholder group: the contract type (the category the issue's
    /// study compares, asked in both years).
    group: &'static str,
}

const AGREEMENT: [&str; 5] = [
    "strongly disagree",
    "disagree",
    "neither agree or disagree",
    "agree",
    "strongly agree",
];

const Y2016: Truth = Truth {
    file: "uk-2016_public_data.csv",
    name: "uk 2016 public data",
    items: &[
        "turnOver5",
        "turnOver6",
        "affRec1",
        "affRec2",
        "affRec3",
        "affRec4",
        "affRec5",
        "percEmp1",
        "percEmp2",
        "percEmp3",
        "affSat1",
        "affSat2",
        "affSat3",
        "affSat4",
        "progRSE1",
        "progRSE2",
        "progRSE3",
        "progRSE4",
        "progRSE5",
    ],
    areas: &["turnOver", "affRec", "percEmp", "affSat", "progRSE"],
    comments: &["skill2", "skill2-1", "skill2-2"],
    group: "currentEmp10",
};

const Y2017: Truth = Truth {
    file: "uk-2017_public_data.csv",
    name: "uk 2017 public data",
    items: &[
        "affSat1",
        "percEmp2",
        "affRec3",
        "affSat2",
        "affRec2",
        "percEmp3",
        "turnOver5",
        "affRec4",
        "affSat3",
        "percEmp1",
        "affSat4",
        "turnOver6",
        "affRec1",
        "percEmp4",
        "affRec5",
    ],
    areas: &["affSat", "percEmp", "affRec", "turnOver"],
    comments: &[
        "conf2can",
        "train3",
        "skill2[SQ001]",
        "skill2[SQ2]",
        "skill2[SQ3]",
        "ukrse3",
    ],
    group: "currentEmp10",
};

/// A LimeSurvey header cell, read here by hand: `code. question` or
/// `code[sub]. question [statement]`.
struct Header {
    full: String,
    /// `code` or `code[sub]`.
    code: String,
    /// The item's code: `sub` for an array column, else `code`.
    item: String,
    /// The wording: the statement of an array column, else the question.
    text: String,
}

fn headers(file: &str) -> Vec<Header> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/rse-uk")
        .join(file);
    let mut r = csv::Reader::from_path(path).unwrap();
    r.headers()
        .unwrap()
        .iter()
        .map(|full| {
            let (code, question) = full.split_once(". ").unwrap_or((full, ""));
            let (item, text) = match code.split_once('[') {
                Some((_, sub)) => {
                    let statement = question.rsplit_once(" [").map_or("", |(_, s)| s);
                    (sub.trim_end_matches(']'), statement.trim_end_matches(']'))
                }
                None => (code, question),
            };
            Header {
                full: full.to_string(),
                code: code.to_string(),
                item: item.to_string(),
                text: text.to_string(),
            }
        })
        .collect()
}

/// The header whose code (`code` or `code[sub]`) or item code is `code`.
fn by_code<'a>(hs: &'a [Header], code: &str, array: bool) -> &'a Header {
    hs.iter()
        .find(|h| {
            if array {
                h.item == code && h.code != h.item
            } else {
                h.code == code
            }
        })
        .unwrap_or_else(|| panic!("no column {code}"))
}

fn by_name<'a>(hs: &'a [Header], full: &str) -> Option<&'a Header> {
    hs.iter().find(|h| h.full == full)
}

/// The items of a draft: (id, area, text, [column per measure]).
fn items(d: &Table) -> Vec<(&str, &str, &str, Vec<&Value>)> {
    let Some(items) = d.get("items").and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .map(|i| {
            let s = |k: &str| i.get(k).and_then(Value::as_str).unwrap_or("");
            let cols = i["columns"].as_table().unwrap().values().collect();
            (s("id"), s("area"), s("text"), cols)
        })
        .collect()
}

/// The single column an item names (a plain string), if it is one.
fn column<'a>(cols: &[&'a Value]) -> Option<&'a str> {
    match cols {
        [v] => v.as_str(),
        _ => None,
    }
}

type Check = fn(&Table, &Truth, &[Header]) -> Result<(), String>;

fn expect<T: PartialEq + std::fmt::Debug>(got: T, want: T) -> Result<(), String> {
    if got == want {
        Ok(())
    } else {
        Err(format!("got {got:?}, want {want:?}"))
    }
}

/// Two sets compared, the difference said briefly (at most 3 of each side).
fn same_set(got: BTreeSet<&str>, want: BTreeSet<&str>) -> Result<(), String> {
    if got == want {
        return Ok(());
    }
    let brief = |d: Vec<&&str>| {
        let n = d.len();
        let first: Vec<String> = d.iter().take(3).map(|s| format!("{:.60}", s)).collect();
        format!("{n} {first:?}")
    };
    Err(format!(
        "missing {}, extra {}",
        brief(want.difference(&got).collect()),
        brief(got.difference(&want).collect())
    ))
}

fn str_at<'a>(d: &'a Table, table: &str, key: &str) -> Option<&'a str> {
    d.get(table)?.get(key)?.as_str()
}

/// The thirteen guesses of issue 24, each with its check.
const GUESSES: [(&str, Check); 13] = [
    ("study name", |d, t, _| {
        expect(str_at(d, "study", "name"), Some(t.name))
    }),
    ("language", |d, _, _| {
        expect(str_at(d, "study", "language"), Some("en"))
    }),
    ("scale range", |d, _, _| {
        let s = &d["scale"];
        expect(
            (s["min"].as_integer(), s["max"].as_integer()),
            (Some(1), Some(5)),
        )
    }),
    ("scale labels", |d, _, _| {
        let labels = d["scale"].get("labels").and_then(Value::as_table);
        let got: Vec<String> = (1..=5)
            .map(|v| {
                let l = labels
                    .and_then(|l| l.get(&v.to_string()))
                    .and_then(Value::as_str);
                l.unwrap_or("").to_lowercase()
            })
            .collect();
        expect(got, AGREEMENT.map(String::from).to_vec())
    }),
    ("missing codes", |d, _, _| {
        // No agreement cell holds a "don't know": an empty cell is the only missing code.
        let m = d["scale"]["missing"].as_array().unwrap();
        expect(m.iter().map(|v| v.as_str().unwrap()).collect(), vec![""])
    }),
    ("id (none)", |d, _, _| {
        expect(d["respondents"].get("id"), None)
    }),
    ("group", |d, t, hs| {
        let want = &by_code(hs, t.group, false).full;
        expect(str_at(d, "respondents", "group"), Some(want.as_str()))
    }),
    ("which columns are items", |d, t, hs| {
        let array = t.file.contains("2017");
        let want: BTreeSet<&str> = t
            .items
            .iter()
            .map(|c| by_code(hs, c, array).full.as_str())
            .collect();
        let got: BTreeSet<&str> = items(d).iter().filter_map(|i| column(&i.3)).collect();
        same_set(got, want)
    }),
    ("item ids", |d, _, hs| {
        for (id, _, _, cols) in items(d) {
            let h = column(&cols)
                .and_then(|c| by_name(hs, c))
                .ok_or("an item with no column")?;
            expect(id, h.item.as_str())?;
        }
        Ok(())
    }),
    ("item texts", |d, _, hs| {
        for (_, _, text, cols) in items(d) {
            let h = column(&cols)
                .and_then(|c| by_name(hs, c))
                .ok_or("an item with no column")?;
            expect(text, h.text.as_str())?;
        }
        Ok(())
    }),
    ("areas", |d, t, hs| {
        let ids: Vec<&str> = d["areas"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        expect(ids, t.areas.to_vec())?;
        for (_, area, _, cols) in items(d) {
            let h = column(&cols)
                .and_then(|c| by_name(hs, c))
                .ok_or("an item with no column")?;
            expect(area, h.item.trim_end_matches(|c: char| c.is_ascii_digit()))?;
        }
        Ok(())
    }),
    ("comment columns", |d, t, hs| {
        let want: BTreeSet<&str> = t
            .comments
            .iter()
            .map(|c| by_code(hs, c, false).full.as_str())
            .collect();
        let got: BTreeSet<&str> = d
            .get("comments")
            .and_then(Value::as_array)
            .map(|cs| cs.iter().map(|c| c["column"].as_str().unwrap()).collect())
            .unwrap_or_default();
        same_set(got, want)
    }),
    ("measures", |d, _, _| {
        let n = d["measures"].as_array().unwrap().len();
        expect(n, 1)?;
        for (id, _, _, cols) in items(d) {
            expect((id, cols.len()), (id, 1))?;
        }
        Ok(())
    }),
];

/// Runs `peil init` on `files` in a new project; returns it and the draft.
fn init(files: &[&str]) -> (tempfile::TempDir, String) {
    let p = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/rse-uk");
    let mut args = vec!["init".to_string()];
    for f in files {
        std::fs::copy(from.join(f), p.path().join(f)).unwrap();
        args.push(f.to_string());
    }
    args.extend(["--out".into(), "study.toml".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run_in(p.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    let draft = std::fs::read_to_string(p.path().join("study.toml")).unwrap();
    (p, draft)
}

/// Scores the guesses on one export; prints each, returns how many are right.
fn score(t: &Truth) -> usize {
    let (_p, draft) = init(&[t.file]);
    let d: Table = toml::from_str(&draft).unwrap_or_else(|e| panic!("{e}\n{draft}"));
    let hs = headers(t.file);
    let mut right = 0;
    for (what, check) in GUESSES {
        match check(&d, t, &hs) {
            Ok(()) => right += 1,
            Err(e) => eprintln!("{}: {what}: {e}", t.file),
        }
    }
    eprintln!("{}: {right} of {} guesses right", t.file, GUESSES.len());
    right
}

#[test]
fn the_2016_export_is_guessed_right() {
    // Before issue 24's init work: 5 of 13 (study name, language, scale
    // range, missing codes, measures).
    assert_eq!(score(&Y2016), GUESSES.len());
}

#[test]
fn the_2017_arrays_are_one_measure_with_the_statements_as_items() {
    // Before issue 24's init work: 3 of 13 (study name, language, missing
    // codes): 219 items in 17 measures.
    assert_eq!(score(&Y2017), GUESSES.len());
}

/// An item's column in round-1 and round-2 (an English draft's ids).
type Rounds = (Option<String>, Option<String>);

/// A two-round draft's item: its id, column per round and `previous`.
type RoundItem<'a> = (String, Rounds, Option<&'a str>);

/// An item's column per round in a two-round draft.
fn per_round(cols: &[&Value]) -> Rounds {
    let [Value::Table(t)] = cols else {
        panic!("not one measure's table: {cols:?}");
    };
    let at = |r: &str| t.get(r).map(|v| v.as_str().unwrap().to_string());
    (at("round-1"), at("round-2"))
}

#[test]
fn two_exports_make_one_codebook_with_a_column_per_round() {
    let (_p, draft) = init(&[Y2016.file, Y2017.file]);
    let d: Table = toml::from_str(&draft).unwrap_or_else(|e| panic!("{e}\n{draft}"));
    let rounds: Vec<(&str, &str)> = d["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap(),
                r["questionnaire"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(rounds, [("round-1", Y2016.file), ("round-2", Y2017.file)]);
    assert_eq!(d["study"]["name"].as_str(), Some("uk public data"));

    // What is right, from the headers: a statement of the same wording in
    // both years is one item (12 of them); affSat3 and affSat4 were
    // reworded in 2017 (new items with `previous`); progRSE1-5 are 2016's
    // only, percEmp4 2017's.
    let (h16, h17) = (headers(Y2016.file), headers(Y2017.file));
    let col = |hs: &[Header], code: &str, array: bool| Some(by_code(hs, code, array).full.clone());
    let mut want: Vec<RoundItem> = Vec::new();
    for c in Y2016.items {
        let h = by_code(&h16, c, false);
        let later = Y2017
            .items
            .iter()
            .find(|l| by_code(&h17, l, true).text == h.text);
        want.push((
            c.to_string(),
            (col(&h16, c, false), later.and_then(|l| col(&h17, l, true))),
            None,
        ));
    }
    for c in Y2017.items {
        let h = by_code(&h17, c, true);
        if Y2016
            .items
            .iter()
            .any(|e| by_code(&h16, e, false).text == h.text)
        {
            continue;
        }
        let reworded = Y2016.items.contains(c);
        let id = if reworded {
            format!("{c}_2")
        } else {
            c.to_string()
        };
        want.push((id, (None, col(&h17, c, true)), reworded.then_some(*c)));
    }
    let both = want
        .iter()
        .filter(|w| w.1 .0.is_some() && w.1 .1.is_some())
        .count();
    assert_eq!((want.len(), both), (22, 12));

    let items = d["items"].as_array().unwrap();
    let mut got: Vec<RoundItem> = items
        .iter()
        .map(|i| {
            let cols: Vec<&Value> = i["columns"].as_table().unwrap().values().collect();
            let previous = i.get("previous").and_then(Value::as_str);
            (
                i["id"].as_str().unwrap().to_string(),
                per_round(&cols),
                previous,
            )
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want, "{draft}");

    // The same column name in both years stays a plain name; no id.
    assert_eq!(
        d["respondents"]["group"].as_str(),
        Some(by_code(&h16, "currentEmp10", false).full.as_str())
    );
    assert!(d["respondents"].get("id").is_none());
    assert!(draft.contains("# check: no id: "), "{draft}");
    // Comments of one year name that year only.
    let comments = d["comments"].as_array().unwrap();
    let rounds_of: Vec<Vec<&str>> = comments
        .iter()
        .map(|c| {
            c["column"]
                .as_table()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect()
        })
        .collect();
    assert_eq!(rounds_of.iter().filter(|r| **r == ["round-1"]).count(), 3);
    assert_eq!(rounds_of.iter().filter(|r| **r == ["round-2"]).count(), 6);

    // The tiny contract types (1 agency worker in 2016, 1 freelancer in
    // 2017): a commented [recode] into 2017's "Other/Not listed"; and a
    // commented [[published]] example. Both parse once uncommented.
    let recode: Vec<&str> = draft
        .lines()
        .skip_while(|l| !l.starts_with("# [recode."))
        .take_while(|l| l.starts_with("# "))
        .map(|l| l.trim_start_matches("# "))
        .collect();
    let recode: Table =
        toml::from_str(&recode.join("\n")).unwrap_or_else(|e| panic!("{e}\n{draft}"));
    let merged = recode["recode"][by_code(&h16, "currentEmp10", false).full.as_str()]
        .as_table()
        .unwrap();
    assert_eq!(
        merged["Agency staff"].as_str(),
        Some("Other/Not listed"),
        "{draft}"
    );
    let published: Vec<&str> = draft
        .lines()
        .skip_while(|l| !l.starts_with("# [[published]]"))
        .take_while(|l| l.starts_with("# "))
        .map(|l| l.trim_start_matches("# "))
        .collect();
    let published: Table = toml::from_str(&published.join("\n")).unwrap();
    assert_eq!(
        published["published"][0]["table"].as_str(),
        Some("area_scores")
    );
}
