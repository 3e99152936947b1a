//! Every output column, declared once: its machine name (CSV and Markdown
//! headers), its kind (how a number is rounded and formatted), its header
//! for people in Dutch and English (report, report.docx, summary.xlsx) and
//! what it holds, in one line. `docs/reference.md`'s column list is made
//! from [`CATALOG`] and a test keeps the two equal.
//!
//! Owns the names and words only. Which table has which columns, and how a
//! column is read from its row, is each table's file (`scores`, `compare`,
//! ...), which pairs a [`Header`] from here with a getter in one
//! [`super::table::Column`]. It must not compute or look at a row.

use std::borrow::Cow;

use crate::codebook::Language;
/// How a column's numbers are shown in Markdown (CSV always has 6 decimals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Count,
    Flag,
    /// On the rating scale: one decimal.
    Mean,
    /// A share: whole percent.
    Share,
    /// Another statistic (sd, kappa, alpha): two decimals.
    Stat,
    /// A p-value: three decimals, `<0.001` below that.
    P,
    /// A rank statistic (Mann-Whitney U): whole, or a half.
    Half,
}

impl Kind {
    /// How the report shows it, for `docs/reference.md`.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Count => "count",
            Kind::Flag => "true/false",
            Kind::Mean => "on the scale (1 decimal)",
            Kind::Share => "share (whole %)",
            Kind::Stat => "statistic (2 decimals)",
            Kind::P => "p-value (3 decimals)",
            Kind::Half => "whole or .5",
        }
    }
}

/// A column's name, kind and words.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The machine name: CSV and Markdown headers, what scripts read.
    pub name: Cow<'static, str>,
    pub kind: Kind,
    /// The header people read, Dutch then English.
    pub words: [Cow<'static, str>; 2],
    /// What the column holds, for `docs/reference.md`.
    pub about: &'static str,
    /// The `[rules]` thresholds its figures are compared with (in the
    /// column's own unit): shown with the decimals it takes to stay on the
    /// same side of each (docs/reference.md, "Report rounding").
    pub against: Cow<'static, [f64]>,
}

impl Header {
    const fn of(
        name: &'static str,
        kind: Kind,
        nl: &'static str,
        en: &'static str,
        about: &'static str,
    ) -> Header {
        Header {
            name: Cow::Borrowed(name),
            kind,
            words: [Cow::Borrowed(nl), Cow::Borrowed(en)],
            about,
            against: Cow::Borrowed(&[]),
        }
    }

    /// This column, its figures compared with `thresholds`.
    pub fn against(self, thresholds: Vec<f64>) -> Header {
        Header {
            against: Cow::Owned(thresholds),
            ..self
        }
    }

    /// This column headed with `other`'s words (the comparison's `id` is
    /// an area in one table and an item in the other).
    pub fn worded_as(self, other: &Header) -> Header {
        Header {
            words: other.words.clone(),
            ..self
        }
    }

    /// The header in the language.
    pub fn words(&self, lang: Language) -> &str {
        match lang {
            Language::Nl => &self.words[0],
            Language::En => &self.words[1],
        }
    }
}

/// `n_<value>`: how many valid ratings had this scale value, headed for
/// people by the value's answer label (`n(3)` without one).
pub fn n_value(value: i64, label: Option<&str>) -> Header {
    let head = label.map_or_else(|| format!("n({value})"), |l| format!("n {l}"));
    Header {
        name: Cow::Owned(format!("n_{value}")),
        kind: Kind::Count,
        words: [Cow::Owned(head.clone()), Cow::Owned(head)],
        about: N_VALUE.about,
        against: Cow::Borrowed(&[]),
    }
}

/// The catalog's stand-in for every `n_<value>` column.
pub const N_VALUE: Header = Header::of(
    "n_<value>",
    Kind::Count,
    "n <answer label>",
    "n <answer label>",
    "valid ratings with this scale value (`n_1` .. `n_4` on a 1-4 scale); empty when suppressed",
);

macro_rules! headers {
    ($($id:ident = $name:literal, $kind:ident, $nl:literal, $en:literal, $about:literal;)*) => {
        $(pub const $id: Header = Header::of($name, Kind::$kind, $nl, $en, $about);)*
        /// Every column peil writes, in the order of `docs/reference.md`.
        pub const CATALOG: &[&Header] = &[$(&$id,)* &N_VALUE];
    };
}

headers! {
    MEASURE = "measure", Text, "Maat", "Measure", "the measure's id (`[[measures]]`)";
    AREA = "area", Text, "Gebied", "Area", "the competency area's id (`[[areas]]`)";
    ITEM = "item", Text, "Item", "Item", "the item's id (`[[items]]`)";
    DIMENSION = "dimension", Text, "Dimensie", "Dimension", "the item's dimension, if the codebook gives one";
    GROUP = "group", Text, "Groep", "Group", "the stakeholder group (or breakdown value); `ALL` for all respondents";
    RESPONDENTS = "respondents", Count, "Respondenten", "Respondents", "rows used: respondents after the ledger's exclusions";
    INSTITUTIONS = "institutions", Count, "Instellingen", "Institutions", "distinct non-empty institution values";
    ANSWERED = "answered", Count, "Gaven antwoord", "Answered", "respondents with at least one valid rating";
    COMPLETE = "complete", Count, "Volledig ingevuld", "Complete", "respondents who rated every item on every measure";
    N = "n", Count, "n", "n", "item: valid ratings; area: respondents with an area score (rated at least `min_answered` of the area's items)";
    MEAN = "mean", Mean, "Gemiddelde", "Mean", "mean of the valid ratings (item) or of the respondents' area scores (area); weighted with `[weights]`";
    SD = "sd", Stat, "SD", "SD", "sample standard deviation (n - 1); empty below n = 2";
    CI_LOW = "ci_low", Mean, "95%-interval, onder", "95% interval, low", "lower end of the 95% interval of the mean, mean - t(0.975, n-1) * sd / sqrt(n)";
    CI_HIGH = "ci_high", Mean, "95%-interval, boven", "95% interval, high", "upper end of the 95% interval of the mean";
    MEDIAN = "median", Mean, "Mediaan", "Median", "median (mean of the middle two for an even n; weighted: where the cumulative weight share reaches 0.5)";
    PCT_AGREE = "pct_agree", Share, "Instemming", "Agreement", "share of valid ratings above the scale midpoint (3 or 4 on 1-4): the I-CVI; an area pools its items' ratings";
    KAPPA_STAR = "kappa_star", Stat, "Gemodificeerde kappa (k*)", "Modified kappa (k*)", "modified kappa: (I-CVI - pc) / (1 - pc), pc = C(n, a) * 0.5^n";
    N_MISSING = "n_missing", Count, "Ontbrekend", "Missing", "cells holding a missing code (`[scale] missing`)";
    DECISION = "decision", Text, "Besluit", "Decision", "`keep`, `reword` or `drop`, from `[rules]`; empty when suppressed";
    SUPPRESSED = "suppressed", Flag, "Verborgen (kleine groep)", "Hidden (small group)", "`true` when the group is below `min_cell` (or hidden to protect one): only `n` is shown";
    CONTESTED = "contested", Text, "Groepen met een ander besluit", "Groups deciding otherwise", "`ALL` rows: the groups, `;`-separated, whose own decision differs";
    RULE = "rule", Text, "Regel", "Rule", "the rule that gave the decision, in words";
    AIKEN_V = "aiken_v", Stat, "Aikens V", "Aiken's V", "Aiken's V, (mean - min) / (max - min)";
    AIKEN_CI_LOW = "aiken_ci_low", Stat, "Aikens V 95%-interval, onder", "Aiken's V 95% interval, low", "lower end of Aiken's V's 95% score interval (Penfield & Giacobbi 2004)";
    AIKEN_CI_HIGH = "aiken_ci_high", Stat, "Aikens V 95%-interval, boven", "Aiken's V 95% interval, high", "upper end of Aiken's V's 95% score interval";
    CVR = "cvr", Stat, "CVR (Lawshe)", "CVR (Lawshe)", "Lawshe's content validity ratio, (a - n/2) / (n/2), essential = above the midpoint";
    CVR_CRITICAL = "cvr_critical", Stat, "Kritieke CVR", "Critical CVR", "the exact one-tailed binomial critical CVR at alpha 0.05 for this n (Ayre & Scally 2014)";
    IQR = "iqr", Stat, "Interkwartielafstand", "Interquartile range", "interquartile range of the valid ratings (R `IQR`, type 7)";
    CONSENSUS = "consensus", Text, "Consensus", "Consensus", "`yes` when pct_agree >= consensus_min_agree and iqr <= consensus_max_iqr";
    REVERSED = "reversed", Flag, "Omgekeerd gescoord", "Scored reversed", "`true` for a reverse-keyed item (scored min + max - x); only when some item is";
    N_EFF = "n_eff", Stat, "Effectieve n", "Effective n", "with `[weights]`: Kish's effective sample size, (sum w)^2 / sum w^2";
    S_CVI_AVE = "s_cvi_ave", Share, "S-CVI/Ave", "S-CVI/Ave", "scale CVI, average: the mean of the area's items' I-CVI";
    S_CVI_UA = "s_cvi_ua", Share, "S-CVI/UA", "S-CVI/UA", "scale CVI, universal agreement: share of the area's items with I-CVI = 1";
    K_ITEMS = "k_items", Count, "Items", "Items", "items in the area";
    N_COMPLETE = "n_complete", Count, "Volledig beoordeeld", "Rated every item", "respondents who rated every item of the area (the reliability's respondents)";
    ALPHA = "alpha", Stat, "Alfa", "Alpha", "Cronbach's alpha, k/(k-1) * (1 - sum(var_i)/var_total)";
    ALPHA_STD = "alpha_std", Stat, "Gestandaardiseerde alfa", "Standardized alpha", "standardized alpha, k*r / (1 + (k-1)*r), r the mean inter-item correlation";
    ALPHA_CI_LOW = "alpha_ci_low", Stat, "Alfa 95%-interval, onder", "Alpha 95% interval, low", "lower end of alpha's Feldt 95% interval";
    ALPHA_CI_HIGH = "alpha_ci_high", Stat, "Alfa 95%-interval, boven", "Alpha 95% interval, high", "upper end of alpha's Feldt 95% interval";
    OMEGA = "omega", Stat, "Omega (McDonald)", "McDonald's omega", "McDonald's omega total, 1 - sum(u_i) / sum(R), from the one-factor minimum-residual fit of the items' correlation matrix R (as R `psych::fa`, fm = \"minres\"); empty below 3 items or 3 complete respondents, or when an item has no variance";
    ITEM_REST_R = "item_rest_r", Stat, "Item-restcorrelatie", "Item-rest correlation", "corrected item-rest correlation";
    ALPHA_IF_DELETED = "alpha_if_deleted", Stat, "Alfa zonder dit item", "Alpha if deleted", "the area's alpha without this item";
    GROUPS = "groups", Text, "Groepen", "Groups", "the groups with n >= min_cell that the test compares, `;`-separated";
    H = "h", Stat, "H", "H", "Kruskal-Wallis H on the respondents' area scores, tie-corrected";
    DF = "df", Count, "vg", "df", "degrees of freedom: groups - 1";
    P = "p", P, "p", "p", "two-sided p-value (group tests: chi-square; comparison: Mann-Whitney U, normal approximation)";
    P_HOLM = "p_holm", P, "p (Holm)", "p (Holm)", "p after Holm's correction over the areas of a measure (group tests) or the rows of one measure and group in one table (comparison), as R `p.adjust`";
    EPSILON_SQ = "epsilon_sq", Stat, "ε²", "ε²", "effect size epsilon squared, H / (n - 1)";
    THEME = "theme", Text, "Thema", "Theme", "the statement's theme code";
    DOMAIN = "domain", Text, "Domein", "Domain", "the statement's domain code";
    STANCE = "stance", Text, "Standpunt", "Stance", "the statement's stance code";
    STATEMENTS = "statements", Count, "Uitspraken", "Statements", "coded statements (coding_agreement: the statements both coders coded, or for the all-coders row at least two)";
    FIELD = "field", Text, "Gecodeerd veld", "Coded field", "what was coded: `theme`, `domain` or `stance`";
    CODERS = "coders", Text, "Codeurs", "Coders", "two coders, or every coder for the row over all of them (the last of its field), `;`-separated in order of first appearance";
    PCT_AGREEMENT = "pct_agreement", Share, "Overeenstemming", "Agreement", "share of the statements (all coders: of the pairs of codes within a statement) on which the coders gave the same code";
    COHEN_KAPPA = "cohen_kappa", Stat, "Kappa (Cohen)", "Cohen's kappa", "Cohen's kappa of two coders, (p_o - p_e) / (1 - p_e), as R `psych::cohen.kappa` (unweighted)";
    KRIPPENDORFF_ALPHA = "krippendorff_alpha", Stat, "Alfa (Krippendorff)", "Krippendorff's alpha", "Krippendorff's alpha for nominal data over every coder, missing codings allowed (Krippendorff 2011); on the all-coders row";
    STATEMENT = "statement", Text, "Uitspraak", "Statement", "a quoted statement, scrubbed of e-mail addresses and phone numbers";
    SESSIONS = "sessions", Count, "Sessies", "Sessions", "distinct sessions";
    PARTICIPANTS = "participants", Count, "Deelnemers", "Participants", "people of the group, summed over its distinct sessions";
    ABOUT = "about", Text, "Over", "About", "the area or item id a comment is about; empty for general remarks";
    COMMENT = "comment", Text, "Opmerking", "Comment", "an open answer, scrubbed like consultation statements";
    FILE = "file", Text, "Bestand", "File", "the input file, relative to the study folder";
    ROWS_READ = "rows_read", Count, "Rijen gelezen", "Rows read", "data rows read from the file";
    ROWS_USED = "rows_used", Count, "Rijen gebruikt", "Rows used", "rows used (rows_read = rows_used + rows_excluded)";
    ROWS_EXCLUDED = "rows_excluded", Count, "Rijen uitgesloten", "Rows excluded", "rows set aside whole";
    REASON = "reason", Text, "Reden", "Reason", "why a row or cell was set aside (`total` on a file's summary row)";
    CELLS_INVALID = "cells_invalid", Count, "Ongeldige cellen", "Invalid cells", "cells that are not a valid rating nor a missing code";
    CELLS_MISSING = "cells_missing", Count, "Ontbrekende cellen", "Missing cells", "cells holding a missing code";
    LINE = "line", Count, "Regel", "Line", "the line in the file (the header is line 1)";
    COLUMN = "column", Text, "Kolom", "Column", "the export column (data_quality), or the table column of a published figure (published)";
    VALUE = "value", Text, "Waarde", "Value", "the cell as read";
    TABLE = "table", Text, "Tabel", "Table", "the table of a published figure (`by-<slug>/<table>` for a breakdown's)";
    WHERE = "where", Text, "Rij", "Row", "the key columns of the figure's row, `key=value` joined by `;`";
    PUBLISHED = "published", Text, "Gepubliceerd", "Published", "the figure as printed";
    COMPUTED = "computed", Stat, "Berekend", "Computed", "the figure as in its table (a share, not times 100); empty on a suppressed row";
    REPRODUCED = "reproduced", Text, "Gereproduceerd", "Reproduced", "`yes`, `no`, or `hidden` (a suppressed row: nothing is said about it)";
    SOURCE = "source", Text, "Bron", "Source", "where the figure was printed";
    ENTRIES = "entries", Count, "Aantal", "Number", "ledger entries of this reason and column";
    FIRST_LINES = "first_lines", Text, "Eerste regels", "First lines", "the lines of the first few entries";
    ID = "id", Text, "Gebied of item", "Area or item", "the area id, or the item id in the later round (the earlier one for a dropped item)";
    MEAN_FROM = "mean_from", Mean, "Gemiddelde (vóór)", "Mean (before)", "the mean in the earlier round";
    MEAN_TO = "mean_to", Mean, "Gemiddelde (na)", "Mean (after)", "the mean in the later round";
    DELTA = "delta", Mean, "Verschil", "Difference", "mean_to - mean_from, from the exact means";
    N_FROM = "n_from", Count, "n (vóór)", "n (before)", "n in the earlier round";
    N_TO = "n_to", Count, "n (na)", "n (after)", "n in the later round";
    U = "u", Half, "U", "U", "Mann-Whitney U of the later round's ratings or area scores against the earlier's";
    DECISION_FROM = "decision_from", Text, "Besluit (vóór)", "Decision (before)", "the decision in the earlier round";
    DECISION_TO = "decision_to", Text, "Besluit (na)", "Decision (after)", "the decision in the later round";
    STATUS = "status", Text, "Status", "Status", "the wording: `same`, `reworded`, `new` or `dropped`";
    ID_FROM = "id_from", Text, "Item (vóór)", "Item (before)", "the item's id in the earlier round, when it differs (through `previous`)";
    N_PAIRED = "n_paired", Count, "n in beide rondes", "n in both rounds", "panel: respondents scored in both rounds";
    CHANGED = "changed", Share, "Aandeel veranderd", "Share changed", "panel: share of them whose scored rating or area score changed";
    V_PAIRED = "v_paired", Stat, "V (gepaard)", "V (paired)", "panel: Wilcoxon signed-rank V (R `wilcox.test(paired = TRUE, correct = TRUE)`)";
    P_PAIRED = "p_paired", P, "p (gepaard)", "p (paired)", "panel: its two-sided p-value, normal approximation";
}

/// The catalog entry of a machine name (`n_3` is [`N_VALUE`]).
pub fn find(name: &str) -> Option<&'static Header> {
    let numbered = name
        .strip_prefix("n_")
        .is_some_and(|v| v.parse::<i64>().is_ok());
    let name = if numbered { "n_<value>" } else { name };
    CATALOG.iter().copied().find(|h| h.name == name)
}

/// The column list of `docs/reference.md`, made from [`CATALOG`].
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "| column | shown as (nl) | shown as (en) | kind | what it holds |\n|---|---|---|---|---|\n",
    );
    for h in CATALOG {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            h.name,
            h.words[0],
            h.words[1],
            h.kind.describe(),
            h.about
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_declared_once() {
        let mut names: Vec<&str> = CATALOG.iter().map(|h| h.name.as_ref()).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "a column name declared twice");
    }

    #[test]
    fn a_numbered_count_column_is_n_value() {
        assert_eq!(find("n_3"), Some(&N_VALUE));
        assert_eq!(n_value(3, None).words(Language::Nl), "n(3)");
        assert_eq!(n_value(3, Some("eens")).words(Language::Nl), "n eens");
        assert_eq!(find("n_missing"), Some(&N_MISSING));
        assert_eq!(find("nope"), None);
    }

    /// `docs/reference.md` holds [`reference_markdown`] between its two
    /// markers. `PEIL_BLESS=1` writes it there.
    #[test]
    fn the_reference_lists_the_catalog() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/reference.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let (begin, end) = ("<!-- columns:begin -->\n", "<!-- columns:end -->");
        let start = text.find(begin).expect("begin marker") + begin.len();
        let stop = text.find(end).expect("end marker");
        let want = reference_markdown();
        if std::env::var_os("PEIL_BLESS").is_some() {
            let new = format!("{}{want}{}", &text[..start], &text[stop..]);
            std::fs::write(&path, new).unwrap();
            return;
        }
        assert_eq!(
            &text[start..stop],
            want,
            "docs/reference.md's column list differs from the catalog: run PEIL_BLESS=1 cargo test --release --lib reference"
        );
    }
}
