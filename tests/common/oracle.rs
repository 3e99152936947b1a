//! Test oracles: the direct, raw-data definitions of the figures peil
//! computes another way (from counted distributions and covariance sums in
//! `peil::analysis::stats`). `tests/golden.rs` recomputes the example's figures with
//! them; `tests/oracle.rs` checks them against R, numpy and pingouin and
//! against `peil::analysis::stats::reliability_from_covariance`.
//!
//! Test code only: peil itself never calls these. Pure functions, no I/O.

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

/// Every item but item i.
fn without<'a>(cols: &[&'a [f64]], i: usize) -> Vec<&'a [f64]> {
    cols.iter()
        .enumerate()
        .filter_map(|(j, c)| (j != i).then_some(*c))
        .collect()
}

/// Respondent totals (row sums) over the given items; `cols` is non-empty.
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

/// Sample covariance matrix of item-major complete cases (the input of
/// `peil::analysis::stats::reliability_from_covariance`; `score` builds it from exact
/// integer sums).
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
