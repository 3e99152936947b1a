//! The command line's definition: the clap structs, whose doc comments are
//! the help text.
//!
//! Owns the arguments, their parsing, and their conversion into what the
//! pipeline takes ([`OutputArgs::options`], as ripgrep's flags become its
//! `HiArgs`). It must not run anything: `cmd` takes the parsed [`Cli`] and
//! runs the command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::codebook::Language;
use crate::pipeline::Options;

/// peil: scores, keep/reword/drop decisions and tables for the consultation
/// rounds of a competency profile, one command per round.
#[derive(Debug, Parser)]
#[command(name = "peil", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse studies and write their tables to <out>/<study>/<round>/.
    ///
    /// Without STUDY_DIR, every folder under input/ that holds a study.toml.
    Run(RunArgs),
    /// Check a study without writing anything; print the data-quality ledger.
    ///
    /// Exit code 1 when anything is in the ledger (excluded rows, invalid cells).
    Validate(ValidateArgs),
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
pub struct ValidateArgs {
    /// The study folder (holding study.toml).
    pub study: PathBuf,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The questionnaire export (.csv or .xlsx); several exports of one
    /// questionnaire make one draft with a round per export, in this order.
    #[arg(required = true, value_name = "EXPORT")]
    pub exports: Vec<PathBuf>,
    /// Where to write the draft; its folder is the study folder.
    #[arg(long, default_value = "study.toml", value_name = "FILE")]
    pub out: PathBuf,
    /// The sheet to read from an .xlsx export (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The study folder (holding study.toml).
    pub study: PathBuf,
    /// The earlier round (its id in study.toml).
    #[arg(long, value_name = "R1")]
    pub from: String,
    /// The later round.
    #[arg(long, value_name = "R2")]
    pub to: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// How outputs are written; shared by `run` and `compare`.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output folder.
    #[arg(long, default_value = "output", value_name = "DIR")]
    pub out: PathBuf,
    /// Language of Markdown and report (decimal comma for nl); default: the study's.
    #[arg(long, value_parser = parse_lang, value_name = "nl|en")]
    pub lang: Option<Language>,
    /// Exit 1 and write nothing if the data-quality ledger is not empty.
    #[arg(long)]
    pub strict: bool,
    /// Write the tables only: no charts, no report.html and no report.docx.
    #[arg(long)]
    pub no_charts: bool,
    /// Print nothing but errors and the ledger summary.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Study folders (each holding a study.toml); default: every study under input/.
    pub studies: Vec<PathBuf>,
    /// Only this round (its id in study.toml); no comparison is written.
    #[arg(long, value_name = "ID")]
    pub round: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

impl OutputArgs {
    /// The flags as the pipeline takes them (`run` and `compare` alike).
    pub fn options(&self, round: Option<String>) -> Options {
        Options {
            out: self.out.clone(),
            round,
            lang: self.lang,
            strict: self.strict,
            no_charts: self.no_charts,
        }
    }
}

fn parse_lang(s: &str) -> Result<Language, String> {
    match s {
        "nl" => Ok(Language::Nl),
        "en" => Ok(Language::En),
        _ => Err(format!("{s:?} is not a language peil writes; use nl or en")),
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
