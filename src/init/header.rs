//! A LimeSurvey header cell read as its parts: `code. question` (a single
//! question, `affSat1. I find real enjoyment in my job`) or
//! `code[sub]. question [statement]` (a row of an array question,
//! `likertagree2[affSat1]. Please rate ... [I find real enjoyment in my job]`).
//!
//! Owns the reading of one header cell. It must not decide what a column
//! is for (that is `guess`) nor how items make areas (that is `layout`).

/// The parts of a LimeSurvey "code. question text" header.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct LimeHeader<'a> {
    /// The question code: `affSat1`, `likertagree2`.
    pub(super) code: &'a str,
    /// The array row's code: `affSat1` in `likertagree2[affSat1]`.
    pub(super) sub: Option<&'a str>,
    /// The question text after `code. `, the statement included.
    pub(super) question: &'a str,
    /// The array row's statement: the trailing `[...]` of the question,
    /// when not empty.
    pub(super) statement: Option<&'a str>,
}

impl<'a> LimeHeader<'a> {
    /// The item's own code: the array row's, else the question's.
    pub(super) fn item(&self) -> &'a str {
        self.sub.unwrap_or(self.code)
    }

    /// The wording a respondent read: the array row's statement, else the
    /// question.
    pub(super) fn text(&self) -> &'a str {
        self.statement.unwrap_or(self.question)
    }
}

/// A LimeSurvey code: a letter, then letters, digits, `_` or `-`.
fn is_code(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Reads `name` as a LimeSurvey header with question text, or `None`.
pub(super) fn limesurvey(name: &str) -> Option<LimeHeader<'_>> {
    let (head, question) = name.split_once(". ")?;
    let (code, sub) = match head.split_once('[') {
        Some((code, rest)) => (code, Some(rest.strip_suffix(']')?)),
        None => (head, None),
    };
    if !is_code(code) || !sub.is_none_or(|s| !s.is_empty() && is_code_or_number(s)) {
        return None;
    }
    let question = question.trim();
    let statement = sub.and_then(|_| {
        let inner = question.strip_suffix(']')?;
        let at = question.rfind(" [")?;
        Some(inner[at + 2..].trim()).filter(|s| !s.is_empty())
    });
    Some(LimeHeader {
        code,
        sub,
        question,
        statement,
    })
}

/// An array row's code: a code, or a rank number (`prevEmp2[1]`).
fn is_code_or_number(s: &str) -> bool {
    is_code(s) || s.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `names` are a LimeSurvey export's: at least half of the named
/// columns read as `code. question`.
pub(super) fn is_limesurvey<'a>(names: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut named, mut lime) = (0, 0);
    for n in names.into_iter().filter(|n| !n.is_empty()) {
        named += 1;
        lime += usize::from(limesurvey(n).is_some());
    }
    named > 0 && lime * 2 >= named
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_and_array_rows() {
        let h = limesurvey("affSat1. I find real enjoyment in my job").unwrap();
        assert_eq!((h.code, h.sub, h.item()), ("affSat1", None, "affSat1"));
        assert_eq!(h.text(), "I find real enjoyment in my job");
        let h =
            limesurvey("likertagree2[affSat1]. Please rate the following. [I find real enjoyment]")
                .unwrap();
        assert_eq!((h.code, h.item()), ("likertagree2", "affSat1"));
        assert_eq!(h.text(), "I find real enjoyment");
        let h = limesurvey("open1can[A5]. How often do you release? []").unwrap();
        assert_eq!(h.text(), "How often do you release? []");
        assert_eq!(limesurvey("skill2-1. Skills?").unwrap().code, "skill2-1");
        assert!(limesurvey("BASK1[herk]").is_none());
        assert!(limesurvey("Hoe vaak? [Thuis]").is_none());
        assert!(limesurvey("1. Eerste vraag").is_none());
        assert!(is_limesurvey(["", "a1. Q", "b2. R", "gender"]));
        assert!(!is_limesurvey(["id", "Q1", "Q2. Text"]));
    }
}
