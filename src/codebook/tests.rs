//! Unit tests of the codebook as a whole: `Codebook::parse` on a minimal
//! study.toml and on one mistake at a time, each named with its fix.
//! Compiled only in test builds: `mod.rs` declares it under #[cfg(test)].

use super::*;

pub(crate) const MINIMAL: &str = r#"
[study]
name = "Test"

[scale]
min = 1
max = 4
missing = ["weet niet", ""]
[scale.labels]
1 = "helemaal niet herkenbaar"
2 = "niet herkenbaar"
3 = "herkenbaar"
4 = "zeer herkenbaar"

[respondents]
id = "respondent"
group = "sector"

[[measures]]
id = "herkenbaarheid"
label = "Herkenbaarheid"

[[areas]]
id = "a"
label = "A"

[[items]]
id = "a1"
area = "a"
text = "Item one"
columns = { herkenbaarheid = "Q1" }

[[rounds]]
id = "r1"
questionnaire = "study.toml"
"#;

fn dir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("study.toml"), MINIMAL).unwrap();
    d
}

fn parse(text: &str) -> Result<Codebook, CodebookError> {
    let d = dir();
    Codebook::parse(d.path(), text)
}

#[test]
fn minimal_codebook_loads_with_defaults() {
    let cb = parse(MINIMAL).unwrap();
    assert_eq!(cb.rules, Rules::default());
    assert_eq!(cb.min_cell, 5);
    assert_eq!(cb.language, Language::Nl);
    assert_eq!(
        cb.measures[0].labels.get(&3).map(String::as_str),
        Some("herkenbaar")
    );
    assert_eq!(cb.rating_columns(), 1);
}

#[test]
fn unknown_key_is_named() {
    let e = parse(&MINIMAL.replace("[study]\n", "[study]\ncolour = 1\n"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("unknown field `colour`"), "{e}");
    assert!(e.contains("fix:"), "{e}");
}

#[test]
fn a_number_as_label_or_code_must_be_its_own_value() {
    let e = parse(&MINIMAL.replace("1 = \"helemaal niet herkenbaar\"", "1 = \"3\""))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("[scale.labels] 1") && e.contains("\"3\" is the number 3 but stands for 1"),
        "{e}"
    );
    let e = parse(&MINIMAL.replace("max = 4\n", "max = 4\ncodes = { \"2\" = 4 }\n"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("is the number 2 but stands for 4"), "{e}");
    // Its own number is harmless.
    parse(&MINIMAL.replace("1 = \"helemaal niet herkenbaar\"", "1 = \"1\"")).unwrap();
}

#[test]
fn item_in_unknown_area_is_named() {
    let e = parse(&MINIMAL.replace("area = \"a\"", "area = \"b\""))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("[[items]] a1 area") && e.contains("\"b\"") && e.contains("use one of: a"),
        "{e}"
    );
}

#[test]
fn column_named_twice_is_named() {
    let text = MINIMAL.replace(
        "columns = { herkenbaarheid = \"Q1\" }",
        "columns = { herkenbaarheid = \"sector\" }",
    );
    let e = parse(&text).unwrap_err().to_string();
    assert!(
        e.contains("\"sector\" is already named by [respondents] group"),
        "{e}"
    );
}

#[test]
fn rule_out_of_range_is_refused() {
    let e = parse(&format!("{MINIMAL}\n[rules]\nkeep_min_pct_agree = 78\n"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("[rules] keep_min_pct_agree") && e.contains("0.78"),
        "{e}"
    );
    let e = parse(&format!("{MINIMAL}\n[rules]\nkeep_min_mean = 5\n"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("outside the scale 1..4"), "{e}");
}

#[test]
fn consensus_rule_out_of_range_is_refused() {
    let e = parse(&format!("{MINIMAL}\n[rules]\nconsensus_min_agree = 75\n"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("[rules] consensus_min_agree"), "{e}");
    let e = parse(&format!("{MINIMAL}\n[rules]\nconsensus_max_iqr = 3.5\n"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("[rules] consensus_max_iqr") && e.contains("from 0 to 3"),
        "{e}"
    );
    let cb = parse(&format!(
        "{MINIMAL}\n[rules]\nconsensus_min_agree = 0.8\nconsensus_max_iqr = 0\n"
    ))
    .unwrap();
    assert_eq!(
        (cb.rules.consensus_min_agree, cb.rules.consensus_max_iqr),
        (0.8, 0.0)
    );
}

#[test]
fn scale_min_not_below_max_is_refused() {
    let e = parse(&MINIMAL.replace("min = 1\nmax = 4", "min = 4\nmax = 4"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("min = 4 is not below max = 4"), "{e}");
}

#[test]
fn path_outside_the_study_is_refused() {
    let e = parse(&MINIMAL.replace(
        "questionnaire = \"study.toml\"",
        "questionnaire = \"../../etc/passwd\"",
    ))
    .unwrap_err()
    .to_string();
    assert!(e.contains("leaves the study folder"), "{e}");
    let e = parse(&MINIMAL.replace(
        "questionnaire = \"study.toml\"",
        "questionnaire = \"/etc/passwd\"",
    ))
    .unwrap_err()
    .to_string();
    assert!(e.contains("leaves the study folder"), "{e}");
}

#[test]
fn missing_round_file_is_named() {
    let e = parse(&MINIMAL.replace(
        "questionnaire = \"study.toml\"",
        "questionnaire = \"r1/q.csv\"",
    ))
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("[[rounds]] r1 questionnaire") && e.contains("does not exist"),
        "{e}"
    );
}

#[test]
fn measure_codes_replace_the_scales() {
    let text = MINIMAL
        .replace("max = 4\n", "max = 4\ncodes = { A1 = 1, A4 = 4 }\n")
        .replace(
            "label = \"Herkenbaarheid\"\n",
            "label = \"Herkenbaarheid\"\ncodes = { B1 = 1, \" b2 \" = 2 }\n",
        );
    let cb = parse(&text).unwrap();
    assert_eq!(cb.scale.codes.get("a1"), Some(&1));
    let own: Vec<_> = cb.measures[0].codes.iter().collect();
    assert_eq!(own, vec![(&"b1".to_string(), &1), (&"b2".to_string(), &2)]);
    let e = parse(&text.replace("B1 = 1", "B1 = 7"))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("[[measures]] herkenbaarheid codes.B1") && e.contains("outside"),
        "{e}"
    );
}

#[test]
fn empty_area_label_is_refused() {
    let e = parse(&MINIMAL.replace("label = \"A\"", "label = \"\""))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("[[areas]] a label") && e.contains("fill in"),
        "{e}"
    );
}

#[test]
fn weights_take_one_of_two_forms() {
    let with = |block: &str, groups: bool| {
        let text = if groups {
            MINIMAL.replace(
                "group = \"sector\"\n",
                "group = \"sector\"\ngroups = [\"mbo\", \"hbo\", \"wo\"]\n",
            )
        } else {
            MINIMAL.to_string()
        };
        parse(&format!("{text}\n[weights]\n{block}\n"))
    };
    let ok = with("column = \"gewicht\"", false).unwrap();
    assert_eq!(ok.weights, Some(Weights::Column("gewicht".into())));
    let eq = with("by = \"group\"\nshares = \"equal\"", false).unwrap();
    assert_eq!(eq.weights, Some(Weights::Groups(None)));
    let shares = with(
        "by = \"group\"\nshares = { WO = 0.25, mbo = 0.30, hbo = 0.45 }",
        true,
    );
    assert_eq!(
        shares.unwrap().weights,
        Some(Weights::Groups(Some(vec![
            ("WO".into(), 0.25),
            ("hbo".into(), 0.45),
            ("mbo".into(), 0.30)
        ])))
    );
    // The shares name the groups: no `[respondents] groups` list is needed
    // (whether they are the data's groups, `ingest` checks).
    assert!(with("by = \"group\"\nshares = { mbo = 0.5, hbo = 0.5 }", false).is_ok());
    let refused = [
        (
            "column = \"w\"\nby = \"group\"",
            false,
            "[weights]",
            "both forms",
        ),
        (
            "by = \"sector\"\nshares = \"equal\"",
            false,
            "[weights] by",
            "only the stakeholder group",
        ),
        (
            "by = \"group\"\nshares = { mbo = 0.5, hbo = 0.5, wo = 0.1 }",
            true,
            "[weights] shares",
            "sum to",
        ),
        (
            "by = \"group\"\nshares = { mbo = 0.5, hbo = 0.5, havo = 0.0 }",
            true,
            "[weights] shares.havo",
            "not a share above 0",
        ),
        (
            "by = \"group\"\nshares = { mbo = 0.5, MBO = 0.5 }",
            false,
            "[weights] shares.mbo",
            "the same group as \"MBO\"",
        ),
        (
            "by = \"group\"\nshares = \"gelijk\"",
            false,
            "[weights] shares",
            "neither \"equal\"",
        ),
        ("", false, "[weights]", "neither a column"),
    ];
    for (block, groups, key, problem) in refused {
        let e = with(block, groups).unwrap_err().to_string();
        assert!(e.contains(key) && e.contains(problem), "{block}: {e}");
    }
}

/// The slug of docs/reference.md ("Output files"): lowercased, every run of characters
/// other than a-z and 0-9 one `-`, trimmed of `-`.
#[test]
fn breakdown_slugs_follow_the_reference() {
    for (column, slug) in [
        ("functie", "functie"),
        ("Regio en provincie", "regio-en-provincie"),
        ("  Jaren ervaring (2024)  ", "jaren-ervaring-2024"),
        ("Rol/functie__team", "rol-functie-team"),
        ("Één regio", "n-regio"),
        ("???", ""),
    ] {
        assert_eq!(super::breakdown_slug(column), slug, "{column:?}");
    }
}

/// A breakdown on the id column would publish ids as group names; one on a
/// column named elsewhere is a copy-paste slip. Both are refused, naming
/// the key; a breakdown without a letter or digit has no folder name.
#[test]
fn a_breakdown_column_must_be_its_own_and_nameable() {
    let with = |list: &str| {
        let line = format!("group = \"sector\"\nbreakdowns = {list}\n");
        parse(&MINIMAL.replace("group = \"sector\"\n", &line))
    };
    let cb = with("[\"Functie\"]").unwrap();
    assert_eq!(cb.respondents.breakdowns[0].slug, "functie");
    for (list, says) in [
        ("[\"respondent\"]", "already named by [respondents] id"),
        ("[\"Q1\"]", "already named by [respondents] breakdowns"),
        ("[\"--\"]", "has no letter or digit"),
    ] {
        let e = with(list).unwrap_err().to_string();
        assert!(
            e.contains("[respondents] breakdowns") || e.contains("[[items]]"),
            "{e}"
        );
        assert!(e.contains(says), "{list}: {e}");
    }
}
