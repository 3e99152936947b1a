//! The words a user reads in their language (nl/en): a picker for the
//! report's and the charts' words, and the decision rule as a sentence.
//!
//! Owns the user-language strings that are not column headers (those are
//! declared with their columns in `tables::columns`). The decision
//! itself is `rules`': this file only says it, with the thresholds as
//! configured, so the sentence can never disagree with what was applied. It
//! must not decide or compute anything.

use crate::analysis::rules::{Decision, Rule};
use crate::codebook::{Codebook, Language, Rules, Scale, Weights};
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

/// Ledger reasons (their stable codes) in Dutch.
const REASONS_NL: &[(&str, &str)] = &[
    ("empty id", "lege respondentcode"),
    ("duplicate id", "dubbele respondentcode"),
    ("empty group", "lege groep"),
    (
        "group not in [respondents] groups",
        "groep niet in [respondents] groups",
    ),
    ("group named ALL", "groep heet ALL"),
    (
        "row has fewer fields than the header",
        "rij heeft minder velden dan de kop",
    ),
    (
        "item or measure not in the codebook",
        "item of maat niet in het codeboek",
    ),
    ("duplicate rating", "dubbele beoordeling"),
    ("invalid value", "ongeldige waarde"),
    ("empty session", "lege sessie"),
    (
        "participants not a whole number above 0",
        "deelnemers geen geheel getal boven 0",
    ),
    (
        "theme not in [consultation] themes",
        "thema niet in [consultation] themes",
    ),
    (
        "stance not in [consultation] stances",
        "standpunt niet in [consultation] stances",
    ),
    ("empty statement", "lege uitspraak"),
    ("empty coder", "lege codeur"),
    (
        "statement coded twice by the same coder",
        "uitspraak twee keer door dezelfde codeur gecodeerd",
    ),
    (
        "participants differ within a session",
        "deelnemers verschillen binnen een sessie",
    ),
    (
        "weight missing, not a number, or not above 0",
        "gewicht ontbreekt, is geen getal of niet boven 0",
    ),
    (
        "breakdown value empty or ALL",
        "uitsplitsing: waarde leeg of ALL",
    ),
];

impl Words {
    /// "All respondents": the `ALL` group as the report names it.
    pub fn all(&self) -> &'static str {
        self.t("Alle respondenten", "All respondents")
    }

    /// A round by its id as a name: "Ronde 1" for an id that is a number
    /// (`1`), "Ronde 1" / "Round 1" for `ronde-1` / `round-1` (the id says
    /// the word itself), any other id with its hyphens as spaces.
    pub fn round_name(&self, id: &str) -> String {
        match id.parse::<u32>() {
            Ok(_) => format!("{} {id}", self.t("Ronde", "Round")),
            Err(_) => capitalised(&id.replace('-', " ")),
        }
    }

    /// A coded field of the consultation notes (`coding_agreement`'s
    /// `field`) as a word of the language.
    pub fn field<'a>(&self, field: &'a str) -> &'a str {
        match field {
            "theme" => self.t("thema", "theme"),
            "domain" => self.t("domein", "domain"),
            "stance" => self.t("standpunt", "stance"),
            other => other,
        }
    }

    /// A decision as a word of the language.
    pub fn decision(&self, d: Decision) -> &'static str {
        match d {
            Decision::Keep => self.t("behouden", "keep"),
            Decision::Reword => self.t("herformuleren", "reword"),
            Decision::Drop => self.t("schrappen", "drop"),
        }
    }

    /// What a reader sees instead of a suppressed figure: "n < 5" for a
    /// group below `min_cell`, "hidden" for one suppressed only to protect
    /// another (secondary suppression; its n of thousands beside "n < 5"
    /// would read as a contradiction). The report's note on small groups
    /// says why both are empty.
    pub fn suppressed(&self, n: u64, min_cell: u32) -> String {
        if n < u64::from(min_cell) {
            format!("n < {min_cell}")
        } else {
            self.t("verborgen", "hidden").to_string()
        }
    }

    /// A ledger reason (`data_quality.csv`'s stable code) in the language.
    pub fn reason(&self, code: &str) -> String {
        let nl = REASONS_NL
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(code, |(_, nl)| *nl);
        match self.0 {
            Language::Nl => nl.to_string(),
            // The report says what an id is; the code keeps it short for scripts.
            Language::En => code.replace(" id", " respondent code"),
        }
    }

    /// A comparison status (`same`, `reworded`, `new`, `dropped`) in words.
    pub fn status(&self, code: &str) -> String {
        let word = match code {
            "same" => self.t("zelfde tekst", "same wording"),
            "reworded" => self.t("herschreven", "reworded"),
            "new" => self.t("nieuw item", "new item"),
            "dropped" => self.t("vervallen item", "dropped item"),
            other => other,
        };
        word.to_string()
    }
}

/// A table's name for people: a spreadsheet's sheet name (at most 31
/// characters, none of `[]:*?/\`, as Excel requires).
pub fn table_title(name: &str, lang: Language) -> String {
    let w = Words(lang);
    let title = match name {
        "respondents" => w.t("Respondenten", "Respondents"),
        "area_scores" => w.t("Gebieden", "Areas"),
        "item_scores" => w.t("Items", "Items"),
        "reliability" => w.t("Betrouwbaarheid", "Reliability"),
        "item_reliability" => w.t("Betrouwbaarheid per item", "Reliability per item"),
        "group_tests" => w.t("Verschillen tussen groepen", "Differences between groups"),
        "consultation" => w.t("Consultatie", "Consultation"),
        "participants" => w.t("Deelnemers", "Participants"),
        "coding_agreement" => w.t("Overeenstemming codeurs", "Coder agreement"),
        "quotes" => w.t("Citaten", "Quotes"),
        "comments" => w.t("Opmerkingen", "Comments"),
        "data_quality" => w.t("Datakwaliteit", "Data quality"),
        "compare_areas" => w.t("Gebieden vergeleken", "Areas compared"),
        "compare_items" => w.t("Items vergeleken", "Items compared"),
        "published" => w.t("Gepubliceerde cijfers", "Published figures"),
        other => other,
    };
    title.to_string()
}

/// `s` with its first letter upper case ("Behouden").
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `s` with its first letter lower case (a label inside a sentence).
pub fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
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

/// The rules as a sentence, with the thresholds as configured, then the
/// consensus rule.
pub fn rule_text(rules: &Rules, lang: Language) -> String {
    format!(
        "{} {}",
        decision_text(rules, lang),
        consensus_text(rules, lang)
    )
}

/// The keep / reword / drop rule as a sentence.
fn decision_text(rules: &Rules, lang: Language) -> String {
    let pct = |x: f64| format::percent(x, lang);
    let num = |x: f64| format::round_half_away(x, 2, lang);
    match lang {
        Language::En => format!(
            "keep if mean ≥ {} and agreement (share rating above the scale midpoint) ≥ {}; \
             drop if mean < {} or agreement < {}; reword otherwise.",
            num(rules.keep_min_mean),
            pct(rules.keep_min_pct_agree),
            num(rules.drop_below_mean),
            pct(rules.drop_below_pct_agree)
        ),
        Language::Nl => format!(
            "behouden als gemiddelde ≥ {} en instemming (aandeel boven het midden van de schaal) ≥ {}; \
             schrappen als gemiddelde < {} of instemming < {}; anders herformuleren.",
            num(rules.keep_min_mean),
            pct(rules.keep_min_pct_agree),
            num(rules.drop_below_mean),
            pct(rules.drop_below_pct_agree)
        ),
    }
}

/// The rule that fired for one item, with the thresholds as configured.
pub fn rule_phrase(rule: Rule, rules: &Rules, lang: Language) -> String {
    let w = Words(lang);
    let pct = |x: f64| format::percent(x, lang);
    let num = |x: f64| format::round_half_away(x, 2, lang);
    let (mean, agree) = (w.t("gemiddelde", "mean"), w.t("instemming", "agreement"));
    let and = w.t("en", "and");
    let low_mean = format!("{mean} < {}", num(rules.drop_below_mean));
    let low_agree = format!("{agree} < {}", pct(rules.drop_below_pct_agree));
    match rule {
        Rule::KeepThresholdsMet => format!(
            "{mean} ≥ {} {and} {agree} ≥ {}",
            num(rules.keep_min_mean),
            pct(rules.keep_min_pct_agree)
        ),
        Rule::DropBelowMean => low_mean,
        Rule::DropBelowPctAgree => low_agree,
        Rule::DropBelowBoth => format!("{low_mean} {and} {low_agree}"),
        Rule::BetweenThresholds => w
            .t(
                "tussen de drempels voor behouden en schrappen",
                "between the thresholds to keep and to drop",
            )
            .to_string(),
    }
}

/// How many respondents took part in both compared rounds, and what the
/// paired columns mean.
pub fn panel_note(both: usize, min_cell: u32, lang: Language) -> String {
    match lang {
        Language::En => format!(
            "{both} respondents took part in both rounds (matched by their respondent id, which appears nowhere in the output). \
             For them the tables give how many were scored in both rounds, the share whose score changed, and the Wilcoxon \
             signed-rank test of the later minus the earlier score (two-sided, normal approximation); \
             empty with fewer than {min_cell} pairs."
        ),
        Language::Nl => format!(
            "{both} respondenten deden mee aan beide rondes (gekoppeld via hun respondent-id, dat nergens in de uitvoer staat). \
             Voor hen geven de tabellen hoeveel er in beide rondes een score hebben, het aandeel van wie de score veranderde, en de \
             Wilcoxon-rangtekentoets van de latere min de eerdere score (tweezijdig, normale benadering); \
             leeg bij minder dan {min_cell} paren."
        ),
    }
}

/// Which values `[recode]` merged into which, per column, for the report
/// (the codebook's tables, so no count of a small group is told).
pub fn recode_note(cb: &Codebook, lang: Language) -> Option<String> {
    let w = Words(lang);
    let into = w.t("gelezen als", "read as");
    let parts: Vec<String> = (cb.respondents.recodes.iter())
        .map(|r| {
            let merges: Vec<String> = (r.merged().into_iter())
                .map(|(to, from)| {
                    let from: Vec<String> = from.iter().map(|f| format!("\"{f}\"")).collect();
                    format!("{} {into} \"{to}\"", from.join(", "))
                })
                .collect();
            format!(
                "{} \"{}\": {}",
                w.t("in", "in"),
                r.column,
                merges.join("; ")
            )
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    let head = w.t("Samengevoegde waarden", "Merged values");
    Some(format!("{head} {}.", parts.join(". ")))
}

/// Why a comparison has no paired figures: the survey is anonymous, or
/// the study declares no panel, so the rounds are independent samples.
pub fn independent_note(rc: &crate::codebook::RespondentColumns, lang: Language) -> String {
    let w = Words(lang);
    let why = if rc.id.is_none() {
        w.t(
            "De vragenlijst is anoniem",
            "The questionnaire is anonymous",
        )
    } else {
        w.t(
            "De studie verklaart geen panel (panel = true)",
            "The study declares no panel (panel = true)",
        )
    };
    format!(
        "{why}: {}",
        w.t(
            "de rondes worden vergeleken als onafhankelijke steekproeven.",
            "the rounds are compared as independent samples."
        )
    )
}

/// How the figures are weighted (`[weights]`), in both languages, for the
/// tables' notes and the report.
pub fn weights_note(cb: &Codebook) -> Option<[String; 2]> {
    let by = |lang| weighted_by(cb, lang);
    cb.weights.as_ref()?;
    Some([Language::Nl, Language::En].map(|lang| match lang {
        Language::Nl => format!(
            "Gewogen cijfers: gemiddelde, sd, interval, mediaan en instemming zijn gewogen {}; \
             aantallen, kappa, de panelstatistieken, betrouwbaarheid en toetsen zijn ongewogen; de effectieve n is het aantal respondenten dat de gewogen cijfers waard zijn (Kish).",
            by(lang)
        ),
        Language::En => format!(
            "Weighted figures: mean, sd, interval, median and agreement are weighted {}; \
             counts, kappa, the panel statistics, reliability and tests are unweighted; the effective n is the number of respondents the weighted figures are worth (Kish).",
            by(lang)
        ),
    }))
}

/// "by the column ...", "so that every group counts equally" or "to the
/// group shares ...".
fn weighted_by(cb: &Codebook, lang: Language) -> String {
    let w = Words(lang);
    match &cb.weights {
        Some(Weights::Column(c)) => format!("{} \"{c}\"", w.t("met de kolom", "by the column")),
        Some(Weights::Groups(None)) => w
            .t(
                "zodat elke groep even zwaar telt",
                "so that every group counts equally",
            )
            .to_string(),
        Some(Weights::Groups(Some(shares))) => {
            let parts: Vec<String> = shares_in_group_order(cb, shares)
                .into_iter()
                .map(|(g, s)| format!("{g} {}", format::percent(s, lang)))
                .collect();
            format!(
                "{} {}",
                w.t("naar de groepsaandelen", "to the group shares"),
                parts.join(", ")
            )
        }
        None => String::new(),
    }
}

/// The `shares` in `[respondents] groups` order where it lists them, the
/// others after them in the order `shares` has them.
fn shares_in_group_order<'a>(cb: &'a Codebook, shares: &'a [(String, f64)]) -> Vec<(&'a str, f64)> {
    let groups = cb.respondents.groups.as_deref().unwrap_or_default();
    let rank = |s: &str| {
        let key = crate::codebook::normalize_cell(s);
        groups
            .iter()
            .position(|g| crate::codebook::normalize_cell(g) == key)
            .unwrap_or(usize::MAX)
    };
    let mut out: Vec<(&str, f64)> = shares.iter().map(|(g, s)| (g.as_str(), *s)).collect();
    out.sort_by_key(|(g, _)| rank(g));
    out
}

/// What `(R)` beside an item means, with the scoring it got.
pub fn reversed_note(scale: &Scale, lang: Language) -> String {
    let sum = scale.min + scale.max;
    match lang {
        Language::En => format!(
            "(R): a negatively worded item, scored in reverse ({sum} minus the rating) before any figure; its figures read like those of the other items."
        ),
        Language::Nl => format!(
            "(R): een negatief geformuleerd item, omgekeerd gescoord ({sum} min het oordeel) voor elk cijfer; de cijfers lees je zoals die van de andere items."
        ),
    }
}

/// The panel consensus rule (`[rules] consensus_*`) as a sentence.
fn consensus_text(rules: &Rules, lang: Language) -> String {
    let agree = format::percent(rules.consensus_min_agree, lang);
    let iqr = format::round_half_away(rules.consensus_max_iqr, 2, lang);
    match lang {
        Language::En => format!(
            "Consensus: agreement ≥ {agree} and interquartile range of the ratings ≤ {iqr}."
        ),
        Language::Nl => format!(
            "Consensus: instemming ≥ {agree} en interkwartielafstand van de oordelen ≤ {iqr}."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_are_named_not_shown_by_id() {
        let (nl, en) = (Words(Language::Nl), Words(Language::En));
        assert_eq!(nl.round_name("ronde-1"), "Ronde 1");
        assert_eq!(en.round_name("round-2"), "Round 2");
        assert_eq!(nl.round_name("2"), "Ronde 2");
        assert_eq!(en.round_name("2016"), "Round 2016");
        assert_eq!(en.round_name("pilot-b"), "Pilot b");
    }

    #[test]
    fn a_group_below_min_cell_says_n_and_a_hidden_one_says_hidden() {
        assert_eq!(Words(Language::En).suppressed(4, 5), "n < 5");
        assert_eq!(Words(Language::En).suppressed(0, 5), "n < 5");
        assert_eq!(Words(Language::En).suppressed(19796, 5), "hidden");
        assert_eq!(Words(Language::Nl).suppressed(5, 5), "verborgen");
    }

    #[test]
    fn rule_text_names_the_configured_thresholds() {
        let t = rule_text(&Rules::default(), Language::En);
        assert_eq!(
            t,
            "keep if mean ≥ 3.00 and agreement (share rating above the scale midpoint) ≥ 78%; \
             drop if mean < 2.50 or agreement < 50%; reword otherwise. \
             Consensus: agreement ≥ 75% and interquartile range of the ratings ≤ 1.00."
        );
        let nl = rule_text(&Rules::default(), Language::Nl);
        assert!(
            nl.contains("≥ 3,00") && nl.contains("interkwartielafstand van de oordelen ≤ 1,00")
        );
    }

    #[test]
    fn small_groups_note_names_min_cell_in_both_languages() {
        assert!(small_groups_note(5, Language::En).contains("fewer than 5 respondents"));
        assert!(small_groups_note(7, Language::Nl).contains("minder dan 7 respondenten"));
    }
}
