//! `peil init`: a draft `study.toml` from an export's header and a sample of
//! its rows; from several exports of one questionnaire, one draft with a
//! round per export.
//!
//! This folder owns the guesses: which columns hold the respondent id, group
//! and institution, which hold ratings, how rating columns split into
//! measures and areas, and the scale, labels, answer codes and missing codes
//! the cells suggest. Every guess is written with a `# check:` comment and
//! every area label is left empty, so the draft does not validate until a
//! person has looked at it. It reads the export through the same reader as
//! `peil run` and must not write anything but the draft (through
//! `output::write_atomic`).
//!
//! The steps, one file each: `export` (the export read as columns of
//! sampled cells, and where it lies) -> `guess` (which columns are the id,
//! group, institution and ratings: per measure the columns of the most
//! common answer scale, `family`) -> `layout` (measures, areas and items
//! from the rating columns' names or LimeSurvey codes, `header`; each
//! measure's scale from `scale`) -> `merge` (the rounds' drafts as one) ->
//! `write` (the TOML text). `classify` tells what one value looks like;
//! `known` holds the common answer scales and `language` the Dutch/English
//! word vote; `draft` holds the guessed types. Arrows point one way and no
//! file uses this one. Only `export` and `classify` import from
//! `crate::ingest`.

mod classify;
mod draft;
mod export;
mod family;
mod guess;
mod header;
mod known;
mod language;
mod layout;
mod merge;
mod scale;
mod write;

use std::path::{Path, PathBuf};

use crate::Error;
use draft::Draft;

/// What `peil init` was asked to do.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The exports, one per round, in round order.
    pub exports: Vec<PathBuf>,
    pub out: PathBuf,
    pub sheet: Option<String>,
    pub force: bool,
}

/// Writes the draft; returns a one-line summary for stdout.
pub fn init(opts: &InitOptions) -> Result<String, Error> {
    if opts.out.exists() && !opts.force {
        return Err(Error::Usage(format!(
            "{}: already exists, not overwritten\n  fix: choose another --out, or add --force to replace it",
            opts.out.display()
        )));
    }
    let study_dir = match opts.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (mut exports, mut rounds, mut drafts) = (Vec::new(), Vec::new(), Vec::new());
    for path in &opts.exports {
        let (export, round) = export::open(path, &study_dir, opts.sheet.as_deref())?;
        drafts.push(Draft::guess(&export, &round.questionnaire)?);
        exports.push(export);
        rounds.push(round);
    }
    let draft = Draft::merge(drafts, &exports);
    let names: Vec<String> = opts.exports.iter().map(|p| study_name(p)).collect();
    let toml = draft.render(&exports, &rounds, &merge::shared_name(&names));
    let files: Vec<&str> = rounds.iter().map(|r| r.questionnaire.as_str()).collect();
    crate::output::write_atomic(&opts.out, toml.as_bytes()).map_err(|reason| Error::Write {
        path: opts.out.clone(),
        reason,
    })?;
    Ok(format!(
        "{}: draft with {} in {} and {} from {}; fill in the area labels, check every \"# check:\", then run peil validate {}",
        opts.out.display(),
        counted(draft.items.len(), "item"),
        counted(draft.areas.len(), "area"),
        counted(draft.measures.len(), "measure"),
        files.join(" and "),
        study_dir.display()
    ))
}

/// "1 measure", "2 measures".
fn counted(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}

fn study_name(export: &Path) -> String {
    export
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['_', '-'], " "))
        .unwrap_or_else(|| "study".into())
}
