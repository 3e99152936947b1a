//! One study, end to end: codebook -> ingest -> score -> tables, charts,
//! report -> files.
//!
//! Owns the order of the steps and the rule that every round of a study is
//! read and scored before anything is written, so a broken round leaves the
//! previous outputs untouched. It must not know about the terminal: `cli`
//! prints what [`RoundResult`] reports.

use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use crate::codebook::{Codebook, Language, Round};
use crate::ingest::{self, display_path, Ingested};
use crate::ledger::FileLedger;
use crate::output::{sha256_hex, InputHash, Manifest, OutputDir};
use crate::render::report::{self, ReportInput};
use crate::render::{charts, tables, xlsx};
use crate::score::{self, Scores};
use crate::Error;

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
    pub round: String,
    pub out_dir: PathBuf,
    pub ledger: FileLedger,
    pub respondents: u64,
    pub files: usize,
}

/// The rounds to process: all, or the one asked for.
pub fn select_rounds<'a>(cb: &'a Codebook, only: Option<&str>) -> Result<Vec<&'a Round>, Error> {
    match only {
        None => Ok(cb.rounds.iter().collect()),
        Some(id) => cb.round(id).map(|r| vec![r]).ok_or_else(|| {
            Error::Usage(format!(
                "{}: there is no round {id:?}\n  fix: use one of: {}",
                cb.dir.join("study.toml").display(),
                cb.rounds
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }),
    }
}

/// Reads and scores one round's questionnaire.
pub fn analyse(cb: &Codebook, round: &Round) -> Result<(Ingested, Scores), Error> {
    let data = ingest::read_questionnaire(cb, round)?;
    let scores = score::score(cb, &data).map_err(|e| Error::Compute {
        file: display_path(&round.questionnaire),
        message: e.to_string(),
    })?;
    Ok((data, scores))
}

/// Runs one study into `<out>/<study>/<round>/`.
pub fn run_study(
    dir: &Path,
    opts: &Options,
    progress: &ProgressBar,
) -> Result<Vec<RoundResult>, Error> {
    let cb = Codebook::load(dir)?;
    let rounds = select_rounds(&cb, opts.round.as_deref())?;
    let mut analysed = Vec::with_capacity(rounds.len());
    for round in &rounds {
        progress.set_message(format!("{}/{}: reading and scoring", cb.slug, round.id));
        analysed.push(analyse(&cb, round)?);
    }
    if opts.strict {
        let dirty: Vec<String> = analysed
            .iter()
            .filter(|(d, _)| !d.ledger.is_clean())
            .map(|(d, _)| d.ledger.summary())
            .collect();
        if !dirty.is_empty() {
            return Err(Error::Strict {
                summary: dirty.join("\n  "),
            });
        }
    }
    rounds
        .iter()
        .zip(&analysed)
        .map(|(round, (data, scores))| {
            progress.set_message(format!("{}/{}: writing", cb.slug, round.id));
            write_round(&cb, round, data, scores, opts)
        })
        .collect()
}

fn write_round(
    cb: &Codebook,
    round: &Round,
    data: &Ingested,
    scores: &Scores,
    opts: &Options,
) -> Result<RoundResult, Error> {
    let lang = opts.lang.unwrap_or(cb.language);
    let mut out = OutputDir::new(opts.out.join(&cb.slug).join(&round.id));
    let ledgers = [data.ledger.clone()];
    let tables = tables::all(cb, scores, &ledgers);
    for t in &tables {
        out.write(&format!("tables/{}.csv", t.name), &t.to_csv())?;
        out.write(
            &format!("tables/{}.md", t.name),
            t.to_markdown(lang).as_bytes(),
        )?;
    }
    let render_err = |what: &str| {
        let what = what.to_string();
        move |message: String| Error::Render { what, message }
    };
    let xlsx = xlsx::workbook(&tables).map_err(|e| render_err("summary.xlsx")(e.to_string()))?;
    out.write("tables/summary.xlsx", &xlsx)?;
    let inputs = input_hashes(cb, round, data)?;
    if !opts.no_charts {
        let charts = charts::all(cb, scores, lang).map_err(render_err("charts"))?;
        for c in &charts {
            out.write(&format!("charts/{}.svg", c.name), c.svg.as_bytes())?;
            out.write(&format!("charts/{}.png", c.name), &c.png)?;
        }
        let page = report::html(&ReportInput {
            cb,
            round,
            scores,
            tables: &tables,
            charts: &charts,
            ledgers: &ledgers,
            inputs: &inputs,
            lang,
        });
        out.write("report.html", page.as_bytes())?;
    }
    let manifest = Manifest {
        peil_version: env!("CARGO_PKG_VERSION"),
        study: cb.slug.clone(),
        round: round.id.clone(),
        inputs,
        outputs: out.written(),
    };
    out.write("manifest.json", &manifest.to_json())?;
    Ok(RoundResult {
        round: round.id.clone(),
        out_dir: out.root().to_path_buf(),
        ledger: data.ledger.clone(),
        respondents: data.respondents.len() as u64,
        files: out.written().len(),
    })
}

/// SHA-256 of `study.toml` and of the round's input files. The codebook and
/// the questionnaire were hashed as they were read; only a file no step reads
/// yet (the consultation notes) is read here.
fn input_hashes(cb: &Codebook, round: &Round, data: &Ingested) -> Result<Vec<InputHash>, Error> {
    let mut hashes = vec![
        InputHash {
            file: "study.toml".into(),
            sha256: cb.sha256.clone(),
        },
        InputHash {
            file: display_path(&round.questionnaire),
            sha256: data.sha256.clone(),
        },
    ];
    if let Some(rel) = &round.consultation {
        let bytes =
            std::fs::read(cb.dir.join(rel)).map_err(|e| ingest::IngestError::Unreadable {
                file: display_path(rel),
                problem: e.to_string(),
            })?;
        hashes.push(InputHash {
            file: display_path(rel),
            sha256: sha256_hex(&bytes),
        });
    }
    Ok(hashes)
}

/// Every study folder under `input/` (a folder holding a study.toml), sorted.
pub fn default_studies(input: &Path) -> Result<Vec<PathBuf>, Error> {
    let none = || {
        Error::Usage(format!(
            "no study found: {}/ holds no folder with a study.toml\n  fix: run peil from the project folder, or name the study: peil run STUDY_DIR",
            input.display()
        ))
    };
    let entries = std::fs::read_dir(input).map_err(|_| none())?;
    let mut studies: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("study.toml").is_file())
        .collect();
    studies.sort();
    if studies.is_empty() {
        return Err(none());
    }
    Ok(studies)
}
