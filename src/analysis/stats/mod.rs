//! Statistics as pure functions of numbers: no polars, no I/O, no
//! formatting, and nothing imported from the rest of peil.
//!
//! Each function documents its formula and its source, and its unit test
//! checks it against a published value or R (or scipy, numpy, pingouin,
//! statsmodels) output cited in the test. Edge cases (one item, zero
//! variance, all values tied, n < 2, fewer than two groups) give `None` or a
//! documented value, never NaN or a panic.
//!
//! `score` does no statistics itself: it counts exact integer tallies (the
//! distribution of ratings or area scores per group, the items' covariance
//! sums) and calls these functions on them: `moments_from_counts` for the
//! mean, sd and median, `mean_ci95`, `share` and `kappa_star` per row, the
//! `expert` panel figures per item row,
//! `s_cvi_ave` and `s_cvi_ua` per area, `reliability_from_covariance` and
//! `feldt_ci95` and `omega_from_covariance` per area, and `kruskal_wallis_counts`, `epsilon_squared` and `holm`
//! for the group tests. `compare` calls `mann_whitney_counts` on the counted
//! distributions of two rounds.
//!
//! One file per subject; `descriptive` is the leaf the others import from:
//! - `descriptive`: mean, t quantiles and the t interval of a mean, shares,
//!   moments of a counted distribution;
//! - `cvi`: chance agreement, modified kappa, scale-level CVI;
//! - `reliability`: alpha and its companions from a covariance matrix, the
//!   Feldt interval;
//! - `factor`: the one-factor minimum-residual solution and McDonald's omega;
//! - `agreement`: agreement between coders: share agreeing, Cohen's kappa,
//!   Krippendorff's alpha;
//! - `rank`: Kruskal-Wallis, epsilon squared, Holm, Mann-Whitney U;
//! - `expert`: Aiken's V and its score interval, Lawshe's CVR and its exact
//!   critical value, the IQR of counted ratings, the consensus rule, and
//!   the Wilcoxon signed-rank test of paired ratings (panel stability);
//! - `weighted`: mean, sd, interval, share, median and effective n of a
//!   weighted sample, as R `survey`.
//!
//! The raw-item definitions (Cronbach's alpha of a respondents x items
//! table, Pearson r, sample sd, median, ...) are test oracles, not peil's
//! code: they live in `tests/common/oracle.rs`.

mod agreement;
mod cvi;
mod descriptive;
mod expert;
mod factor;
mod rank;
mod reliability;
mod weighted;

pub use agreement::{cohen_kappa, krippendorff_alpha_nominal, pairwise_agreement, pct_agreement};
pub use cvi::{chance_agreement, kappa_star, s_cvi_ave, s_cvi_ua};
pub use descriptive::{mean, mean_ci95, moments_from_counts, share, t_quantile, Moments};
pub use expert::{
    aiken_ci95, aiken_v, consensus, cvr, cvr_critical, iqr_from_counts,
    wilcoxon_signed_rank_counts, SignedRank,
};
pub use factor::{omega_from_covariance, one_factor_minres, OneFactor};
pub use rank::{
    epsilon_squared, holm, kruskal_wallis_counts, mann_whitney_counts, KruskalWallis, MannWhitney,
};
pub use reliability::{feldt_ci95, reliability_from_covariance, ReliabilitySummary};
pub use weighted::{
    weighted_median, weighted_moments, weighted_share, WeightedMoments, WeightedValue,
};

#[cfg(test)]
pub(crate) use reliability::covariance_matrix;

/// Whether two figures agree within `tol` (the unit tests' comparison with
/// R and published values, which are printed to a few decimals).
#[cfg(test)]
pub(crate) fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}
