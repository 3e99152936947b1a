//! The codebook: `study.toml` parsed, checked and turned into indices.
//!
//! This folder owns every configuration rule of docs/reference.md ("The study folder"):
//! unknown keys, items in unknown areas, columns named twice, rule values out
//! of range, paths that leave the study folder. Everything downstream may
//! assume a [`Codebook`] is consistent. It must not read the exports: a
//! column missing from an export is found by `ingest`, which knows the file.
//!
//! The steps, one file each: `raw` (the TOML as written) -> `check` (each
//! part checked into the public types of `model`) -> this file (the
//! `Codebook` assembled, and its views), with `weights` checking the
//! `[weights]` block on top of `check`. `error` words the mistakes;
//! `normalize` is how cells compare with what the codebook lists; `columns`
//! checks a column reference (one name, or one per round) and resolves a
//! round's names (`for_round`); `recode` checks `[recode."column"]`.
//! Arrows point one way: this file uses the others; `weights` and
//! `recode` use `check`, `columns` and what they use; `check` uses
//! `columns`, `raw`, `model`, `error` and `normalize`; `columns` uses
//! `model`; `raw` uses `model`, `model` uses `normalize`; none uses this
//! file (only the unit tests in `tests.rs` do).

mod check;
mod columns;
mod error;
mod model;
mod normalize;
mod published;
mod raw;
mod recode;
mod weights;

use std::path::{Path, PathBuf};

use std::cell::RefCell;

use check::Checker;
use columns::PerRound;
use error::parse_message;
use raw::RawCodebook;

pub use error::CodebookError;
pub use model::{
    breakdown_slug, About, Area, Breakdown, CommentColumn, Consultation, Item, Language, Measure,
    Privacy, Recode, RespondentColumns, Round, Rules, Scale, Weights,
};
pub use normalize::normalize_cell;
pub use published::{Printed, Published};

/// A checked `study.toml`. Vectors are in file order, which is the order of
/// every output.
#[derive(Debug, Clone)]
pub struct Codebook {
    /// The study folder (the directory holding `study.toml`).
    pub dir: PathBuf,
    /// The study's folder name, used for output paths.
    pub slug: String,
    /// SHA-256 of `study.toml` as read, for the manifest.
    pub sha256: String,
    pub name: String,
    pub language: Language,
    pub scale: Scale,
    pub respondents: RespondentColumns,
    pub measures: Vec<Measure>,
    pub areas: Vec<Area>,
    pub items: Vec<Item>,
    pub rules: Rules,
    pub min_cell: u32,
    pub consultation: Option<Consultation>,
    /// Open-answer columns (`[[comments]]`), in file order.
    pub comments: Vec<CommentColumn>,
    /// `[weights]`: `None` for unweighted figures.
    pub weights: Option<Weights>,
    pub rounds: Vec<Round>,
    /// `[[published]]`: figures as printed in a report, in codebook order.
    pub published: Vec<Published>,
    /// The column references that name a column per round; empty in a
    /// round's view, whose names are resolved (`for_round`).
    per_round: PerRound,
}

impl Codebook {
    /// Reads and checks `<dir>/study.toml`.
    pub fn load(dir: &Path) -> Result<Codebook, CodebookError> {
        let path = dir.join("study.toml");
        let bytes = std::fs::read(&path).map_err(|reason| CodebookError::Read {
            path: path.clone(),
            reason,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let ok = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            CodebookError::Invalid {
                path: path.clone(),
                key: format!("line {}", ok.iter().filter(|b| **b == b'\n').count() + 1),
                problem: "the file is not UTF-8 text".into(),
                fix: "save study.toml as UTF-8 (in Excel or Notepad: \"UTF-8\" encoding)".into(),
            }
        })?;
        Self::parse(dir, &text)
    }

    /// Checks codebook text as if it were `<dir>/study.toml`.
    pub fn parse(dir: &Path, text: &str) -> Result<Codebook, CodebookError> {
        let path = dir.join("study.toml");
        let raw: RawCodebook = toml::from_str(text).map_err(|e| CodebookError::Parse {
            path: path.clone(),
            message: parse_message(&e, text),
        })?;
        let checker = Checker {
            path,
            per_round: RefCell::new(PerRound::default()),
        };
        let mut cb = Self::check(&checker, dir, raw)?;
        cb.sha256 = crate::digest::sha256_hex(text.as_bytes());
        Ok(cb)
    }

    /// The checks in docs/reference.md's order, then the parts put together.
    fn check(checker: &Checker, dir: &Path, raw: RawCodebook) -> Result<Codebook, CodebookError> {
        let scale = checker.scale(raw.scale)?;
        // Rounds first: any column reference may name a column per round.
        let rounds = checker.rounds(raw.rounds, dir)?;
        let respondents = checker.respondents(raw.respondents, &rounds)?;
        let measures = checker.measures(raw.measures, &scale)?;
        let areas = checker.areas(raw.areas)?;
        let items = checker.items(raw.items, &measures, &areas, &rounds)?;
        let comments = checker.comments(raw.comments, &areas, &items, &rounds)?;
        checker.rules(&raw.rules, &scale)?;
        let weights = checker.weights(raw.weights, &rounds)?;
        let published = checker.published(raw.published, &rounds)?;
        checker.privacy(&raw.privacy)?;
        checker.study(&raw.study)?;
        if let Some(groups) = raw.consultation.as_ref().and_then(|c| c.groups.as_ref()) {
            checker.group_list("[consultation] groups", groups)?;
        }
        let mut cb = Codebook {
            dir: dir.to_path_buf(),
            slug: folder_name(dir),
            sha256: String::new(),
            name: raw.study.name,
            language: raw.study.language,
            scale,
            respondents,
            measures,
            areas,
            items,
            rules: raw.rules,
            min_cell: raw.privacy.min_cell,
            consultation: raw.consultation,
            comments,
            weights,
            rounds,
            published,
            per_round: checker.per_round.take(),
        };
        cb.respondents.recodes = checker.recodes(raw.recode, &cb.respondents)?;
        for round in &cb.rounds {
            let v = cb.for_round(&round.id);
            checker.unique_columns(&v.respondents, &v.items, &v.measures, &v.comments)?;
            checker.round_asks_items(&round.id, &v.items)?;
        }
        Ok(cb)
    }

    /// Number of (item, measure) columns: what a complete respondent rated.
    pub fn rating_columns(&self) -> usize {
        self.items.iter().map(|i| i.columns.len()).sum()
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The codebook as one round sees it: every column reference under the
    /// round's name (references the round does not have left out), only
    /// the items that round asks in some measure, and only the comment
    /// columns about them, an area or nothing. Everything downstream of
    /// ingest works on this view, so item indices are the round's own;
    /// rounds are linked by item id (see `compare`).
    pub fn for_round(&self, round: &str) -> Codebook {
        let mut view = self.clone();
        let per_round = std::mem::take(&mut view.per_round);
        let columns = columns::Columns {
            respondents: &mut view.respondents,
            items: &mut view.items,
            comments: &mut view.comments,
            weights: &mut view.weights,
        };
        columns::resolve(&per_round, round, columns);
        view.items
            .retain(|i| i.asked_in(round) && !i.columns.is_empty());
        let items = &view.items;
        view.comments.retain(|c| match &c.about {
            About::Item(id) => items.iter().any(|i| &i.id == id),
            _ => true,
        });
        view
    }

    /// Where comments about `about` go in codebook order: by area, the
    /// area's own comments before those about its items (in item order);
    /// general remarks last. Needs this round's items (`for_round`).
    pub fn about_rank(&self, about: &About) -> (usize, usize) {
        match about {
            About::Area(a) => (*a, 0),
            About::Item(id) => self
                .items
                .iter()
                .position(|i| &i.id == id)
                .map_or((usize::MAX, 0), |i| (self.items[i].area, i + 1)),
            About::General => (usize::MAX, usize::MAX),
        }
    }

    /// Items of `area` that have a column for `measure`: the area's `k`.
    pub fn area_k(&self, measure: usize, area: usize) -> usize {
        self.items
            .iter()
            .filter(|i| i.area == area && i.columns.iter().any(|(m, _)| *m == measure))
            .count()
    }
}

/// The study folder's name (after following links), for output paths.
fn folder_name(dir: &Path) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .or_else(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "study".to_string())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
pub(crate) use tests::MINIMAL;
