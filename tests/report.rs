//! report.html and report.docx as a project team reads them: the decision
//! overview right after who took part, the study's language throughout (no
//! CSV column name in the visible text, in either language), and a Word
//! document with every area, the decision counts of item_scores.csv, real
//! tables with a repeated header row, and no respondent id or contact.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

use common::*;

/// The text of markup as a reader sees it: no tags, no style sheet.
fn visible(markup: &str) -> String {
    let markup = match (markup.find("<style>"), markup.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &markup[..a], &markup[b..]),
        _ => markup.to_string(),
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Every entry of a .docx (a zip) as text, by name.
fn unzip(path: &Path) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        out.insert(
            f.name().unwrap().into_owned(),
            String::from_utf8_lossy(&bytes).into_owned(),
        );
    }
    out
}

/// The `<w:t>` texts of document.xml, in order.
fn docx_texts(xml: &str) -> Vec<String> {
    xml.split("<w:t")
        .skip(1)
        .filter_map(|p| {
            let body = &p[p.find('>')? + 1..];
            Some(body[..body.find("</w:t>")?].to_string())
        })
        .map(|t| {
            t.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .collect()
}

/// Every column name of every CSV table in `dir` (recursively).
fn column_names(dir: &Path) -> BTreeSet<String> {
    tree(dir)
        .into_iter()
        .filter(|(f, _)| f.ends_with(".csv"))
        .flat_map(|(_, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let head = text.lines().next().unwrap_or("").to_string();
            head.split(',').map(str::to_string).collect::<Vec<_>>()
        })
        .collect()
}

/// Column names that are also plain words or symbols of the language.
fn words_of(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "n",
            "p",
            "group",
            "groups",
            "respondents",
            "institutions",
            "answered",
            "complete",
            "measure",
            "area",
            "item",
            "mean",
            "median",
            "decision",
            "alpha",
            "omega",
            "file",
            "reason",
            "line",
            "column",
            "value",
            "status",
            "comment",
            "about",
            "rule",
            "df",
            "u",
            // "14 of 14 published figures reproduced (source: ...)"
            "published",
            "reproduced",
            "source",
        ],
        // "u" is also the Dutch polite "you": respondents' comments are
        // quoted as written, in an English report too. "omega" is the
        // statistic's name in Dutch as well ("en omega (McDonald)").
        _ => &["n", "p", "item", "u", "omega"],
    }
}

fn assert_no_column_names(text: &str, names: &BTreeSet<String>, lang: &str, what: &str) {
    let tokens: BTreeSet<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect();
    let leaked: Vec<&String> = names
        .iter()
        .filter(|n| !words_of(lang).contains(&n.as_str()) && tokens.contains(n.as_str()))
        .collect();
    assert!(
        leaked.is_empty(),
        "{what} ({lang}) shows column names {leaked:?}"
    );
}

#[test]
fn reports_show_no_csv_column_name_in_either_language() {
    for lang in ["nl", "en"] {
        let (_o, root) = run_npuls(&["--lang", lang]);
        let names = column_names(&root);
        assert!(names.contains("pct_agree") && names.contains("decision_from"));
        for folder in ["ronde-1", "ronde-2", "compare-ronde-1-ronde-2"] {
            let html = std::fs::read_to_string(root.join(folder).join("report.html")).unwrap();
            assert_no_column_names(
                &visible(&html),
                &names,
                lang,
                &format!("{folder}/report.html"),
            );
            let docx = unzip(&root.join(folder).join("report.docx"));
            let text = docx_texts(&docx["word/document.xml"]).join(" ");
            assert_no_column_names(&text, &names, lang, &format!("{folder}/report.docx"));
        }
    }
}

/// The answer first: who took part and the area means (the headline
/// sentence and the area table) before the first item-level decision, the
/// rule once before it, the detail after.
#[test]
fn the_summary_comes_first_and_the_area_means_before_any_item_decision() {
    let (_o, root) = run_npuls(&[]);
    let html = visible(&std::fs::read_to_string(root.join("ronde-1/report.html")).unwrap());
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s:?}"));
    assert!(at("Samenvatting") < at("87 respondenten uit 47 instellingen"));
    assert!(
        at("87 respondenten")
            < at("Gemiddelde herkenbaarheid per gebied op een schaal van 1 tot 4")
    );
    assert!(at("Beslisregel:") < at("gebieden en besluiten per item"));
    assert!(at("gebieden en besluiten per item") < at("te herformuleren of te schrappen"));
    assert!(at("te herformuleren of te schrappen") < at("Kerncijfers per gebied"));
    assert_eq!(html.matches("Beslisregel:").count(), 1);
}

/// (measure, area id) -> [keep, reword, drop] from item_scores.csv's ALL rows.
fn decision_counts(round: &Path) -> BTreeMap<(String, String), [usize; 3]> {
    let mut counts = BTreeMap::new();
    for r in read_table(&round.join("tables/item_scores.csv")) {
        if r["group"] != "ALL" {
            continue;
        }
        let at = ["keep", "reword", "drop"]
            .iter()
            .position(|d| *d == r["decision"]);
        let c: &mut [usize; 3] = counts
            .entry((r["measure"].clone(), r["area"].clone()))
            .or_default();
        if let Some(i) = at {
            c[i] += 1;
        }
    }
    counts
}

#[test]
fn report_docx_has_every_area_the_decision_counts_and_no_identity() {
    let (_o, root) = run_npuls(&[]);
    let study = Path::new(env!("CARGO_MANIFEST_DIR")).join("input/npuls-docentondersteuning");
    let cb = peil::codebook::Codebook::load(&study).unwrap();
    for round in ["ronde-1", "ronde-2"] {
        let dir = root.join(round);
        let docx = unzip(&dir.join("report.docx"));
        let texts = docx_texts(&docx["word/document.xml"]);
        for area in &cb.areas {
            assert!(
                texts.contains(&area.label),
                "{round}: no area {:?}",
                area.label
            );
        }
        // The counts table: an area's label followed by its three counts.
        let n_measures = cb.measures.len();
        for ((_, area), c) in decision_counts(&dir) {
            let label = &cb.areas.iter().find(|a| a.id == area).unwrap().label;
            // Area, n, mean, agreement, then the three counts.
            let want = [c[0].to_string(), c[1].to_string(), c[2].to_string()];
            let found = (texts.windows(7))
                .filter(|w| w[0] == *label && w[4..] == want)
                .count();
            assert!(
                found >= 1 && found <= n_measures,
                "{round}: counts {want:?} found {found}x"
            );
        }
        let xml = &docx["word/document.xml"];
        assert!(
            xml.contains("<w:tblHeader"),
            "{round}: no repeated header row"
        );
        assert!(
            xml.contains("w:val=\"Heading1\""),
            "{round}: no Word heading style"
        );
        assert!(
            docx.keys().any(|k| k.starts_with("word/media/")),
            "{round}: no chart image"
        );
        let footer = docx
            .iter()
            .filter(|(k, _)| k.starts_with("word/footer"))
            .map(|(_, v)| v);
        // Page numbers in the footer ("pagina 3 van 38"), the hashes in the
        // colophon at the end, the language set, rows never split, alt text
        // on every picture.
        assert!(
            footer
                .clone()
                .any(|f| f.contains("PAGE") && f.contains("NUMPAGES")),
            "{round}: footer"
        );
        let xml = &docx["word/document.xml"];
        assert!(
            xml.contains("SHA-256") && xml.contains("Colofon"),
            "{round}: colophon"
        );
        assert!(docx["word/styles.xml"].contains("<w:lang w:val=\"nl-NL\""));
        let rows = xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count();
        assert_eq!(
            rows,
            xml.matches("<w:cantSplit").count(),
            "{round}: rows split"
        );
        let pictures = xml.matches("<wp:docPr ").count();
        assert!(
            pictures > 0 && pictures == xml.matches("descr=\"").count(),
            "{round}: alt text"
        );
        let questionnaire =
            std::fs::read_to_string(study.join(round).join("questionnaire.csv")).unwrap();
        let ids: Vec<&str> = questionnaire
            .lines()
            .skip(1)
            .filter_map(|l| l.split(';').next())
            .collect();
        for (name, text) in docx.iter().filter(|(n, _)| !n.ends_with(".png")) {
            assert!(!text.contains('@'), "{round}/{name}: an @");
            for id in ids.iter().filter(|id| id.len() >= 5) {
                assert!(!text.contains(id), "{round}/{name}: respondent id {id}");
            }
        }
    }
}

#[test]
fn no_charts_writes_no_report_docx_and_reruns_are_identical() {
    let (_o, root) = run_npuls(&["--no-charts"]);
    assert!(!root.join("ronde-1/report.docx").exists());
    let (_a, first) = run_npuls(&[]);
    let (_b, second) = run_npuls(&[]);
    for folder in ["ronde-1", "compare-ronde-1-ronde-2"] {
        let f = |r: &Path| std::fs::read(r.join(folder).join("report.docx")).unwrap();
        assert_eq!(
            f(&first),
            f(&second),
            "{folder}/report.docx differs on rerun"
        );
    }
}

/// The comparison's "what changed" tables: one per measure, for all
/// respondents, captioned with the measure and without a measure or group
/// column; in Word the item table (12 columns) is on landscape pages, and
/// the document is back in portrait after it.
#[test]
fn comparison_tells_participation_and_decisions_before_and_after() {
    let (_o, root) = run_npuls(&[]);
    let folder = root.join("compare-ronde-1-ronde-2");
    let html = visible(&std::fs::read_to_string(folder.join("report.html")).unwrap());
    // The respondents of each round, counted here from respondents.csv.
    let n = |round: &str| {
        let rows = read_table(&root.join(round).join("tables/respondents.csv"));
        rows.iter().find(|r| r["group"] == "ALL").unwrap()["respondents"].clone()
    };
    let (from, to) = (n("ronde-1"), n("ronde-2"));
    assert!(
        html.contains(&format!("{from} respondenten in Ronde 1, {to} in Ronde 2")),
        "participation"
    );
    for caption in [
        "Herkenbaarheid: besluiten per item vóór (rijen) en na (kolommen)",
        "Toepasbaarheid: besluiten per item vóór (rijen) en na (kolommen)",
        "Item (oude → nieuwe tekst)",
    ] {
        assert!(html.contains(caption), "no table {caption}");
    }
    assert!(!html.contains("Ronde ronde-1") && !html.contains("ongewijzigd"));
    let docx = unzip(&folder.join("report.docx"));
    let xml = &docx["word/document.xml"];
    assert_eq!(
        xml.matches("<w:footerReference").count(),
        xml.matches("<w:sectPr>").count()
    );
    // Dated by the later round (ronde-2, 2025-06-16), not undated.
    assert!(
        docx["docProps/core.xml"].contains("2025-06-16"),
        "{}",
        docx["docProps/core.xml"]
    );
}

/// Every item whose mean or agreement, rounded as usual, would land on the
/// other side of a threshold is shown with the decimals that keep it on
/// its side: 2.96 against 3.0 as "2,96", 77.9% against 78% as "77,9%".
/// The expected text is worked out here, independently of peil's code.
#[test]
fn figures_beside_a_decision_fall_on_the_side_of_their_threshold() {
    let (_o, root) = run_npuls(&[]);
    let html = visible(&std::fs::read_to_string(root.join("ronde-1/report.html")).unwrap());
    let mut checked = 0;
    for r in read_table(&root.join("ronde-1/tables/item_scores.csv")) {
        if r["group"] != "ALL" || r["decision"] != "reword" {
            continue;
        }
        let (mean, agree): (f64, f64) =
            (r["mean"].parse().unwrap(), r["pct_agree"].parse().unwrap());
        // Shown with d decimals, is it on the same side of t?
        let side = |x: f64, d: usize, t: f64| {
            let shown: f64 = format!("{x:.d$}").parse().unwrap();
            (shown >= t) == (x >= t)
        };
        for (x, scale, base, t, unit) in [(mean, 1.0, 1, 3.0, ""), (agree, 100.0, 0, 78.0, "%")] {
            let x = x * scale;
            if side(x, base, t) {
                continue;
            }
            let d = (base + 1..=base + 3).find(|d| side(x, *d, t)).unwrap();
            let want = format!("{x:.d$}{unit}").replace('.', ",");
            assert!(
                html.contains(&want),
                "{}: {want} not in the report",
                r["item"]
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "{checked} figures near a threshold");
}

/// A comment is shown once per item or area it is about, with its count.
#[test]
fn each_comment_is_shown_once_per_thing_it_is_about() {
    let (_o, root) = run_npuls(&[]);
    let html = std::fs::read_to_string(root.join("ronde-1/report.html")).unwrap();
    let comments = read_table(&root.join("ronde-1/tables/comments.csv"));
    let mut about: BTreeMap<String, std::collections::BTreeSet<String>> = BTreeMap::new();
    for c in &comments {
        about
            .entry(c["comment"].trim().to_lowercase())
            .or_default()
            .insert(c["about"].clone());
    }
    assert!(
        about.len() < comments.len(),
        "the example has repeated comments"
    );
    let mut seen = 0;
    for c in &comments {
        let text = c["comment"]
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let shown = html.matches(&format!(">{text}<")).count()
            + html.matches(&format!("<blockquote>{text} <")).count();
        let things = about[&c["comment"].trim().to_lowercase()].len();
        assert!(
            shown <= things,
            "{text:?} shown {shown}x, about {things} things"
        );
        seen += shown;
    }
    assert!(seen > 0, "the comments are in the report");
    assert!(html.contains("× · "), "counts shown");
}

/// Both bundled examples, every report: the area table before the first
/// item-level decision and the detail after; in report.docx page numbers
/// in the footer, the language set, rows that never split and alt text on
/// every picture.
#[test]
fn every_example_report_opens_with_the_answer_and_is_a_finished_document() {
    for study in ["npuls-docentondersteuning", "herijking-instructeurs"] {
        let out = tempfile::tempdir().unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("input")
            .join(study);
        let o = peil()
            .args(["run", "--quiet", "--out"])
            .arg(out.path())
            .arg(&dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", outcome(&o));
        let cb = peil::codebook::Codebook::load(&dir).unwrap();
        for round in &cb.rounds {
            let folder = out.path().join(study).join(&round.id);
            let html = visible(&std::fs::read_to_string(folder.join("report.html")).unwrap());
            let at = |s: &str| {
                html.find(s)
                    .unwrap_or_else(|| panic!("{study}/{}: no {s:?}", round.id))
            };
            assert!(at("Samenvatting") < at("gebieden en besluiten per item"));
            assert!(at("gebieden en besluiten per item") < at("Kerncijfers per gebied"));
            if let Some(first_item) = html.find("te herformuleren of te schrappen") {
                assert!(at("gebieden en besluiten per item") < first_item);
            }
            let docx = unzip(&folder.join("report.docx"));
            let xml = &docx["word/document.xml"];
            assert!(
                docx["word/footer1.xml"].contains("PAGE"),
                "{study}: page numbers"
            );
            assert!(docx["word/styles.xml"].contains("<w:lang w:val=\"nl-NL\""));
            let rows = xml.matches("<w:tr>").count() + xml.matches("<w:tr ").count();
            assert_eq!(rows, xml.matches("<w:cantSplit").count(), "{study}: rows");
            let pictures = xml.matches("<wp:docPr ").count();
            assert!(pictures > 0 && pictures == xml.matches("descr=\"").count());
        }
    }
}
