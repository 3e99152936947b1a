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
                for f in &r.not_reproduced {
                    eprintln!(
                        "peil: warning: {}: published figure not reproduced: {f}",
                        r.round
                    );
                }
                for l in r.ledgers.iter().filter(|l| !l.is_clean()) {
                    eprintln!("peil: note: {}; see data_quality.csv", l.summary());
                    print_invalid_by_column(l);
                }
                if !quiet {
                    outln!("{}", line(r));
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

/// Prints a line on stdout, as `println!` does but without its panic when
/// stdout is closed (a reader that stopped early, as `| head` does): the
/// output ends quietly and the command still ends with its own exit code
/// (as ripgrep). Another write error is said once on stderr.
pub fn write_line(line: std::fmt::Arguments) {
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    static CLOSED: AtomicBool = AtomicBool::new(false);
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if let Err(e) = writeln!(std::io::stdout().lock(), "{line}") {
        CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("peil: cannot write to stdout: {e}");
        }
    }
}

/// `println!` for the commands: see [`write_line`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cmd::terminal::write_line(format_args!($($arg)*))
    };
}
pub(crate) use outln;

/// Many invalid cells, summed up by column and value with a hint.
pub fn print_invalid_by_column(ledger: &crate::ledger::FileLedger) {
    let by = ledger.invalid_by_column();
    if !by.is_empty() {
        eprintln!("peil: note: {}: invalid cells by column:", ledger.file);
    }
    for c in by {
        eprintln!("  {}", c.line());
    }
}

/// What a reader decided for the user (e.g. Qualtrics header rows skipped);
/// a remark that starts with "warning: " is printed as a warning.
pub fn print_remarks(remarks: &[String]) {
    for n in remarks {
        match n.strip_prefix("warning: ") {
            Some(w) => eprintln!("peil: warning: {w}"),
            None => eprintln!("peil: note: {n}"),
        }
    }
}
