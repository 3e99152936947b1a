//! The test oracles of `common::oracle` (raw-data definitions of mean, sd,
//! median, Pearson r, Cronbach's alpha and its companions) checked against
//! R, numpy and pingouin, and `peil::analysis::stats::reliability_from_covariance`,
//! the way peil computes them, checked against those definitions.

mod common;

use common::oracle::*;
use peil::analysis::stats::{feldt_ci95, reliability_from_covariance};
use proptest::prelude::*;

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn mean_sd_median_match_r() {
    // R 4.3: x <- c(2,4,4,4,5,5,7,9); mean(x) 5; sd(x) 2.13808993529939; median(x) 4.5
    let x = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
    assert_eq!(mean(&x), Some(5.0));
    assert!(close(sample_sd(&x).unwrap(), 2.138_089_935_299_39, 1e-12));
    assert_eq!(median(&x), Some(4.5));
    // R: median(c(3,1,2)) 2; sd(5) NA
    assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
    assert_eq!(sample_sd(&[5.0]), None);
    assert_eq!(mean(&[]), None);
    assert_eq!(median(&[]), None);
}

#[test]
fn covariance_shortcut_reproduces_pingouin() {
    // The pingouin example (see pingouin_items): alpha 0.5917188485995826.
    let items = pingouin_items();
    let r = reliability_from_covariance(&covariance_matrix(&items).unwrap(), items[0].len());
    assert!(close(r.alpha.unwrap(), 0.591_718_848_599_582_6, 1e-12));
    assert!(close(
        r.alpha_std.unwrap(),
        standardized_alpha(&items).unwrap(),
        1e-12
    ));
    assert_eq!(reliability_from_covariance(&[vec![1.0]], 5).alpha, None);
    assert_eq!(
        reliability_from_covariance(&[], 5).item_rest_r,
        Vec::<Option<f64>>::new()
    );
}

/// pingouin's bundled `cronbach_alpha` dataset (15 subjects x 10 items
/// Q1..Q10), item-major, as printed by (pingouin 0.7.0, pandas 3.0):
///   import pingouin as pg
///   d = pg.read_dataset('cronbach_alpha')
///   w = d.pivot(index='Subj', columns='Items', values='Scores')[[f'Q{i}' for i in range(1, 11)]]
///   w.to_numpy().T.tolist()
fn pingouin_items() -> Vec<Vec<f64>> {
    [
        [3, 5, 7, 2, 6, 1, 4, 2, 6, 5, 4, 4, 5, 6, 4],
        [2, 4, 3, 4, 5, 2, 3, 4, 5, 4, 3, 2, 5, 5, 3],
        [4, 6, 5, 3, 6, 3, 5, 4, 5, 6, 5, 3, 6, 5, 5],
        [1, 3, 5, 3, 5, 4, 3, 3, 5, 4, 2, 2, 2, 4, 5],
        [4, 5, 6, 2, 4, 2, 5, 7, 1, 3, 5, 5, 3, 2, 3],
        [5, 1, 4, 2, 4, 5, 2, 2, 6, 5, 3, 3, 3, 2, 1],
        [1, 2, 3, 2, 4, 2, 1, 2, 5, 3, 2, 4, 2, 1, 3],
        [4, 5, 3, 6, 6, 3, 2, 4, 2, 1, 3, 2, 4, 4, 2],
        [3, 5, 6, 6, 7, 5, 4, 6, 3, 7, 4, 3, 4, 6, 3],
        [2, 5, 5, 3, 5, 2, 3, 5, 2, 2, 1, 4, 5, 5, 4],
    ]
    .iter()
    .map(|row| row.iter().map(|&v| f64::from(v)).collect())
    .collect()
}

#[test]
fn cronbach_alpha_matches_pingouin() {
    // pingouin documentation example and pingouin 0.7.0 output (computed 2026-11-27):
    //   pg.cronbach_alpha(data=d, items='Items', scores='Scores', subject='Subj')
    //   -> (0.5917188485995826, array([0.195, 0.84 ]))
    let items = pingouin_items();
    let a = cronbach_alpha(&items).unwrap();
    assert!(close(a, 0.591_718_848_599_582_6, 1e-12), "{a}");
    // Feldt CI unrounded, same formula as pingouin / psych::alpha.ci (scipy 1.17.1):
    //   from scipy.stats import f; n, k = 15, 10; df1, df2 = n-1, (n-1)*(k-1)
    //   1-(1-a)*f.isf(0.025, df1, df2) -> 0.1949213906631222
    //   1-(1-a)*f.isf(0.975, df1, df2) -> 0.8398208146275433
    let (lo, hi) = feldt_ci95(a, 15, 10).unwrap();
    assert!(close(lo, 0.194_921_390_663_122_2, 1e-9), "{lo}");
    assert!(close(hi, 0.839_820_814_627_543_3, 1e-9), "{hi}");
    // ... and pingouin's rounded interval [0.195, 0.84].
    assert!(close(lo, 0.195, 0.0005) && close(hi, 0.84, 0.0005));
}

#[test]
fn standardized_alpha_matches_numpy() {
    // numpy 2.4.6 (computed 2026-11-27), X = w.to_numpy(float) as above:
    //   R = np.corrcoef(X, rowvar=False); k = 10
    //   rbar = R[np.triu_indices(k, 1)].mean(); k*rbar/(1+(k-1)*rbar)
    //   -> 0.6343498015417943
    let s = standardized_alpha(&pingouin_items()).unwrap();
    assert!(close(s, 0.634_349_801_541_794_3, 1e-12), "{s}");
}

#[test]
fn item_rest_and_alpha_if_deleted_match_numpy() {
    // numpy 2.4.6 (computed 2026-11-27), X as above:
    //   def alpha(X):
    //       k = X.shape[1]
    //       return k/(k-1)*(1 - X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1))
    //   for i in range(10):
    //       rest = np.delete(X, i, axis=1)
    //       print(np.corrcoef(X[:, i], rest.sum(axis=1))[0, 1], alpha(rest))
    let expected = [
        (0.574_766_791_984_491_2, 0.468_690_324_633_991_24),
        (0.567_802_841_767_368_4, 0.507_280_557_834_290_6),
        (0.521_391_075_420_880_3, 0.518_349_852_665_416_4),
        (0.417_605_824_128_614_74, 0.531_829_170_024_174_2),
        (-0.107_583_082_492_574_17, 0.668_489_065_606_362),
        (-0.157_236_519_656_651_78, 0.671_141_479_099_678_6),
        (0.261_007_735_042_337_9, 0.568_506_332_257_263_4),
        (0.092_173_202_823_185_67, 0.610_119_047_619_047_8),
        (0.443_372_745_995_840_26, 0.519_425_675_675_675_9),
        (0.433_688_355_964_806_2, 0.522_590_782_122_904_9),
    ];
    let items = pingouin_items();
    for (i, (r, a)) in expected.into_iter().enumerate() {
        let got_r = item_rest_correlation(&items, i).unwrap();
        let got_a = alpha_if_deleted(&items, i).unwrap();
        assert!(close(got_r, r, 1e-12), "item {i}: r {got_r} vs {r}");
        assert!(close(got_a, a, 1e-12), "item {i}: alpha {got_a} vs {a}");
    }
    assert_eq!(item_rest_correlation(&items, 10), None);
    assert_eq!(alpha_if_deleted(&items, 10), None);
}

#[test]
fn pearson_matches_r_cor() {
    // numpy 2.4.6 (computed 2026-11-27): np.corrcoef([1,2,3,4,5], [2,4,5,4,5])[0,1]
    // -> 0.7745966692414834 (= sqrt(0.6): sxy = 6, sxx = 10, syy = 6)
    let r = pearson(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 4.0, 5.0, 4.0, 5.0]).unwrap();
    assert!(close(r, 0.6_f64.sqrt(), 1e-12), "{r}");
    assert_eq!(pearson(&[1.0, 2.0], &[3.0, 1.0]), Some(-1.0));
    // Zero variance, n < 2, length mismatch, NaN: no correlation.
    assert_eq!(pearson(&[1.0, 2.0, 3.0], &[4.0, 4.0, 4.0]), None);
    assert_eq!(pearson(&[0.1, 0.1, 0.1], &[1.0, 2.0, 3.0]), None);
    assert_eq!(pearson(&[1.0], &[2.0]), None);
    assert_eq!(pearson(&[1.0, 2.0], &[1.0, 2.0, 3.0]), None);
    assert_eq!(pearson(&[1.0, f64::NAN, 3.0], &[1.0, 2.0, 3.0]), None);
}

#[test]
fn reliability_edge_cases_are_none_not_nan() {
    let two = vec![vec![1.0, 2.0, 3.0], vec![2.0, 2.0, 4.0]];
    // One item: no alpha, no standardized alpha, no item-rest r, nothing to delete.
    let one = vec![vec![1.0, 2.0, 3.0]];
    assert_eq!(cronbach_alpha(&one), None);
    assert_eq!(standardized_alpha(&one), None);
    assert_eq!(item_rest_correlation(&one, 0), None);
    assert_eq!(alpha_if_deleted(&one, 0), None);
    // No items.
    assert_eq!(cronbach_alpha(&[]), None);
    assert_eq!(standardized_alpha(&[]), None);
    // Two items: alpha exists, but alpha-if-deleted would leave one item.
    assert!(cronbach_alpha(&two).is_some());
    assert_eq!(alpha_if_deleted(&two, 0), None);
    // n < 2.
    let single = vec![vec![3.0], vec![4.0], vec![2.0]];
    assert_eq!(cronbach_alpha(&single), None);
    assert_eq!(standardized_alpha(&single), None);
    assert_eq!(item_rest_correlation(&single, 0), None);
    // All ratings equal: var_total = 0.
    let flat = vec![vec![3.0; 5], vec![3.0; 5], vec![3.0; 5]];
    assert_eq!(cronbach_alpha(&flat), None);
    assert_eq!(standardized_alpha(&flat), None);
    assert_eq!(item_rest_correlation(&flat, 1), None);
    assert_eq!(alpha_if_deleted(&flat, 1), None);
    // One zero-variance item: raw alpha is defined (it adds 0 to sum(var_i)),
    // the standardized alpha is not, nor is that item's item-rest r.
    let with_flat = vec![
        vec![1.0, 2.0, 3.0, 4.0],
        vec![2.0, 2.0, 4.0, 4.0],
        vec![3.0; 4],
    ];
    assert!(cronbach_alpha(&with_flat).is_some_and(f64::is_finite));
    assert_eq!(standardized_alpha(&with_flat), None);
    assert_eq!(item_rest_correlation(&with_flat, 2), None);
    assert!(item_rest_correlation(&with_flat, 0).is_some());
    // Totals constant although items vary (perfectly opposed items).
    let opposed = vec![vec![1.0, 2.0, 3.0, 4.0], vec![4.0, 3.0, 2.0, 1.0]];
    assert_eq!(cronbach_alpha(&opposed), None);
    assert_eq!(standardized_alpha(&opposed), None); // rbar = -1, 1 + (k-1) rbar = 0
                                                    // Signed zeros are equal values: zero variance, not a 0/0.
    assert_eq!(cronbach_alpha(&[vec![0.0, -0.0], vec![0.0, -0.0]]), None);
    assert_eq!(pearson(&[0.0, -0.0, 0.0], &[1.0, 2.0, 3.0]), None);
    // Overflowing totals: None rather than NaN.
    assert_eq!(
        cronbach_alpha(&[vec![f64::MAX, -f64::MAX], vec![f64::MAX, 0.0]]),
        None
    );
    // Ragged or non-finite input.
    assert_eq!(cronbach_alpha(&[vec![1.0, 2.0], vec![1.0, 2.0, 3.0]]), None);
    assert_eq!(cronbach_alpha(&[vec![1.0, f64::NAN], vec![1.0, 2.0]]), None);
}

/// Both `None`, or both `Some` and equal within a relative 1e-9.
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => close(x, y, 1e-9 * x.abs().max(1.0)),
        _ => false,
    }
}

/// k in 2..=5 items, n in 2..=12 respondents, ratings 1..=5.
fn likert_items() -> impl Strategy<Value = Vec<Vec<f64>>> {
    (2usize..=5, 2usize..=12).prop_flat_map(|(k, n)| {
        prop::collection::vec(prop::collection::vec((1u8..=5).prop_map(f64::from), n), k)
    })
}

fn shifted(v: &[f64], c: f64) -> Vec<f64> {
    v.iter().map(|x| x + c).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The covariance shortcut gives what the direct definitions give.
    #[test]
    fn covariance_shortcut_matches_the_definitions(items in likert_items()) {
        let n = items[0].len();
        let cov = covariance_matrix(&items).unwrap();
        let r = reliability_from_covariance(&cov, n);
        prop_assert!(same(r.alpha, cronbach_alpha(&items)));
        prop_assert!(same(r.alpha_std, standardized_alpha(&items)));
        for i in 0..items.len() {
            prop_assert!(same(r.item_rest_r[i], item_rest_correlation(&items, i)), "item-rest {}", i);
            prop_assert!(same(r.alpha_if_deleted[i], alpha_if_deleted(&items, i)), "alpha-if-deleted {}", i);
        }
    }

    #[test]
    fn alpha_is_invariant_to_item_order(items in likert_items(), rot in 0usize..5) {
        let mut reordered = items.clone();
        reordered.reverse();
        let k = reordered.len();
        reordered.rotate_left(rot % k);
        prop_assert!(same(cronbach_alpha(&items), cronbach_alpha(&reordered)));
        prop_assert!(same(standardized_alpha(&items), standardized_alpha(&reordered)));
    }

    #[test]
    fn reliability_is_invariant_to_a_constant_shift(items in likert_items(), c in -3i8..=10) {
        let c = f64::from(c) / 2.0; // half-integers stay exact
        let moved: Vec<Vec<f64>> = items.iter().map(|it| shifted(it, c)).collect();
        prop_assert!(same(cronbach_alpha(&items), cronbach_alpha(&moved)));
        prop_assert!(same(standardized_alpha(&items), standardized_alpha(&moved)));
        for i in 0..items.len() {
            prop_assert!(same(item_rest_correlation(&items, i), item_rest_correlation(&moved, i)));
            prop_assert!(same(alpha_if_deleted(&items, i), alpha_if_deleted(&moved, i)));
        }
    }
}
