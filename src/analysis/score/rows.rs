//! Score rows: one [`ScoreRow`] of `area_scores.csv` or `item_scores.csv`
//! per measure x target x group, in codebook order, built from the
//! `tally` counts. Small groups are suppressed here (primary and secondary,
//! by `suppress`), once, for every output;
//! `rules` adds the keep / reword / drop decision of item rows (and which
//! groups contest the `ALL` row's); `stats`
//! gives the interval, modified kappa and scale-level CVI.
//!
//! No counting (that is `tally`), no formatting, no I/O.

use std::collections::HashMap;

use super::grouping::Grouping;
use super::matrix::area_targets;
use super::tally::{group_ids, Figures, Tallies, Tally};
use super::weighted::{Weighted, WeightedRows};
use crate::analysis::rules::{decide, Decision, Rule};
use crate::analysis::stats;
use crate::analysis::suppress::{self, Cell};
use crate::codebook::Codebook;

/// One row of `area_scores` or `item_scores`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub measure: usize,
    /// Area index (area scores) or item index (item scores).
    pub target: usize,
    /// 0 is `ALL`; otherwise 1-based into [`Scores::groups`].
    pub group: u32,
    /// Respondents with an area score, or valid ratings of the item.
    pub n: u64,
    /// `None` when suppressed (group below `min_cell`, or hidden so that
    /// `ALL` minus the shown rows cannot give one back).
    pub figures: Option<Figures>,
    /// 95% t interval of the mean (area rows).
    pub ci: Option<(f64, f64)>,
    /// Modified kappa (item rows).
    pub kappa_star: Option<f64>,
    /// Keep / reword / drop and the rule that fired (item rows not
    /// suppressed).
    pub decision: Option<(Decision, Rule)>,
    /// On an item's `ALL` row: the groups (display order) whose own
    /// decision differs from it. Empty on every other row.
    pub contested: Vec<u32>,
    /// S-CVI/Ave and S-CVI/UA over the area's items (area rows).
    pub s_cvi: Option<(f64, f64)>,
    /// Aiken's V, CVR, IQR and consensus (item rows with a rating).
    pub panel: Option<Panel>,
    /// The weighted figures, with `[weights]` (shown rows).
    pub weighted: Option<Weighted>,
}

/// The panel statistics of an item row (docs/reference.md, "Panel statistics"),
/// all from the unweighted counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Panel {
    pub aiken_v: f64,
    /// Penfield & Giacobbi's 95% score interval of V.
    pub aiken_ci: Option<(f64, f64)>,
    pub cvr: Option<f64>,
    /// Ayre & Scally's exact critical CVR; `None` below five raters.
    pub cvr_critical: Option<f64>,
    pub iqr: f64,
    /// pct_agree and iqr within `[rules] consensus_*`.
    pub consensus: bool,
}

impl Panel {
    /// The panel statistics of an item's counted ratings; `None` without a
    /// valid rating.
    fn of(cb: &Codebook, f: &Figures) -> Option<Panel> {
        let (min, max) = (cb.scale.min as f64, cb.scale.max as f64);
        let aiken_v = stats::aiken_v(f.mean?, min, max)?;
        let iqr = stats::iqr_from_counts(&f.dist)?;
        let pct_agree = f.pct_agree()?;
        let rules = &cb.rules;
        Some(Panel {
            aiken_v,
            aiken_ci: stats::aiken_ci95(aiken_v, f.rated, max - min),
            cvr: stats::cvr(f.agree, f.rated),
            cvr_critical: stats::cvr_critical(f.rated),
            iqr,
            consensus: stats::consensus(
                pct_agree,
                iqr,
                rules.consensus_min_agree,
                rules.consensus_max_iqr,
            ),
        })
    }
}

impl ScoreRow {
    pub fn suppressed(&self) -> bool {
        self.figures.is_none()
    }

    /// The mean a table shows: weighted with `[weights]`.
    pub fn mean(&self) -> Option<f64> {
        match &self.weighted {
            Some(w) => Some(w.mean),
            None => self.figures.as_ref()?.mean,
        }
    }

    /// The sd a table shows: weighted with `[weights]`.
    pub fn sd(&self) -> Option<f64> {
        match &self.weighted {
            Some(w) => w.sd,
            None => self.figures.as_ref()?.sd,
        }
    }

    /// The median a table shows: weighted with `[weights]`.
    pub fn median(&self) -> Option<f64> {
        match &self.weighted {
            Some(w) => Some(w.median),
            None => self.figures.as_ref()?.median,
        }
    }

    /// The `pct_agree` a table shows: weighted with `[weights]`.
    pub fn pct_agree(&self) -> Option<f64> {
        match &self.weighted {
            Some(w) => w.pct_agree,
            None => self.figures.as_ref()?.pct_agree(),
        }
    }

    /// The 95% interval of the mean: the t interval of an area row, or the
    /// weighted interval of any row with `[weights]`.
    pub fn ci(&self) -> Option<(f64, f64)> {
        match &self.weighted {
            Some(w) => w.ci,
            None => self.ci,
        }
    }
}

/// Rows in codebook order for every measure x target x group, the empty
/// ones included, with small groups suppressed: below `min_cell`, and then
/// as many more as keep `ALL` minus the shown rows from giving one back
/// ([`suppress::secondary`]).
fn rows(
    cb: &Codebook,
    targets: &[(usize, usize)],
    groups: Grouping,
    found: &Tallies,
    finish: impl Fn(&mut ScoreRow),
) -> Vec<ScoreRow> {
    let empty = Tally::new(&cb.scale);
    let mut out = Vec::new();
    for &(m, t) in targets {
        let set: Vec<(u64, Figures)> = group_ids(groups)
            .map(|g| found.get(&(m, t, g)).unwrap_or(&empty).figures())
            .collect();
        let sizes = set.iter().map(|(n, f)| (*n, f.rated + f.n_missing));
        let hidden = hidden_groups(sizes, cb.min_cell);
        for (g, ((n, figures), hidden)) in group_ids(groups).zip(set.into_iter().zip(hidden)) {
            let mut row = ScoreRow {
                measure: m,
                target: t,
                group: g,
                n,
                figures: (!hidden).then_some(figures),
                ci: None,
                kappa_star: None,
                decision: None,
                contested: Vec::new(),
                s_cvi: None,
                panel: None,
                weighted: None,
            };
            if !hidden {
                finish(&mut row);
            }
            out.push(row);
        }
    }
    out
}

/// Which rows of one set are hidden, given the `n` of every row with `ALL`
/// first and the cells it counts (ratings and missing cells): `ALL` never,
/// the groups by primary and secondary suppression.
///
/// In a breakdown, `ALL` also holds the respondents without a value, who
/// are in no group (see `grouping`): `ALL` minus every group is them. When
/// they are fewer than `min_cell` they are one more hidden row of the set,
/// so that `ALL` minus the rows shown can never give them back either.
/// With the stakeholder groups (everyone is in one) that row is empty.
pub(crate) fn hidden_groups(sizes: impl Iterator<Item = (u64, u64)>, min_cell: u32) -> Vec<bool> {
    let sizes: Vec<(u64, u64)> = sizes.collect();
    let Some((&(all_n, all_cells), groups)) = sizes.split_first() else {
        return Vec::new();
    };
    let cell = |n: u64, cells: u64| Cell {
        n,
        content: n > 0 || cells > 0,
        hidden: suppress::primary(n, min_cell),
    };
    let mut cells: Vec<Cell> = groups.iter().map(|&(n, c)| cell(n, c)).collect();
    let rest_n = all_n.saturating_sub(groups.iter().map(|(n, _)| n).sum());
    let rest_cells = all_cells.saturating_sub(groups.iter().map(|(_, c)| c).sum());
    let rest = cell(rest_n, rest_cells);
    if rest.content && rest.hidden {
        cells.push(rest);
    }
    let mut hidden = suppress::secondary(&cells, min_cell);
    hidden.truncate(groups.len());
    std::iter::once(false).chain(hidden).collect()
}

/// Item scores: per measure x item x group.
pub(super) fn item_scores(
    cb: &Codebook,
    found: &Tallies,
    groups: Grouping,
    weighted: Option<&WeightedRows>,
) -> Vec<ScoreRow> {
    let targets: Vec<(usize, usize)> = (0..cb.measures.len())
        .flat_map(|m| {
            cb.items
                .iter()
                .enumerate()
                .filter(move |(_, it)| it.columns.iter().any(|(cm, _)| *cm == m))
                .map(move |(i, _)| (m, i))
        })
        .collect();
    let mut items = rows(cb, &targets, groups, found, |row| {
        let Some(f) = &row.figures else { return };
        row.kappa_star = stats::kappa_star(f.rated, f.agree);
        row.panel = Panel::of(cb, f);
        row.weighted = weighted.and_then(|w| w.get(&(row.measure, row.target, row.group)).copied());
        if let (Some(mean), Some(pct)) = (row.mean(), row.pct_agree()) {
            row.decision = Some(decide(mean, pct, &cb.rules));
        }
    });
    mark_contested(&mut items);
    items
}

/// Fills `contested` on every `ALL` row: the following rows of the same
/// measure and item whose decision is another one. A suppressed group has
/// no decision, so it never contests (that would reveal it).
fn mark_contested(items: &mut [ScoreRow]) {
    for set in items.chunk_by_mut(|a, b| (a.measure, a.target) == (b.measure, b.target)) {
        let Some((all, groups)) = set.split_first_mut() else {
            continue;
        };
        let Some((decision, _)) = all.decision else {
            continue;
        };
        all.contested = groups
            .iter()
            .filter(|g| g.decision.is_some_and(|(d, _)| d != decision))
            .map(|g| g.group)
            .collect();
    }
}

pub(super) fn area_scores(
    cb: &Codebook,
    groups: Grouping,
    found: &Tallies,
    weighted: Option<&WeightedRows>,
) -> Vec<ScoreRow> {
    rows(cb, &area_targets(cb), groups, found, |row| {
        row.weighted = weighted.and_then(|w| w.get(&(row.measure, row.target, row.group)).copied());
        if let Some(Figures {
            mean: Some(mean),
            sd: Some(sd),
            ..
        }) = &row.figures
        {
            row.ci = stats::mean_ci95(*mean, *sd, row.n);
        }
    })
}

/// S-CVI/Ave and S-CVI/UA of each shown area row, from the I-CVIs of the
/// same group's shown item rows.
pub(super) fn add_scale_cvi(cb: &Codebook, areas: &mut [ScoreRow], items: &[ScoreRow]) {
    let mut icvis: HashMap<(usize, usize, u32), Vec<f64>> = HashMap::new();
    for it in items {
        if let Some(p) = it.figures.as_ref().and_then(Figures::pct_agree) {
            icvis
                .entry((it.measure, cb.items[it.target].area, it.group))
                .or_default()
                .push(p);
        }
    }
    for a in areas.iter_mut().filter(|a| !a.suppressed()) {
        if let Some(v) = icvis.get(&(a.measure, a.target, a.group)) {
            a.s_cvi = stats::s_cvi_ave(v).zip(stats::s_cvi_ua(v));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (n, cells) per row, `ALL` first, with min_cell 5.
    fn hidden(sizes: &[(u64, u64)]) -> Vec<bool> {
        hidden_groups(sizes.iter().copied(), 5)
    }

    #[test]
    fn respondents_in_no_group_are_protected_like_a_hidden_group() {
        // Everyone in a group: nothing hidden.
        assert_eq!(hidden(&[(20, 20), (10, 10), (10, 10)]), [false; 3]);
        // ALL holds 4 respondents in no group: ALL minus the two groups
        // would give them back, so the smaller group is hidden too.
        assert_eq!(
            hidden(&[(24, 24), (10, 10), (10, 10)]),
            [false, false, true]
        );
        // Three with only missing cells: their counts are protected too.
        assert_eq!(
            hidden(&[(20, 23), (10, 10), (10, 10)]),
            [false, false, true]
        );
        // Five or more in no group may show as ALL minus the groups.
        assert_eq!(hidden(&[(25, 25), (10, 10), (10, 10)]), [false; 3]);
        // 4 in no group and a hidden group of 2: together 6, enough.
        assert_eq!(
            hidden(&[(26, 26), (2, 2), (10, 10), (10, 10)]),
            [false, true, false, false]
        );
    }

    fn row(target: usize, group: u32, decision: Option<Decision>) -> ScoreRow {
        ScoreRow {
            measure: 0,
            target,
            group,
            n: 10,
            figures: None,
            ci: None,
            kappa_star: None,
            decision: decision.map(|d| (d, Rule::BetweenThresholds)),
            contested: Vec::new(),
            s_cvi: None,
            panel: None,
            weighted: None,
        }
    }

    #[test]
    fn groups_whose_decision_differs_contest_the_all_row() {
        use Decision::*;
        let mut items = vec![
            row(0, 0, Some(Keep)),
            row(0, 1, Some(Drop)),
            row(0, 2, None), // suppressed: never contests
            row(0, 3, Some(Reword)),
            row(0, 4, Some(Keep)),
            row(1, 0, Some(Reword)),
            row(1, 1, Some(Reword)),
            row(2, 0, None),
            row(2, 1, Some(Keep)),
        ];
        mark_contested(&mut items);
        let got: Vec<Vec<u32>> = items.iter().map(|r| r.contested.clone()).collect();
        let none = Vec::<u32>::new();
        assert_eq!(got[0], vec![1, 3]);
        assert!(got[1..].iter().all(|c| *c == none));
    }
}
