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

/// Why some groups show only their n: said once near the tables of a
/// report whose rows include a suppressed group (README, "Suppression").
pub fn small_groups_note(min_cell: u32, lang: Language) -> String {
    match lang {
        Language::En => format!(
            "To protect small groups, a group with fewer than {min_cell} respondents shows only its number (n), no figures. \
             Where the total minus the groups shown would give such a group's figures back, the next smallest group is hidden as well."
        ),
        Language::Nl => format!(
            "Om kleine groepen te beschermen toont een groep met minder dan {min_cell} respondenten alleen het aantal (n), geen cijfers. \
             Waar het totaal min de getoonde groepen de cijfers van zo'n groep zou teruggeven, is ook de eerstvolgende kleinste groep verborgen."
        ),
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

    #[test]
    fn small_groups_note_names_min_cell_in_both_languages() {
        assert!(small_groups_note(5, Language::En).contains("fewer than 5 respondents"));
        assert!(small_groups_note(7, Language::Nl).contains("minder dan 7 respondenten"));
    }
}
