//! Tallies: exact integer counts per (measure, target, group) from
//! histograms of the one-byte rating codes (`matrix`), and the [`Figures`]
//! of a row computed from them by `stats` in a fixed order, so reruns are
//! byte-identical whatever the thread scheduling.
//!
//! Counts only: no suppression (that is `rows`), no formatting, no I/O.

use std::collections::HashMap;

use polars::prelude::PlHashMap;

use super::grouping::Grouping;
use super::joint::Joint;
use super::matrix::{self, Matrix};
use crate::analysis::stats;
use crate::codebook::{Codebook, Scale};

/// The aggregated figures of one score row; absent when suppressed.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub median: Option<f64>,
    /// Ratings above the scale midpoint, and the valid ratings they are a share of.
    pub agree: u64,
    pub rated: u64,
    /// Count per scale value, `min..=max`.
    pub counts: Vec<u64>,
    pub n_missing: u64,
    /// The scores behind `mean`: distinct values, ascending, with their
    /// counts (ratings for an item, respondent area scores for an area), so
    /// that rank tests between rounds need no respondent rows.
    pub dist: Vec<(f64, u64)>,
}

impl Figures {
    /// `pct_agree`: the I-CVI for an item, pooled over items for an area.
    pub fn pct_agree(&self) -> Option<f64> {
        stats::share(self.agree, self.rated)
    }
}

/// Every figure comes from exact counts (so the result does not depend on
/// thread or summation order), and the moments are computed from the
/// counted distribution by `stats::moments_from_counts` in a fixed order.
#[derive(Debug, Clone, Default)]
pub(super) struct Tally {
    /// Distinct values (ascending after [`Tally::finish`]) and their counts.
    pub(super) dist: Vec<(f64, u64)>,
    /// Per scale value, pooled over the cells behind the row.
    counts: Vec<u64>,
    agree: u64,
    pub(super) rated: u64,
    n_missing: u64,
}

impl Tally {
    pub(super) fn new(scale: &Scale) -> Tally {
        Tally {
            counts: vec![0; scale.values().count()],
            ..Tally::default()
        }
    }

    /// The tally of a histogram of codes (256 slots, `code as u8`): the
    /// ratings per scale value, those above the midpoint (agreement), and
    /// the missing cells. Invalid and absent cells count for nothing. The
    /// distribution is that of the ratings themselves.
    fn from_histogram(scale: &Scale, hist: &[u64]) -> Tally {
        let mid = scale.midpoint();
        let mut t = Tally::new(scale);
        for (slot, v) in scale.values().enumerate() {
            let c = hist[usize::from(v as i8 as u8)];
            t.counts[slot] = c;
            t.rated += c;
            if v as f64 > mid {
                t.agree += c;
            }
            if c > 0 {
                t.dist.push((v as f64, c));
            }
        }
        t.n_missing = hist[usize::from(matrix::MISSING as u8)];
        t
    }

    fn add(&mut self, other: &Tally) {
        self.dist.extend_from_slice(&other.dist);
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        self.agree += other.agree;
        self.rated += other.rated;
        self.n_missing += other.n_missing;
    }

    /// Sorts the distribution and merges equal values.
    fn finish(&mut self) {
        self.dist.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut merged: Vec<(f64, u64)> = Vec::with_capacity(self.dist.len());
        for (v, c) in self.dist.drain(..) {
            match merged.last_mut() {
                Some(last) if last.0 == v => last.1 += c,
                _ => merged.push((v, c)),
            }
        }
        self.dist = merged;
    }

    pub(super) fn figures(&self) -> (u64, Figures) {
        let m = stats::moments_from_counts(&self.dist);
        let f = Figures {
            mean: m.mean,
            sd: m.sd,
            median: m.median,
            agree: self.agree,
            rated: self.rated,
            counts: self.counts.clone(),
            n_missing: self.n_missing,
            dist: self.dist.clone(),
        };
        (m.n, f)
    }
}

/// Tallies keyed by (measure, target, group), group 0 being `ALL`.
pub(super) type Tallies = HashMap<(usize, usize, u32), Tally>;

/// Adds every group's tally into its `ALL` tally (which already holds the
/// respondents in no group, see `grouping`), then finishes all.
fn with_all(mut t: Tallies, scale: &Scale) -> Tallies {
    let groups: Vec<((usize, usize), Tally)> = t
        .iter()
        .filter(|((_, _, g), _)| *g != 0)
        .map(|((m, x, _), tally)| ((*m, *x), tally.clone()))
        .collect();
    for ((m, x), tally) in groups {
        t.entry((m, x, 0))
            .or_insert_with(|| Tally::new(scale))
            .add(&tally);
    }
    for tally in t.values_mut() {
        tally.finish();
    }
    t
}

/// Every group index including `ALL` (0) first, in display order.
pub(super) fn group_ids(gs: Grouping) -> impl Iterator<Item = u32> + Clone {
    0..=gs.len() as u32
}

/// Per matrix, per item column: a histogram of codes, 256 slots per group.
/// Item and area rows both count from them: an area's pooled counts are
/// the sums of its items', so the codes are counted once.
pub(super) type Histograms = Vec<Vec<Vec<u64>>>;

/// The item histograms of every grouping, in the groupings' order: a
/// column's codes are read once for all of them (`joint`), unless their
/// combinations are too many.
pub(super) fn item_histograms(
    scale: &Scale,
    mxs: &[Matrix],
    groupings: &[Grouping],
) -> Vec<Histograms> {
    let joint = Joint::of(groupings, scale);
    let mut out: Vec<Histograms> = vec![Vec::with_capacity(mxs.len()); groupings.len()];
    for mx in mxs {
        let mut per: Histograms = vec![Vec::with_capacity(mx.columns.len()); groupings.len()];
        for codes in &mx.columns {
            let hists = match &joint {
                Some(joint) => joint.histograms(codes),
                None => (groupings.iter()).map(|gs| histogram(codes, *gs)).collect(),
            };
            for (p, h) in per.iter_mut().zip(hists) {
                p.push(h);
            }
        }
        for (o, p) in out.iter_mut().zip(per) {
            o.push(p);
        }
    }
    out
}

/// Counts of ratings per item x group x value, and of missing cells.
pub(super) fn item_tallies(cb: &Codebook, mxs: &[Matrix], hists: &Histograms) -> Tallies {
    let mut out = Tallies::new();
    for (mx, hs) in mxs.iter().zip(hists) {
        for (&item, hist) in mx.items.iter().zip(hs) {
            insert_counts(&mut out, cb, (mx.measure, item), hist, Dist::Ratings);
        }
    }
    with_all(out, &cb.scale)
}

/// Per matrix: respondents per (group, count, sum), see [`score_counts`].
pub(super) type AreaScores = Vec<Vec<((u32, u16, i32), u64)>>;

/// The respondent area scores of every matrix, counted for every grouping
/// (in their order): each respondent's count and sum of an area are worked
/// out once for all groupings, and handed to `also` (the weighted rows use
/// them too). A pass that needs no histogram, so it runs beside
/// [`item_histograms`].
pub(super) fn area_scores(
    cb: &Codebook,
    mxs: &[Matrix],
    groupings: &[Grouping],
    mut also: impl FnMut(&Matrix, &[u16], &[i32]),
) -> Vec<AreaScores> {
    let mut out: Vec<AreaScores> = vec![Vec::with_capacity(mxs.len()); groupings.len()];
    for mx in mxs {
        let n = groupings.first().map_or(0, |gs| gs.of.len());
        let (count, sum) = mx.counts_and_sums(n);
        for (gs, o) in groupings.iter().zip(out.iter_mut()) {
            o.push(score_counts(cb, mx.items.len(), *gs, &count, &sum));
        }
        also(mx, &count, &sum);
    }
    out
}

/// Area tallies. A respondent's area score is sum / count of their valid
/// ratings on the area's items when they rated at least `min_answered * k`
/// of them; respondents are counted per distinct (count, sum), so every
/// score is an exact fraction and equal scores tie exactly. The pooled
/// counts (`pct_agree`, `n_1..`, `n_missing`) are those of every used
/// respondent of the group, with a score or not: the sums of its item
/// rows' counts (`hists`).
pub(super) fn area_tallies(
    cb: &Codebook,
    mxs: &[Matrix],
    hists: &Histograms,
    scores: AreaScores,
) -> Tallies {
    let mut out = Tallies::new();
    for ((mx, hs), found) in mxs.iter().zip(hists).zip(scores) {
        let hist = pooled(hs);
        insert_counts(&mut out, cb, (mx.measure, mx.area), &hist, Dist::Scores);
        for ((g, c, s), n) in found {
            out.entry((mx.measure, mx.area, g))
                .or_insert_with(|| Tally::new(&cb.scale))
                .dist
                .push((f64::from(s) / f64::from(c), n));
        }
    }
    with_all(out, &cb.scale)
}

/// An area's histogram: the sum of its items' (`hs`, one matrix's).
pub(super) fn pooled(hs: &[Vec<u64>]) -> Vec<u64> {
    let mut hist = vec![0u64; hs.first().map_or(0, Vec::len)];
    for h in hs {
        hist.iter_mut().zip(h).for_each(|(a, b)| *a += b);
    }
    hist
}

/// Respondents per (group, count, sum) among those with an area score: an
/// area score is sum / count, an exact fraction. Group 0 is in no group
/// and starts `ALL` (`with_all` adds the groups). Counted in a dense array
/// when the (count, sum) pairs are few, as with any questionnaire's area,
/// else in a hash map.
fn score_counts(
    cb: &Codebook,
    k: usize,
    gs: Grouping,
    count: &[u16],
    sum: &[i32],
) -> Vec<((u32, u16, i32), u64)> {
    let scored: Vec<bool> = (0..=k as u16)
        .map(|c| has_area_score(c, k, cb.rules.min_answered))
        .collect();
    let rows = gs.of.iter().zip(count).zip(sum);
    let rows = rows.filter(|((_, c), _)| scored[usize::from(**c)]);
    let (lo, hi) = (cb.scale.min as i32, cb.scale.max as i32);
    // A sum of c ratings lies in c * lo ..= c * hi.
    let sums = k * (hi - lo) as usize + 1;
    let per_group = (k + 1) * sums;
    let slots = (gs.len() + 1) * per_group;
    if slots > 1 << 20 {
        let mut found: PlHashMap<(u32, u16, i32), u64> = PlHashMap::default();
        for ((g, c), s) in rows {
            *found.entry((*g, *c, *s)).or_default() += 1;
        }
        return found.into_iter().collect();
    }
    let at = |c: u16, s: i32| usize::from(c) * sums + (s - i32::from(c) * lo) as usize;
    let mut dense = vec![0u64; slots];
    for ((g, c), s) in rows {
        dense[*g as usize * per_group + at(*c, *s)] += 1;
    }
    let mut found = Vec::new();
    for (g, block) in dense.chunks_exact(per_group).enumerate() {
        for c in 0..=k as u16 {
            let lo_sum = i32::from(c) * lo;
            for s in lo_sum..=i32::from(c) * hi {
                let n = block[at(c, s)];
                if n > 0 {
                    found.push(((g as u32, c, s), n));
                }
            }
        }
    }
    found
}

/// Whether a respondent who rated `count` of an area's `k` items has an
/// area score: at least one, and at least `min_answered * k`.
pub(super) fn has_area_score(count: u16, k: usize, min_answered: f64) -> bool {
    count > 0 && f64::from(count) >= min_answered * k as f64
}

/// What a tally's distribution holds.
#[derive(PartialEq, Eq)]
enum Dist {
    Ratings,
    Scores,
}

/// One column's histogram of codes, 256 slots per group. Slot 0 gathers
/// group 0: the respondents in no group, who count in `ALL` only
/// (`insert_counts`).
fn histogram(codes: &[i8], gs: Grouping) -> Vec<u64> {
    let mut hist = vec![0u64; (gs.len() + 1) * 256];
    matrix::add_histogram(&mut hist, codes, gs.of);
    hist
}

/// The counts of every group with a rating or a missing cell in `hist`, as
/// the tally of (measure, target, group); group 0's (in no group) start the
/// `ALL` tally that `with_all` adds the groups to. `Ratings`: the
/// distribution is that of the ratings (an item); `Scores`: it is left
/// empty for the respondent scores (an area).
fn insert_counts(out: &mut Tallies, cb: &Codebook, key: (usize, usize), hist: &[u64], d: Dist) {
    let (m, target) = key;
    for (g, h) in hist.chunks_exact(256).enumerate() {
        let mut t = Tally::from_histogram(&cb.scale, h);
        if d == Dist::Scores {
            t.dist.clear();
        }
        if t.rated > 0 || t.n_missing > 0 {
            out.insert((m, target, g as u32), t);
        }
    }
}
