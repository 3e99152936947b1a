//! McDonald's omega total of an area: one common factor fitted to the
//! items' correlation matrix by minimum residual (unweighted least
//! squares), as R `psych::fa(x, nfactors = 1, fm = "minres")`, and omega
//! from its uniquenesses (docs/reference.md, "Omega").
//!
//! Pure functions of numbers: no polars, no I/O, no formatting, nothing
//! imported from the rest of `stats`. The eigenvectors come from the
//! cyclic Jacobi method of a small symmetric matrix (an area has a few
//! dozen items at most), so no linear-algebra crate is needed.

/// A communality is never above this (a uniqueness never below 0.005):
/// the bounds psych's minres gives `optim` (`lower = 0.005, upper = 1`).
/// An item that would need more is a Heywood case.
const MAX_COMMUNALITY: f64 = 0.995;

/// Accelerated cycles (three principal-axis steps each) before giving up
/// on a tighter fit; the examples converge in a few to a few dozen.
const MAX_CYCLES: usize = 5_000;

/// Iterating stops when no communality moves more than this.
const TOLERANCE: f64 = 1e-13;

/// The one-factor minimum-residual solution of a correlation matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct OneFactor {
    /// Each item's loading, the sign of the first item with a nonzero one
    /// made positive (a factor's sign is arbitrary).
    pub loadings: Vec<f64>,
    /// `1 - h_i^2`, each within [0.005, 1].
    pub uniquenesses: Vec<f64>,
}

/// The minres solution of the k x k correlation matrix `r`.
///
/// Minimum residual minimises the sum of squared residuals
/// `sum_ij (r_ij - l_i l_j)^2` over the off-diagonal entries (Harman &
/// Jones 1966); with the diagonal set to the communalities, the residual
/// of the diagonal is minus the gradient, so the stationary point is the
/// fixed point of iterated principal axis factoring: put the communalities
/// h on the diagonal, take the largest eigenpair (lambda, v), set
/// l = sqrt(lambda) v and h = l^2, and repeat to convergence. Each h is
/// kept within [0, 0.995] at every step, which is where psych's
/// box-constrained minimiser stops in a Heywood case (a bound's KKT
/// condition is the clamped fixed point). The start is psych's: squared
/// multiple correlations, 1 - 1 / diag(r^-1), or each item's largest
/// absolute correlation when r is singular.
///
/// `None` below 3 items, for a matrix that is not square, symmetric within
/// 1e-9 and finite, or whose largest reduced eigenvalue is not positive.
pub fn one_factor_minres(r: &[Vec<f64>]) -> Option<OneFactor> {
    let k = r.len();
    let square = r
        .iter()
        .all(|row| row.len() == k && row.iter().all(|v| v.is_finite()));
    if k < 3 || !square || (0..k).any(|i| (0..i).any(|j| (r[i][j] - r[j][i]).abs() > 1e-9)) {
        return None;
    }
    let (mut loadings, h) = fixed_point(r)?;
    if let Some(first) = loadings.iter().find(|l| l.abs() > 1e-12) {
        if *first < 0.0 {
            loadings.iter_mut().for_each(|l| *l = -*l);
        }
    }
    let uniquenesses = h.iter().map(|h| 1.0 - h).collect();
    Some(OneFactor {
        loadings,
        uniquenesses,
    })
}

/// The loadings and communalities where a principal-axis step no longer
/// moves any communality by [`TOLERANCE`]. Plain iteration converges
/// linearly, and slowly where the common factor is weak (8,445 steps for
/// ten items of noise), so the steps are extrapolated by SQUAREM
/// (Varadhan & Roland 2008, *Scand. J. Statist.* 35, scheme S3): from h,
/// h1 = g(h) and h2 = g(h1), r = h1 - h, v = h2 - 2 h1 + h,
/// alpha = min(-|r| / |v|, -1), and the next h is h - 2 alpha r +
/// alpha^2 v, clamped to the bounds (alpha = -1 gives h2, a plain double
/// step). It converges to the same fixed point, in tens of steps.
fn fixed_point(r: &[Vec<f64>]) -> Option<(Vec<f64>, Vec<f64>)> {
    let mut h = start_communalities(r);
    // Each step's matrix differs from the last only in its diagonal: its
    // eigenvectors are the start of the next step's.
    let mut basis = identity(r.len());
    // g(h), when the last cycle computed it already.
    let mut pending = None;
    let mut last = None;
    for _ in 0..MAX_CYCLES {
        let (l1, h1) = match pending.take() {
            Some(done) => done,
            None => principal_axis_step(r, &h, &mut basis)?,
        };
        let step: Vec<f64> = h1.iter().zip(&h).map(|(a, b)| a - b).collect();
        if step.iter().all(|d| d.abs() < TOLERANCE) {
            return Some((l1, h1));
        }
        let (_, h2) = principal_axis_step(r, &h1, &mut basis)?;
        let curve: Vec<f64> = (0..h.len()).map(|i| h2[i] - 2.0 * h1[i] + h[i]).collect();
        let norm = |x: &[f64]| x.iter().map(|v| v * v).sum::<f64>().sqrt();
        let alpha = match norm(&curve) {
            n if n > 0.0 => (-norm(&step) / n).min(-1.0),
            _ => -1.0,
        };
        let jump: Vec<f64> = (0..h.len())
            .map(|i| {
                let x = h[i] - 2.0 * alpha * step[i] + alpha * alpha * curve[i];
                x.clamp(0.0, MAX_COMMUNALITY)
            })
            .collect();
        last = Some((l1, h1));
        // A jump to where the largest eigenvalue is not positive: the
        // plain double step instead.
        pending = principal_axis_step(r, &jump, &mut basis);
        h = if pending.is_some() { jump } else { h2 };
    }
    last
}

/// One principal-axis step: the communalities `h` on the diagonal of `r`,
/// its largest eigenpair (lambda, v), the loadings sqrt(lambda) v and the
/// next communalities, their squares kept within [0, 0.995]. `None` when
/// lambda is not positive.
fn principal_axis_step(
    r: &[Vec<f64>],
    h: &[f64],
    basis: &mut [Vec<f64>],
) -> Option<(Vec<f64>, Vec<f64>)> {
    let mut reduced = r.to_vec();
    for (i, hi) in h.iter().enumerate() {
        reduced[i][i] = *hi;
    }
    let (lambda, v) = largest_eigenpair(&reduced, basis);
    if lambda <= 0.0 {
        return None;
    }
    let loadings: Vec<f64> = v.iter().map(|x| x * lambda.sqrt()).collect();
    let next = (loadings.iter())
        .map(|l| (l * l).clamp(0.0, MAX_COMMUNALITY))
        .collect();
    Some((loadings, next))
}

/// McDonald's omega total from a covariance matrix of complete cases
/// (McDonald 1999, *Test theory*, ch. 6; Revelle & Zinbarg 2009):
/// `omega = 1 - sum(u_i) / sum(R)`, with R the correlation matrix, `u_i`
/// the uniquenesses of its one-factor minres solution and `sum(R)` the sum
/// of every entry of R (the variance of the standardized total). For items
/// that all load positively this is `psych::omega(x, nfactors = 1)$omega.tot`;
/// a negative loading is kept as it is (psych would reverse the item).
///
/// `None` below 3 items or 3 respondents, when an item has no variance,
/// or when the one-factor solution does not exist.
pub fn omega_from_covariance(cov: &[Vec<f64>], n: usize) -> Option<f64> {
    let k = cov.len();
    if n < 3 || k < 3 || cov.iter().any(|row| row.len() != k) {
        return None;
    }
    if (0..k).any(|i| cov[i][i] <= 0.0 || !cov[i][i].is_finite()) {
        return None;
    }
    let r: Vec<Vec<f64>> = (0..k)
        .map(|i| {
            (0..k)
                .map(|j| match i == j {
                    true => 1.0,
                    false => (cov[i][j] / (cov[i][i] * cov[j][j]).sqrt()).clamp(-1.0, 1.0),
                })
                .collect()
        })
        .collect();
    let total: f64 = r.iter().flatten().sum();
    let fit = one_factor_minres(&r)?;
    let omega = 1.0 - fit.uniquenesses.iter().sum::<f64>() / total;
    (total > 1e-12 && omega.is_finite()).then_some(omega)
}

/// Squared multiple correlations `1 - 1 / (r^-1)_ii`, clamped to
/// [0, 0.995]; each item's largest absolute correlation with another
/// when r cannot be inverted.
fn start_communalities(r: &[Vec<f64>]) -> Vec<f64> {
    let k = r.len();
    let smc = inverse(r).map(|inv| {
        (0..k)
            .map(|i| (1.0 - 1.0 / inv[i][i]).clamp(0.0, MAX_COMMUNALITY))
            .collect::<Vec<f64>>()
    });
    match smc {
        Some(s) if s.iter().all(|v| v.is_finite()) => s,
        _ => (0..k)
            .map(|i| {
                (0..k)
                    .filter(|j| *j != i)
                    .map(|j| r[i][j].abs())
                    .fold(0.0, f64::max)
                    .min(MAX_COMMUNALITY)
            })
            .collect(),
    }
}

/// Gauss-Jordan inverse with partial pivoting; `None` when a pivot is
/// below 1e-12 (a singular matrix, e.g. two identical items).
fn inverse(a: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let k = a.len();
    let mut m: Vec<Vec<f64>> = (0..k)
        .map(|i| {
            let mut row = a[i].clone();
            row.extend((0..k).map(|j| f64::from(u8::from(i == j))));
            row
        })
        .collect();
    for col in 0..k {
        let pivot = (col..k).max_by(|x, y| m[*x][col].abs().total_cmp(&m[*y][col].abs()))?;
        if m[pivot][col].abs() < 1e-12 {
            return None;
        }
        m.swap(col, pivot);
        let p = m[col][col];
        m[col].iter_mut().for_each(|v| *v /= p);
        for row in 0..k {
            if row != col {
                let f = m[row][col];
                let pivot_row = m[col].clone();
                m[row]
                    .iter_mut()
                    .zip(&pivot_row)
                    .for_each(|(v, q)| *v -= f * q);
            }
        }
    }
    Some(m.into_iter().map(|row| row[k..].to_vec()).collect())
}

/// The largest eigenvalue of a symmetric matrix and its unit eigenvector,
/// by cyclic Jacobi rotations (Golub & Van Loan, *Matrix Computations*,
/// 4th ed., algorithm 8.5.3) until the off-diagonal mass is below 1e-30 of
/// the whole. The rotations start from `basis`, orthonormal columns (the
/// identity, or the eigenvectors of a nearby matrix): `a` is first turned
/// into that basis (V^T A V), which is then nearly diagonal and takes a
/// sweep or two instead of six. `basis` ends as `a`'s eigenvectors.
fn largest_eigenpair(a: &[Vec<f64>], basis: &mut [Vec<f64>]) -> (f64, Vec<f64>) {
    let k = a.len();
    let av: Vec<Vec<f64>> = (0..k)
        .map(|i| {
            (0..k)
                .map(|j| (0..k).map(|m| a[i][m] * basis[m][j]).sum())
                .collect()
        })
        .collect();
    let mut b: Vec<Vec<f64>> = (0..k)
        .map(|i| {
            (0..k)
                .map(|j| (0..k).map(|m| basis[m][i] * av[m][j]).sum())
                .collect()
        })
        .collect();
    let norm: f64 = b.iter().flatten().map(|x| x * x).sum();
    for _sweep in 0..100 {
        let off: f64 = (0..k)
            .flat_map(|i| (0..k).filter(move |j| *j != i).map(move |j| (i, j)))
            .map(|(i, j)| b[i][j] * b[i][j])
            .sum();
        if off <= 1e-30 * norm.max(f64::MIN_POSITIVE) {
            break;
        }
        for p in 0..k {
            for q in (p + 1)..k {
                rotate(&mut b, basis, p, q);
            }
        }
    }
    let top = (0..k)
        .max_by(|x, y| b[*x][*x].total_cmp(&b[*y][*y]))
        .unwrap_or(0);
    let vector = (0..k).map(|i| basis[i][top]).collect();
    (b[top][top], vector)
}

/// The k x k identity matrix.
fn identity(k: usize) -> Vec<Vec<f64>> {
    (0..k)
        .map(|i| (0..k).map(|j| f64::from(u8::from(i == j))).collect())
        .collect()
}

/// One Jacobi rotation zeroing `a[p][q]`, accumulated into the columns of `v`.
fn rotate(a: &mut [Vec<f64>], v: &mut [Vec<f64>], p: usize, q: usize) {
    if a[p][q] == 0.0 {
        return;
    }
    let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
    // signum(0) is 1: a 45-degree turn when the diagonal entries are equal.
    let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
    let c = 1.0 / (t * t + 1.0).sqrt();
    let s = t * c;
    let turn = |x: &mut f64, y: &mut f64| {
        let (xp, yq) = (*x, *y);
        *x = c * xp - s * yq;
        *y = s * xp + c * yq;
    };
    // Columns p and q of A and of V, then rows p and q of A (p < q).
    for row in a.iter_mut().chain(v.iter_mut()) {
        let (mut x, mut y) = (row[p], row[q]);
        turn(&mut x, &mut y);
        (row[p], row[q]) = (x, y);
    }
    let (upper, lower) = a.split_at_mut(q);
    for (x, y) in upper[p].iter_mut().zip(lower[0].iter_mut()) {
        turn(x, y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::stats::{close, covariance_matrix};

    /// 16 respondents x 4 items on a 1-4 scale (item-major), made in R 4.2
    /// with psych 2.2.9 as one common factor plus noise, rounded:
    ///   set.seed(20261205); n <- 16; f <- rnorm(n)
    ///   mk <- function(l) pmin(4, pmax(1, round(2.5 + l * f + rnorm(n, sd = 0.8))))
    ///   x <- cbind(i1 = mk(0.9), i2 = mk(0.7), i3 = mk(0.8), i4 = mk(0.5)); t(x)
    fn items() -> Vec<Vec<f64>> {
        [
            [1, 3, 2, 3, 1, 2, 4, 4, 3, 2, 3, 2, 1, 4, 4, 4],
            [2, 4, 3, 4, 3, 3, 2, 4, 2, 3, 4, 2, 2, 4, 3, 4],
            [2, 4, 2, 3, 1, 4, 3, 4, 3, 3, 3, 2, 2, 4, 4, 3],
            [3, 3, 2, 4, 1, 1, 2, 4, 3, 3, 4, 3, 1, 1, 4, 3],
        ]
        .iter()
        .map(|row| row.iter().map(|v| f64::from(*v)).collect())
        .collect()
    }

    fn correlation(items: &[Vec<f64>]) -> Vec<Vec<f64>> {
        let cov = covariance_matrix(items).unwrap();
        let k = cov.len();
        (0..k)
            .map(|i| {
                (0..k)
                    .map(|j| cov[i][j] / (cov[i][i] * cov[j][j]).sqrt())
                    .collect()
            })
            .collect()
    }

    fn assert_all_close(got: &[f64], want: &[f64], tol: f64) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!(close(*g, *w, tol), "{got:?} against {want:?}");
        }
    }

    /// R 4.2.2, psych 2.2.9. psych's minres stops where `optim` is content:
    ///   fx <- fa(x, nfactors = 1, fm = "minres")
    ///   fx$uniquenesses  0.1982730314 0.6364765112 0.3470560117 0.8137950650
    ///   fx$loadings[, 1] 0.8953920754 0.6029290910 0.8080494962 0.4315146985
    ///   omega(x, nfactors = 1, plot = FALSE)$omega.tot  0.7899310534
    /// Principal axes iterated to convergence reach the minimum itself (its
    /// sum of squared off-diagonal residuals is 0.0157716586680874 against
    /// minres' 0.0157716589469855), which is where peil stops too:
    ///   fp <- fa(x, nfactors = 1, fm = "pa", min.err = 1e-14, max.iter = 100000)
    ///   fp$uniquenesses  0.198265370981 0.636487060553 0.347046296100 0.813795412675
    ///   fp$loadings[, 1] 0.895396353030 0.602920342539 0.808055507932 0.431514295621
    ///   1 - sum(fp$uniquenesses) / sum(cor(x))   0.789931735442
    #[test]
    fn minres_and_omega_match_psych_for_positive_loadings() {
        let fit = one_factor_minres(&correlation(&items())).unwrap();
        let u = [
            0.198_265_370_981,
            0.636_487_060_553,
            0.347_046_296_100,
            0.813_795_412_675,
        ];
        assert_all_close(&fit.uniquenesses, &u, 1e-9);
        let l = [
            0.895_396_353_030,
            0.602_920_342_539,
            0.808_055_507_932,
            0.431_514_295_621,
        ];
        assert_all_close(&fit.loadings, &l, 1e-9);
        let psych_minres = [
            0.198_273_031_4,
            0.636_476_511_2,
            0.347_056_011_7,
            0.813_795_065_0,
        ];
        assert_all_close(&fit.uniquenesses, &psych_minres, 1e-4);
        let cov = covariance_matrix(&items()).unwrap();
        let omega = omega_from_covariance(&cov, 16).unwrap();
        assert!(close(omega, 0.789_931_735_442, 1e-9), "{omega}");
        assert!(close(omega, 0.789_931_053_4, 1e-5), "omega.tot: {omega}");
    }

    /// The fourth item reversed (5 - x): a negative loading, kept as it is.
    /// R: y <- cbind(x[, 1:3], i4r = 5 - x[, 4])
    ///   fq <- fa(y, nfactors = 1, fm = "pa", min.err = 1e-14, max.iter = 100000)
    ///   fq$loadings[, 1]  0.895396353030 0.602920342539 0.808055507932 -0.431514295621
    ///   1 - sum(fq$uniquenesses) / sum(cor(y))   0.636700319084
    /// (fm = "minres": the same to 1e-5, 0.6366991396; psych::omega would
    /// reverse the item again and give 0.7899.)
    #[test]
    fn a_negative_loading_is_kept_as_it_is() {
        let mut y = items();
        y[3].iter_mut().for_each(|v| *v = 5.0 - *v);
        let fit = one_factor_minres(&correlation(&y)).unwrap();
        let l = [
            0.895_396_353_030,
            0.602_920_342_539,
            0.808_055_507_932,
            -0.431_514_295_621,
        ];
        assert_all_close(&fit.loadings, &l, 1e-9);
        let omega = omega_from_covariance(&covariance_matrix(&y).unwrap(), 16).unwrap();
        assert!(close(omega, 0.636_700_319_084, 1e-9), "{omega}");
        assert!(close(omega, 0.636_699_139_6, 1e-5), "minres: {omega}");
    }

    /// A Heywood case: item 1 would need a communality of 1.098.
    /// R: r <- matrix(c(1, .8, .8, .5,  .8, 1, .4, .3,  .8, .4, 1, .3,  .5, .3, .3, 1), 4)
    ///   fr <- fa(r, nfactors = 1, fm = "minres", n.obs = 100)
    ///   "An ultra-Heywood case was detected"
    ///   fr$loadings[, 1]  1.0478820409 0.6964937832 0.6964937832 0.4556565692
    ///   fr$uniquenesses  -0.09805677158 0.51489640998 0.51489640998 0.79237709092
    /// psych's minimiser holds item 1's uniqueness at its bound 0.005 (the
    /// loadings are those of that fit) but prints 1 - l^2. The same
    /// bounded problem minimised to the end, with psych's objective:
    ///   load_of <- function(psi) { s <- r; diag(s) <- 1 - psi
    ///     e <- eigen(s, symmetric = TRUE); e$vectors[, 1] * sqrt(max(e$values[1], 0)) }
    ///   obj <- function(psi) { s <- r; diag(s) <- 1 - psi; l <- load_of(psi)
    ///     sum((s - l %*% t(l))^2) }
    ///   o <- optim(rep(0.5, 4), obj, method = "L-BFGS-B", lower = 0.005, upper = 1,
    ///              control = list(factr = 1, pgtol = 0, maxit = 10000))
    ///   o$par          0.005000000000 0.510540391504 0.510540391504 0.793342754854
    ///   load_of(o$par) 1.046832056854 0.699613858653 0.699613858653 0.454595653810
    ///   (objective 0.0469340605910920; psych's fit 0.0469602258407958)
    /// peil keeps the bound as the uniqueness, as docs/reference.md says.
    #[test]
    fn a_heywood_case_is_held_at_the_bound_as_psych_fits_it() {
        let r = vec![
            vec![1.0, 0.8, 0.8, 0.5],
            vec![0.8, 1.0, 0.4, 0.3],
            vec![0.8, 0.4, 1.0, 0.3],
            vec![0.5, 0.3, 0.3, 1.0],
        ];
        let fit = one_factor_minres(&r).unwrap();
        let l = [
            1.046_832_056_854,
            0.699_613_858_653,
            0.699_613_858_653,
            0.454_595_653_810,
        ];
        assert_all_close(&fit.loadings, &l, 1e-7);
        let u = [
            0.005,
            0.510_540_391_504,
            0.510_540_391_504,
            0.793_342_754_854,
        ];
        assert_all_close(&fit.uniquenesses, &u, 1e-7);
        let psych = [
            1.047_882_040_9,
            0.696_493_783_2,
            0.696_493_783_2,
            0.455_656_569_2,
        ];
        assert_all_close(&fit.loadings, &psych, 5e-3);
        // sum(r) = 4 + 2 * (0.8 + 0.8 + 0.5 + 0.4 + 0.3 + 0.3) = 10.2
        let omega = omega_from_covariance(&r, 100).unwrap();
        assert!(
            close(omega, 1.0 - u.iter().sum::<f64>() / 10.2, 1e-7),
            "{omega}"
        );
    }

    /// Items that are one factor without noise (x_i = a_i f + b_i) are
    /// perfectly correlated: every communality reaches its bound 0.995, so
    /// omega is 1 - 3 * 0.005 / 9 = 0.99833..., 1 within the bound.
    #[test]
    fn omega_of_a_noiseless_one_factor_model_is_one_within_the_bound() {
        let f = [1.0, 2.0, 4.0, 3.0, 1.0, 2.0, 4.0];
        let items: Vec<Vec<f64>> = [(1.0, 0.0), (2.0, -1.0), (0.5, 3.0)]
            .iter()
            .map(|(a, b)| f.iter().map(|x| a * x + b).collect())
            .collect();
        let omega = omega_from_covariance(&covariance_matrix(&items).unwrap(), 7).unwrap();
        assert!(close(omega, 1.0 - 0.015 / 9.0, 1e-9), "{omega}");
    }

    #[test]
    fn omega_is_empty_where_it_is_undefined() {
        let x = items();
        let cov = covariance_matrix(&x).unwrap();
        assert_eq!(omega_from_covariance(&cov, 2), None, "n < 3");
        let three: Vec<Vec<f64>> = cov[..2].iter().map(|r| r[..2].to_vec()).collect();
        assert_eq!(omega_from_covariance(&three, 16), None, "2 items");
        let mut flat = x.clone();
        flat[2] = vec![3.0; 16];
        let cov = covariance_matrix(&flat).unwrap();
        assert_eq!(
            omega_from_covariance(&cov, 16),
            None,
            "an item without variance"
        );
    }

    /// The Jacobi eigenpair of a matrix with known eigenvalues 4, 1, 1
    /// (J + I for the 3 x 3 all-ones J): 4 with (1, 1, 1) / sqrt(3).
    #[test]
    fn the_largest_eigenpair_is_found() {
        let a = vec![
            vec![2.0, 1.0, 1.0],
            vec![1.0, 2.0, 1.0],
            vec![1.0, 1.0, 2.0],
        ];
        let (lambda, v) = largest_eigenpair(&a, &mut identity(3));
        assert!(close(lambda, 4.0, 1e-12), "{lambda} {v:?}");
        let s = v[0].signum();
        assert_all_close(
            &v.iter().map(|x| x * s).collect::<Vec<_>>(),
            &[3f64.sqrt().recip(); 3],
            1e-12,
        );
    }
}
