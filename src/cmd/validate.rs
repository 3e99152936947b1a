//! `peil validate`: read and check a study, write nothing, print the ledger.
//!
//! Owns printing the ledger (the first entries in full, the rest counted)
//! and the codebook hints. It reads through the same path as `peil run`
//! ([`crate::pipeline::check_round`]), so what validate accepts, run accepts.
//! It warns (on stderr, exit unchanged) about items that correlate
//! negatively with the rest of their area (`analysis::hints` picks them): a
//! negatively worded item that lacks `reverse = true`.

use std::path::Path;

use anyhow::Context;

use super::terminal::{outln, print_invalid_by_column, print_remarks};
use crate::analysis::hints::ReverseHint;
use crate::codebook::Codebook;
use crate::exit_codes::ExitCode;
use crate::ledger::FileLedger;

/// Entries printed in full; the rest are counted.
const SHOWN: usize = 20;

pub fn validate(dir: &Path) -> anyhow::Result<ExitCode> {
    let cb = Codebook::load(dir).map_err(crate::Error::from)?;
    let mut status = ExitCode::Success;
    let mut previous: Option<(&str, crate::pipeline::Checked)> = None;
    for round in &cb.rounds {
        let checked = crate::pipeline::check_round(&cb, round)
            .with_context(|| format!("round {}", round.id))?;
        let read = &checked.read;
        print_remarks(&read.data.remarks);
        if let Some((id, before)) = &previous {
            let warning =
                crate::pipeline::panel_warning(&cb, (id, &before.read), (&round.id, read));
            print_remarks(&Vec::from_iter(warning));
        }
        for h in &checked.hints {
            eprintln!("peil: warning: {}: {}", round.id, reverse_hint(h));
        }
        for l in &read.ledgers() {
            outln!("{}: {}", round.id, l.summary());
            print_invalid_by_column(l);
            print_entries(l);
            if !l.is_clean() {
                status = ExitCode::Findings;
            }
        }
        previous = Some((&round.id, checked));
    }
    Ok(status)
}

/// The warning for an item that correlates negatively with the rest of
/// its area: scored as it is, it pulls its area's alpha down (README,
/// "Reverse-keyed items").
fn reverse_hint(h: &ReverseHint) -> String {
    format!(
        "item {} ({}) correlates negatively with the rest of area {} (corrected item-rest r = {:.2}); \
         if it is worded negatively, add reverse = true to its [[items]] entry in study.toml",
        h.item, h.measure, h.area, h.rest_r
    )
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
