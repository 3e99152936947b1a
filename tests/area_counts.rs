//! An area row's counts are the sums of its item rows' counts (README,
//! "What the figures mean"): `n_1..n_4` and `n_missing` of an area pool every
//! item rating of the group's used respondents, whether or not they have an
//! area score. A property test on random studies, through the library.

use std::fmt::Write as _;
use std::path::Path;

use peil::analysis::score::{Figures, ScoreRow, Scores};
use peil::codebook::Codebook;
use proptest::prelude::*;

const GROUPS: [&str; 3] = ["docent", "werkgever", "student"];
const CELLS: [&str; 7] = ["1", "2", "3", "4", "weet niet", "", "4"];

/// A study with two areas of `k_a` and `k_b` items on one measure.
fn write_study(dir: &Path, k: (usize, usize), min_answered: f64, rows: &[(usize, Vec<usize>)]) {
    let mut toml = format!(
        "[study]\nname = \"Random (synthetic)\"\n\n[scale]\nmin = 1\nmax = 4\n\
         missing = [\"weet niet\", \"\"]\n\n[respondents]\nid = \"id\"\ngroup = \"groep\"\n\n\
         [[measures]]\nid = \"herk\"\nlabel = \"Herkenbaarheid\"\n\n\
         [[areas]]\nid = \"a\"\nlabel = \"A\"\n\n[[areas]]\nid = \"b\"\nlabel = \"B\"\n\n\
         [rules]\nmin_answered = {min_answered}\n\n[privacy]\nmin_cell = 1\n\n\
         [[rounds]]\nid = \"r1\"\nquestionnaire = \"r1.csv\"\n"
    );
    let items: Vec<String> = (0..k.0)
        .map(|i| format!("a{i}"))
        .chain((0..k.1).map(|i| format!("b{i}")))
        .collect();
    for id in &items {
        let _ = write!(
            toml,
            "\n[[items]]\nid = \"{id}\"\narea = \"{}\"\ntext = \"Item {id}\"\ncolumns = {{ herk = \"{id}\" }}\n",
            &id[..1]
        );
    }
    let mut csv = format!("id;groep;{}\n", items.join(";"));
    for (r, (g, cells)) in rows.iter().enumerate() {
        let cells: Vec<&str> = cells.iter().take(items.len()).map(|c| CELLS[*c]).collect();
        let _ = writeln!(csv, "r{r:04};{};{}", GROUPS[*g], cells.join(";"));
    }
    std::fs::write(dir.join("study.toml"), toml).unwrap();
    std::fs::write(dir.join("r1.csv"), csv).unwrap();
}

fn counts(f: &Figures) -> Vec<u64> {
    f.counts.iter().copied().chain([f.n_missing]).collect()
}

/// Every area row whose item rows are all shown: its counts are their sums.
fn check(cb: &Codebook, s: &Scores) -> Result<usize, TestCaseError> {
    let mut checked = 0;
    for area in &s.areas {
        let items: Vec<&ScoreRow> = s
            .items
            .iter()
            .filter(|i| {
                i.measure == area.measure
                    && i.group == area.group
                    && cb.items[i.target].area == area.target
            })
            .collect();
        let (Some(af), Some(item_figures)) = (
            area.figures.as_ref(),
            items
                .iter()
                .map(|i| i.figures.as_ref())
                .collect::<Option<Vec<_>>>(),
        ) else {
            continue;
        };
        let mut sum = vec![0; af.counts.len() + 1];
        for f in item_figures {
            for (s, c) in sum.iter_mut().zip(counts(f)) {
                *s += c;
            }
        }
        prop_assert_eq!(counts(af), sum, "area {} group {}", area.target, area.group);
        checked += 1;
    }
    Ok(checked)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn area_counts_are_the_sums_of_item_counts(
        k in (1usize..4, 1usize..4),
        min_answered in prop::sample::select(vec![0.0, 0.5, 1.0]),
        rows in prop::collection::vec((0usize..3, prop::collection::vec(0usize..7, 8)), 1..40),
    ) {
        let dir = tempfile::tempdir().unwrap();
        write_study(dir.path(), k, min_answered, &rows);
        let cb = Codebook::load(dir.path()).unwrap();
        let a = peil::pipeline::analyse(&cb, &cb.rounds[0]).unwrap();
        let checked = check(&a.cb, &a.scores)?;
        // The ALL rows are never suppressed: both areas are always checked.
        prop_assert!(checked >= 2);
    }
}
