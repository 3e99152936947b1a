//! Escaping of text for the files people open: markup (HTML and SVG) and
//! spreadsheets (CSV and xlsx).
//!
//! Owns the two escapers so that every writer escapes the same way. It
//! must not decide what is written, only how a text is made safe.

use std::borrow::Cow;

/// Text for HTML or XML, in element content or a `"`-quoted attribute.
pub fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text that a spreadsheet would run as a formula gets a leading `'`;
/// any other text is itself, not copied.
pub fn formula(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}
