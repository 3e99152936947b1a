//! One study, end to end: codebook -> ingest -> score -> tables, charts,
//! report -> files.
//!
//! Owns the order of the steps and the rule that every round of a study is
//! read and scored before anything is written, so a broken round leaves the
//! previous outputs untouched. It must not know about the terminal: it
//! says where it is through [`Progress`], and `cmd` prints what
//! [`RoundResult`] reports.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analysis::score::{self, Scores};
use crate::analysis::{compare, consult};
use crate::codebook::{Codebook, Language, Round};
use crate::digest::InputHash;
use crate::ingest::notes::Notes;
use crate::ingest::{self, display_path, Ingested};
use crate::ledger::FileLedger;
use crate::output::{Manifest, OutputDir, Queue};
use crate::render::charts::{self, ChartFile};
use crate::render::document::Document;
use crate::render::report::{self, ReportInput};
use crate::render::scene::Scene;
use crate::render::table::Table;
use crate::render::tables::{BreakdownTables, RoundTables};
use crate::render::{docx, page, tables, xlsx};
use crate::Error;

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
}

impl RoundResult {
    /// What `peil run` prints for it.
    pub fn line(&self) -> String {
        if self.ledgers.is_empty() {
            return format!("{}: {} files", self.out_dir.display(), self.files);
        }
        format!(
            "{}: {} respondents, {} files",
            self.out_dir.display(),
            self.respondents,
            self.files
        )
    }
}

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
        let notes = self.notes.as_ref().map(|n| n.notes.ledger.clone());
        std::iter::once(self.data.ledger.clone())
            .chain(notes)
            .collect()
    }
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
        let notes = self.notes.as_ref().map(|n| n.ledger.clone());
        std::iter::once(self.data.ledger.clone())
            .chain(notes)
            .collect()
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
    let compute = |file: &Path| {
        let file = display_path(file);
        move |e: polars::error::PolarsError| Error::Compute {
            file,
            message: e.to_string(),
        }
    };
    let scores = score::score(&cb, &data).map_err(compute(&round.questionnaire))?;
    let notes = notes.map(consult::Summary::new);
    Ok(Analysed {
        round: round.clone(),
        cb,
        data,
        scores,
        notes,
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

/// `peil compare`: two rounds of one study into `compare-<from>-<to>/`.
pub fn compare_study(
    dir: &Path,
    from: &str,
    to: &str,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<RoundResult, Error> {
    let cb = Codebook::load(dir)?;
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

fn render_err(what: &str) -> impl Fn(String) -> Error {
    let what = what.to_string();
    move |message: String| Error::Render {
        what: what.clone(),
        message,
    }
}

/// One folder of tables (`tables` or a breakdown's `tables/by-<slug>`).
type Folder<'a> = (String, Vec<&'a Table>);

/// The files of one folder: each table as CSV and Markdown, or all of them
/// in `summary.xlsx`.
#[derive(Clone, Copy)]
enum Part {
    Text,
    Workbook,
}

/// Makes one part of a folder and queues its files.
fn write_part(
    out: &Queue,
    (dir, tables): &Folder,
    part: Part,
    lang: Language,
) -> Result<(), Error> {
    match part {
        Part::Text => {
            for t in tables {
                out.write(format!("{dir}/{}.csv", t.name), t.to_csv());
                out.write(
                    format!("{dir}/{}.md", t.name),
                    t.to_markdown(lang).into_bytes(),
                );
            }
        }
        Part::Workbook => {
            let xlsx = xlsx::workbook(tables.iter().copied())
                .map_err(|e| render_err("summary.xlsx")(e.to_string()))?;
            out.write(format!("{dir}/summary.xlsx"), xlsx);
        }
    }
    Ok(())
}

/// Every folder's tables as CSV and Markdown, and all of a folder's in its
/// `summary.xlsx`. The parts are made on every core, each taken by the
/// first free one, the largest first (a breakdown's workbook alone can take
/// as long as all other parts), and queued for the writer as they are
/// done; the manifest lists them sorted.
fn write_tables(out: &Queue, folders: &[Folder], lang: Language) -> Result<(), Error> {
    let mut parts: Vec<(&Folder, Part)> = (folders.iter())
        .flat_map(|f| [(f, Part::Workbook), (f, Part::Text)])
        .collect();
    parts.sort_by_key(|(f, part)| std::cmp::Reverse(part.cost(f)));
    (parts.into_iter().par_bridge())
        .map(|(f, part)| write_part(out, f, part, lang))
        .collect()
}

impl Part {
    /// A part's cost, for the order: its cells, a workbook's counting
    /// about four times as much as text (measured on the benchmark study).
    fn cost(self, (_, tables): &Folder) -> usize {
        let cells: usize = tables
            .iter()
            .map(|t| t.rows().len() * t.columns().len())
            .sum();
        match self {
            Part::Text => cells,
            Part::Workbook => 4 * cells,
        }
    }
}

/// The folders of a round's tables: `tables`, then each breakdown's.
fn round_folders<'a>(round: &'a RoundTables, by: &'a [BreakdownTables]) -> Vec<Folder<'a>> {
    std::iter::once(("tables".to_string(), round.list()))
        .chain(
            by.iter()
                .map(|b| (format!("tables/{}", b.folder), b.list())),
        )
        .collect()
}

/// Paints every chart scene on every core and queues its SVG and PNG as
/// soon as it is painted; the charts in scene order.
fn write_charts(out: &Queue, scenes: Vec<(String, Scene)>) -> Result<Vec<ChartFile>, Error> {
    scenes
        .into_par_iter()
        .map(|(name, scene)| {
            let c = charts::paint(name, &scene).map_err(render_err("charts"))?;
            out.write(format!("charts/{}.svg", c.name), c.svg.clone().into_bytes());
            out.write(format!("charts/{}.png", c.name), c.png.clone());
            Ok(c)
        })
        .collect()
}

/// The report as report.html and report.docx, made side by side.
fn write_reports(out: &Queue, doc: &Document, charts: &[ChartFile]) -> Result<(), Error> {
    let (html, docx) = rayon::join(|| page::html(doc, charts), || docx::docx(doc, charts));
    out.write("report.html".into(), html.into_bytes());
    out.write(
        "report.docx".into(),
        docx.map_err(render_err("report.docx"))?,
    );
    Ok(())
}

/// The manifest goes last: it lists every file written before it.
fn finish(
    mut out: OutputDir,
    cb: &Codebook,
    round: String,
    inputs: Vec<InputHash>,
) -> Result<(PathBuf, usize), Error> {
    let manifest = Manifest {
        peil_version: env!("CARGO_PKG_VERSION"),
        study: cb.slug.clone(),
        round,
        inputs,
        outputs: out.written(),
    };
    out.write("manifest.json", &manifest.to_json())?;
    Ok((out.root().to_path_buf(), out.written().len()))
}

fn write_round(study: &Codebook, a: &Analysed, opts: &Options) -> Result<RoundResult, Error> {
    let lang = opts.lang.unwrap_or(study.language);
    let mut out = OutputDir::new(opts.out.join(&study.slug).join(&a.round.id));
    let ledgers = a.ledgers();
    let inputs = input_hashes(a);
    out.writing(|out| {
        let tables = tables::all(&a.cb, &a.scores, a.notes.as_ref(), &ledgers);
        let breakdowns = tables::breakdowns(&a.cb, &a.scores);
        let folders = round_folders(&tables, &breakdowns);
        if opts.no_charts {
            return write_tables(out, &folders, lang);
        }
        let charts = write_charts(out, charts::all(&a.cb, &a.scores, a.notes.as_ref(), lang))?;
        let doc = report::round_document(&ReportInput {
            cb: &a.cb,
            round: &a.round,
            scores: &a.scores,
            notes: a.notes.as_ref(),
            tables: &tables,
            breakdowns: &breakdowns,
            charts: &charts,
            ledgers: &ledgers,
            inputs: &inputs,
            lang,
        });
        // The report is made while the table files are (it needs the
        // charts, the table files need nothing more).
        let (written, reported) = rayon::join(
            || write_tables(out, &folders, lang),
            || write_reports(out, &doc, &charts),
        );
        written.and(reported)
    })??;
    let (out_dir, files) = finish(out, study, a.round.id.clone(), inputs)?;
    Ok(RoundResult {
        round: a.round.id.clone(),
        out_dir,
        ledgers,
        respondents: a.data.respondents.len() as u64,
        files,
        remarks: a.data.remarks.clone(),
    })
}

fn write_comparison(
    study: &Codebook,
    from: &Analysed,
    to: &Analysed,
    opts: &Options,
) -> Result<RoundResult, Error> {
    let lang = opts.lang.unwrap_or(study.language);
    let name = format!("compare-{}-{}", from.round.id, to.round.id);
    let cmp = compare::compare(study, from.as_compared(), to.as_compared());
    let mut out = OutputDir::new(opts.out.join(&study.slug).join(&name));
    let mut inputs = input_hashes(from);
    inputs.extend(input_hashes(to).into_iter().skip(1));
    out.writing(|out| {
        let tables = tables::comparison(study, &cmp);
        write_tables(out, &[("tables".to_string(), tables.list())], lang)?;
        if opts.no_charts {
            return Ok(());
        }
        let charts = write_charts(out, charts::dumbbells(study, &cmp, lang))?;
        let doc = report::comparison_document(&report::CompareInput {
            cb: study,
            cmp: &cmp,
            tables: &tables,
            charts: &charts,
            inputs: &inputs,
            lang,
        });
        write_reports(out, &doc, &charts)
    })??;
    let (out_dir, files) = finish(out, study, name.clone(), inputs)?;
    let warning = crate::analysis::panel::row_number_warning(
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
    })
}

/// SHA-256 of `study.toml` and of the round's input files, as they were
/// read (no file is read twice).
fn input_hashes(a: &Analysed) -> Vec<InputHash> {
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
