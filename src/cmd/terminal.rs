//! What every command shows on the terminal: the progress spinner and the
//! notes and result lines of a run.
//!
//! Owns indicatif: the spinner is hidden when stderr is not a terminal or
//! with `--quiet`. It must not decide anything; it prints what `run` reports.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::pipeline::{Progress, RoundResult};

/// The spinner on stderr: [`Progress`] for `run`, drawn with indicatif.
pub struct Spinner(ProgressBar);

impl Spinner {
    pub fn new(quiet: bool) -> Spinner {
        if quiet || !std::io::stderr().is_terminal() {
            return Spinner(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}") {
            bar.set_style(style);
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        Spinner(bar)
    }

    /// Ledger notes on stderr, one line per output folder on stdout.
    pub fn report(&self, results: &[RoundResult], quiet: bool) {
        for r in results {
            self.0.suspend(|| {
                print_remarks(&r.remarks);
                for l in r.ledgers.iter().filter(|l| !l.is_clean()) {
                    eprintln!("peil: note: {}; see data_quality.csv", l.summary());
                }
                if !quiet {
                    println!("{}", line(r));
                }
            });
        }
    }

    pub fn finish(self) {
        self.0.finish_and_clear();
    }
}

/// What `peil run` prints for an output folder.
fn line(r: &RoundResult) -> String {
    if r.ledgers.is_empty() {
        return format!("{}: {} files", r.out_dir.display(), r.files);
    }
    format!(
        "{}: {} respondents, {} files",
        r.out_dir.display(),
        r.respondents,
        r.files
    )
}

impl Progress for Spinner {
    fn step(&self, message: String) {
        self.0.set_message(message);
    }
}

/// What a reader decided for the user (e.g. Qualtrics header rows skipped).
pub fn print_remarks(remarks: &[String]) {
    for n in remarks {
        eprintln!("peil: note: {n}");
    }
}
