//! `peil validate`: read and check a study, write nothing, print the ledger.
//!
//! Owns printing the ledger (the first entries in full, the rest counted).
//! It reads through the same path as `peil run` ([`crate::run::read_round`]),
//! so what validate accepts, run accepts. It also warns (on stderr, exit
//! unchanged) about items that correlate negatively with the rest of their
//! area: a negatively worded item that lacks `reverse = true`.

use std::path::Path;

use anyhow::Context;

use super::terminal::{outln, print_invalid_by_column, print_remarks};
use crate::analysis::panel::row_number_warning;
use crate::analysis::score::{score, Scores};
use crate::codebook::Codebook;
use crate::exit_codes::ExitCode;
use crate::ledger::FileLedger;

/// Entries printed in full; the rest are counted.
const SHOWN: usize = 20;

pub fn validate(dir: &Path) -> anyhow::Result<ExitCode> {
    let cb = Codebook::load(dir).map_err(crate::Error::from)?;
    let mut status = ExitCode::Success;
    let mut previous: Option<(&str, crate::run::Read)> = None;
    for round in &cb.rounds {
        // Reading is the check; scoring adds nothing to the ledger, only
        // the item-rest correlations the reverse-keying hint needs.
        let read =
            crate::run::read_round(&cb, round).with_context(|| format!("round {}", round.id))?;
        print_remarks(&read.data.remarks);
        if let Some((id, before)) = &previous {
            let warning = row_number_warning(&cb, (id, &before.data), (&round.id, &read.data));
            print_remarks(&Vec::from_iter(warning));
        }
        let scores = score(&read.cb, &read.data).with_context(|| format!("round {}", round.id))?;
        for w in reverse_hints(&read.cb, &scores) {
            eprintln!("peil: warning: {}: {w}", round.id);
        }
        for l in &read.ledgers() {
            outln!("{}: {}", round.id, l.summary());
            print_invalid_by_column(l);
            print_entries(l);
            if !l.is_clean() {
                status = ExitCode::Findings;
            }
        }
        previous = Some((&round.id, read));
    }
    Ok(status)
}

/// One warning per item whose corrected item-rest correlation is negative:
/// scored as it is, it pulls its area's alpha down (contract,
/// "Reverse-keyed items").
fn reverse_hints(cb: &Codebook, scores: &Scores) -> Vec<String> {
    scores
        .item_reliability
        .iter()
        .filter_map(|r| {
            let rest_r = r.item_rest_r.filter(|x| *x < 0.0)?;
            let item = &cb.items[r.item];
            Some(format!(
                "item {} ({}) correlates negatively with the rest of area {} (corrected item-rest r = {rest_r:.2}); \
                 if it is worded negatively, add reverse = true to its [[items]] entry in study.toml",
                item.id, cb.measures[r.measure].id, cb.areas[r.area].id
            ))
        })
        .collect()
}

fn print_entries(ledger: &FileLedger) {
    for e in ledger.entries.iter().take(SHOWN) {
        let column = e
            .column
            .as_deref()
            .map(|c| format!(", column {c}"))
            .unwrap_or_default();
        let value = e
            .value
            .as_deref()
            .map(|v| format!(": {v:?}"))
            .unwrap_or_default();
        outln!(
            "  line {}{column}: {}{value}\n    fix: {}",
            e.line,
            e.reason,
            e.reason.fix()
        );
    }
    if ledger.entries.len() > SHOWN {
        outln!(
            "  ... and {} more entries (all of them in data_quality.csv after peil run)",
            ledger.entries.len() - SHOWN
        );
    }
}
