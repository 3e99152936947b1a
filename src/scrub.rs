//! Scrubbing of free text: e-mail addresses and phone numbers out.
//!
//! Owns the one place where free text loses what could identify a person:
//! consultation statements (quoted in the report and `quotes.csv`) and the
//! open answers of `[[comments]]` columns, the only free text that reaches
//! an output.
//! Pure functions on `&str`; it must not know where the text came from.
//! A false positive costs a few digits of a quote, a false negative leaks a
//! person: the rules lean towards scrubbing.

/// What an e-mail address is replaced with.
pub const EMAIL: &str = "[e-mail]";
/// What a phone number is replaced with.
pub const PHONE: &str = "[telefoon]";

/// `text` with every e-mail address and phone number replaced.
pub fn scrub(text: &str) -> String {
    scrub_phones(&scrub_emails(text))
}

fn is_local(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '\'')
}

fn is_domain(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

/// The byte range of an address around the `@` at `at`, if there is one:
/// a local part, and a domain with a dot and a top-level part of 2+ letters.
fn email_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_local(*c))
        .last()
        .map(|(i, _)| i)?;
    let after = &text[at + 1..];
    let len = after
        .char_indices()
        .find(|(_, c)| !is_domain(*c))
        .map_or(after.len(), |(i, _)| i);
    // A sentence may end right after the address: "mail a@b.nl."
    let domain = after[..len].trim_end_matches(['.', '-']);
    let tld = domain.rsplit_once('.')?.1;
    (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic))
        .then_some((start, at + 1 + domain.len()))
}

fn scrub_emails(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (at, _) in text.match_indices('@') {
        if at < rest {
            continue;
        }
        if let Some((s, e)) = email_at(text, at) {
            if s >= rest {
                out.push_str(&text[rest..s]);
                out.push_str(EMAIL);
                rest = e;
            }
        }
    }
    out.push_str(&text[rest..]);
    out
}

/// Digits a phone number has at least: Dutch numbers have 10 (`0612345678`),
/// with country code 11 (`+31612345678`). Dates (`01-02-2025`: 8) and years
/// stay.
const MIN_PHONE_DIGITS: usize = 9;
const MAX_PHONE_DIGITS: usize = 15;

/// Characters that may separate the digit groups of a phone number.
fn is_phone_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '/')
}

/// The end (byte offset) of a phone number starting at `start`, if the run
/// of digits and separators there is one: 9-15 digits, written the way
/// numbers are (`+` or `00` country code, or a leading `0`), at most three
/// separators in a row (` - ` in `06 - 1234 5678`).
fn phone_at(text: &str, start: usize) -> Option<usize> {
    let run = &text[start..];
    let mut digits = String::new();
    let (mut end, mut seps) = (0, 0);
    for (i, c) in run.char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
            end = i + 1;
            seps = 0;
        } else if (i == 0 && c == '+') || (is_phone_separator(c) && seps < 3) {
            seps += 1;
        } else {
            break;
        }
    }
    let plausible = run.starts_with('+') || run.starts_with("(0") || digits.starts_with('0');
    (plausible && (MIN_PHONE_DIGITS..=MAX_PHONE_DIGITS).contains(&digits.len()))
        .then_some(start + end)
}

fn scrub_phones(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts = matches!(c, '+' | '(' | '0'..='9')
            && !prev.is_some_and(|p| p.is_alphanumeric() || p == '+');
        prev = Some(c);
        if i < rest || !starts {
            continue;
        }
        if let Some(end) = phone_at(text, i) {
            out.push_str(&text[rest..i]);
            out.push_str(PHONE);
            rest = end;
        }
    }
    out.push_str(&text[rest..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_go() {
        assert_eq!(
            scrub("Mail jan.jansen@school.nl voor info."),
            "Mail [e-mail] voor info."
        );
        assert_eq!(scrub("(a_b+c@mbo-x.example.org)"), "([e-mail])");
        assert_eq!(scrub("twee: a@b.nl, c@d.com"), "twee: [e-mail], [e-mail]");
        // Not addresses: no domain dot, or a bare @.
        assert_eq!(scrub("@docent en x@localhost"), "@docent en x@localhost");
    }

    #[test]
    fn dutch_and_international_phone_numbers_go() {
        for (input, want) in [
            ("bel 06-12345678 gerust", "bel [telefoon] gerust"),
            ("bel 06 - 12345678", "bel [telefoon]"),
            ("bel 0612345678.", "bel [telefoon]."),
            ("bel +31 6 1234 5678", "bel [telefoon]"),
            ("bel +31 (0)6 1234 5678!", "bel [telefoon]!"),
            (
                "tel. 020-1234567 of 020 123 45 67",
                "tel. [telefoon] of [telefoon]",
            ),
            ("0031 6 12 34 56 78", "[telefoon]"),
            ("+44 20 7946 0958", "[telefoon]"),
            ("(030) 123 4567", "[telefoon]"),
        ] {
            assert_eq!(scrub(input), want, "{input}");
        }
    }

    #[test]
    fn figures_dates_and_years_stay() {
        for keep in [
            "15 instructeurs, 25 docenten en 8 opleiders",
            "op 01-02-2025 en in 2024-2025",
            "3,0 op een schaal van 1 tot 4",
            "artikel 3.5 lid 2",
            "ISBN9781234567897",
            "12345678901",
        ] {
            assert_eq!(scrub(keep), keep);
        }
    }

    #[test]
    fn scrubbing_is_idempotent() {
        let once = scrub("a@b.nl 06-12345678 en +31 6 1234 5678");
        assert_eq!(scrub(&once), once);
        assert!(!once.contains('@') && !once.contains("5678"), "{once}");
    }
}
