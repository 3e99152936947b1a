//! Escaping of text for the files people open: markup (HTML and SVG) and
//! spreadsheets (CSV and xlsx).
//!
//! Owns the two escapers so that every writer escapes the same way. It
//! must not decide what is written, only how a text is made safe.

/// Text for HTML or XML, in element content or a `"`-quoted attribute.
pub fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text that a spreadsheet would run as a formula gets a leading `'`.
pub fn formula(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}
