//! Keep / reword / drop: the team's decision rules applied to an item.
//!
//! Owns the decision and the exact rule text the report prints, so that the
//! text can never disagree with what was applied. It must not compute the
//! figures it decides on: `score` hands it mean and share.

use std::fmt;

use crate::codebook::{Language, Rules};

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

/// The contract's rule: keep if both keep thresholds are met; drop if either
/// drop threshold is missed; reword otherwise.
pub fn decide(mean: f64, pct_agree: f64, rules: &Rules) -> Decision {
    if mean >= rules.keep_min_mean && pct_agree >= rules.keep_min_pct_agree {
        Decision::Keep
    } else if mean < rules.drop_below_mean || pct_agree < rules.drop_below_pct_agree {
        Decision::Drop
    } else {
        Decision::Reword
    }
}

/// The rules as a sentence, with the thresholds as configured.
pub fn rule_text(rules: &Rules, lang: Language) -> String {
    let pct = |x: f64| {
        format!(
            "{}%",
            crate::render::format::round_half_away(x * 100.0, 0, lang)
        )
    };
    let num = |x: f64| crate::render::format::round_half_away(x, 2, lang);
    match lang {
        Language::En => format!(
            "keep if mean >= {} and agreement (share rating above the scale midpoint) >= {}; \
             drop if mean < {} or agreement < {}; reword otherwise.",
            num(rules.keep_min_mean),
            pct(rules.keep_min_pct_agree),
            num(rules.drop_below_mean),
            pct(rules.drop_below_pct_agree)
        ),
        Language::Nl => format!(
            "behouden als gemiddelde >= {} en instemming (aandeel boven het midden van de schaal) >= {}; \
             schrappen als gemiddelde < {} of instemming < {}; anders herformuleren.",
            num(rules.keep_min_mean),
            pct(rules.keep_min_pct_agree),
            num(rules.drop_below_mean),
            pct(rules.drop_below_pct_agree)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_at_the_thresholds() {
        let r = Rules::default();
        assert_eq!(decide(3.0, 0.78, &r), Decision::Keep);
        assert_eq!(decide(3.0, 0.7799, &r), Decision::Reword);
        assert_eq!(decide(2.99, 0.9, &r), Decision::Reword);
        assert_eq!(decide(2.5, 0.5, &r), Decision::Reword);
        assert_eq!(decide(2.49, 0.9, &r), Decision::Drop);
        assert_eq!(decide(3.5, 0.49, &r), Decision::Drop);
    }

    #[test]
    fn rule_text_names_the_configured_thresholds() {
        let t = rule_text(&Rules::default(), Language::En);
        assert_eq!(
            t,
            "keep if mean >= 3.00 and agreement (share rating above the scale midpoint) >= 78%; \
             drop if mean < 2.50 or agreement < 50%; reword otherwise."
        );
        assert!(rule_text(&Rules::default(), Language::Nl).contains(">= 3,00"));
    }
}
