//! What a cell or a column name looks like: the word lists survey tools and
//! respondents use (missing codes, tool-added columns, id, group and
//! institution names) and the kind of a normalized cell.
//!
//! Owns the classification of one value at a time. It must not look at a
//! whole column or the export: that is `guess` and `scale`.

use crate::ingest::cell::parse_integer;

/// Texts that mean "no rating" in Dutch and English exports.
const MISSING_WORDS: &[&str] = &[
    "weet niet",
    "weet ik niet",
    "n.v.t.",
    "n.v.t",
    "nvt",
    "niet van toepassing",
    "geen mening",
    "geen antwoord",
    "zeg ik liever niet",
    "don't know",
    "dont know",
    "do not know",
    "n/a",
    "not applicable",
    "no answer",
    "prefer not to say",
    "-",
];

/// Columns that survey tools add and that never hold ratings.
pub(super) const META_NAMES: &[&str] = &[
    // LimeSurvey
    "submitdate",
    "lastpage",
    "startlanguage",
    "seed",
    "startdate",
    "datestamp",
    "ipaddr",
    "refurl",
    "token",
    // Qualtrics
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
    // Google Forms (Dutch and English)
    "tijdstempel",
    "timestamp",
    "e-mailadres",
    "email address",
    // MS Forms (Dutch and English)
    "begintijd",
    "tijd van voltooien",
    "tijdstip van laatste wijziging",
    "e-mail",
    "email",
    "naam",
    "name",
    "start time",
    "completion time",
    "last modified time",
];

pub(super) const ID_NAMES: &[&str] = &[
    "id",
    "respondent",
    "respondent id",
    "respondentid",
    "respondent_id",
    "respondentnummer",
    "responseid",
    "response id",
    "response_id",
    "_recordid",
    "record id",
];

pub(super) const GROUP_HINTS: &[&str] = &[
    "sector",
    "groep",
    "group",
    "stakeholder",
    "geleding",
    "doelgroep",
];

/// Column names of a sex or gender question: such a column has few values
/// but is no stakeholder group.
pub(super) const SEX_NAMES: &[&str] = &["geslacht", "gender", "sex", "sekse"];

/// The answers of a sex or gender question (normalized).
pub(super) const SEX_VALUES: &[&str] = &[
    "man",
    "vrouw",
    "male",
    "female",
    "m",
    "v",
    "f",
    "x",
    "men",
    "women",
    "mannelijk",
    "vrouwelijk",
    "jongen",
    "meisje",
    "boy",
    "girl",
    "anders",
    "other",
    "non-binair",
    "non-binary",
    "non binair",
    "non binary",
];

/// The answers of a yes/no question (normalized).
pub(super) const YES_NO: &[&str] = &[
    "ja", "nee", "yes", "no", "j", "n", "y", "true", "false", "waar", "onwaar", "0", "1",
];

/// Starts of words that name an open question (`Toelichting ...`,
/// `Overige opmerkingen`, `Any other comments?`).
pub(super) const COMMENT_HINTS: &[&str] = &[
    "toelicht",
    "opmerking",
    "suggesti",
    "remark",
    "comment",
    "explain",
    "explanation",
    "feedback",
];

/// Words (whole words of a column name) of a respondent's role or
/// employment: what a team compares when no column is named a group.
pub(super) const ROLE_HINTS: &[&str] = &[
    "functie",
    "function",
    "rol",
    "role",
    "beroep",
    "occupation",
    "profession",
    "dienstverband",
    "contract",
];

pub(super) const INSTITUTION_HINTS: &[&str] = &[
    "instelling",
    "institution",
    "organisatie",
    "organisation",
    "organization",
    "school",
    "werkgever",
    "employer",
];

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Kind {
    Number(i64),
    /// Letters and a number: LimeSurvey answer codes (`a1`, normalized).
    Code(String, i64),
    Missing,
    Text,
}

pub(super) fn kind(v: &str) -> Kind {
    if MISSING_WORDS.contains(&v) {
        return Kind::Missing;
    }
    if let Some(n) = parse_integer(v) {
        return Kind::Number(n);
    }
    let letters = v.bytes().take_while(u8::is_ascii_alphabetic).count();
    let digits = &v[letters..];
    if (1..=4).contains(&letters)
        && (1..=3).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
    {
        if let Ok(n) = digits.parse() {
            return Kind::Code(v[..letters].to_string(), n);
        }
    }
    Kind::Text
}

/// A date (or date and time) as exports write it: `2025-03-01`,
/// `1-3-2025`, `01/03/2025 10:12`.
pub(super) fn looks_like_date(v: &str) -> bool {
    let day = v.split([' ', 't']).next().unwrap_or("");
    let parts: Vec<&str> = day.split(['-', '/', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().any(|p| p.len() == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_kinds() {
        assert_eq!(kind("a1"), Kind::Code("a".into(), 1));
        assert_eq!(kind("3,0"), Kind::Number(3));
        assert_eq!(kind("weet niet"), Kind::Missing);
        assert_eq!(kind("-oth-"), Kind::Text);
        assert!(looks_like_date("2025-03-01"));
        assert!(looks_like_date("1/3/2025 10:12"));
        assert!(!looks_like_date("3"));
    }
}
