//! `peil validate`: read and check a study, write nothing, print the ledger.
//!
//! Owns printing the ledger (the first entries in full, the rest counted).
//! It reads through the same path as `peil run` ([`crate::run::read_round`]),
//! so what validate accepts, run accepts.

use std::path::Path;

use anyhow::Context;

use super::terminal::print_remarks;
use crate::codebook::Codebook;
use crate::exit_codes::ExitCode;
use crate::ledger::FileLedger;

/// Entries printed in full; the rest are counted.
const SHOWN: usize = 20;

pub fn validate(dir: &Path) -> anyhow::Result<ExitCode> {
    let cb = Codebook::load(dir).map_err(crate::Error::from)?;
    let mut status = ExitCode::Success;
    for round in &cb.rounds {
        // Reading is the check; scoring would add nothing to the ledger.
        let read =
            crate::run::read_round(&cb, round).with_context(|| format!("round {}", round.id))?;
        print_remarks(&read.data.remarks);
        for l in &read.ledgers() {
            println!("{}: {}", round.id, l.summary());
            print_entries(l);
            if !l.is_clean() {
                status = ExitCode::Findings;
            }
        }
    }
    Ok(status)
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
        println!(
            "  line {}{column}: {}{value}\n    fix: {}",
            e.line,
            e.reason,
            e.reason.fix()
        );
    }
    if ledger.entries.len() > SHOWN {
        println!(
            "  ... and {} more entries (all of them in data_quality.csv after peil run)",
            ledger.entries.len() - SHOWN
        );
    }
}
