//! The report's section on agreement between the coders of the
//! consultation notes: who coded, how many statements were coded twice,
//! and per field (theme, domain, stance) a short table of the agreement
//! with its reading in words.
//!
//! Owns the words of the reading bands (`tables::consult`'s
//! `KAPPA_BANDS`, Landis & Koch 1977, and `ALPHA_BANDS`, Krippendorff
//! 2004). The figures come ready in `coding_agreement` (`tables::consult`); it
//! must not compute one.

use crate::analysis::agreement::{AgreementRow, FIELDS};
use crate::analysis::consult::Summary;
use crate::render::report::document::{Document, Grid};
use crate::render::report::people::People;
use crate::render::tables::consult::{ALPHA_BANDS, KAPPA_BANDS};
use crate::render::tables::table::Table;
use crate::render::words::{capitalised, Words};

/// A kappa in words: "aanzienlijk (Landis & Koch)".
fn kappa_reading(k: f64, w: Words) -> &'static str {
    let words = [
        w.t("minder dan toeval", "less than chance"),
        w.t("gering", "slight"),
        w.t("redelijk", "fair"),
        w.t("matig", "moderate"),
        w.t("aanzienlijk", "substantial"),
        w.t("bijna volledig", "almost perfect"),
    ];
    words[KAPPA_BANDS.iter().filter(|b| k >= **b).count()]
}

/// An alpha in words, by Krippendorff's thresholds.
fn alpha_reading(a: f64, w: Words) -> &'static str {
    let words = [
        w.t("onvoldoende", "insufficient"),
        w.t("voorlopig bruikbaar", "tentative"),
        w.t("betrouwbaar", "reliable"),
    ];
    words[ALPHA_BANDS.iter().filter(|b| a >= **b).count()]
}

/// The section, when the notes have a `coder` column.
pub fn section(doc: &mut Document, p: &People, s: &Summary, table: Option<&Table>) {
    let (Some(rows), Some(coding), Some(table)) = (&s.agreement, &s.notes.coding, table) else {
        return;
    };
    let w = Words(p.lang);
    doc.heading(
        2,
        w.t("Overeenstemming tussen codeurs", "Agreement between coders"),
    );
    doc.para(intro(rows, &coding.coders, w));
    doc.para(w.t(
        "Overeenstemming: het deel van de dubbel gecodeerde uitspraken met dezelfde code. Kappa (Cohen) corrigeert dat voor toevallige overeenstemming tussen twee codeurs; gelezen volgens Landis en Koch (1977): onder 0,21 gering, vanaf 0,21 redelijk, 0,41 matig, 0,61 aanzienlijk, 0,81 bijna volledig. Alfa (Krippendorff) geldt alle codeurs samen, ook als niet iedereen elke uitspraak codeerde: vanaf 0,800 betrouwbaar, vanaf 0,667 voorlopig bruikbaar, daaronder onvoldoende (Krippendorff 2004).",
        "Agreement: the share of the double-coded statements given the same code. Cohen's kappa corrects it for chance agreement between two coders; read after Landis and Koch (1977): below 0.21 slight, from 0.21 fair, 0.41 moderate, 0.61 substantial, 0.81 almost perfect. Krippendorff's alpha covers all coders together, also when not everyone coded every statement: from 0.800 reliable, from 0.667 tentative, below that insufficient (Krippendorff 2004).",
    ));
    let keep = [
        "coders",
        "statements",
        "pct_agreement",
        "cohen_kappa",
        "krippendorff_alpha",
    ];
    for (f, field) in FIELDS.iter().enumerate() {
        let mine: Vec<&AgreementRow> = rows.iter().filter(|r| r.field == f).collect();
        if mine.is_empty() {
            continue;
        }
        let caption = capitalised(w.field(field));
        let mut grid = p.grid(&table.filtered("field", field).select(&keep), &caption);
        read(&mut grid, &mine, w);
        doc.table(grid);
    }
}

/// "12 van de 40 uitspraken zijn door meer dan één codeur gecodeerd (A, B).
/// De tellingen gebruiken per uitspraak de codes van de eerste codeur."
fn intro(rows: &[AgreementRow], coders: &[String], w: Words) -> String {
    let twice = rows
        .iter()
        .filter(|r| r.all)
        .map(|r| r.statements)
        .max()
        .unwrap_or(0);
    format!(
        "{twice} {} ({}: {}). {}",
        w.t(
            "uitspraken zijn door meer dan één codeur gecodeerd",
            "statements were coded by more than one coder"
        ),
        w.t("codeurs", "coders"),
        coders.join(", "),
        w.t(
            "Alle tellingen hierboven en hieronder gebruiken elke uitspraak één keer, met de codes van de codeur die haar als eerste codeerde.",
            "Every count above and below uses each statement once, with the codes of the coder who coded it first.",
        )
    )
}

/// Names the all-coders row as such and adds the reading of each row.
fn read(grid: &mut Grid, rows: &[&AgreementRow], w: Words) {
    grid.columns
        .push((w.t("Oordeel", "Reading").to_string(), false));
    for (cells, r) in grid.rows.iter_mut().zip(rows) {
        if r.all {
            cells[0] = format!("{} ({})", w.t("alle codeurs", "all coders"), cells[0]);
        }
        let reading = match (r.cohen_kappa, r.krippendorff_alpha) {
            (Some(k), _) => format!("{} (kappa)", kappa_reading(k, w)),
            (_, Some(a)) => format!("{} ({})", alpha_reading(a, w), w.t("alfa", "alpha")),
            _ => "–".to_string(),
        };
        cells.push(reading);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codebook::Language;

    #[test]
    fn readings_follow_the_published_bands() {
        let w = Words(Language::En);
        let k: Vec<&str> = [-0.1, 0.0, 0.2, 0.21, 0.41, 0.6, 0.61, 0.81, 1.0]
            .iter()
            .map(|k| kappa_reading(*k, w))
            .collect();
        assert_eq!(
            k,
            [
                "less than chance",
                "slight",
                "slight",
                "fair",
                "moderate",
                "moderate",
                "substantial",
                "almost perfect",
                "almost perfect"
            ]
        );
        let a: Vec<&str> = [0.5, 0.667, 0.799, 0.8]
            .iter()
            .map(|a| alpha_reading(*a, w))
            .collect();
        assert_eq!(a, ["insufficient", "tentative", "tentative", "reliable"]);
    }
}
