//! One study, end to end: codebook -> ingest -> analysis -> the export
//! plan (`output::plan`, which renders and writes).
//!
//! Owns the order of the stages (`round` reads, checks and scores one
//! round; the export plan writes it) and the rule that every round of a
//! study is read and scored before anything is written, so a broken round leaves the
//! previous outputs untouched. Which files exist and how they are made is
//! the export plan's. It must not know about the terminal: it says where it
//! is through [`Progress`], and `cmd` prints what [`RoundResult`] and
//! [`Checked`] report.

use std::path::{Path, PathBuf};

use crate::analysis::compare;
use crate::codebook::{Codebook, Language, Round};
use crate::ledger::FileLedger;
use crate::output::plan::{self, CompareExport, RoundExport};
use crate::output::{compare_folder, OutputDir};
use crate::Error;

mod round;

use round::input_hashes;
pub use round::{analyse, check_round, panel_warning, read_round, Analysed, Checked, Read};

/// Where a run is, for whoever shows it (`cmd` draws a spinner). The
/// pipeline only calls it; it never knows whether anything is shown.
pub trait Progress {
    /// The step that starts now, e.g. "npuls/ronde-1: writing".
    fn step(&self, message: String);
}

/// No progress shown (tests, library use).
impl Progress for () {
    fn step(&self, _: String) {}
}

/// What `peil run` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub out: PathBuf,
    pub round: Option<String>,
    pub lang: Option<Language>,
    pub strict: bool,
    /// Tables only: no charts, no report.
    pub no_charts: bool,
}

/// What one round produced.
#[derive(Debug)]
pub struct RoundResult {
    /// The round's id, or `compare-<from>-<to>`.
    pub round: String,
    pub out_dir: PathBuf,
    /// One per input file; empty for a comparison.
    pub ledgers: Vec<FileLedger>,
    pub respondents: u64,
    pub files: usize,
    /// What reading the exports decided for the user (e.g. detected header
    /// rows), for stderr.
    pub remarks: Vec<String>,
    /// Each `[[published]]` figure of the folder that was not reproduced.
    pub not_reproduced: Vec<String>,
}

/// The rounds to process: all, or the one asked for.
pub fn select_rounds<'a>(cb: &'a Codebook, only: Option<&str>) -> Result<Vec<&'a Round>, Error> {
    match only {
        None => Ok(cb.rounds.iter().collect()),
        Some(id) => Ok(vec![find_round(cb, id)?]),
    }
}

fn find_round<'a>(cb: &'a Codebook, id: &str) -> Result<&'a Round, Error> {
    cb.round(id).ok_or_else(|| {
        Error::Usage(format!(
            "{}: there is no round {id:?}\n  fix: use one of: {}",
            cb.dir.join("study.toml").display(),
            cb.rounds
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

/// With `--strict`: anything in a ledger stops the run before writing.
fn check_strict(analysed: &[Analysed]) -> Result<(), Error> {
    let dirty: Vec<String> = analysed
        .iter()
        .flat_map(Analysed::ledgers)
        .filter(|l| !l.is_clean())
        .map(|l| l.summary())
        .collect();
    if dirty.is_empty() {
        return Ok(());
    }
    Err(Error::Strict {
        summary: dirty.join("\n  "),
    })
}

/// Runs one study into `<out>/<study>/<round>/`, and, when every round was
/// run, each round's comparison with the one before into
/// `<out>/<study>/compare-<before>-<round>/`.
pub fn run_study(
    dir: &Path,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Vec<RoundResult>, Error> {
    let cb = Codebook::load(dir)?;
    check_published_names(&cb)?;
    let rounds = select_rounds(&cb, opts.round.as_deref())?;
    let mut analysed = Vec::with_capacity(rounds.len());
    for round in &rounds {
        progress.step(format!("{}/{}: reading and scoring", cb.slug, round.id));
        analysed.push(analyse(&cb, round)?);
    }
    if opts.strict {
        check_strict(&analysed)?;
    }
    let mut results = Vec::new();
    for a in &analysed {
        progress.step(format!("{}/{}: writing", cb.slug, a.round.id));
        results.push(write_round(&cb, a, opts)?);
    }
    for pair in analysed.windows(2) {
        progress.step(format!(
            "{}: comparing {} with {}",
            cb.slug, pair[1].round.id, pair[0].round.id
        ));
        results.push(write_comparison(&cb, &pair[0], &pair[1], opts)?);
    }
    Ok(results)
}

/// Every `[[published]]` entry names a table and column peil writes:
/// checked before any data is read (exit 2).
pub fn check_published_names(cb: &Codebook) -> Result<(), Error> {
    for (i, p) in cb.published.iter().enumerate() {
        if let Some(problem) = crate::render::tables::published::unknown(p) {
            return Err(Error::Codebook(crate::codebook::CodebookError::Invalid {
                path: cb.dir.join("study.toml"),
                key: format!("[[published]] #{} ({} {})", i + 1, p.table, p.column),
                problem,
                fix:
                    "name a table and one of its columns as in docs/reference.md (\"Output files\")"
                        .into(),
            }));
        }
    }
    Ok(())
}

/// With `--strict`: a published figure not reproduced ends the run with
/// exit code 1 (the files are written: they show which).
pub fn check_reproduced(results: &[RoundResult]) -> Result<(), Error> {
    let failed: Vec<&String> = results.iter().flat_map(|r| &r.not_reproduced).collect();
    match failed.is_empty() {
        true => Ok(()),
        false => Err(Error::NotReproduced {
            summary: failed
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n  "),
        }),
    }
}

/// `peil compare`: two rounds of one study into `compare-<from>-<to>/`.
pub fn compare_study(
    dir: &Path,
    from: &str,
    to: &str,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<RoundResult, Error> {
    let cb = Codebook::load(dir)?;
    check_published_names(&cb)?;
    let (rf, rt) = (find_round(&cb, from)?, find_round(&cb, to)?);
    if rf.id == rt.id {
        return Err(Error::Usage(format!(
            "--from and --to are both {from:?}\n  fix: name two different rounds of {}",
            cb.slug
        )));
    }
    progress.step(format!("{}: reading {from} and {to}", cb.slug));
    let analysed = [analyse(&cb, rf)?, analyse(&cb, rt)?];
    if opts.strict {
        check_strict(&analysed)?;
    }
    write_comparison(&cb, &analysed[0], &analysed[1], opts)
}

fn write_round(study: &Codebook, a: &Analysed, opts: &Options) -> Result<RoundResult, Error> {
    let ledgers = a.ledgers();
    let inputs = input_hashes(a);
    let export = RoundExport {
        cb: &a.cb,
        round: &a.round,
        scores: &a.scores,
        notes: a.notes.as_ref(),
        ledgers: &ledgers,
        inputs: &inputs,
        lang: opts.lang.unwrap_or(study.language),
        no_charts: opts.no_charts,
    };
    let out = OutputDir::of(&opts.out, &study.slug, &a.round.id);
    let (out_dir, files, outcome) =
        out.write_all(&study.slug, &a.round.id, inputs.clone(), |q| {
            plan::round(&export, q)
        })?;
    Ok(RoundResult {
        round: a.round.id.clone(),
        out_dir,
        ledgers,
        respondents: a.data.respondents.len() as u64,
        files,
        remarks: a.data.remarks.clone(),
        not_reproduced: outcome.not_reproduced,
    })
}

fn write_comparison(
    study: &Codebook,
    from: &Analysed,
    to: &Analysed,
    opts: &Options,
) -> Result<RoundResult, Error> {
    let name = compare_folder(&from.round.id, &to.round.id);
    let cmp = compare::compare(study, from.as_compared(), to.as_compared());
    let mut inputs = input_hashes(from);
    inputs.extend(input_hashes(to).into_iter().skip(1));
    let export = CompareExport {
        cb: study,
        cmp: &cmp,
        inputs: &inputs,
        lang: opts.lang.unwrap_or(study.language),
        no_charts: opts.no_charts,
    };
    let out = OutputDir::of(&opts.out, &study.slug, &name);
    let (out_dir, files, outcome) = out.write_all(&study.slug, &name, inputs.clone(), |q| {
        plan::comparison(&export, q)
    })?;
    let warning = crate::analysis::paired::row_number_warning(
        study,
        (&from.round.id, &from.data),
        (&to.round.id, &to.data),
    );
    Ok(RoundResult {
        round: name,
        out_dir,
        ledgers: Vec::new(),
        respondents: 0,
        files,
        remarks: warning.into_iter().collect(),
        not_reproduced: outcome.not_reproduced,
    })
}
