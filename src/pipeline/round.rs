//! One round read, checked and scored: the stages before anything is
//! written.
//!
//! Owns reading a round's questionnaire and notes (`ingest`), the check
//! that every file's ledger accounts for every row it read, and scoring
//! (`analysis`); and what `peil validate` gets: the round read, with the
//! hints its scores give. It must not write or print anything.

use crate::analysis::hints::{reverse_hints, ReverseHint};
use crate::analysis::score::{self, Scores};
use crate::analysis::{compare, consult};
use crate::codebook::{Codebook, Round};
use crate::digest::InputHash;
use crate::ingest::notes::Notes;
use crate::ingest::{self, display_path, Ingested};
use crate::ledger::FileLedger;
use crate::Error;

/// One round read and scored, before anything is written.
pub struct Analysed {
    pub round: Round,
    /// The codebook as this round sees it (`Codebook::for_round`).
    pub cb: Codebook,
    pub data: Ingested,
    pub scores: Scores,
    pub notes: Option<consult::Summary>,
}

impl Analysed {
    pub fn as_compared(&self) -> compare::RoundScores<'_> {
        compare::RoundScores {
            id: &self.round.id,
            cb: &self.cb,
            scores: &self.scores,
            data: &self.data,
        }
    }

    /// The ledgers of the round's files: questionnaire, then notes.
    pub fn ledgers(&self) -> Vec<FileLedger> {
        ledgers(&self.data, self.notes.as_ref().map(|n| &n.notes))
    }
}

/// The ledgers of a round's files: questionnaire, then notes.
fn ledgers(data: &Ingested, notes: Option<&Notes>) -> Vec<FileLedger> {
    let notes = notes.map(|n| n.ledger.clone());
    std::iter::once(data.ledger.clone()).chain(notes).collect()
}

/// One round read, before anything is scored: what `peil validate` checks.
pub struct Read {
    /// The codebook as this round sees it (`Codebook::for_round`).
    pub cb: Codebook,
    pub data: Ingested,
    pub notes: Option<Notes>,
}

impl Read {
    /// The ledgers of the round's files: questionnaire, then notes.
    pub fn ledgers(&self) -> Vec<FileLedger> {
        ledgers(&self.data, self.notes.as_ref())
    }
}

/// Reads one round's questionnaire and notes, and checks that every file's
/// ledger accounts for every row it read.
pub fn read_round(study: &Codebook, round: &Round) -> Result<Read, Error> {
    let cb = study.for_round(&round.id);
    let data = ingest::read_questionnaire(&cb, round)?;
    let notes = ingest::notes::read_notes(&cb, round)?;
    let read = Read { cb, data, notes };
    for l in read.ledgers() {
        if !l.balances() {
            return Err(Error::Compute {
                file: l.file.clone(),
                message: format!(
                    "the ledger does not balance: {} rows read, {} used, {} excluded (a bug in peil; please report it)",
                    l.rows_read,
                    l.rows_used,
                    l.rows_excluded()
                ),
            });
        }
    }
    Ok(read)
}

/// Reads and scores one round: its questionnaire and its notes.
pub fn analyse(study: &Codebook, round: &Round) -> Result<Analysed, Error> {
    let Read { cb, data, notes } = read_round(study, round)?;
    let scores = score_round(&cb, &data, round)?;
    let notes = notes.map(consult::Summary::new);
    Ok(Analysed {
        round: round.clone(),
        cb,
        data,
        scores,
        notes,
    })
}

fn score_round(cb: &Codebook, data: &Ingested, round: &Round) -> Result<Scores, Error> {
    score::score(cb, data).map_err(|e| Error::Compute {
        file: display_path(&round.questionnaire),
        message: e.to_string(),
    })
}

/// One round as `peil validate` sees it: read and checked, and the hints
/// its scores give for the codebook.
pub struct Checked {
    pub read: Read,
    pub hints: Vec<ReverseHint>,
}

/// Reads one round through the same path as `peil run`, and scores it for
/// the hints only (scoring adds nothing to the ledger).
pub fn check_round(study: &Codebook, round: &Round) -> Result<Checked, Error> {
    let read = read_round(study, round)?;
    let scores = score_round(&read.cb, &read.data, round)?;
    let hints = reverse_hints(&read.cb, &scores);
    Ok(Checked { read, hints })
}

/// SHA-256 of `study.toml` and of the round's input files, as they were
/// read (no file is read twice).
pub fn input_hashes(a: &Analysed) -> Vec<InputHash> {
    let mut hashes = vec![
        InputHash {
            file: "study.toml".into(),
            sha256: a.cb.sha256.clone(),
        },
        InputHash {
            file: display_path(&a.round.questionnaire),
            sha256: a.data.sha256.clone(),
        },
    ];
    if let (Some(rel), Some(n)) = (&a.round.consultation, &a.notes) {
        hashes.push(InputHash {
            file: display_path(rel),
            sha256: n.notes.sha256.clone(),
        });
    }
    hashes
}

/// The warning for a declared panel whose ids look like row numbers in
/// both rounds (`analysis::paired::row_number_warning`).
pub fn panel_warning(study: &Codebook, from: (&str, &Read), to: (&str, &Read)) -> Option<String> {
    crate::analysis::paired::row_number_warning(study, (from.0, &from.1.data), (to.0, &to.1.data))
}
