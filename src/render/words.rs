//! The words a user reads in their language (nl/en): a picker for the
//! report's and the charts' words, and the decision rule as a sentence.
//!
//! Owns the user-language strings that are not column names. The decision
//! itself is `rules`': this file only says it, with the thresholds as
//! configured, so the sentence can never disagree with what was applied. It
//! must not decide or compute anything.

use crate::codebook::{Language, Rules};
use crate::render::format;

/// Picks the word of the output language.
#[derive(Debug, Clone, Copy)]
pub struct Words(pub Language);

impl Words {
    pub fn t<'a>(&self, nl: &'a str, en: &'a str) -> &'a str {
        match self.0 {
            Language::Nl => nl,
            Language::En => en,
        }
    }
}

/// The rules as a sentence, with the thresholds as configured.
pub fn rule_text(rules: &Rules, lang: Language) -> String {
    let pct = |x: f64| format!("{}%", format::round_half_away(x * 100.0, 0, lang));
    let num = |x: f64| format::round_half_away(x, 2, lang);
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
