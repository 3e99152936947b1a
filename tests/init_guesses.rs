//! `peil init` on small exports written here: the common answer scales in
//! both languages and every size (table-driven), the stakeholder-group
//! preference, Google Forms and MS Forms grid columns. Each draft is read
//! back as TOML, and its lines are searched for the `# check:` comments a
//! person would have to read.

mod common;

use std::path::Path;

use common::{outcome, run_in};

/// (kind, language, labels low to high): the wordings questionnaires use,
/// written out here apart from the table in `src/init/known.rs`.
const SCALES: &[(&str, &str, &str)] = &[
    ("agreement", "nl", "helemaal oneens / oneens / eens / helemaal eens"),
    ("agreement", "nl", "helemaal oneens / oneens / neutraal / eens / helemaal eens"),
    ("agreement", "nl", "helemaal oneens / oneens / enigszins oneens / enigszins eens / eens / helemaal eens"),
    ("agreement", "nl", "helemaal oneens / oneens / enigszins oneens / neutraal / enigszins eens / eens / helemaal eens"),
    ("agreement", "en", "strongly disagree / disagree / agree / strongly agree"),
    ("agreement", "en", "strongly disagree / disagree / neither agree nor disagree / agree / strongly agree"),
    ("agreement", "en", "strongly disagree / disagree / somewhat disagree / somewhat agree / agree / strongly agree"),
    ("agreement", "en", "strongly disagree / disagree / somewhat disagree / neither agree nor disagree / somewhat agree / agree / strongly agree"),
    ("frequency", "nl", "nooit / soms / vaak / altijd"),
    ("frequency", "nl", "nooit / zelden / soms / vaak / altijd"),
    ("frequency", "nl", "nooit / bijna nooit / soms / vaak / bijna altijd / altijd"),
    ("frequency", "nl", "nooit / zelden / af en toe / soms / vaak / meestal / altijd"),
    ("frequency", "en", "never / sometimes / often / always"),
    ("frequency", "en", "never / rarely / sometimes / often / always"),
    ("frequency", "en", "never / almost never / sometimes / often / almost always / always"),
    ("frequency", "en", "never / rarely / occasionally / sometimes / often / usually / always"),
    ("recognizability", "nl", "helemaal niet herkenbaar / niet herkenbaar / herkenbaar / zeer herkenbaar"),
    ("recognizability", "nl", "helemaal niet herkenbaar / niet herkenbaar / neutraal / herkenbaar / zeer herkenbaar"),
    ("recognizability", "nl", "helemaal niet herkenbaar / niet herkenbaar / nauwelijks herkenbaar / enigszins herkenbaar / herkenbaar / zeer herkenbaar"),
    ("recognizability", "nl", "helemaal niet herkenbaar / niet herkenbaar / nauwelijks herkenbaar / neutraal / enigszins herkenbaar / herkenbaar / zeer herkenbaar"),
    ("recognizability", "en", "not at all recognizable / not recognizable / recognizable / very recognizable"),
    ("recognizability", "en", "not at all recognizable / not recognizable / neutral / recognizable / very recognizable"),
    ("recognizability", "en", "not at all recognizable / not recognizable / slightly recognizable / somewhat recognizable / recognizable / very recognizable"),
    ("recognizability", "en", "not at all recognizable / not recognizable / slightly recognizable / neutral / somewhat recognizable / recognizable / very recognizable"),
    ("importance", "nl", "helemaal niet belangrijk / niet belangrijk / belangrijk / zeer belangrijk"),
    ("importance", "nl", "helemaal niet belangrijk / niet belangrijk / neutraal / belangrijk / zeer belangrijk"),
    ("importance", "nl", "helemaal niet belangrijk / niet belangrijk / weinig belangrijk / enigszins belangrijk / belangrijk / zeer belangrijk"),
    ("importance", "nl", "helemaal niet belangrijk / niet belangrijk / weinig belangrijk / neutraal / enigszins belangrijk / belangrijk / zeer belangrijk"),
    ("importance", "en", "not at all important / not important / important / very important"),
    ("importance", "en", "not at all important / not important / neutral / important / very important"),
    ("importance", "en", "not at all important / not important / slightly important / moderately important / important / very important"),
    ("importance", "en", "not at all important / not important / slightly important / neutral / moderately important / important / very important"),
    ("satisfaction", "nl", "zeer ontevreden / ontevreden / tevreden / zeer tevreden"),
    ("satisfaction", "nl", "zeer ontevreden / ontevreden / neutraal / tevreden / zeer tevreden"),
    ("satisfaction", "nl", "zeer ontevreden / ontevreden / enigszins ontevreden / enigszins tevreden / tevreden / zeer tevreden"),
    ("satisfaction", "nl", "zeer ontevreden / ontevreden / enigszins ontevreden / neutraal / enigszins tevreden / tevreden / zeer tevreden"),
    ("satisfaction", "en", "very dissatisfied / dissatisfied / satisfied / very satisfied"),
    ("satisfaction", "en", "very dissatisfied / dissatisfied / neither satisfied nor dissatisfied / satisfied / very satisfied"),
    ("satisfaction", "en", "very dissatisfied / dissatisfied / somewhat dissatisfied / somewhat satisfied / satisfied / very satisfied"),
    ("satisfaction", "en", "very dissatisfied / dissatisfied / somewhat dissatisfied / neither satisfied nor dissatisfied / somewhat satisfied / satisfied / very satisfied"),
    ("quality", "nl", "zeer slecht / slecht / goed / zeer goed"),
    ("quality", "nl", "zeer slecht / slecht / matig / goed / zeer goed"),
    ("quality", "nl", "zeer slecht / slecht / matig / redelijk / goed / zeer goed"),
    ("quality", "nl", "zeer slecht / slecht / matig / neutraal / redelijk / goed / zeer goed"),
    ("quality", "en", "very poor / poor / good / very good"),
    ("quality", "en", "very poor / poor / fair / good / very good"),
    ("quality", "en", "very poor / poor / fair / average / good / very good"),
    ("quality", "en", "very poor / poor / fair / neutral / good / very good / excellent"),
];

/// `label` as respondents' tools write it: upper case, Title Case or as is.
fn mixed_case(label: &str, i: usize) -> String {
    match i % 3 {
        0 => label.to_uppercase(),
        1 => label
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" "),
        _ => label.to_string(),
    }
}

/// Writes `csv` as `export.csv` in a new folder and runs `peil init` on
/// it; returns the folder and the draft.
fn init_on(csv: &str) -> (tempfile::TempDir, String) {
    let p = tempfile::tempdir().unwrap();
    std::fs::write(p.path().join("export.csv"), csv).unwrap();
    let out = run_in(p.path(), &["init", "export.csv", "--out", "study.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}\n{csv}", outcome(&out));
    let draft = std::fs::read_to_string(p.path().join("study.toml")).unwrap();
    (p, draft)
}

/// The draft's line that starts with `start`.
fn line<'a>(draft: &'a str, start: &str) -> &'a str {
    draft
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line {start:?} in\n{draft}"))
}

/// An export of three items answered on `labels` (each label at least
/// once, in mixed case) and the draft `peil init` writes for it.
fn draft_for_scale(labels: &[&str]) -> String {
    let n = labels.len();
    let mut csv = String::from("id;Q1;Q2;Q3\n");
    for r in 0..n {
        let cell = |k: usize| mixed_case(labels[(r + k) % n], r + k);
        csv.push_str(&format!("{};{};{};{}\n", r + 1, cell(0), cell(1), cell(2)));
    }
    init_on(&csv).1
}

#[test]
fn every_known_scale_is_drafted_without_a_check() {
    for (kind, language, wordings) in SCALES {
        let labels: Vec<&str> = wordings.split(" / ").collect();
        let what = format!("{kind} {language} {}", labels.len());
        let draft = draft_for_scale(&labels);
        let toml: toml::Table = toml::from_str(&draft).unwrap();
        let scale = toml["scale"].as_table().unwrap();
        assert_eq!(scale["min"].as_integer(), Some(1), "{what}\n{draft}");
        assert_eq!(
            scale["max"].as_integer(),
            Some(labels.len() as i64),
            "{what}\n{draft}"
        );
        let written = scale["labels"].as_table().unwrap();
        assert_eq!(written.len(), labels.len(), "{what}\n{draft}");
        for (v, l) in labels.iter().enumerate() {
            let got = written[&(v + 1).to_string()].as_str().unwrap();
            assert_eq!(got.to_lowercase(), *l, "{what}: value {}\n{draft}", v + 1);
        }
        assert_eq!(
            toml["study"]["language"].as_str(),
            Some(*language),
            "{what}"
        );
        for start in ["min = ", "max = ", "language = ", "[scale.labels]"] {
            assert!(
                !line(&draft, start).contains("# check:"),
                "{what}: {start}\n{draft}"
            );
        }
    }
}

#[test]
fn a_subset_of_a_scale_gets_all_its_points_and_the_carers_case_is_english() {
    // The carers' survey of issue 15: four frequency words, no "rarely".
    let draft = draft_for_scale(&["never", "sometimes", "often", "always"]);
    assert!(line(&draft, "max = ").starts_with("max = 4"), "{draft}");
    assert!(line(&draft, "language = ").starts_with("language = \"en\""));
    // Two of five agreement points seen: still the whole scale.
    let draft = init_on("id;A;B\n1;Neutral;Agree\n2;agree;NEUTRAL\n").1;
    let toml: toml::Table = toml::from_str(&draft).unwrap();
    assert_eq!(toml["scale"]["max"].as_integer(), Some(5), "{draft}");
    assert_eq!(
        toml["scale"]["labels"]["1"].as_str(),
        Some("strongly disagree")
    );
    assert_eq!(toml["scale"]["labels"]["3"].as_str(), Some("neutral"));
}

#[test]
fn the_group_is_the_column_that_looks_like_categories() {
    let dependency = ["licht", "matig", "zwaar", "volledig"];
    let sex = ["man", "vrouw"];
    let answers = ["nooit", "soms", "vaak", "altijd"];
    let mut csv = String::from("Respondent ID;Geslacht;Lidnummer;Zorgzwaarte;V1;V2\n");
    for r in 0..24 {
        csv.push_str(&format!(
            "{};{};L{};{};{};{}\n",
            r + 1,
            sex[r % 2],
            1000 + r,
            dependency[r % 4],
            answers[r % 4],
            answers[(r + 1) % 4]
        ));
    }
    let (_p, draft) = init_on(&csv);
    let group = line(&draft, "group = ");
    assert!(group.starts_with("group = \"Zorgzwaarte\""), "{draft}");
    assert!(group.contains("# check:"), "{group}");
    assert!(
        group.contains("\"Geslacht\" (sex or gender)") && group.contains("\"Lidnummer\" (an id"),
        "{group}"
    );
}

#[test]
fn a_column_named_as_a_group_is_kept() {
    let csv = "id;gender;sector;V1;V2\n1;f;mbo;1;2\n2;m;hbo;2;3\n3;f;wo;3;4\n4;m;mbo;4;1\n";
    let draft = init_on(csv).1;
    assert!(
        line(&draft, "group = ").starts_with("group = \"sector\""),
        "{draft}"
    );
}

/// Checks a grid export's draft: two measures (the grid questions), the
/// rows as items, each item with a column of each measure.
fn assert_grid(draft: &str, measures: [&str; 2], rows: [&str; 3]) {
    let toml: toml::Table = toml::from_str(draft).unwrap();
    let labels: Vec<&str> = toml["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, measures, "{draft}");
    let items = toml["items"].as_array().unwrap();
    let texts: Vec<&str> = items.iter().map(|i| i["text"].as_str().unwrap()).collect();
    assert_eq!(texts, rows, "{draft}");
    for i in items {
        assert_eq!(i["columns"].as_table().unwrap().len(), 2, "{draft}");
    }
}

/// An export whose rating columns are named `name(question, row)`, two
/// questions of three rows, answered on the Dutch agreement scale.
fn grid_export(
    name: impl Fn(&str, &str) -> String,
) -> (String, [&'static str; 2], [&'static str; 3]) {
    let questions = ["Hoe herkenbaar is dit?", "Hoe belangrijk is dit?"];
    let rows = ["Werkt samen", "Coacht docenten", "Deelt kennis"];
    let answers = ["Oneens", "Eens", "Helemaal eens", "Helemaal oneens"];
    let mut header = vec!["Tijdstempel".to_string(), "Id".to_string()];
    for q in questions {
        for r in rows {
            header.push(name(q, r));
        }
    }
    let mut csv = header.join(";") + "\n";
    for k in 0..8 {
        let cells: Vec<&str> = (0..6).map(|c| answers[(k + c) % 4]).collect();
        csv.push_str(&format!(
            "2025-03-0{} 10:00:00;{};{}\n",
            k % 9 + 1,
            k + 1,
            cells.join(";")
        ));
    }
    (csv, questions, rows)
}

#[test]
fn a_google_forms_grid_is_measure_by_item() {
    let (csv, questions, rows) = grid_export(|q, r| format!("{q} [{r}]"));
    let draft = init_on(&csv).1;
    assert_grid(&draft, questions, rows);
}

#[test]
fn an_ms_forms_grid_is_measure_by_item() {
    let (csv, questions, rows) = grid_export(|q, r| format!("{q}.{r}"));
    let draft = init_on(&csv).1;
    assert_grid(&draft, questions, rows);
}

/// `peil init` on the SPSS example, the area labels filled in as a user
/// would: it validates and runs with the ledger of the hand-written
/// codebook, and leaves no check on what the file states.
#[test]
fn init_on_a_sav_takes_the_dictionary() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/export-spss");
    let p = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture, &p.path().join("given"));
    let sav = p.path().join("study/ronde-1/questionnaire.sav");
    std::fs::create_dir_all(sav.parent().unwrap()).unwrap();
    std::fs::copy(fixture.join("ronde-1/questionnaire.sav"), &sav).unwrap();
    let out = run_in(
        p.path(),
        &[
            "init",
            "study/ronde-1/questionnaire.sav",
            "--out",
            "study/study.toml",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
    let draft = std::fs::read_to_string(p.path().join("study/study.toml")).unwrap();
    for start in ["min = ", "missing = ", "labels = ", "text = "] {
        for l in draft.lines().filter(|l| l.starts_with(start)) {
            assert!(!l.contains("check:"), "{l}\n{draft}");
        }
    }
    // The one check on max is the data's invalid 5, not the scale.
    let max = line(&draft, "max = ");
    assert!(
        max.starts_with("max = 4  # the file's value labels; check: seen but left off the scale")
            && max.contains("\"5\" 1x"),
        "{max}"
    );
    assert!(
        line(&draft, "text = ").contains("Basiskennis in digitale"),
        "{draft}"
    );
    assert!(draft.contains("[\"mbo\", \"hbo\", \"wo\"]"), "{draft}");
    let filled = draft.replace("label = \"\"  # check: fill in", "label = \"Area\"");
    std::fs::write(p.path().join("study/study.toml"), filled).unwrap();

    let ledger = |study: &str| -> String {
        let out = run_in(p.path(), &["validate", study]);
        assert_eq!(out.status.code(), Some(1), "{study}: {}", outcome(&out));
        let out = run_in(
            p.path(),
            &["run", study, "--no-charts", "--quiet", "--out", "out"],
        );
        assert_eq!(out.status.code(), Some(0), "{study}: {}", outcome(&out));
        std::fs::read_to_string(
            p.path()
                .join(format!("out/{study}/ronde-1/tables/data_quality.csv")),
        )
        .unwrap()
    };
    assert_eq!(ledger("study"), ledger("given"));
}
