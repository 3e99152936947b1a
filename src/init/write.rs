//! Writing the draft: `study.toml` text from the guesses, every guess with
//! a `# check:` comment and every area label left empty, so the draft does
//! not validate until a person has looked at it.
//!
//! Owns the TOML text, byte for byte (tests/init.rs snapshots it). It must
//! not guess anything: every value comes from the `Draft`, the `Export` or
//! the `RoundDraft`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::draft::{Draft, GroupDraft, PerRound};
use super::export::{Export, RoundDraft};
use super::scale::{Origin, ScaleGuess};

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it may be, quoted otherwise.
fn key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        s.to_string()
    } else {
        q(s)
    }
}

fn list(items: &[String]) -> String {
    format!(
        "[{}]",
        items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ")
    )
}

fn seen(values: &[(String, usize)]) -> String {
    values
        .iter()
        .map(|(v, n)| format!("{v:?} {n}x"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Draft {
    /// Round `k`'s id (0-based `k`) in the draft's language: `ronde-1`,
    /// `ronde-2`, ... or `round-1`, ... (the report shows it as "Ronde 1"
    /// or "Round 1").
    pub(super) fn round_id(&self, k: usize) -> String {
        let word = if self.language.code == "nl" {
            "ronde"
        } else {
            "round"
        };
        format!("{word}-{}", k + 1)
    }

    /// A column reference: the name when every round has the column under
    /// one name, else a table from round id to name (the rounds that have it).
    fn column_ref(&self, pr: &PerRound) -> String {
        let first = pr.0.first().cloned().flatten();
        if first.is_some() && pr.0.iter().all(|n| *n == first) {
            return q(pr.first());
        }
        let named: Vec<String> = (pr.0.iter().enumerate())
            .filter_map(|(k, n)| Some(format!("{} = {}", self.round_id(k), q(n.as_ref()?))))
            .collect();
        format!("{{ {} }}", named.join(", "))
    }

    pub(super) fn render(&self, exports: &[Export], rounds: &[RoundDraft], name: &str) -> String {
        let mut t = String::new();
        render_head(&mut t, exports, rounds, name);
        self.render_language(&mut t);
        self.render_scale(&mut t);
        self.render_respondents(&mut t);
        self.render_measures(&mut t);
        self.render_areas(&mut t);
        self.render_items(&mut t);
        self.render_other_scales(&mut t);
        self.render_comments(&mut t);
        self.render_rules(&mut t);
        self.render_published(&mut t);
        for (k, round) in rounds.iter().enumerate() {
            render_round(&mut t, round, &self.round_id(k));
        }
        t
    }

    /// The columns on other answer scales, listed for the user to add.
    fn render_other_scales(&self, t: &mut String) {
        if self.other_scales.is_empty() {
            return;
        }
        t.push_str(
            "\n# check: these columns hold answers on another scale than the items' (the export's most\n\
             # common): not taken as items. To analyse one, add an [[items]] entry for it, on a\n\
             # [[measures]] entry of its own with that scale's labels.\n",
        );
        for (what, columns) in &self.other_scales {
            let _ = writeln!(t, "# {what} ({} of them):", columns.len());
            for c in columns {
                let _ = writeln!(t, "#   {}", q(c));
            }
        }
    }

    /// A commented `[[published]]` example: a figure printed in an earlier
    /// report, to be checked at every run.
    fn render_published(&self, t: &mut String) {
        let measure = self.measures.first().map_or("", |m| m.id.as_str());
        let area = self.areas.first().map_or("", |a| a.id.as_str());
        let _ = writeln!(
            t,
            "\n# [[published]]  # optional: a figure as printed in an earlier report, checked at every run\n\
             # round = {}\n# table = \"area_scores\"\n\
             # where = {{ measure = {}, area = {}, group = \"ALL\" }}\n\
             # column = \"mean\"\n# value = \"2,9\"  # as printed",
            q(&self.round_id(0)),
            q(measure),
            q(area)
        );
    }

    /// The language: plain when a known scale decided it, else with the
    /// word vote to check.
    fn render_language(&self, t: &mut String) {
        let l = &self.language;
        match l.votes {
            None => {
                let _ = writeln!(t, "language = {}", q(l.code));
            }
            Some((nl, en)) => {
                let _ = writeln!(
                    t,
                    "language = {}  # check: nl or en, the language of the report; guessed from the words ({nl} Dutch, {en} English)",
                    q(l.code)
                );
            }
        }
    }

    /// Each long free-text column as a `[[comments]]` entry about nothing
    /// in particular, for the user to point at an area or item.
    fn render_comments(&self, t: &mut String) {
        for c in &self.comments {
            let _ = writeln!(
                t,
                "\n[[comments]]\ncolumn = {}  # check: long free text, read as open answers (comments.csv)\n\
                 # about = \"\"  # check: the area or item id it is about; left out: general remarks",
                self.column_ref(c)
            );
        }
    }

    fn render_measures(&self, t: &mut String) {
        for m in &self.measures {
            let _ = writeln!(t, "\n[[measures]]\nid = {}", q(&m.id));
            let why = if m.suffix.is_empty() {
                "one measure: no column-name suffix is shared".to_string()
            } else {
                format!("the {} columns ending in {:?}", m.columns, m.suffix)
            };
            let mut label = if m.suffix.is_empty() {
                "Score"
            } else {
                m.suffix.as_str()
            };
            let mut why = why;
            if let Some((l, w)) = &m.named {
                label = l;
                why = w.clone();
            }
            let _ = writeln!(
                t,
                "label = {}  # check: {why}; the name the report shows",
                q(label)
            );
            if self.own_scales() {
                render_labels_codes(t, &m.scale, true);
            }
        }
    }

    fn render_areas(&self, t: &mut String) {
        for a in &self.areas {
            let n = self
                .items
                .iter()
                .filter(|i| self.areas[i.area].id == a.id)
                .count();
            let why = if a.key.is_empty() {
                format!("all {n} items: no shared prefix found; split them into areas")
            } else {
                let what = if a.coded { "codes" } else { "columns" };
                format!("{n} items whose {what} start with {:?}", a.key)
            };
            let _ = writeln!(t, "\n[[areas]]\nid = {}  # check: {why}", q(&a.id));
            t.push_str("label = \"\"  # check: fill in\n");
        }
    }

    fn render_items(&self, t: &mut String) {
        for it in &self.items {
            let why = if it.text_stated {
                ""
            } else {
                "  # check: the item's wording"
            };
            let _ = writeln!(
                t,
                "\n[[items]]\nid = {}\narea = {}\ntext = {}{why}",
                q(&it.id),
                q(&self.areas[it.area].id),
                q(&it.text)
            );
            if let Some((id, text)) = &it.previous {
                let _ = writeln!(
                    t,
                    "previous = {}  # check: the same code, in other words before: {}",
                    q(id),
                    q(text)
                );
            }
            let cols: Vec<String> = it
                .columns
                .iter()
                .map(|(m, c)| format!("{} = {}", key(&self.measures[*m].id), self.column_ref(c)))
                .collect();
            let _ = writeln!(t, "columns = {{ {} }}", cols.join(", "));
        }
    }

    /// Whether the measures' labels or codes differ: then each measure gets
    /// its own, else the scale holds them.
    fn own_scales(&self) -> bool {
        self.measures
            .windows(2)
            .any(|w| w[0].scale.labels != w[1].scale.labels || w[0].scale.codes != w[1].scale.codes)
    }

    /// What the scale's range rests on when no measure's scale was guessed
    /// from values alone (then no `# check:`): a known scale or the file.
    fn scale_source(&self) -> Option<String> {
        let mut sources: Vec<String> = Vec::new();
        for m in &self.measures {
            let s = match m.scale.origin {
                Origin::Seen => return None,
                Origin::File => "the file's value labels".to_string(),
                Origin::Known { kind, language } => {
                    format!(
                        "the {}-point {kind} scale ({language})",
                        m.scale.labels.len()
                    )
                }
            };
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        (!sources.is_empty()).then(|| sources.join(", "))
    }

    fn render_scale(&self, t: &mut String) {
        let min = self.measures.iter().map(|m| m.scale.min).min().unwrap_or(1);
        let max = self.measures.iter().map(|m| m.scale.max).max().unwrap_or(4);
        let mut rare: Vec<(String, usize)> = Vec::new();
        let mut missing: BTreeMap<String, usize> = BTreeMap::new();
        for m in &self.measures {
            rare.extend(m.scale.rare.iter().cloned());
            for (v, n) in &m.scale.missing {
                *missing.entry(v.clone()).or_default() += n;
            }
        }
        let source = self.scale_source();
        let (min_why, mut max_why) = match &source {
            Some(s) => (s.clone(), s.clone()),
            None => (
                "check: the lowest value seen".to_string(),
                "check: the highest value seen".to_string(),
            ),
        };
        if !rare.is_empty() {
            // Values the data holds off a stated or known scale still need
            // a look: they are slips, or the scale is another.
            let check = if source.is_some() { "check: " } else { "" };
            let _ = write!(
                max_why,
                "; {check}seen but left off the scale (such cells will be invalid): {}",
                seen(&rare)
            );
        }
        let _ = writeln!(
            t,
            "\n[scale]\nmin = {min}  # {min_why}\nmax = {max}  # {max_why}"
        );
        self.render_missing(t, missing);
        if !self.own_scales() {
            if let Some(m) = self.measures.first() {
                render_labels_codes(t, &m.scale, false);
            }
        }
    }

    /// `missing`: what the file declares missing needs no check; codes seen
    /// in the cells do.
    fn render_missing(&self, t: &mut String, missing: BTreeMap<String, usize>) {
        let mut codes: Vec<String> = missing.keys().cloned().collect();
        codes.push(String::new());
        let stated = self.measures.iter().all(|m| m.scale.origin == Origin::File);
        let why = if stated {
            "the file's user-missing values".to_string()
        } else if missing.is_empty() {
            "check: no missing code seen; add texts that mean \"no rating\"".to_string()
        } else {
            format!(
                "check: seen: {}",
                seen(&missing.into_iter().collect::<Vec<_>>())
            )
        };
        let _ = writeln!(
            t,
            "missing = {}  # {why}; an empty cell is always missing",
            list(&codes)
        );
    }

    fn render_respondents(&self, t: &mut String) {
        let r = &self.respondents;
        t.push_str("\n[respondents]\n");
        match &r.id {
            Some(id) => {
                let _ = writeln!(t, "id = {}  # check: {}", q(id), r.id_why);
            }
            None => {
                let _ = writeln!(t, "# check: no id: {}", r.id_why);
            }
        }
        match &r.group {
            Some(g) => {
                let shown: Vec<String> = g.values.iter().take(12).cloned().collect();
                let _ = writeln!(
                    t,
                    "group = {}  # check: the stakeholder group; {} values seen{}",
                    self.column_ref(&g.column),
                    g.values.len(),
                    other_candidates(&r.group_others)
                );
                if let Some(inst) = &r.institution {
                    let _ = writeln!(
                        t,
                        "institution = {}  # check: guessed from its name",
                        self.column_ref(inst)
                    );
                }
                let _ = writeln!(
                    t,
                    "# groups = {}  # check: uncomment to allow only these groups, in this display order",
                    list(&shown)
                );
                // Category columns that lost to the group are what teams
                // break results down by (role, region): offered, not set.
                let cats: Vec<String> = (r.group_others.iter())
                    .filter(|(_, why)| why.is_empty() || *why == "sex or gender")
                    .map(|(name, _)| name.clone())
                    .collect();
                if !cats.is_empty() {
                    let _ = writeln!(
                        t,
                        "# breakdowns = {}  # check: uncomment to analyse these columns like the group too (tables/by-<column>/)",
                        list(&cats)
                    );
                }
                render_recode(t, g, self);
            }
            None => {
                t.push_str("group = \"\"  # check: no column looks like a stakeholder group; name the one there is\n");
            }
        }
    }

    /// Default rules on a 1-4 scale; on another scale the same thresholds
    /// at the same relative places.
    fn render_rules(&self, t: &mut String) {
        let min = self.measures.iter().map(|m| m.scale.min).min().unwrap_or(1) as f64;
        let max = self.measures.iter().map(|m| m.scale.max).max().unwrap_or(4) as f64;
        if (min, max) == (1.0, 4.0) {
            return;
        }
        let at = |x: f64| min + (x - 1.0) / 3.0 * (max - min);
        let _ = writeln!(
            t,
            "\n[rules]  # check: the 1-4 defaults moved to the scale {min}..{max}\n\
             keep_min_mean = {:.2}\ndrop_below_mean = {:.2}",
            at(3.0),
            at(2.5)
        );
    }
}

/// The columns not taken as the group, for the group's check: at most 8,
/// each with why it was passed over.
fn other_candidates(others: &[(String, &str)]) -> String {
    if others.is_empty() {
        return String::new();
    }
    let named: Vec<String> = others
        .iter()
        .take(8)
        .map(|(name, why)| match *why {
            "" => q(name),
            why => format!("{} ({why})", q(name)),
        })
        .collect();
    let more = match others.len().saturating_sub(8) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!("; other columns: {}{more}", named.join(", "))
}

/// The comment at the top and `[study]`.
fn render_head(t: &mut String, exports: &[Export], rounds: &[RoundDraft], name: &str) {
    let read: Vec<String> = exports
        .iter()
        .zip(rounds)
        .map(|(e, r)| {
            format!(
                "{} ({} columns, {} data rows read)",
                r.questionnaire,
                e.columns.len(),
                e.rows
            )
        })
        .collect();
    let _ = writeln!(
        t,
        "# Draft codebook written by `peil init` from {}.\n\
             # Every guess is followed by \"# check:\". Fill in each area's label (peil\n\
             # validate refuses an empty one), read every check, then run peil validate.",
        read.join(" and ")
    );
    let _ = writeln!(
        t,
        "\n[study]\nname = {}  # check: the study's name",
        q(name)
    );
}

/// The `[[rounds]]` entry of the `k`-th export (0-based).
fn render_round(t: &mut String, round: &RoundDraft, id: &str) {
    let _ = writeln!(t, "\n[[rounds]]\nid = {}  # check: the round's id", q(id));
    let _ = write!(t, "questionnaire = {}", q(&round.questionnaire));
    if round.inside {
        t.push('\n');
    } else {
        t.push_str("  # check: copy the export into the study folder (beside study.toml)\n");
    }
    if let Some(s) = &round.sheet {
        let _ = writeln!(t, "sheet = {}  # check: the sheet with the answers", q(s));
    }
    if round.header_rows != 1 {
        let _ = writeln!(
                t,
                "header_rows = {}  # check: rows 2-{} look like Qualtrics question-text / ImportId rows",
                round.header_rows, round.header_rows
            );
    }
}

/// A commented `[recode]` block for the group's values that fewer than
/// `min_cell` respondents gave in a round (their figures would be hidden):
/// merged into the group's "other" value, else a new one.
fn render_recode(t: &mut String, g: &GroupDraft, draft: &Draft) {
    let language = draft.language.code;
    let min_cell = crate::codebook::Privacy::default().min_cell as usize;
    let other = (g.counts.iter().flat_map(|c| c.values()))
        .map(|(_, shown)| shown)
        .find(|v| {
            let n = v.to_lowercase();
            ["other", "overig", "anders"]
                .iter()
                .any(|o| n.starts_with(o))
        })
        .cloned()
        .unwrap_or_else(|| if language == "nl" { "Overig" } else { "Other" }.to_string());
    let mut small: Vec<(String, String)> = Vec::new();
    for (k, counts) in g.counts.iter().enumerate() {
        for (n, shown) in counts.values().filter(|(n, _)| *n < min_cell) {
            if shown.to_lowercase() == other.to_lowercase() {
                continue;
            }
            let when = if g.counts.len() > 1 {
                format!(" in {}", draft.round_id(k))
            } else {
                String::new()
            };
            let n = format!("{n}x");
            match small
                .iter_mut()
                .find(|(s, _)| s.to_lowercase() == shown.to_lowercase())
            {
                Some((_, seen)) => {
                    let _ = write!(seen, ", {n}{when}");
                }
                None => small.push((shown.clone(), format!("{n}{when}"))),
            }
        }
    }
    if small.is_empty() {
        return;
    }
    let _ = writeln!(
        t,
        "# check: fewer than {min_cell} respondents (min_cell) gave these answers, so their figures are hidden;\n\
         # uncomment the [recode] block to merge them into one group (the report says which)\n\
         # [recode.{}]",
        q(g.column.first())
    );
    for (value, seen) in small {
        let _ = writeln!(t, "# {} = {}  # seen {seen}", q(&value), q(&other));
    }
}

/// Labels and codes of a scale guess, as `[scale.labels]` + `codes` (scale)
/// or inline `labels` / `codes` (a measure).
fn render_labels_codes(t: &mut String, g: &ScaleGuess, inline: bool) {
    let codes: Vec<String> = g
        .codes
        .iter()
        .map(|(c, v)| format!("{} = {v}", key(c)))
        .collect();
    if !codes.is_empty() {
        let _ = writeln!(
            t,
            "codes = {{ {} }}  # check: answer codes seen",
            codes.join(", ")
        );
    }
    let why = match g.origin {
        Origin::Seen => {
            "check: ordered by their wording (helemaal niet < niet < ... < zeer)".to_string()
        }
        Origin::Known { kind, language } => {
            format!("the {}-point {kind} scale ({language})", g.labels.len())
        }
        Origin::File => "the file's value labels".to_string(),
    };
    if !g.labels.is_empty() {
        let labels: Vec<String> = g
            .labels
            .iter()
            .map(|(v, l)| format!("{v} = {}", q(l)))
            .collect();
        if inline {
            let _ = writeln!(t, "labels = {{ {} }}  # {why}", labels.join(", "));
        } else {
            let _ = writeln!(t, "[scale.labels]  # {why}");
            for l in labels {
                let _ = writeln!(t, "{l}");
            }
        }
    } else if !g.unordered.is_empty() {
        let _ = writeln!(
            t,
            "# check: answer texts seen that could not be ordered; give each its value in {}:\n# {}",
            if inline { "labels = { 1 = \"...\" }" } else { "[scale.labels]" },
            list(&g.unordered)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_strings() {
        assert_eq!(q("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
        assert_eq!(key("A1"), "A1");
        assert_eq!(key("a b"), "\"a b\"");
    }
}
