//! Statistics as pure functions: no polars, no I/O, no formatting.
//!
//! Each function documents its formula and source, and its unit test checks
//! it against a published value or R output cited in the test. `score`
//! computes the per-group aggregates in polars and calls these for what
//! polars does not offer (t quantiles, modified kappa); the reference
//! versions of mean, sd and median here are what the golden tests check
//! polars' figures against.
//!
//! Reliability (alpha, standardized alpha, Feldt CI, item-rest r, alpha if
//! deleted), scale-level CVI, the rank tests (Kruskal-Wallis, Mann-Whitney),
//! Holm's correction and the Wilson interval live here too. Edge cases
//! (one item, zero variance, all values tied, n < 2, fewer than two groups)
//! give `None` or a documented value, never NaN or a panic.

use statrs::distribution::{ChiSquared, ContinuousCDF, FisherSnedecor, Normal, StudentsT};
use statrs::function::factorial::ln_binomial;

/// Arithmetic mean; `None` for no values.
pub fn mean(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Sample standard deviation (denominator n - 1, as R's `sd`); `None` if n < 2.
pub fn sample_sd(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 {
        return None;
    }
    let m = mean(xs)?;
    let ss: f64 = xs.iter().map(|x| (x - m).powi(2)).sum();
    Some((ss / (xs.len() - 1) as f64).sqrt())
}

/// Median; the mean of the middle two for an even count (R's `median`).
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 0 {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

/// Quantile `p` of Student's t with `df` degrees of freedom (R's `qt(p, df)`).
/// `None` if df is not positive or p is outside (0, 1).
pub fn t_quantile(p: f64, df: f64) -> Option<f64> {
    if !(p > 0.0 && p < 1.0) {
        return None;
    }
    StudentsT::new(0.0, 1.0, df).ok().map(|t| t.inverse_cdf(p))
}

/// Two-sided 95% confidence interval of a mean: mean +- t(0.975, n-1) * sd / sqrt(n),
/// as R's `t.test(x)$conf.int`. `None` if n < 2 (no sd, no df).
pub fn mean_ci95(mean: f64, sd: f64, n: u64) -> Option<(f64, f64)> {
    if n < 2 || !sd.is_finite() {
        return None;
    }
    let half = t_quantile(0.975, (n - 1) as f64)? * sd / (n as f64).sqrt();
    Some((mean - half, mean + half))
}

/// Share of raters agreeing: the item content validity index, I-CVI = a / n
/// (Polit & Beck 2006). `None` for n = 0.
pub fn share(agree: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| agree as f64 / n as f64)
}

/// Probability of chance agreement for the modified kappa:
/// pc = C(n, a) * 0.5^n (Polit, Beck & Owen 2007), computed in logs so that
/// it stays finite for thousands of raters.
pub fn chance_agreement(n: u64, agree: u64) -> f64 {
    if agree > n {
        return 0.0;
    }
    (ln_binomial(n, agree) - n as f64 * std::f64::consts::LN_2).exp()
}

/// Modified kappa k* = (I-CVI - pc) / (1 - pc) (Polit, Beck & Owen 2007,
/// "Is the CVI an acceptable indicator of content validity?", Res Nurs Health
/// 30:459-467). `None` for n = 0.
pub fn kappa_star(n: u64, agree: u64) -> Option<f64> {
    let icvi = share(agree, n)?;
    let pc = chance_agreement(n, agree);
    Some((icvi - pc) / (1.0 - pc))
}

// ---------------------------------------------------------------------------
// Reliability: Cronbach's alpha and friends.
//
// `items` is item-major complete-case data: `items[i][r]` is respondent r's
// rating of item i. Every function returns `None` (never NaN, never a panic)
// when the figure is undefined: fewer than two items or respondents, inner
// vectors of different lengths, a non-finite rating, or a zero variance where
// the formula divides by one.
// ---------------------------------------------------------------------------

/// All values finite (no NaN, no infinity).
fn all_finite(xs: &[f64]) -> bool {
    xs.iter().all(|x| x.is_finite())
}

/// All values exactly equal (`==`, so -0.0 equals 0.0): zero variance, tested
/// exactly rather than via a computed variance that rounding can leave at 1e-33.
/// Callers exclude NaN first.
fn is_constant(xs: &[f64]) -> bool {
    xs.iter().all(|&x| x == xs[0])
}

/// Sample variance (n - 1); the caller guarantees n >= 2.
fn sample_var(xs: &[f64]) -> f64 {
    let m = xs.iter().sum::<f64>() / xs.len() as f64;
    xs.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (xs.len() - 1) as f64
}

/// The items as slices, if they are rectangular (same length) and finite.
fn item_columns(items: &[Vec<f64>]) -> Option<Vec<&[f64]>> {
    let n = items.first()?.len();
    items
        .iter()
        .map(|it| (it.len() == n && all_finite(it)).then_some(it.as_slice()))
        .collect()
}

/// Respondent totals (row sums) over the given items; `cols` is non-empty.
/// Every item but item i.
fn without<'a>(cols: &[&'a [f64]], i: usize) -> Vec<&'a [f64]> {
    cols.iter()
        .enumerate()
        .filter_map(|(j, c)| (j != i).then_some(*c))
        .collect()
}

fn row_totals(cols: &[&[f64]]) -> Vec<f64> {
    (0..cols[0].len())
        .map(|r| cols.iter().map(|c| c[r]).sum())
        .collect()
}

/// Cronbach's alpha of rectangular, finite columns (see `cronbach_alpha`).
fn alpha_of(cols: &[&[f64]]) -> Option<f64> {
    let k = cols.len();
    if k < 2 || cols[0].len() < 2 {
        return None;
    }
    let totals = row_totals(cols);
    if is_constant(&totals) {
        return None;
    }
    let var_total = sample_var(&totals);
    if var_total <= 0.0 {
        return None;
    }
    let sum_var: f64 = cols.iter().map(|c| sample_var(c)).sum();
    let kf = k as f64;
    let alpha = kf / (kf - 1.0) * (1.0 - sum_var / var_total);
    alpha.is_finite().then_some(alpha)
}

/// Cronbach's alpha (Cronbach 1951), raw form as R `psych::alpha`'s
/// `raw_alpha` and `pingouin.cronbach_alpha`:
/// alpha = k/(k-1) * (1 - sum(var_i) / var_total), with sample variances (n - 1)
/// of the k items and of the respondent totals.
///
/// `items[i][r]` is respondent r's rating of item i (complete cases only).
/// `None` if k < 2, n < 2, the totals are all equal (var_total = 0), the inner
/// vectors differ in length or a rating is not finite. Items with zero variance
/// are allowed (they contribute 0 to sum(var_i)).
pub fn cronbach_alpha(items: &[Vec<f64>]) -> Option<f64> {
    alpha_of(&item_columns(items)?)
}

/// Standardized alpha (alpha on the correlation matrix; `std.alpha` of R
/// `psych::alpha`): k * rbar / (1 + (k - 1) * rbar), with rbar the mean of the
/// k(k-1)/2 Pearson inter-item correlations.
///
/// `None` if k < 2, n < 2, any item has zero variance (its correlations are
/// undefined), the input is ragged or not finite, or 1 + (k - 1) * rbar is
/// zero within 1e-12 (the standardized items sum to a constant).
pub fn standardized_alpha(items: &[Vec<f64>]) -> Option<f64> {
    let cols = item_columns(items)?;
    let k = cols.len();
    if k < 2 || cols[0].len() < 2 || cols.iter().any(|c| is_constant(c)) {
        return None;
    }
    let mut sum = 0.0;
    for i in 0..k {
        for j in (i + 1)..k {
            sum += pearson(cols[i], cols[j])?;
        }
    }
    let kf = k as f64;
    let rbar = sum / (kf * (kf - 1.0) / 2.0);
    let denom = 1.0 + (kf - 1.0) * rbar;
    if denom.abs() < 1e-12 {
        return None;
    }
    let alpha = kf * rbar / denom;
    alpha.is_finite().then_some(alpha)
}

/// Feldt 95% confidence interval of alpha (Feldt 1965; Feldt, Woodruff &
/// Salih 1987), in the form of R `psych::alpha.ci` (its source since March
/// 2022; earlier psych releases used df2 = Inf) and `pingouin.cronbach_alpha`:
///
/// lower = 1 - (1 - alpha) * F^-1(0.975; n - 1, (n - 1)(k - 1)),
/// upper = 1 - (1 - alpha) * F^-1(0.025; n - 1, (n - 1)(k - 1)),
///
/// with n respondents and k items. `None` if n < 2, k < 2 or alpha is not finite.
pub fn feldt_ci95(alpha: f64, n: usize, k: usize) -> Option<(f64, f64)> {
    if n < 2 || k < 2 || !alpha.is_finite() {
        return None;
    }
    let df1 = (n - 1) as f64;
    let f = FisherSnedecor::new(df1, df1 * (k - 1) as f64).ok()?;
    let lower = 1.0 - (1.0 - alpha) * f.inverse_cdf(0.975);
    let upper = 1.0 - (1.0 - alpha) * f.inverse_cdf(0.025);
    (lower.is_finite() && upper.is_finite()).then_some((lower, upper))
}

/// Pearson product-moment correlation (R `cor(x, y)`):
/// r = sum((x - mx)(y - my)) / sqrt(sum((x - mx)^2) * sum((y - my)^2)),
/// clamped to [-1, 1] against rounding.
///
/// `None` if the lengths differ, n < 2, either sample has zero variance (all
/// values equal) or a value is not finite.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 || !all_finite(x) || !all_finite(y) {
        return None;
    }
    if is_constant(x) || is_constant(y) {
        return None;
    }
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - mx, b - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then(|| r.clamp(-1.0, 1.0))
}

/// Corrected item-total (item-rest) correlation: the Pearson r of item i with
/// the sum of the other items (`r.drop` in R `psych::alpha`'s item.stats).
///
/// `None` if i is out of range, k < 2, n < 2, the input is ragged or not
/// finite, or item i or the rest score has zero variance.
pub fn item_rest_correlation(items: &[Vec<f64>], i: usize) -> Option<f64> {
    let cols = item_columns(items)?;
    if cols.len() < 2 || i >= cols.len() {
        return None;
    }
    pearson(cols[i], &row_totals(&without(&cols, i)))
}

/// Alpha if item i is deleted: `cronbach_alpha` of the other k - 1 items
/// (`raw_alpha` in R `psych::alpha`'s alpha.drop).
///
/// `None` if i is out of range, k - 1 < 2, or `cronbach_alpha` of the
/// remaining items is `None`.
pub fn alpha_if_deleted(items: &[Vec<f64>], i: usize) -> Option<f64> {
    let cols = item_columns(items)?;
    if i >= cols.len() {
        return None;
    }
    alpha_of(&without(&cols, i))
}

/// Every reliability figure of an area at once, from the items' sample
/// covariance matrix (k x k): the identities below give the same values as
/// the functions above (see the tests) in O(k^2) instead of O(n k^2).
#[derive(Debug, Clone, PartialEq)]
pub struct ReliabilitySummary {
    pub alpha: Option<f64>,
    pub alpha_std: Option<f64>,
    pub item_rest_r: Vec<Option<f64>>,
    pub alpha_if_deleted: Vec<Option<f64>>,
}

/// `cov[i][j]` is the sample covariance of items i and j over n >= 2
/// complete cases. With T the total score: var(T) = sum of all cov[i][j];
/// cov(x_i, T - x_i) = row sum of i - cov[i][i]; var(T - x_i) = var(T)
/// - 2 * row sum of i + cov[i][i]. Same `None` cases as the functions above.
pub fn reliability_from_covariance(cov: &[Vec<f64>], n: usize) -> ReliabilitySummary {
    let k = cov.len();
    let none = ReliabilitySummary {
        alpha: None,
        alpha_std: None,
        item_rest_r: vec![None; k],
        alpha_if_deleted: vec![None; k],
    };
    if n < 2
        || k == 0
        || cov
            .iter()
            .any(|r| r.len() != k || r.iter().any(|v| !v.is_finite()))
    {
        return none;
    }
    let alpha_raw = |kk: usize, sum_var: f64, var_total: f64| {
        (kk >= 2 && var_total > 1e-12 * sum_var.max(1.0))
            .then(|| kk as f64 / (kk as f64 - 1.0) * (1.0 - sum_var / var_total))
            .filter(|a| a.is_finite())
    };
    let row: Vec<f64> = cov.iter().map(|r| r.iter().sum()).collect();
    let var_total: f64 = row.iter().sum();
    let sum_var: f64 = (0..k).map(|i| cov[i][i]).sum();
    let alpha = alpha_raw(k, sum_var, var_total);
    let alpha_std = (k >= 2 && (0..k).all(|i| cov[i][i] > 0.0))
        .then(|| {
            let mut sum = 0.0;
            for i in 0..k {
                for j in (i + 1)..k {
                    sum += (cov[i][j] / (cov[i][i] * cov[j][j]).sqrt()).clamp(-1.0, 1.0);
                }
            }
            let kf = k as f64;
            let rbar = sum / (kf * (kf - 1.0) / 2.0);
            let denom = 1.0 + (kf - 1.0) * rbar;
            (denom.abs() >= 1e-12).then(|| kf * rbar / denom)
        })
        .flatten()
        .filter(|a| a.is_finite());
    let rest_var = |i: usize| var_total - 2.0 * row[i] + cov[i][i];
    let item_rest_r = (0..k)
        .map(|i| {
            let (vi, vr) = (cov[i][i], rest_var(i));
            (k >= 2 && vi > 0.0 && vr > 1e-12 * var_total.abs().max(1.0))
                .then(|| ((row[i] - vi) / (vi * vr).sqrt()).clamp(-1.0, 1.0))
        })
        .collect();
    let alpha_if_deleted = (0..k)
        .map(|i| alpha_raw(k - 1, sum_var - cov[i][i], rest_var(i)))
        .collect();
    ReliabilitySummary {
        alpha,
        alpha_std,
        item_rest_r,
        alpha_if_deleted,
    }
}

/// Sample covariance matrix of item-major complete cases (reference for
/// [`reliability_from_covariance`]; `score` builds it from exact integer sums).
pub fn covariance_matrix(items: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let cols = item_columns(items)?;
    let n = cols.first()?.len();
    if n < 2 {
        return None;
    }
    let means: Vec<f64> = cols
        .iter()
        .map(|c| c.iter().sum::<f64>() / n as f64)
        .collect();
    Some(
        (0..cols.len())
            .map(|i| {
                (0..cols.len())
                    .map(|j| {
                        cols[i]
                            .iter()
                            .zip(cols[j])
                            .map(|(a, b)| (a - means[i]) * (b - means[j]))
                            .sum::<f64>()
                            / (n - 1) as f64
                    })
                    .collect()
            })
            .collect(),
    )
}

// ---------------------------------------------------------------------------
// Content validity at scale level.
// ---------------------------------------------------------------------------

/// S-CVI/Ave: the mean of the items' I-CVIs (Polit & Beck 2006, "The content
/// validity index: are you sure you know what's being reported?", Res Nurs
/// Health 29:489-497). `None` if there are no items or an I-CVI is not finite.
pub fn s_cvi_ave(icvis: &[f64]) -> Option<f64> {
    if !all_finite(icvis) {
        return None;
    }
    mean(icvis)
}

/// S-CVI/UA: the share of items with universal agreement, I-CVI == 1 exactly
/// (every expert rated 3 or 4; `share(n, n)` is exactly 1.0) (Polit & Beck
/// 2006). `None` if there are no items or an I-CVI is not finite.
pub fn s_cvi_ua(icvis: &[f64]) -> Option<f64> {
    if icvis.is_empty() || !all_finite(icvis) {
        return None;
    }
    let universal = icvis.iter().filter(|&&x| x == 1.0).count();
    Some(universal as f64 / icvis.len() as f64)
}

// ---------------------------------------------------------------------------
// Rank tests.
// ---------------------------------------------------------------------------

/// Average ranks (1-based; ties get the mean of the ranks they span, as R's
/// `rank` and `scipy.stats.rankdata`) and the tie term sum(t^3 - t) over the
/// groups of t tied values. Values must be finite.
fn average_ranks(xs: &[f64]) -> (Vec<f64>, f64) {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut ranks = vec![0.0; xs.len()];
    let mut ties = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && xs[order[end]] == xs[order[start]] {
            end += 1;
        }
        // Positions start..end hold ranks start+1..=end; their mean:
        let rank = (start + 1 + end) as f64 / 2.0;
        for &o in &order[start..end] {
            ranks[o] = rank;
        }
        let t = (end - start) as f64;
        ties += t * t * t - t;
        start = end;
    }
    (ranks, ties)
}

/// Result of `kruskal_wallis`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KruskalWallis {
    /// Tie-corrected H statistic.
    pub h: f64,
    /// Degrees of freedom: non-empty groups - 1.
    pub df: usize,
    /// Chi-square survival probability of H with `df` degrees of freedom.
    pub p: f64,
}

/// Kruskal-Wallis rank-sum test (Kruskal & Wallis 1952), as
/// `scipy.stats.kruskal` and R `kruskal.test`: with average ranks over the
/// pooled N values, H0 = 12 / (N(N+1)) * sum(R_g^2 / n_g) - 3(N+1) and the tie
/// correction H = H0 / (1 - sum(t^3 - t) / (N^3 - N)); p = P(chi2(g - 1) >= H).
///
/// Computed in the algebraically identical form
/// H = (N - 1) * sum_g n_g (mean rank_g - (N+1)/2)^2 / sum_all (rank - (N+1)/2)^2,
/// which never cancels to a small negative number.
///
/// Empty groups are ignored. `None` if fewer than 2 non-empty groups remain
/// (so N >= 2 otherwise) or a value is not finite. A group of one is allowed.
/// All values tied (correction denominator 0): h = 0, p = 1.
pub fn kruskal_wallis(groups: &[Vec<f64>]) -> Option<KruskalWallis> {
    let groups: Vec<&Vec<f64>> = groups.iter().filter(|g| !g.is_empty()).collect();
    if groups.len() < 2 || groups.iter().any(|g| !all_finite(g)) {
        return None;
    }
    let df = groups.len() - 1;
    let pooled: Vec<f64> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    if is_constant(&pooled) {
        return Some(KruskalWallis { h: 0.0, df, p: 1.0 });
    }
    let n_total = pooled.len() as f64;
    let (ranks, _) = average_ranks(&pooled);
    let centre = (n_total + 1.0) / 2.0; // the mean of average ranks, exactly
    let total_ss: f64 = ranks.iter().map(|r| (r - centre).powi(2)).sum();
    let mut between = 0.0;
    let mut offset = 0;
    for g in &groups {
        let n_g = g.len();
        let mean_rank = ranks[offset..offset + n_g].iter().sum::<f64>() / n_g as f64;
        between += n_g as f64 * (mean_rank - centre).powi(2);
        offset += n_g;
    }
    let h = (n_total - 1.0) * between / total_ss;
    let p = ChiSquared::new(df as f64).ok()?.sf(h);
    Some(KruskalWallis { h, df, p })
}

/// Holm (1979) step-down adjusted p-values, in the input order, exactly as R
/// `p.adjust(p, "holm")`: with the m p-values sorted ascending,
/// p_adj(j) = min(1, max_{i <= j} (m - i + 1) * p(i)).
///
/// NaN entries (R's NA) stay NaN and do not count in m; an empty input gives
/// an empty output.
pub fn holm(p: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..p.len()).filter(|&i| !p[i].is_nan()).collect();
    order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    let m = order.len();
    let mut adjusted = vec![f64::NAN; p.len()];
    let mut running = f64::NEG_INFINITY;
    for (rank, &i) in order.iter().enumerate() {
        running = running.max((m - rank) as f64 * p[i]);
        adjusted[i] = running.min(1.0);
    }
    adjusted
}

/// Epsilon squared effect size of Kruskal-Wallis H (Tomczak & Tomczak 2014,
/// "The need to report effect size estimates revisited", Trends Sport Sci
/// 21:19-25): E^2 = H / ((n^2 - 1) / (n + 1)) = H / (n - 1), n the total
/// number of observations. `None` if n < 2 or H is not finite.
pub fn epsilon_squared(h: f64, n: usize) -> Option<f64> {
    (n >= 2 && h.is_finite()).then(|| h / (n - 1) as f64)
}

/// Result of `mann_whitney`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannWhitney {
    /// U of the first sample: R1 - n1(n1 + 1)/2 (R `wilcox.test`'s W).
    pub u: f64,
    /// Two-sided p from the normal approximation.
    pub p: f64,
}

/// Mann-Whitney U test (Mann & Whitney 1947), two-sided, normal
/// approximation with tie-corrected variance and continuity correction, as
/// `scipy.stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)`
/// and R `wilcox.test(x, y, exact = FALSE, correct = TRUE)`:
///
/// U1 = R1 - n1(n1+1)/2 (average ranks in the pooled sample),
/// sigma^2 = n1 n2 / 12 * ((N + 1) - sum(t^3 - t) / (N(N - 1))),
/// z = (|U1 - n1 n2 / 2| - 0.5) / sigma, p = min(1, 2 * P(Z >= z)).
///
/// `None` if either sample is empty or a value is not finite. All values tied
/// (sigma = 0): p = 1.
pub fn mann_whitney(x: &[f64], y: &[f64]) -> Option<MannWhitney> {
    if !all_finite(x) || !all_finite(y) {
        return None;
    }
    mann_whitney_counts(&counted(x), &counted(y))
}

/// Distinct values, ascending, with how often each occurs.
fn counted(xs: &[f64]) -> Vec<(f64, u64)> {
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, u64)> = Vec::new();
    for v in sorted {
        match out.last_mut() {
            Some(last) if last.0 == v => last.1 += 1,
            _ => out.push((v, 1)),
        }
    }
    out
}

/// [`mann_whitney`] on counted samples: (value, how many) pairs, as the
/// score tables hold them, so a comparison of two rounds never needs the
/// respondents' rows. A value may appear more than once; counts of 0 are
/// ignored. Each block of t tied values takes the mean of its ranks and adds
/// t^3 - t to the tie sum, exactly as ranking the expanded samples would.
pub fn mann_whitney_counts(x: &[(f64, u64)], y: &[(f64, u64)]) -> Option<MannWhitney> {
    let finite = |s: &[(f64, u64)]| s.iter().all(|(v, _)| v.is_finite());
    let (n1, n2) = (
        x.iter().map(|p| p.1).sum::<u64>() as f64,
        y.iter().map(|p| p.1).sum::<u64>() as f64,
    );
    if n1 == 0.0 || n2 == 0.0 || !finite(x) || !finite(y) {
        return None;
    }
    // (value, count in x, count in y), ascending.
    let mut pooled: Vec<(f64, f64, f64)> = x
        .iter()
        .map(|&(v, c)| (v, c as f64, 0.0))
        .chain(y.iter().map(|&(v, c)| (v, 0.0, c as f64)))
        .filter(|p| p.1 + p.2 > 0.0)
        .collect();
    pooled.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut blocks: Vec<(f64, f64, f64)> = Vec::with_capacity(pooled.len());
    for p in pooled {
        match blocks.last_mut() {
            Some(last) if last.0 == p.0 => {
                last.1 += p.1;
                last.2 += p.2;
            }
            _ => blocks.push(p),
        }
    }
    let (mut below, mut r1, mut ties) = (0.0, 0.0, 0.0);
    for &(_, cx, cy) in &blocks {
        let t = cx + cy;
        r1 += cx * (below + (t + 1.0) / 2.0);
        ties += t * t * t - t;
        below += t;
    }
    let n = n1 + n2;
    let u = r1 - n1 * (n1 + 1.0) / 2.0;
    let var = n1 * n2 / 12.0 * ((n + 1.0) - ties / (n * (n - 1.0)));
    if blocks.len() < 2 || var <= 0.0 {
        return Some(MannWhitney { u, p: 1.0 });
    }
    let z = ((u - n1 * n2 / 2.0).abs() - 0.5) / var.sqrt();
    let p = (2.0 * Normal::new(0.0, 1.0).ok()?.sf(z)).min(1.0);
    Some(MannWhitney { u, p })
}

// ---------------------------------------------------------------------------
// Proportions.
// ---------------------------------------------------------------------------

/// Wilson (1927) score interval for a proportion, 95%, z = qnorm(0.975):
/// (p + z^2/(2n) -+ z * sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n),
/// as R `prop.test(x, n, correct = FALSE)$conf.int`, `binom::binom.wilson` and
/// statsmodels `proportion_confint(method = "wilson")`. The bounds are clamped
/// to [0, 1] and are exactly 0 for no successes and 1 for all successes.
/// `None` if n == 0 or successes > n.
pub fn wilson_ci95(successes: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 || successes > n {
        return None;
    }
    let z = Normal::new(0.0, 1.0).ok()?.inverse_cdf(0.975);
    let nf = n as f64;
    let p = successes as f64 / nf;
    let z2 = z * z;
    let denom = 1.0 + z2 / nf;
    let centre = (p + z2 / (2.0 * nf)) / denom;
    let half = z * (p * (1.0 - p) / nf + z2 / (4.0 * nf * nf)).sqrt() / denom;
    let lower = if successes == 0 {
        0.0
    } else {
        (centre - half).max(0.0)
    };
    let upper = if successes == n {
        1.0
    } else {
        (centre + half).min(1.0)
    };
    Some((lower, upper))
}

/// n, mean, sample sd and median of a distribution given as (value, count)
/// pairs sorted ascending by value. Summed in that fixed order, so the
/// result does not depend on how the counts were gathered (polars merges
/// partial sums in thread order; counts are exact, float sums are not).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    pub n: u64,
    pub mean: Option<f64>,
    /// `None` if n < 2.
    pub sd: Option<f64>,
    pub median: Option<f64>,
}

pub fn moments_from_counts(dist: &[(f64, u64)]) -> Moments {
    let n: u64 = dist.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return Moments {
            n,
            mean: None,
            sd: None,
            median: None,
        };
    }
    let mean = dist.iter().map(|(v, c)| v * *c as f64).sum::<f64>() / n as f64;
    let sd = (n >= 2).then(|| {
        let ss: f64 = dist
            .iter()
            .map(|(v, c)| *c as f64 * (v - mean).powi(2))
            .sum();
        (ss / (n - 1) as f64).sqrt()
    });
    // The values at 0-based positions (n-1)/2 and n/2; equal for odd n.
    let at = |pos: u64| {
        let mut seen = 0;
        dist.iter()
            .find(|(_, c)| {
                seen += c;
                seen > pos
            })
            .map(|(v, _)| *v)
    };
    let median = at((n - 1) / 2).zip(at(n / 2)).map(|(a, b)| (a + b) / 2.0);
    Moments {
        n,
        mean: Some(mean),
        sd,
        median,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn mean_sd_median_match_r() {
        // R 4.3: x <- c(2,4,4,4,5,5,7,9); mean(x) 5; sd(x) 2.13808993529939; median(x) 4.5
        let x = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert_eq!(mean(&x), Some(5.0));
        assert!(close(sample_sd(&x).unwrap(), 2.138_089_935_299_39, 1e-12));
        assert_eq!(median(&x), Some(4.5));
        // R: median(c(3,1,2)) 2; sd(5) NA
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(sample_sd(&[5.0]), None);
        assert_eq!(mean(&[]), None);
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn covariance_shortcut_reproduces_pingouin() {
        // The pingouin example (see pingouin_items): alpha 0.5917188485995826.
        let items = pingouin_items();
        let r = reliability_from_covariance(&covariance_matrix(&items).unwrap(), items[0].len());
        assert!(close(r.alpha.unwrap(), 0.591_718_848_599_582_6, 1e-12));
        assert!(close(
            r.alpha_std.unwrap(),
            standardized_alpha(&items).unwrap(),
            1e-12
        ));
        assert_eq!(reliability_from_covariance(&[vec![1.0]], 5).alpha, None);
        assert_eq!(
            reliability_from_covariance(&[], 5).item_rest_r,
            Vec::<Option<f64>>::new()
        );
    }

    #[test]
    fn moments_from_counts_match_the_expanded_sample() {
        // R: x <- c(2,4,4,4,5,5,7,9); mean 5, sd 2.13808993529939, median 4.5
        let m = moments_from_counts(&[(2.0, 1), (4.0, 3), (5.0, 2), (7.0, 1), (9.0, 1)]);
        assert_eq!((m.n, m.mean, m.median), (8, Some(5.0), Some(4.5)));
        assert!(close(m.sd.unwrap(), 2.138_089_935_299_39, 1e-12));
        let one = moments_from_counts(&[(3.0, 1)]);
        assert_eq!((one.mean, one.sd, one.median), (Some(3.0), None, Some(3.0)));
        assert_eq!(moments_from_counts(&[]).mean, None);
        // Odd n: the middle value. R: median(c(1,1,2,3,4)) 2
        assert_eq!(
            moments_from_counts(&[(1.0, 2), (2.0, 1), (3.0, 1), (4.0, 1)]).median,
            Some(2.0)
        );
    }

    #[test]
    fn t_quantiles_match_r_qt() {
        // R: qt(0.975, 1) 12.7062047361747; qt(0.975, 9) 2.2621571627982;
        //    qt(0.975, 29) 2.04522964213270; qt(0.975, 1000) 1.96233908082641
        assert!(close(
            t_quantile(0.975, 1.0).unwrap(),
            12.706_204_736_174_7,
            1e-7
        ));
        assert!(close(
            t_quantile(0.975, 9.0).unwrap(),
            2.262_157_162_798_2,
            1e-9
        ));
        assert!(close(
            t_quantile(0.975, 29.0).unwrap(),
            2.045_229_642_132_70,
            1e-9
        ));
        assert!(close(
            t_quantile(0.975, 1000.0).unwrap(),
            1.962_339_080_826_41,
            1e-9
        ));
        assert_eq!(t_quantile(1.0, 5.0), None);
    }

    #[test]
    fn mean_ci_matches_r_t_test() {
        // R: t.test(c(2,4,4,4,5,5,7,9))$conf.int  3.212512 6.787488
        let x = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let (lo, hi) = mean_ci95(5.0, sample_sd(&x).unwrap(), 8).unwrap();
        assert!(
            close(lo, 3.212_512, 1e-6) && close(hi, 6.787_488, 1e-6),
            "{lo} {hi}"
        );
        assert_eq!(mean_ci95(5.0, 0.0, 1), None);
        // Zero variance: a zero-width interval, not NaN.
        assert_eq!(mean_ci95(3.0, 0.0, 4), Some((3.0, 3.0)));
    }

    #[test]
    fn modified_kappa_matches_polit_beck_owen_2007_table() {
        // Polit, Beck & Owen (2007), Table 4: (N experts, A agreeing, I-CVI, pc, k*)
        let table = [
            (3, 2, 0.67, 0.375, 0.47),
            (5, 4, 0.80, 0.156, 0.76),
            (6, 5, 0.83, 0.094, 0.82),
            (8, 6, 0.75, 0.109, 0.72),
            (9, 7, 0.78, 0.070, 0.76),
            (10, 8, 0.80, 0.044, 0.79),
            (10, 10, 1.00, 0.001, 1.00),
        ];
        for (n, a, icvi, pc, k) in table {
            assert!(
                close(share(a, n).unwrap(), icvi, 0.005),
                "I-CVI N={n} A={a}"
            );
            assert!(close(chance_agreement(n, a), pc, 0.0005), "pc N={n} A={a}");
            assert!(close(kappa_star(n, a).unwrap(), k, 0.005), "k* N={n} A={a}");
        }
        assert_eq!(kappa_star(0, 0), None);
    }

    #[test]
    fn modified_kappa_stays_finite_for_many_raters() {
        // C(100000, 80000) overflows f64; in logs pc underflows to 0, so k* = I-CVI.
        let k = kappa_star(100_000, 80_000).unwrap();
        assert!(close(k, 0.8, 1e-12), "{k}");
    }

    // -----------------------------------------------------------------------
    // Reliability
    // -----------------------------------------------------------------------

    /// pingouin's bundled `cronbach_alpha` dataset (15 subjects x 10 items
    /// Q1..Q10), item-major, as printed by (pingouin 0.7.0, pandas 3.0):
    ///   import pingouin as pg
    ///   d = pg.read_dataset('cronbach_alpha')
    ///   w = d.pivot(index='Subj', columns='Items', values='Scores')[[f'Q{i}' for i in range(1, 11)]]
    ///   w.to_numpy().T.tolist()
    fn pingouin_items() -> Vec<Vec<f64>> {
        [
            [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4],
            [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3],
            [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
            [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5],
            [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3],
            [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
            [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3],
            [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2],
            [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
            [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
        ]
        .iter()
        .map(|row| row.iter().map(|&v| f64::from(v)).collect())
        .collect()
    }

    #[test]
    fn cronbach_alpha_matches_pingouin() {
        // pingouin documentation example and pingouin 0.7.0 output (computed 2026-11-27):
        //   pg.cronbach_alpha(data=d, items='Items', scores='Scores', subject='Subj')
        //   -> (0.5917188485995826, array([0.195, 0.84 ]))
        let items = pingouin_items();
        let a = cronbach_alpha(&items).unwrap();
        assert!(close(a, 0.591_718_848_599_582_6, 1e-12), "{a}");
        // Feldt CI unrounded, same formula as pingouin / psych::alpha.ci (scipy 1.17.1):
        //   from scipy.stats import f; n, k = 15, 10; df1, df2 = n-1, (n-1)*(k-1)
        //   1-(1-a)*f.isf(0.025, df1, df2) -> 0.1949213906631222
        //   1-(1-a)*f.isf(0.975, df1, df2) -> 0.8398208146275433
        let (lo, hi) = feldt_ci95(a, 15, 10).unwrap();
        assert!(close(lo, 0.194_921_390_663_122_2, 1e-9), "{lo}");
        assert!(close(hi, 0.839_820_814_627_543_3, 1e-9), "{hi}");
        // ... and pingouin's rounded interval [0.195, 0.84].
        assert!(close(lo, 0.195, 0.0005) && close(hi, 0.84, 0.0005));
    }

    #[test]
    fn standardized_alpha_matches_numpy() {
        // numpy 2.4.6 (computed 2026-11-27), X = w.to_numpy(float) as above:
        //   R = np.corrcoef(X, rowvar=False); k = 10
        //   rbar = R[np.triu_indices(k, 1)].mean(); k*rbar/(1+(k-1)*rbar)
        //   -> 0.6343498015417943
        let s = standardized_alpha(&pingouin_items()).unwrap();
        assert!(close(s, 0.634_349_801_541_794_3, 1e-12), "{s}");
    }

    #[test]
    fn item_rest_and_alpha_if_deleted_match_numpy() {
        // numpy 2.4.6 (computed 2026-11-27), X as above:
        //   def alpha(X):
        //       k = X.shape[1]
        //       return k/(k-1)*(1 - X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1))
        //   for i in range(10):
        //       rest = np.delete(X, i, axis=1)
        //       print(np.corrcoef(X[:, i], rest.sum(axis=1))[0, 1], alpha(rest))
        let expected = [
            (0.574_766_791_984_491_2, 0.468_690_324_633_991_24),
            (0.567_802_841_767_368_4, 0.507_280_557_834_290_6),
            (0.521_391_075_420_880_3, 0.518_349_852_665_416_4),
            (0.417_605_824_128_614_74, 0.531_829_170_024_174_2),
            (-0.107_583_082_492_574_17, 0.668_489_065_606_362),
            (-0.157_236_519_656_651_78, 0.671_141_479_099_678_6),
            (0.261_007_735_042_337_9, 0.568_506_332_257_263_4),
            (0.092_173_202_823_185_67, 0.610_119_047_619_047_8),
            (0.443_372_745_995_840_26, 0.519_425_675_675_675_9),
            (0.433_688_355_964_806_2, 0.522_590_782_122_904_9),
        ];
        let items = pingouin_items();
        for (i, (r, a)) in expected.into_iter().enumerate() {
            let got_r = item_rest_correlation(&items, i).unwrap();
            let got_a = alpha_if_deleted(&items, i).unwrap();
            assert!(close(got_r, r, 1e-12), "item {i}: r {got_r} vs {r}");
            assert!(close(got_a, a, 1e-12), "item {i}: alpha {got_a} vs {a}");
        }
        assert_eq!(item_rest_correlation(&items, 10), None);
        assert_eq!(alpha_if_deleted(&items, 10), None);
    }

    #[test]
    fn pearson_matches_r_cor() {
        // numpy 2.4.6 (computed 2026-11-27): np.corrcoef([1,2,3,4,5], [2,4,5,4,5])[0,1]
        // -> 0.7745966692414834 (= sqrt(0.6): sxy = 6, sxx = 10, syy = 6)
        let r = pearson(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 4.0, 5.0, 4.0, 5.0]).unwrap();
        assert!(close(r, 0.6_f64.sqrt(), 1e-12), "{r}");
        assert_eq!(pearson(&[1.0, 2.0], &[3.0, 1.0]), Some(-1.0));
        // Zero variance, n < 2, length mismatch, NaN: no correlation.
        assert_eq!(pearson(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]), None);
        assert_eq!(pearson(&[0.1, 0.1, 0.1], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0], &[2.0]), None);
        assert_eq!(pearson(&[1.0, 2.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(pearson(&[1.0, f64::NAN, 3.0], &[1.0, 2.0, 3.0]), None);
    }

    #[test]
    fn reliability_edge_cases_are_none_not_nan() {
        let two = vec![vec![1.0, 2.0, 3.0], vec![2.0, 2.0, 4.0]];
        // One item: no alpha, no standardized alpha, no item-rest r, nothing to delete.
        let one = vec![vec![1.0, 2.0, 3.0]];
        assert_eq!(cronbach_alpha(&one), None);
        assert_eq!(standardized_alpha(&one), None);
        assert_eq!(item_rest_correlation(&one, 0), None);
        assert_eq!(alpha_if_deleted(&one, 0), None);
        // No items.
        assert_eq!(cronbach_alpha(&[]), None);
        assert_eq!(standardized_alpha(&[]), None);
        // Two items: alpha exists, but alpha-if-deleted would leave one item.
        assert!(cronbach_alpha(&two).is_some());
        assert_eq!(alpha_if_deleted(&two, 0), None);
        // n < 2.
        let single = vec![vec![3.0], vec![4.0], vec![2.0]];
        assert_eq!(cronbach_alpha(&single), None);
        assert_eq!(standardized_alpha(&single), None);
        assert_eq!(item_rest_correlation(&single, 0), None);
        // All ratings equal: var_total = 0.
        let flat = vec![vec![3.0; 5], vec![3.0; 5], vec![3.0; 5]];
        assert_eq!(cronbach_alpha(&flat), None);
        assert_eq!(standardized_alpha(&flat), None);
        assert_eq!(item_rest_correlation(&flat, 1), None);
        assert_eq!(alpha_if_deleted(&flat, 1), None);
        // One zero-variance item: raw alpha is defined (it adds 0 to sum(var_i)),
        // the standardized alpha is not, nor is that item's item-rest r.
        let with_flat = vec![
            vec![1.0, 2.0, 3.0, 4.0],
            vec![2.0, 2.0, 4.0, 4.0],
            vec![3.0; 4],
        ];
        assert!(cronbach_alpha(&with_flat).is_some_and(f64::is_finite));
        assert_eq!(standardized_alpha(&with_flat), None);
        assert_eq!(item_rest_correlation(&with_flat, 2), None);
        assert!(item_rest_correlation(&with_flat, 0).is_some());
        // Totals constant although items vary (perfectly opposed items).
        let opposed = vec![vec![1.0, 2.0, 3.0, 4.0], vec![4.0, 3.0, 2.0, 1.0]];
        assert_eq!(cronbach_alpha(&opposed), None);
        assert_eq!(standardized_alpha(&opposed), None); // rbar = -1, 1 + (k-1) rbar = 0
                                                        // Signed zeros are equal values: zero variance, not a 0/0.
        assert_eq!(cronbach_alpha(&[vec![0.0, -0.0], vec![0.0, -0.0]]), None);
        assert_eq!(pearson(&[0.0, -0.0, 0.0], &[1.0, 2.0, 3.0]), None);
        // Overflowing totals: None rather than NaN.
        assert_eq!(
            cronbach_alpha(&[vec![f64::MAX, -f64::MAX], vec![f64::MAX, 0.0]]),
            None
        );
        // Ragged or non-finite input.
        assert_eq!(cronbach_alpha(&[vec![1.0, 2.0], vec![1.0, 2.0, 3.0]]), None);
        assert_eq!(cronbach_alpha(&[vec![1.0, f64::NAN], vec![1.0, 2.0]]), None);
        // Feldt: n < 2, k < 2, non-finite alpha.
        assert_eq!(feldt_ci95(0.8, 1, 5), None);
        assert_eq!(feldt_ci95(0.8, 10, 1), None);
        assert_eq!(feldt_ci95(f64::NAN, 10, 5), None);
        assert_eq!(feldt_ci95(f64::NEG_INFINITY, 10, 5), None);
        // Feldt with alpha = 1: a degenerate interval at 1.
        assert_eq!(feldt_ci95(1.0, 10, 5), Some((1.0, 1.0)));
    }

    #[test]
    fn feldt_ci_matches_scipy_for_two_items() {
        // scipy 1.17.1 (computed 2026-11-27), psych::alpha.ci / pingouin form:
        //   from scipy.stats import f; a, n, k = 0.7, 30, 2; df1, df2 = n-1, (n-1)*(k-1)
        //   1-(1-a)*f.isf(0.025, df1, df2), 1-(1-a)*f.isf(0.975, df1, df2)
        //   -> 0.36970125481473626 0.8572105677069906
        let (lo, hi) = feldt_ci95(0.7, 30, 2).unwrap();
        assert!(close(lo, 0.369_701_254_814_736_26, 1e-9), "{lo}");
        assert!(close(hi, 0.857_210_567_706_990_6, 1e-9), "{hi}");
    }

    // -----------------------------------------------------------------------
    // Content validity
    // -----------------------------------------------------------------------

    #[test]
    fn s_cvi_matches_published_table() {
        // Published worked example applying Polit & Beck's definitions:
        // https://pmc.ncbi.nlm.nih.gov/articles/PMC7253559/table/Tab4 (12 items, 6 experts, 4-point relevance scale):
        // items 6 and 9 have 5 of 6 experts rating 3 or 4 (I-CVI 0.83), the
        // other 10 items 6 of 6 (I-CVI 1.00); reported S-CVI/Ave = 0.97,
        // S-CVI/UA = 0.83. Exactly: Ave = (10 + 2 * 5/6) / 12 = 35/36, UA = 10/12.
        let agree = [6, 6, 6, 6, 6, 5, 6, 6, 5, 6, 6, 6];
        let icvis: Vec<f64> = agree.iter().map(|&a| share(a, 6).unwrap()).collect();
        let ave = s_cvi_ave(&icvis).unwrap();
        let ua = s_cvi_ua(&icvis).unwrap();
        assert!(
            close(ave, 35.0 / 36.0, 1e-12) && close(ave, 0.97, 0.005),
            "{ave}"
        );
        assert!(
            close(ua, 10.0 / 12.0, 1e-12) && close(ua, 0.83, 0.005),
            "{ua}"
        );
        assert_eq!(s_cvi_ave(&[]), None);
        assert_eq!(s_cvi_ua(&[]), None);
        assert_eq!(s_cvi_ua(&[0.9, 0.99]), Some(0.0));
        assert_eq!(s_cvi_ave(&[1.0, f64::NAN]), None);
    }

    // -----------------------------------------------------------------------
    // Rank tests
    // -----------------------------------------------------------------------

    #[test]
    fn kruskal_wallis_matches_scipy() {
        // scipy.stats.kruskal docstring examples (scipy 1.17.1, run 2026-11-27):
        //   stats.kruskal([1, 3, 5, 7, 9], [2, 4, 6, 8, 10])
        //   -> statistic 0.2727272727272734, pvalue 0.6015081344405895
        let kw = kruskal_wallis(&[
            vec![1.0, 3.0, 5.0, 7.0, 9.0],
            vec![2.0, 4.0, 6.0, 8.0, 10.0],
        ])
        .unwrap();
        assert!(close(kw.h, 0.272_727_272_727_273_4, 1e-12), "{kw:?}");
        assert!(close(kw.p, 0.601_508_134_440_589_5, 1e-10), "{kw:?}");
        assert_eq!(kw.df, 1);
        //   stats.kruskal([1, 1, 1], [2, 2, 2], [2, 2])   (ties)
        //   -> statistic 7.0, pvalue 0.0301973834223185
        let kw = kruskal_wallis(&[vec![1.0; 3], vec![2.0; 3], vec![2.0; 2]]).unwrap();
        assert!(close(kw.h, 7.0, 1e-12), "{kw:?}");
        assert!(close(kw.p, 0.030_197_383_422_318_5, 1e-10), "{kw:?}");
        assert_eq!(kw.df, 2);
        //   stats.kruskal([2.5, 3.0, 3.0, 3.5, 2.0, 4.0, 3.0],
        //                 [1.5, 2.0, 2.5, 2.0, 3.0, 2.5],
        //                 [3.0, 3.5, 4.0, 3.5, 4.0])   (area-score-like, many ties)
        //   -> statistic 9.200285816362985, pvalue 0.010050399357704822
        let kw = kruskal_wallis(&[
            vec![2.5, 3.0, 3.0, 3.5, 2.0, 4.0, 3.0],
            vec![1.5, 2.0, 2.5, 2.0, 3.0, 2.5],
            vec![3.0, 3.5, 4.0, 3.5, 4.0],
        ])
        .unwrap();
        assert!(close(kw.h, 9.200_285_816_362_985, 1e-10), "{kw:?}");
        assert!(close(kw.p, 0.010_050_399_357_704_822, 1e-10), "{kw:?}");
        //   stats.kruskal([1, 2, 2, 3, 4, 4], [2, 3, 3, 3, 4], [4])   (a group of one)
        //   -> statistic 1.6311068702290064, pvalue 0.4423944229901198
        let kw = kruskal_wallis(&[
            vec![1.0, 2.0, 2.0, 3.0, 4.0, 4.0],
            vec![],
            vec![2.0, 3.0, 3.0, 3.0, 4.0],
            vec![4.0],
        ])
        .unwrap();
        assert!(close(kw.h, 1.631_106_870_229_006_4, 1e-10), "{kw:?}");
        assert!(close(kw.p, 0.442_394_422_990_119_8, 1e-10), "{kw:?}");
        assert_eq!(kw.df, 2, "the empty group is ignored");
    }

    #[test]
    fn kruskal_wallis_edge_cases() {
        // Fewer than two non-empty groups.
        assert_eq!(kruskal_wallis(&[]), None);
        assert_eq!(kruskal_wallis(&[vec![1.0, 2.0]]), None);
        assert_eq!(kruskal_wallis(&[vec![1.0, 2.0], vec![]]), None);
        assert_eq!(kruskal_wallis(&[vec![1.0], vec![f64::NAN]]), None);
        // All values tied: h = 0, p = 1, not NaN (scipy returns nan here).
        assert_eq!(
            kruskal_wallis(&[vec![3.0, 3.0], vec![3.0], vec![3.0; 4]]),
            Some(KruskalWallis {
                h: 0.0,
                df: 2,
                p: 1.0
            })
        );
        // Two groups of one, N = 2: scipy 1.17.1 stats.kruskal([1], [2])
        // -> statistic 1.0, pvalue 0.31731050786291115.
        let kw = kruskal_wallis(&[vec![1.0], vec![2.0]]).unwrap();
        assert!(close(kw.h, 1.0, 1e-12) && close(kw.p, 0.317_310_507_862_911_15, 1e-10));
    }

    #[test]
    fn holm_matches_statsmodels_and_r() {
        // statsmodels 0.15.0 (computed 2026-11-27):
        //   multipletests([0.01, 0.04, 0.03, 0.005], method='holm')[1]
        //   -> [0.03, 0.06, 0.06, 0.02]
        // (= R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm"): sorted 4*0.005, 3*0.01,
        //  2*0.03, max(1*0.04, 0.06)).
        let adj = holm(&[0.01, 0.04, 0.03, 0.005]);
        for (a, e) in adj.iter().zip([0.03, 0.06, 0.06, 0.02]) {
            assert!(close(*a, e, 1e-15), "{adj:?}");
        }
        //   multipletests([0.021, 0.001, 0.017, 0.041, 0.005, 0.036, 0.042, 0.023, 0.07, 0.1],
        //                 method='holm')[1]
        //   -> [0.147, 0.01, 0.136, 0.18, 0.045, 0.18, 0.18, 0.147, 0.18, 0.18]
        let adj = holm(&[
            0.021, 0.001, 0.017, 0.041, 0.005, 0.036, 0.042, 0.023, 0.07, 0.1,
        ]);
        let expected = [
            0.147, 0.01, 0.136, 0.18, 0.045, 0.18, 0.18, 0.147, 0.18, 0.18,
        ];
        for (a, e) in adj.iter().zip(expected) {
            assert!(close(*a, e, 1e-12), "{adj:?}");
        }
        //   multipletests([0.02, 0.02, 0.5, 0.9], method='holm')[1] -> [0.08, 0.08, 1.0, 1.0]
        let adj = holm(&[0.02, 0.02, 0.5, 0.9]);
        for (a, e) in adj.iter().zip([0.08, 0.08, 1.0, 1.0]) {
            assert!(close(*a, e, 1e-15), "{adj:?}");
        }
        // NA handling of R's p.adjust (its source drops NAs before taking n), worked by
        // hand: p.adjust(c(0.01, NA, 0.04), "holm") = 2*0.01, NA, max(1*0.04, 0.02).
        let adj = holm(&[0.01, f64::NAN, 0.04]);
        assert!(close(adj[0], 0.02, 1e-15) && adj[1].is_nan() && close(adj[2], 0.04, 1e-15));
        assert!(holm(&[]).is_empty());
        assert_eq!(holm(&[0.3]), vec![0.3]);
    }

    #[test]
    fn epsilon_squared_matches_tomczak_formula() {
        // Tomczak & Tomczak (2014): E^2 = H / ((n^2 - 1) / (n + 1)). For the
        // scipy example above (H = 9.200285816362985, n = 18), Python 3.11:
        //   9.200285816362985 / ((18**2 - 1) / (18 + 1)) -> 0.5411932833154697
        let e = epsilon_squared(9.200_285_816_362_985, 18).unwrap();
        assert!(close(e, 0.541_193_283_315_469_7, 1e-12), "{e}");
        // scipy docstring example: H = 0.2727..., n = 10 -> 0.2727.../9 = 0.030303...
        let e = epsilon_squared(0.272_727_272_727_273_4, 10).unwrap();
        assert!(close(e, 1.0 / 33.0, 1e-12), "{e}");
        assert_eq!(epsilon_squared(1.0, 1), None);
        assert_eq!(epsilon_squared(1.0, 0), None);
        assert_eq!(epsilon_squared(f64::NAN, 10), None);
    }

    #[test]
    fn mann_whitney_matches_scipy() {
        // scipy.stats.mannwhitneyu docstring data (no ties), scipy 1.17.1, run 2026-11-27:
        //   males = [19, 22, 16, 29, 24]; females = [20, 11, 17, 12]
        //   stats.mannwhitneyu(males, females, method="asymptotic", use_continuity=True)
        //   -> statistic 17.0, pvalue 0.11134688653314041
        let mw = mann_whitney(&[19.0, 22.0, 16.0, 29.0, 24.0], &[20.0, 11.0, 17.0, 12.0]).unwrap();
        assert_eq!(mw.u, 17.0);
        assert!(close(mw.p, 0.111_346_886_533_140_41, 1e-10), "{mw:?}");
        // Likert ratings with ties:
        //   x = [1, 2, 2, 3, 3, 3, 4, 4]; y = [2, 3, 4, 4, 4, 4, 4]
        //   stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=True)
        //   -> statistic 14.5, pvalue 0.10776229039192149
        //   stats.mannwhitneyu(y, x, ...) -> statistic 41.5, same pvalue
        let x = [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0];
        let y = [2.0, 3.0, 4.0, 4.0, 4.0, 4.0, 4.0];
        let mw = mann_whitney(&x, &y).unwrap();
        assert_eq!(mw.u, 14.5);
        assert!(close(mw.p, 0.107_762_290_391_921_49, 1e-10), "{mw:?}");
        let mw = mann_whitney(&y, &x).unwrap();
        assert_eq!(mw.u, 41.5);
        assert!(close(mw.p, 0.107_762_290_391_921_49, 1e-10), "{mw:?}");
    }

    #[test]
    fn mann_whitney_on_counts_matches_scipy() {
        // The Likert example of mann_whitney_matches_scipy as counts
        // (scipy: statistic 14.5, pvalue 0.10776229039192149); a value may
        // repeat and zero counts are ignored.
        let x = [(4.0, 2), (1.0, 1), (2.0, 2), (3.0, 3), (5.0, 0)];
        let y = [(2.0, 1), (3.0, 1), (4.0, 3), (4.0, 2)];
        let mw = mann_whitney_counts(&x, &y).unwrap();
        assert_eq!(mw.u, 14.5);
        assert!(close(mw.p, 0.107_762_290_391_921_49, 1e-10), "{mw:?}");
        assert_eq!(mann_whitney_counts(&[(1.0, 0)], &[(2.0, 3)]), None);
    }

    #[test]
    fn mann_whitney_edge_cases() {
        assert_eq!(mann_whitney(&[], &[1.0]), None);
        assert_eq!(mann_whitney(&[1.0], &[]), None);
        assert_eq!(mann_whitney(&[f64::NAN], &[1.0]), None);
        // All tied: scipy mannwhitneyu([3, 3], [3, 3, 3], method="asymptotic") -> U 3.0, p 1.0
        assert_eq!(
            mann_whitney(&[3.0, 3.0], &[3.0; 3]),
            Some(MannWhitney { u: 3.0, p: 1.0 })
        );
        // One value each: scipy mannwhitneyu([1], [2], method="asymptotic") -> U 0.0, p 1.0
        assert_eq!(
            mann_whitney(&[1.0], &[2.0]),
            Some(MannWhitney { u: 0.0, p: 1.0 })
        );
    }

    // -----------------------------------------------------------------------
    // Proportions
    // -----------------------------------------------------------------------

    #[test]
    fn wilson_matches_statsmodels() {
        // statsmodels 0.15.0 (computed 2026-11-27):
        //   proportion_confint(s, n, alpha=0.05, method='wilson')
        let cases = [
            (7, 20, 0.181_191_824_101_082_03, 0.567_145_723_314_763_8),
            (0, 10, 0.0, 0.277_532_799_862_889_26),
            (10, 10, 0.722_467_200_137_110_6, 1.0),
            (1, 1, 0.206_549_314_377_237_4, 1.0),
            (56, 70, 0.691_833_555_037_469_5, 0.876_952_607_516_370_5),
        ];
        for (s, n, lo, hi) in cases {
            let (l, h) = wilson_ci95(s, n).unwrap();
            assert!(
                close(l, lo, 1e-10) && close(h, hi, 1e-10),
                "{s}/{n}: {l} {h}"
            );
        }
        assert_eq!(wilson_ci95(0, 0), None);
        assert_eq!(wilson_ci95(3, 2), None);
    }

    // -----------------------------------------------------------------------
    // Properties
    // -----------------------------------------------------------------------

    /// Both `None`, or both `Some` and equal within a relative 1e-9.
    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some(x), Some(y)) => close(x, y, 1e-9 * x.abs().max(1.0)),
            _ => false,
        }
    }

    /// k in 2..=5 items, n in 2..=12 respondents, ratings 1..=5.
    fn likert_items() -> impl Strategy<Value = Vec<Vec<f64>>> {
        (2usize..=5, 2usize..=12).prop_flat_map(|(k, n)| {
            prop::collection::vec(prop::collection::vec((1u8..=5).prop_map(f64::from), n), k)
        })
    }

    /// 2..=4 groups of 0..=8 ratings 1..=5.
    fn likert_groups() -> impl Strategy<Value = Vec<Vec<f64>>> {
        prop::collection::vec(
            prop::collection::vec((1u8..=5).prop_map(f64::from), 0..=8),
            2..=4,
        )
    }

    fn shifted(v: &[f64], c: f64) -> Vec<f64> {
        v.iter().map(|x| x + c).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The covariance shortcut gives what the direct definitions give.
        #[test]
        fn covariance_shortcut_matches_the_definitions(items in likert_items()) {
            let n = items[0].len();
            let cov = covariance_matrix(&items).unwrap();
            let r = reliability_from_covariance(&cov, n);
            prop_assert!(same(r.alpha, cronbach_alpha(&items)));
            prop_assert!(same(r.alpha_std, standardized_alpha(&items)));
            for i in 0..items.len() {
                prop_assert!(same(r.item_rest_r[i], item_rest_correlation(&items, i)), "item-rest {}", i);
                prop_assert!(same(r.alpha_if_deleted[i], alpha_if_deleted(&items, i)), "alpha-if-deleted {}", i);
            }
        }

        #[test]
        fn alpha_is_invariant_to_item_order(items in likert_items(), rot in 0usize..5) {
            let mut reordered = items.clone();
            reordered.reverse();
            let k = reordered.len();
            reordered.rotate_left(rot % k);
            prop_assert!(same(cronbach_alpha(&items), cronbach_alpha(&reordered)));
            prop_assert!(same(standardized_alpha(&items), standardized_alpha(&reordered)));
        }

        #[test]
        fn reliability_is_invariant_to_a_constant_shift(items in likert_items(), c in -3i8..=10) {
            let c = f64::from(c) / 2.0; // half-integers stay exact
            let moved: Vec<Vec<f64>> = items.iter().map(|it| shifted(it, c)).collect();
            prop_assert!(same(cronbach_alpha(&items), cronbach_alpha(&moved)));
            prop_assert!(same(standardized_alpha(&items), standardized_alpha(&moved)));
            for i in 0..items.len() {
                prop_assert!(same(item_rest_correlation(&items, i), item_rest_correlation(&moved, i)));
                prop_assert!(same(alpha_if_deleted(&items, i), alpha_if_deleted(&moved, i)));
            }
        }

        #[test]
        fn rank_tests_are_invariant_to_a_constant_shift(groups in likert_groups(), c in -3i8..=10) {
            let c = f64::from(c) / 2.0;
            let moved: Vec<Vec<f64>> = groups.iter().map(|g| shifted(g, c)).collect();
            prop_assert_eq!(kruskal_wallis(&groups), kruskal_wallis(&moved));
            prop_assert_eq!(
                mann_whitney(&groups[0], &groups[1]),
                mann_whitney(&moved[0], &moved[1])
            );
        }

        #[test]
        fn rank_tests_never_give_nan(groups in likert_groups()) {
            if let Some(kw) = kruskal_wallis(&groups) {
                prop_assert!(kw.h.is_finite() && kw.h >= 0.0 && (0.0..=1.0).contains(&kw.p));
            }
            if let Some(mw) = mann_whitney(&groups[0], &groups[1]) {
                prop_assert!(mw.u.is_finite() && (0.0..=1.0).contains(&mw.p));
            }
        }

        #[test]
        fn holm_is_monotone_and_never_below_raw(p in prop::collection::vec(0.0f64..=1.0, 0..12)) {
            let adj = holm(&p);
            prop_assert_eq!(adj.len(), p.len());
            for i in 0..p.len() {
                prop_assert!(adj[i] >= p[i] && adj[i] <= 1.0);
                for j in 0..p.len() {
                    if p[i] <= p[j] {
                        prop_assert!(adj[i] <= adj[j], "{:?} -> {:?}", p, adj);
                    }
                }
            }
        }

        #[test]
        fn kruskal_wallis_is_zero_for_identical_groups(
            sample in prop::collection::vec((1u8..=5).prop_map(f64::from), 1..=10),
            copies in 2usize..=5,
        ) {
            let groups = vec![sample; copies];
            let kw = kruskal_wallis(&groups).unwrap();
            prop_assert!(kw.h.abs() < 1e-12, "{:?}", kw);
            prop_assert!(close(kw.p, 1.0, 1e-12), "{:?}", kw);
            prop_assert_eq!(kw.df, copies - 1);
        }
    }
}
