//! Agreement between the coders of a round's consultation notes
//! (`coding_agreement.csv`, docs/reference.md, "Coding agreement").
//!
//! Owns which units a pair of coders both coded, per field (theme, domain,
//! stance), and the `ALL` row over every unit coded by at least two
//! coders; the figures themselves are `stats`' (`pct_agreement`,
//! `cohen_kappa`, `pairwise_agreement`, `krippendorff_alpha_nominal`). It
//! must not read files or lay out tables.

use std::collections::{BTreeMap, HashMap};

use crate::analysis::stats;
use crate::ingest::notes::Codings;

/// The coded fields, in the order of `Coding::codes`.
pub const FIELDS: [&str; 3] = ["theme", "domain", "stance"];

/// One row of `coding_agreement.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementRow {
    /// Index into [`FIELDS`].
    pub field: usize,
    /// Two coders (a pair row, in order of first appearance) or every
    /// coder (the `ALL` row); indices into `Codings::coders`.
    pub coders: Vec<u32>,
    /// Whether this is the `ALL` row.
    pub all: bool,
    /// Units both coders (`ALL`: at least two coders) gave a code.
    pub statements: u64,
    pub pct_agreement: Option<f64>,
    /// Pair rows only.
    pub cohen_kappa: Option<f64>,
    /// The `ALL` row only.
    pub krippendorff_alpha: Option<f64>,
}

/// Every field's pair rows then its `ALL` row; the domain only when the
/// file has a domain column.
pub fn agreement(c: &Codings) -> Vec<AgreementRow> {
    let fields = (0..FIELDS.len()).filter(|f| *f != 1 || c.domain);
    fields.flat_map(|f| field_rows(c, f)).collect()
}

/// A unit's codes in one field: coder -> code (as a number per distinct
/// code), the empty codes left out.
type UnitCodes = BTreeMap<u32, u32>;

fn field_rows(c: &Codings, field: usize) -> Vec<AgreementRow> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut units: BTreeMap<u32, UnitCodes> = BTreeMap::new();
    for coding in &c.codings {
        if let Some(code) = &coding.codes[field] {
            let next = ids.len() as u32;
            let id = *ids.entry(code.as_str()).or_insert(next);
            units
                .entry(coding.unit)
                .or_default()
                .insert(coding.coder, id);
        }
    }
    let n = c.coders.len() as u32;
    let mut rows: Vec<AgreementRow> = (0..n)
        .flat_map(|a| ((a + 1)..n).map(move |b| (a, b)))
        .map(|(a, b)| pair_row(field, a, b, &units))
        .collect();
    let coded: Vec<Vec<u32>> = (units.values())
        .filter(|u| u.len() >= 2)
        .map(|u| u.values().copied().collect())
        .collect();
    rows.push(AgreementRow {
        field,
        coders: (0..n).collect(),
        all: true,
        statements: coded.len() as u64,
        pct_agreement: stats::pairwise_agreement(&coded),
        cohen_kappa: None,
        krippendorff_alpha: stats::krippendorff_alpha_nominal(&coded),
    });
    rows
}

fn pair_row(field: usize, a: u32, b: u32, units: &BTreeMap<u32, UnitCodes>) -> AgreementRow {
    let pairs: Vec<(u32, u32)> = (units.values())
        .filter_map(|u| Some((*u.get(&a)?, *u.get(&b)?)))
        .collect();
    AgreementRow {
        field,
        coders: vec![a, b],
        all: false,
        statements: pairs.len() as u64,
        pct_agreement: stats::pct_agreement(&pairs),
        cohen_kappa: stats::cohen_kappa(&pairs),
        krippendorff_alpha: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::notes::Coding;
    use proptest::prelude::*;

    /// One unit's codings: (coder, theme) with the same code for domain and
    /// stance, `None` for an empty cell.
    fn codings(units: &[Vec<(u32, Option<&str>)>], coders: usize) -> Codings {
        let codings = (units.iter().enumerate())
            .flat_map(|(u, cs)| {
                cs.iter().map(move |(coder, code)| Coding {
                    unit: u as u32,
                    coder: *coder,
                    codes: [0, 1, 2].map(|_| code.map(str::to_string)),
                })
            })
            .collect();
        Codings {
            coders: (0..coders).map(|c| format!("c{c}")).collect(),
            domain: true,
            codings,
        }
    }

    /// The figures of one field's rows, keyed by the coders' names sorted
    /// (the order of first appearance may change with the file's order).
    fn figures(c: &Codings, field: usize) -> Vec<(Vec<String>, u64, [Option<f64>; 3])> {
        let mut out: Vec<_> = (agreement(c).into_iter())
            .filter(|r| r.field == field)
            .map(|r| {
                let mut names: Vec<String> = r
                    .coders
                    .iter()
                    .map(|i| c.coders[*i as usize].clone())
                    .collect();
                names.sort();
                (
                    names,
                    r.statements,
                    [r.pct_agreement, r.cohen_kappa, r.krippendorff_alpha],
                )
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        out
    }

    /// Krippendorff's (2011) worked example as codings: observers A-D are
    /// coders 0-3, a missing value no coding; the pair rows follow from
    /// the same data (A and B both coded units 1-9, 7 of them alike).
    #[test]
    fn the_worked_example_gives_its_alpha_and_the_pairs() {
        let data = [
            [Some("1"), Some("1"), None, Some("1")],
            [Some("2"), Some("2"), Some("3"), Some("2")],
            [Some("3"), Some("3"), Some("3"), Some("3")],
            [Some("3"), Some("3"), Some("3"), Some("3")],
            [Some("2"), Some("2"), Some("2"), Some("2")],
            [Some("1"), Some("2"), Some("3"), Some("4")],
            [Some("4"), Some("4"), Some("4"), Some("4")],
            [Some("1"), Some("1"), Some("2"), Some("1")],
            [Some("2"), Some("2"), Some("2"), Some("2")],
            [None, Some("5"), Some("5"), Some("5")],
            [None, None, Some("1"), Some("1")],
            [None, Some("3"), None, None],
        ];
        let units: Vec<Vec<(u32, Option<&str>)>> = (data.iter())
            .map(|u| {
                (0..4u32)
                    .filter_map(|c| u[c as usize].map(|v| (c, Some(v))))
                    .collect()
            })
            .collect();
        let rows: Vec<AgreementRow> = (agreement(&codings(&units, 4)).into_iter())
            .filter(|r| r.field == 0)
            .collect();
        assert_eq!(rows.len(), 7, "6 pairs and ALL");
        let all = rows.last().unwrap();
        assert!(all.all && all.coders == [0, 1, 2, 3]);
        assert_eq!(all.statements, 11);
        assert!((all.krippendorff_alpha.unwrap() - 0.743_421_052_631_579).abs() < 1e-12);
        let ab = &rows[0];
        assert_eq!(
            (ab.coders.as_slice(), ab.statements),
            ([0, 1].as_slice(), 9)
        );
        assert_eq!(ab.pct_agreement, Some(8.0 / 9.0));
        assert!(ab.krippendorff_alpha.is_none() && ab.cohen_kappa.is_some());
    }

    #[test]
    fn an_empty_code_is_missing_for_that_coder_only() {
        let units = vec![
            vec![(0, Some("x")), (1, None)],
            vec![(0, Some("x")), (1, Some("x"))],
            vec![(0, Some("y")), (1, Some("y"))],
        ];
        let rows = agreement(&codings(&units, 2));
        assert_eq!(rows.len(), 6, "a pair and ALL for each of 3 fields");
        assert_eq!(rows[0].statements, 2);
        assert_eq!(rows[0].pct_agreement, Some(1.0));
        assert_eq!(rows[1].krippendorff_alpha, Some(1.0));
        let no_domain = Codings {
            domain: false,
            ..codings(&units, 2)
        };
        let fields: Vec<usize> = agreement(&no_domain).iter().map(|r| r.field).collect();
        assert_eq!(fields, [0, 0, 2, 2]);
    }

    /// Units of 2-3 codings by up to 4 coders, codes from a small set.
    fn units() -> impl Strategy<Value = Vec<Vec<(u32, u8)>>> {
        let unit = prop::sample::subsequence(vec![0u32, 1, 2, 3], 1..=3)
            .prop_flat_map(|coders| {
                let n = coders.len();
                (Just(coders), prop::collection::vec(0u8..3, n))
            })
            .prop_map(|(coders, codes)| coders.into_iter().zip(codes).collect());
        prop::collection::vec(unit, 1..40)
    }

    const CODES: [&str; 3] = ["a", "b", "c"];

    fn of(units: &[Vec<(u32, u8)>]) -> Codings {
        let with_names: Vec<Vec<(u32, Option<&str>)>> = (units.iter())
            .map(|u| {
                u.iter()
                    .map(|(c, v)| (*c, Some(CODES[*v as usize])))
                    .collect()
            })
            .collect();
        codings(&with_names, 4)
    }

    proptest! {
        /// Every coder copying the first gives agreement 1 and alpha 1 (or
        /// no alpha when a single code was ever given: 0/0).
        #[test]
        fn identical_coders_agree_completely(units in units()) {
            let same: Vec<Vec<(u32, u8)>> = (units.iter())
                .map(|u| u.iter().map(|(c, _)| (*c, u[0].1)).collect())
                .collect();
            for r in agreement(&of(&same)).iter().filter(|r| r.statements > 0) {
                prop_assert_eq!(r.pct_agreement, Some(1.0));
                let codes: std::collections::BTreeSet<u8> =
                    same.iter().filter(|u| u.len() >= 2).map(|u| u[0].1).collect();
                if r.all && codes.len() >= 2 {
                    prop_assert_eq!(r.krippendorff_alpha, Some(1.0));
                }
            }
        }

        /// The units in another order (each keeping its codings) change no
        /// figure; the coders' order of first appearance may change, so the
        /// rows are compared by the coders' names.
        #[test]
        fn the_order_of_the_units_changes_no_figure(units in units(), seed in any::<u64>()) {
            let mut shuffled = units.clone();
            let n = shuffled.len();
            for i in (1..n).rev() {
                shuffled.swap(i, (seed as usize ^ i.wrapping_mul(2_654_435_761)) % (i + 1));
            }
            let (a, b) = (figures(&of(&units), 0), figures(&of(&shuffled), 0));
            prop_assert_eq!(a.len(), b.len());
            for (x, y) in a.iter().zip(&b) {
                prop_assert_eq!(&x.0, &y.0);
                prop_assert_eq!(x.1, y.1);
                for (p, q) in x.2.iter().zip(&y.2) {
                    match (p, q) {
                        (Some(p), Some(q)) => prop_assert!((p - q).abs() < 1e-12),
                        _ => prop_assert_eq!(p, q),
                    }
                }
            }
        }

        /// Other names for the coders change the names and nothing else.
        #[test]
        fn renaming_the_coders_changes_only_the_names(units in units()) {
            let c = of(&units);
            let renamed = Codings {
                coders: vec!["Zoë".into(), "Bram".into(), "Anne".into(), "Ide".into()],
                ..c.clone()
            };
            prop_assert_eq!(agreement(&c), agreement(&renamed));
        }
    }
}
