//! The command line: argument parsing, progress and what is printed.
//!
//! Owns stdout and stderr. The help text is the doc comments below. Results
//! come from `run`; nothing here computes or writes an output file.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::codebook::{Codebook, Language};
use crate::ledger::FileLedger;
use crate::run::{self, Options};

/// peil: scores, keep/reword/drop decisions and tables for the consultation
/// rounds of a competency profile, one command per round.
#[derive(Debug, Parser)]
#[command(name = "peil", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse studies and write their tables to <out>/<study>/<round>/.
    ///
    /// Without STUDY_DIR, every folder under input/ that holds a study.toml.
    Run(RunArgs),
    /// Check a study without writing anything; print the data-quality ledger.
    ///
    /// Exit code 1 when anything is in the ledger (excluded rows, invalid cells).
    Validate {
        /// The study folder (holding study.toml).
        study: PathBuf,
    },
    /// Compare two rounds of a study: <out>/<study>/compare-<FROM>-<TO>/.
    ///
    /// Items are linked by id, or through `previous` when reworded; new and
    /// dropped items are listed as such. `peil run` writes the comparison of
    /// each round with the one before by itself.
    Compare(CompareArgs),
    /// Draft a codebook (study.toml) from an export's header and first rows.
    ///
    /// Every guess is marked "# check:"; area labels are left empty, so the
    /// draft validates only after they are filled in.
    Init(InitArgs),
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The questionnaire export (.csv or .xlsx).
    export: PathBuf,
    /// Where to write the draft; its folder is the study folder.
    #[arg(long, default_value = "study.toml", value_name = "FILE")]
    out: PathBuf,
    /// The sheet to read from an .xlsx export (default: the first).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
struct CompareArgs {
    /// The study folder (holding study.toml).
    study: PathBuf,
    /// The earlier round (its id in study.toml).
    #[arg(long, value_name = "R1")]
    from: String,
    /// The later round.
    #[arg(long, value_name = "R2")]
    to: String,
    #[command(flatten)]
    output: OutputArgs,
}

/// How outputs are written; shared by `run` and `compare`.
#[derive(Debug, Args)]
struct OutputArgs {
    /// Output folder.
    #[arg(long, default_value = "output", value_name = "DIR")]
    out: PathBuf,
    /// Language of Markdown and report (decimal comma for nl); default: the study's.
    #[arg(long, value_parser = parse_lang, value_name = "nl|en")]
    lang: Option<Language>,
    /// Exit 1 and write nothing if the data-quality ledger is not empty.
    #[arg(long)]
    strict: bool,
    /// Write the tables only: no charts and no report.html.
    #[arg(long)]
    no_charts: bool,
    /// Print nothing but errors and the ledger summary.
    #[arg(long, short)]
    quiet: bool,
}

impl OutputArgs {
    fn options(&self, round: Option<String>) -> Options {
        Options {
            out: self.out.clone(),
            round,
            lang: self.lang,
            strict: self.strict,
            no_charts: self.no_charts,
        }
    }
}

#[derive(Debug, Args)]
struct RunArgs {
    /// Study folders (each holding a study.toml); default: every study under input/.
    studies: Vec<PathBuf>,
    /// Only this round (its id in study.toml); no comparison is written.
    #[arg(long, value_name = "ID")]
    round: Option<String>,
    #[command(flatten)]
    output: OutputArgs,
}

fn parse_lang(s: &str) -> Result<Language, String> {
    match s {
        "nl" => Ok(Language::Nl),
        "en" => Ok(Language::En),
        _ => Err(format!("{s:?} is not a language peil writes; use nl or en")),
    }
}

/// How a command ended when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Success,
    /// `validate` found ledger entries.
    Findings,
}

impl Status {
    pub fn code(self) -> i32 {
        match self {
            Status::Success => 0,
            Status::Findings => 1,
        }
    }
}

/// Parses the command line and runs it.
pub fn run() -> anyhow::Result<Status> {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(args) => run_cmd(args),
        Command::Validate { study } => validate(&study),
        Command::Compare(args) => compare_cmd(args),
        Command::Init(args) => {
            let summary = crate::init::init(&crate::init::InitOptions {
                export: args.export,
                out: args.out,
                sheet: args.sheet,
                force: args.force,
            })?;
            println!("{summary}");
            Ok(Status::Success)
        }
    }
}

fn progress(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn run_cmd(args: RunArgs) -> anyhow::Result<Status> {
    let studies = if args.studies.is_empty() {
        run::default_studies(Path::new("input"))?
    } else {
        args.studies
    };
    let opts = args.output.options(args.round);
    let quiet = args.output.quiet;
    let bar = progress(quiet);
    for dir in &studies {
        let results =
            run::run_study(dir, &opts, &bar).with_context(|| format!("study {}", dir.display()))?;
        report(&bar, &results, quiet);
    }
    bar.finish_and_clear();
    Ok(Status::Success)
}

/// Ledger notes on stderr, one line per output folder on stdout.
fn report(bar: &ProgressBar, results: &[run::RoundResult], quiet: bool) {
    for r in results {
        bar.suspend(|| {
            print_remarks(&r.remarks);
            for l in r.ledgers.iter().filter(|l| !l.is_clean()) {
                eprintln!("peil: note: {}; see data_quality.csv", l.summary());
            }
            if !quiet {
                println!("{}", r.line());
            }
        });
    }
}

fn compare_cmd(args: CompareArgs) -> anyhow::Result<Status> {
    let opts = args.output.options(None);
    let bar = progress(args.output.quiet);
    let result = run::compare_study(&args.study, &args.from, &args.to, &opts, &bar)
        .with_context(|| format!("study {}", args.study.display()))?;
    report(&bar, &[result], args.output.quiet);
    bar.finish_and_clear();
    Ok(Status::Success)
}

/// What a reader decided for the user (e.g. Qualtrics header rows skipped).
fn print_remarks(remarks: &[String]) {
    for n in remarks {
        eprintln!("peil: note: {n}");
    }
}

/// Entries printed in full; the rest are counted.
const SHOWN: usize = 20;

fn validate(dir: &Path) -> anyhow::Result<Status> {
    let cb = Codebook::load(dir).map_err(crate::Error::from)?;
    let mut status = Status::Success;
    for round in &cb.rounds {
        // Reading is the check; scoring would add nothing to the ledger.
        let view = cb.for_round(&round.id);
        let read = || -> Result<Vec<FileLedger>, crate::ingest::IngestError> {
            let data = crate::ingest::read_questionnaire(&view, round)?;
            print_remarks(&data.remarks);
            let notes = crate::ingest::notes::read_notes(&view, round)?;
            Ok(std::iter::once(data.ledger)
                .chain(notes.map(|n| n.ledger))
                .collect())
        };
        let ledgers = read()
            .map_err(crate::Error::from)
            .with_context(|| format!("round {}", round.id))?;
        for l in &ledgers {
            println!("{}: {}", round.id, l.summary());
            print_entries(l);
            if !l.is_clean() {
                status = Status::Findings;
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
