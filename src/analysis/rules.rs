//! Keep / reword / drop: the team's decision rules applied to an item.
//!
//! Owns the decision and the name of the rule that fired (the `rule` column).
//! The sentence the report prints, with the thresholds as configured, is
//! `render::words`'s: it reads the same [`Rules`], so it cannot disagree
//! with what was applied. This module must not compute the figures it
//! decides on (`score` hands it mean and share) nor import from `render`.

use std::fmt;

use crate::codebook::Rules;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Keep,
    Reword,
    Drop,
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Decision::Keep => "keep",
            Decision::Reword => "reword",
            Decision::Drop => "drop",
        })
    }
}

/// The rule that fired, named by the `[rules]` keys it tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    KeepThresholdsMet,
    DropBelowMean,
    DropBelowPctAgree,
    DropBelowBoth,
    BetweenThresholds,
}

impl Rule {
    /// The `rule` column of `item_scores.csv`.
    pub fn text(self) -> &'static str {
        match self {
            Rule::KeepThresholdsMet => "mean >= keep_min_mean and pct_agree >= keep_min_pct_agree",
            Rule::DropBelowMean => "mean < drop_below_mean",
            Rule::DropBelowPctAgree => "pct_agree < drop_below_pct_agree",
            Rule::DropBelowBoth => "mean < drop_below_mean and pct_agree < drop_below_pct_agree",
            Rule::BetweenThresholds => "neither keep nor drop thresholds reached",
        }
    }
}

/// Whether a figure reaches a threshold. A figure that equals it as a
/// rational reaches it whatever its float's last bits say (docs/reference.md,
/// "Decision"): a weighted mean of exactly 3 may be summed to 2.9999999999999996.
/// Unweighted figures are exact fractions a / n with n far below 1e12, so
/// the margin only ever admits such rounding.
pub fn reaches(x: f64, threshold: f64) -> bool {
    x >= threshold || threshold - x <= 1e-12 * threshold.abs().max(1.0)
}

/// The rule of the README (`[rules]`): keep if both keep thresholds are met; drop if either
/// drop threshold is missed; reword otherwise.
pub fn decide(mean: f64, pct_agree: f64, rules: &Rules) -> (Decision, Rule) {
    let low_mean = !reaches(mean, rules.drop_below_mean);
    let low_agree = !reaches(pct_agree, rules.drop_below_pct_agree);
    if reaches(mean, rules.keep_min_mean) && reaches(pct_agree, rules.keep_min_pct_agree) {
        (Decision::Keep, Rule::KeepThresholdsMet)
    } else if low_mean && low_agree {
        (Decision::Drop, Rule::DropBelowBoth)
    } else if low_mean {
        (Decision::Drop, Rule::DropBelowMean)
    } else if low_agree {
        (Decision::Drop, Rule::DropBelowPctAgree)
    } else {
        (Decision::Reword, Rule::BetweenThresholds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_at_the_thresholds() {
        let r = Rules::default();
        let d = |m, p| decide(m, p, &r);
        assert_eq!(d(3.0, 0.78), (Decision::Keep, Rule::KeepThresholdsMet));
        assert_eq!(d(3.0, 0.7799), (Decision::Reword, Rule::BetweenThresholds));
        assert_eq!(d(2.99, 0.9), (Decision::Reword, Rule::BetweenThresholds));
        assert_eq!(d(2.5, 0.5), (Decision::Reword, Rule::BetweenThresholds));
        assert_eq!(d(2.49, 0.9), (Decision::Drop, Rule::DropBelowMean));
        assert_eq!(d(3.5, 0.49), (Decision::Drop, Rule::DropBelowPctAgree));
        assert_eq!(d(2.0, 0.2), (Decision::Drop, Rule::DropBelowBoth));
        // A weighted mean of exactly 3 whose float sum fell one bit short
        // (2.9999999999999996), and 0.7 + 0.1 for a share of exactly 0.8.
        let short = 3.0 - 2.0 * f64::EPSILON;
        assert!(short < 3.0 && 0.7 + 0.1 < 0.8);
        assert_eq!(d(short, 0.78), (Decision::Keep, Rule::KeepThresholdsMet));
        let r8 = Rules {
            keep_min_pct_agree: 0.8,
            ..Rules::default()
        };
        assert_eq!(decide(3.5, 0.7 + 0.1, &r8).0, Decision::Keep);
        assert_eq!(
            d(3.0 - 1e-9, 0.78),
            (Decision::Reword, Rule::BetweenThresholds)
        );
    }
}
