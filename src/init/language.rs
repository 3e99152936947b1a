//! The report language when no known scale decides it: a vote of common
//! Dutch against common English words in the answer labels, item texts and
//! column names.
//!
//! Owns the two word lists and the vote. It must not look at scales (a
//! known scale's language overrides the vote; `guess` decides that) nor at
//! the export: it is given texts.

/// Short words frequent in Dutch questionnaires and rare in English ones.
const DUTCH: &[&str] = &[
    "de",
    "het",
    "een",
    "en",
    "van",
    "niet",
    "dit",
    "voor",
    "uw",
    "hoe",
    "wat",
    "welke",
    "ik",
    "mijn",
    "je",
    "jouw",
    "zeer",
    "helemaal",
    "eens",
    "oneens",
    "nooit",
    "soms",
    "vaak",
    "altijd",
    "zelden",
    "belangrijk",
    "herkenbaar",
    "tevreden",
    "ontevreden",
    "goed",
    "slecht",
    "met",
    "op",
    "bij",
    "ook",
    "werk",
    "vraag",
    "heeft",
    "zijn",
    "wordt",
    "naar",
    "om",
    "te",
];

/// Short words frequent in English questionnaires and rare in Dutch ones.
const ENGLISH: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "of",
    "not",
    "this",
    "for",
    "your",
    "how",
    "what",
    "which",
    "i",
    "my",
    "you",
    "very",
    "strongly",
    "agree",
    "disagree",
    "never",
    "sometimes",
    "often",
    "always",
    "rarely",
    "important",
    "recognizable",
    "satisfied",
    "dissatisfied",
    "good",
    "poor",
    "with",
    "on",
    "at",
    "also",
    "work",
    "question",
    "has",
    "are",
    "be",
    "to",
    "do",
    "does",
];

/// `nl` or `en` by the words of `texts`, with the two counts; a tie is
/// `nl`, docs/reference.md's default.
pub(super) fn vote<'a>(texts: impl IntoIterator<Item = &'a str>) -> (&'static str, usize, usize) {
    let (mut nl, mut en) = (0, 0);
    for t in texts {
        for w in t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let w = w.to_lowercase();
            nl += usize::from(DUTCH.contains(&w.as_str()));
            en += usize::from(ENGLISH.contains(&w.as_str()));
        }
    }
    (if en > nl { "en" } else { "nl" }, nl, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_decide() {
        assert_eq!(vote(["How often do you visit the carer?"]).0, "en");
        assert_eq!(vote(["Hoe vaak bezoekt u de mantelzorger?"]).0, "nl");
        assert_eq!(vote(["Q1", "Q2"]), ("nl", 0, 0));
    }
}
