//! Number formatting: the full-precision form of CSV files and the report's
//! rounding of Markdown, charts and report.
//!
//! Owns both so that one figure is never rounded two ways. The report's
//! rounding is half away from zero on the number as written (its shortest
//! decimal form), as the source reports round: 2.95 shows as 3.0, not 2.9.

use crate::analysis::rules::reaches;
use crate::codebook::Language;

/// CSV form, appended to `out` (writers reuse one buffer): six decimals,
/// never `-0.000000`.
pub fn push_fixed6(out: &mut String, x: f64) {
    use std::fmt::Write;
    let start = out.len();
    let _ = write!(out, "{x:.6}");
    if out[start..]
        .bytes()
        .all(|b| matches!(b, b'-' | b'0' | b'.'))
    {
        out.truncate(start);
        out.push_str("0.000000");
    }
}

/// `x` rounded half away from zero to `digits` decimals, with the
/// language's decimal separator. Non-finite values give an empty string.
pub fn round_half_away(x: f64, digits: usize, lang: Language) -> String {
    if !x.is_finite() {
        return String::new();
    }
    // Rust's Display is the shortest decimal that reads back as x: round that,
    // digit by digit, so that binary noise never decides a tie.
    let repr = format!("{}", x.abs());
    let (int, frac) = repr.split_once('.').unwrap_or((&repr, ""));
    let mut digits_v: Vec<u8> = int
        .bytes()
        .chain(frac.bytes().chain(std::iter::repeat(b'0')).take(digits))
        .collect();
    let round_up = frac.as_bytes().get(digits).is_some_and(|d| *d >= b'5');
    if round_up {
        let mut i = digits_v.len();
        loop {
            if i == 0 {
                digits_v.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits_v[i] == b'9' {
                digits_v[i] = b'0';
            } else {
                digits_v[i] += 1;
                break;
            }
        }
    }
    let split = digits_v.len() - digits;
    let mut out = String::with_capacity(digits_v.len() + 2);
    if x < 0.0 && digits_v.iter().any(|d| *d != b'0') {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(&digits_v[..split]).unwrap_or("0"));
    if digits > 0 {
        out.push(lang.decimal_separator());
        out.push_str(std::str::from_utf8(&digits_v[split..]).unwrap_or("0"));
    }
    out
}

/// The decimals to show `x` with, beyond the usual `digits`, so that the
/// shown figure falls on the same side of every threshold as `x` does
/// (docs/reference.md, "Report rounding"): 77.9% against a 78% threshold
/// shows as "77,9%", never "78%" beside "reword"; 2.988 against 3.0 as
/// "2,99". At most three more. `scale` is 100 for a share shown as a
/// percentage (`x` and the thresholds are shares).
pub fn digits_beside(x: f64, digits: usize, scale: f64, thresholds: &[f64]) -> usize {
    (digits..=digits + 3)
        .find(|&d| {
            let shown = round_half_away(x * scale, d, Language::En);
            let shown = shown.parse::<f64>().map_or(x, |v| v / scale);
            (thresholds.iter()).all(|t| reaches(shown, *t) == reaches(x, *t))
        })
        .unwrap_or(digits + 3)
}

/// A mean as the report shows it: one decimal ("2,9").
pub fn mean(x: f64, lang: Language) -> String {
    round_half_away(x, 1, lang)
}

/// A share as a whole percentage ("78%").
pub fn percent(x: f64, lang: Language) -> String {
    format!("{}%", round_half_away(x * 100.0, 0, lang))
}

/// A share compared with `[rules]` thresholds: a whole percentage, or as
/// many decimals more as it takes to stay on the exact share's side of each
/// ("77,9%" against 78%, never "78%" beside "reword").
pub fn percent_beside(x: f64, thresholds: &[f64], lang: Language) -> String {
    let d = digits_beside(x, 0, 100.0, thresholds);
    format!("{}%", round_half_away(x * 100.0, d, lang))
}

/// A mean compared with `[rules]` thresholds: one decimal, or as many more
/// as it takes to stay on the exact mean's side of each ("2,99" against 3).
pub fn mean_beside(x: f64, thresholds: &[f64], lang: Language) -> String {
    round_half_away(x, digits_beside(x, 1, 1.0, thresholds), lang)
}

/// A p-value as reports write it: three decimals, or `<0.001`.
pub fn p_value(p: f64, lang: Language) -> String {
    if p < 0.001 {
        format!("<{}", round_half_away(0.001, 3, lang))
    } else {
        round_half_away(p, 3, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nl};

    #[test]
    fn rounds_half_away_from_zero_on_the_written_number() {
        assert_eq!(round_half_away(2.95, 1, En), "3.0");
        assert_eq!(round_half_away(2.85, 1, En), "2.9");
        assert_eq!(round_half_away(2.25, 1, En), "2.3"); // format!("{:.1}") gives 2.2
        assert_eq!(round_half_away(0.125, 2, En), "0.13");
        assert_eq!(round_half_away(-0.125, 2, En), "-0.13");
        assert_eq!(round_half_away(-0.04, 1, En), "0.0");
        assert_eq!(round_half_away(9.96, 1, Nl), "10,0");
        assert_eq!(round_half_away(2.9103, 1, Nl), "2,9");
        assert_eq!(round_half_away(3.0, 0, En), "3");
        assert_eq!(round_half_away(1e-7, 2, En), "0.00");
        assert_eq!(round_half_away(f64::NAN, 1, En), "");
    }

    #[test]
    fn percent_and_mean_helpers() {
        assert_eq!(percent(0.785, Nl), "79%");
        assert_eq!(percent(0.5, En), "50%");
        assert_eq!(mean(3.005, Nl), "3,0");
        assert_eq!(p_value(0.0004, En), "<0.001");
        assert_eq!(p_value(0.0456, Nl), "0,046");
    }

    /// The cases: 77.9% beside a 78% threshold, a mean of 2.988
    /// beside 3.0; a figure exactly at the threshold keeps one decimal;
    /// one far from every threshold keeps the usual decimals.
    #[test]
    fn a_figure_beside_a_threshold_falls_on_its_side() {
        let shares = [0.78, 0.5, 0.75];
        assert_eq!(digits_beside(0.779, 0, 100.0, &shares), 1); // 77.9%
        assert_eq!(digits_beside(0.7799, 0, 100.0, &shares), 2); // 77.99%
        assert_eq!(digits_beside(0.78, 0, 100.0, &shares), 0); // 78% reaches
        assert_eq!(digits_beside(0.62, 0, 100.0, &shares), 0);
        let means = [3.0, 2.5];
        assert_eq!(digits_beside(2.988, 1, 1.0, &means), 2); // 2.99
        assert_eq!(digits_beside(2.9999, 1, 1.0, &means), 4); // 2.9999
        assert_eq!(digits_beside(2.99999, 1, 1.0, &means), 4); // at most 3 more
        assert_eq!(digits_beside(2.95, 1, 1.0, &means), 2); // 2.95, not 3.0
        assert_eq!(digits_beside(2.45, 1, 1.0, &means), 2); // 2.5 would reach 2.5
        assert_eq!(digits_beside(3.0, 1, 1.0, &means), 1);
        assert_eq!(digits_beside(3.04, 1, 1.0, &means), 1); // 3.0 reaches 3.0
                                                            // A weighted mean of exactly 3 summed one bit short reaches 3.0.
        assert_eq!(digits_beside(3.0 - 2.0 * f64::EPSILON, 1, 1.0, &means), 1);
    }

    #[test]
    fn figures_beside_a_threshold_stay_on_its_side() {
        assert_eq!(percent_beside(0.779, &[0.78], Nl), "77,9%");
        assert_eq!(percent_beside(0.7799, &[0.78, 0.5], En), "77.99%");
        assert_eq!(percent_beside(0.78, &[0.78], En), "78%");
        assert_eq!(percent_beside(0.781, &[0.78], En), "78%");
        assert_eq!(percent_beside(0.4996, &[0.5], En), "49.96%");
        // Far from any threshold: the usual whole percentage.
        assert_eq!(percent_beside(0.6149, &[0.78, 0.5], En), "61%");
        assert_eq!(mean_beside(2.988, &[3.0, 2.5], Nl), "2,99");
        assert_eq!(mean_beside(2.9996, &[3.0], En), "2.9996");
        // At most three decimals more, even where that is not enough.
        assert_eq!(mean_beside(2.9999999, &[3.0], En), "3.0000");
        assert_eq!(mean_beside(3.04, &[3.0], En), "3.0");
    }

    #[test]
    fn fixed6_has_no_negative_zero() {
        let fixed6 = |x: f64| {
            let mut s = "kept ".to_string();
            push_fixed6(&mut s, x);
            s.strip_prefix("kept ").unwrap().to_string()
        };
        assert_eq!(fixed6(2.910382059800665), "2.910382");
        assert_eq!(fixed6(-1e-9), "0.000000");
        assert_eq!(fixed6(-0.5), "-0.500000");
    }
}
