//! The layout of the rating columns: how their names split into measures
//! (by a shared suffix: `_herk`, `[toep]`, ` - Hoe herkenbaar ...?`) and
//! into areas and items (by a shared prefix: `BRU...`, `Bruggenbouwer: ...`),
//! and the ids the draft gives them.
//!
//! Owns names and ids; each measure's scale it leaves to `scale`. It must
//! not decide which columns hold ratings (that is `guess`).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::draft::{AreaDraft, ItemDraft, MeasureDraft, PerRound};
use super::export::Column;
use super::header::limesurvey;
use super::scale::{Origin, ScaleGuess};

/// The measures of the rating columns (`rating`, indices into `cols`, with
/// their `suffixes`) and the measure of each column.
pub(super) fn measures(
    suffixes: &[String],
    rating: &[usize],
    cols: &[Column],
) -> (Vec<MeasureDraft>, Vec<usize>) {
    let mut measures: Vec<MeasureDraft> = Vec::new();
    let mut measure_of = Vec::with_capacity(suffixes.len());
    for s in suffixes {
        let m = match measures.iter().position(|m| &m.suffix == s) {
            Some(m) => m,
            None => {
                measures.push(MeasureDraft {
                    id: String::new(),
                    suffix: s.clone(),
                    columns: 0,
                    scale: ScaleGuess::default(),
                    named: None,
                });
                measures.len() - 1
            }
        };
        measures[m].columns += 1;
        measure_of.push(m);
    }
    name_measures(&mut measures);
    for (m, measure) in measures.iter_mut().enumerate() {
        let columns: Vec<&Column> = rating
            .iter()
            .zip(&measure_of)
            .filter(|(_, mm)| **mm == m)
            .map(|(&i, _)| &cols[i])
            .collect();
        measure.scale = ScaleGuess::from_columns(&columns);
    }
    (measures, measure_of)
}

/// The areas and items of the rating columns (`names`, with their item
/// `stems` and the measure of each).
pub(super) fn areas_and_items(
    stems: &[String],
    names: &[&str],
    measure_of: &[usize],
) -> (Vec<AreaDraft>, Vec<ItemDraft>) {
    let area_keys = area_keys(stems);
    let mut areas: Vec<AreaDraft> = Vec::new();
    let mut items: Vec<ItemDraft> = Vec::new();
    let mut item_of: HashMap<&str, usize> = HashMap::new();
    for (k, stem) in stems.iter().enumerate() {
        let key = &area_keys[k];
        let area = match areas.iter().position(|a| &a.key == key) {
            Some(a) => a,
            None => {
                areas.push(AreaDraft {
                    id: String::new(),
                    key: key.clone(),
                    coded: false,
                });
                areas.len() - 1
            }
        };
        let item = *item_of.entry(stem.as_str()).or_insert_with(|| {
            items.push(ItemDraft {
                id: String::new(),
                area,
                text: item_text(stem, key),
                text_stated: false,
                columns: Vec::new(),
                previous: None,
            });
            items.len() - 1
        });
        let m = measure_of[k];
        if items[item].columns.iter().any(|(mm, _)| *mm == m) {
            // Two columns of one item and measure: keep them apart.
            items.push(ItemDraft {
                id: String::new(),
                area,
                text: item_text(stem, key),
                text_stated: false,
                columns: vec![(m, PerRound::one(names[k]))],
                previous: None,
            });
        } else {
            items[item].columns.push((m, PerRound::one(names[k])));
        }
    }
    name_areas(&mut areas);
    name_items(&mut items, &areas);
    (areas, items)
}

/// The layout of LimeSurvey rating columns (`code. question` and
/// `code[sub]. question [statement]`, indices `rating` into `cols`): one
/// measure, named by its scale; an item per column, its id the item's code
/// and its text the statement (else the question); an area per shared
/// code start (`affSat1`..`affSat4` -> `affSat`), items grouped by area
/// and ordered by their code's number.
/// `None` when a name is no such header or two columns share an item code
/// (then the codes are measures, `BASK1[herk]`, and the suffix split holds).
pub(super) fn limesurvey_layout(
    rating: &[usize],
    cols: &[Column],
) -> Option<(MeasureDraft, Vec<AreaDraft>, Vec<ItemDraft>)> {
    let headers: Vec<_> = rating
        .iter()
        .map(|&i| limesurvey(&cols[i].name))
        .collect::<Option<_>>()?;
    let mut seen = HashSet::new();
    if !headers.iter().all(|h| seen.insert(h.item())) {
        return None;
    }
    let columns: Vec<&Column> = rating.iter().map(|&i| &cols[i]).collect();
    let scale = ScaleGuess::from_columns(&columns);
    let (id, label) = match scale.origin {
        Origin::Known { kind, .. } => (kind.to_string(), capitalized(kind)),
        _ => ("rating".to_string(), "Score".to_string()),
    };
    let why = format!(
        "one measure: the {} columns on the export's most common answer scale",
        rating.len()
    );
    let measure = MeasureDraft {
        id,
        suffix: String::new(),
        columns: rating.len(),
        scale,
        named: Some((label, why)),
    };
    let mut areas: Vec<AreaDraft> = Vec::new();
    let mut items: Vec<ItemDraft> = Vec::new();
    for (h, &i) in headers.iter().zip(rating) {
        let key = code_area(h.item(), h.code);
        let area = areas.iter().position(|a| a.key == key).unwrap_or_else(|| {
            areas.push(AreaDraft {
                id: code_id(&key),
                key,
                coded: true,
            });
            areas.len() - 1
        });
        items.push(ItemDraft {
            id: code_id(h.item()),
            area,
            text: h.text().to_string(),
            text_stated: true,
            columns: vec![(0, PerRound::one(&cols[i].name))],
            previous: None,
        });
    }
    // Codebook order is display order: by area, then by code number
    // (arrays may show their rows shuffled, `percEmp2` before `percEmp1`).
    items.sort_by_key(|it| (it.area, code_number(&it.id)));
    Some((measure, areas, items))
}

/// A code's trailing number (`affSat12` -> 12), 0 without one.
fn code_number(code: &str) -> u64 {
    let digits = code.len() - code.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    code[code.len() - digits..].parse().unwrap_or(0)
}

/// An item code's area: the code without its trailing number (`affSat1`
/// -> `affSat`); a generic row code (`SQ001`, `1`) has its question's.
fn code_area(item: &str, question: &str) -> String {
    let key = item.trim_end_matches(|c: char| c.is_ascii_digit());
    if key.is_empty() || key.eq_ignore_ascii_case("sq") {
        question
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .to_string()
    } else {
        key.to_string()
    }
}

/// A code as an id: kept as the survey wrote it (`affSat1`), as it names
/// the question in the survey tool too; other characters as `_`.
fn code_id(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Splits rating column names into (measure suffix, item stem). A Google
/// Forms grid column (`Question [row]`) whose question at least two columns
/// share is that question x its row. Otherwise a trailing `[x]`, ` - x` or
/// `_x` shared by at least two columns, when at least two such suffixes
/// exist. A name left whole that is an MS Forms grid column
/// (`Question.Statement`, its question shared) is question x statement;
/// after the suffixes, as a dot inside item text (`o.a.`) is more common
/// than a bracket. Else one measure for all.
pub(super) fn split_measures(names: &[&str]) -> (Vec<String>, Vec<String>) {
    let grids = |form: fn(&str) -> Option<(&str, &str)>| {
        let cut: Vec<Option<(&str, &str)>> = names.iter().map(|n| form(n)).collect();
        let questions = shared(cut.iter().flatten().map(|(_, q)| *q));
        cut.into_iter()
            .map(|g| g.filter(|(_, q)| questions.contains(q)))
            .collect::<Vec<_>>()
    };
    let (google, msforms) = (grids(google_grid), grids(msforms_grid));
    let (suffixes, stems) = split_suffixes(names);
    (0..names.len())
        .map(|i| match (google[i], msforms[i]) {
            (Some((row, q)), _) => (q.to_string(), row.to_string()),
            (None, Some((row, q))) if suffixes[i].is_empty() => (q.to_string(), row.to_string()),
            _ => (suffixes[i].clone(), stems[i].clone()),
        })
        .unzip()
}

/// A Google Forms grid column's (row, question): `Question [row]`.
fn google_grid(name: &str) -> Option<(&str, &str)> {
    let inner = name.strip_suffix(']')?;
    let open = name.rfind(" [").filter(|&at| at > 0)?;
    let row = inner.get(open + 2..)?.trim();
    (!row.is_empty()).then(|| (row, name[..open].trim()))
}

/// An MS Forms Likert column's (statement, question): `Question.Statement`,
/// a dot with no space or digit after it (neither a sentence's end nor
/// `1.2`).
fn msforms_grid(name: &str) -> Option<(&str, &str)> {
    let dot = name.find('.').filter(|&at| at > 0)?;
    let row = &name[dot + 1..];
    let next = row.chars().next()?;
    (!next.is_whitespace() && !next.is_ascii_digit()).then(|| (row.trim(), name[..dot].trim()))
}

/// The values that occur at least twice.
fn shared<'a>(values: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for v in values {
        *counts.entry(v).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(v, _)| v)
        .collect()
}

/// The suffix split of `split_measures`, for names that are no grid.
fn split_suffixes(names: &[&str]) -> (Vec<String>, Vec<String>) {
    fn split(name: &str) -> Option<(&str, &str)> {
        if let (Some(stripped), Some(open)) = (name.strip_suffix(']'), name.rfind('[')) {
            if open > 0 {
                return Some((&name[..open], &stripped[open + 1..]));
            }
        }
        if let Some(at) = name.rfind(" - ") {
            return Some((&name[..at], &name[at + 3..]));
        }
        name.rfind('_')
            .filter(|&at| at > 0 && at + 1 < name.len())
            .map(|at| (&name[..at], &name[at + 1..]))
    }
    let parts: Vec<Option<(&str, &str)>> = names.iter().map(|n| split(n)).collect();
    let shared = shared(parts.iter().flatten().map(|(_, s)| *s));
    let split_ok = shared.len() >= 2;
    names
        .iter()
        .zip(&parts)
        .map(|(name, p)| match p {
            Some((stem, s)) if split_ok && shared.contains(s) => (s.to_string(), stem.to_string()),
            _ => (String::new(), name.to_string()),
        })
        .unzip()
}

/// A measure's id: the first word of its suffix that the other measures'
/// suffixes lack (`herkenbaar` out of "Hoe herkenbaar is dit ...?").
fn name_measures(measures: &mut [MeasureDraft]) {
    let words: Vec<Vec<String>> = measures
        .iter()
        .map(|m| slug(&m.suffix).split('_').map(String::from).collect())
        .collect();
    let mut used = HashSet::new();
    for (i, m) in measures.iter_mut().enumerate() {
        let own = words[i].iter().find(|w| {
            !w.is_empty()
                && words
                    .iter()
                    .enumerate()
                    .all(|(j, o)| j == i || !o.contains(w))
        });
        let mut id = match own {
            Some(w) => w.clone(),
            None if m.suffix.is_empty() => "rating".into(),
            None => slug(&m.suffix),
        };
        if id.is_empty() || !used.insert(id.clone()) {
            id = format!("measure_{}", i + 1);
            used.insert(id.clone());
        }
        m.id = id;
    }
}

/// The area of each item stem: the text before `: ` for question texts, the
/// letters before the number for codes (`BRUK1` -> `BRUK`), shortened by one
/// letter when the codes cross areas with a shared set of last letters
/// (`BRUK`, `BRUV`, `BRUA`, `ADVK` ... -> `BRU`, `ADV`: K/V/A is a dimension).
fn area_keys(stems: &[String]) -> Vec<String> {
    let key = |s: &str| -> String {
        if s.contains(' ') {
            s.split_once(": ")
                .map(|(a, _)| a.to_string())
                .unwrap_or_default()
        } else {
            s.chars().take_while(|c| c.is_alphabetic()).collect()
        }
    };
    let keys: Vec<String> = stems.iter().map(|s| key(s)).collect();
    let distinct: Vec<&String> = {
        let mut seen = HashSet::new();
        keys.iter().filter(|k| seen.insert(k.as_str())).collect()
    };
    let coded = distinct
        .iter()
        .all(|k| k.chars().count() >= 3 && !k.contains(' '));
    if !coded || distinct.len() < 4 {
        return keys;
    }
    let cut = |k: &str| -> (String, char) {
        let mut chars: Vec<char> = k.chars().collect();
        let last = chars.pop().unwrap_or(' ');
        (chars.into_iter().collect(), last)
    };
    let mut lasts: BTreeMap<String, Vec<char>> = BTreeMap::new();
    for k in &distinct {
        let (head, last) = cut(k);
        lasts.entry(head).or_default().push(last);
    }
    let mut sets: Vec<Vec<char>> = lasts.values().cloned().collect();
    for s in &mut sets {
        s.sort();
    }
    let cross = lasts.len() >= 2 && sets.iter().all(|s| s.len() >= 2 && *s == sets[0]);
    if cross {
        keys.iter().map(|k| cut(k).0).collect()
    } else {
        keys
    }
}

fn item_text(stem: &str, area_key: &str) -> String {
    if stem.contains(' ') && !area_key.is_empty() {
        stem.strip_prefix(area_key)
            .and_then(|s| s.strip_prefix(": "))
            .unwrap_or(stem)
            .to_string()
    } else {
        stem.to_string()
    }
}

fn name_areas(areas: &mut [AreaDraft]) {
    let mut used = HashSet::new();
    for (i, a) in areas.iter_mut().enumerate() {
        let mut id = slug(&a.key);
        if id.len() > 24 {
            id = id[..24].trim_end_matches('_').to_string();
        }
        if id.is_empty() || !used.insert(id.clone()) {
            id = format!("area_{}", i + 1);
            used.insert(id.clone());
        }
        a.id = id;
    }
}

/// An item's id: its code (`bruk1`) when short, else `<area>_<n>`.
fn name_items(items: &mut [ItemDraft], areas: &[AreaDraft]) {
    let mut used = HashSet::new();
    let mut per_area: HashMap<usize, usize> = HashMap::new();
    for it in items.iter_mut() {
        let n = per_area.entry(it.area).or_default();
        *n += 1;
        let code = slug(&it.text);
        let mut id = if !it.text.contains(' ') && !code.is_empty() && code.len() <= 24 {
            code
        } else {
            format!("{}_{:02}", areas[it.area].id, n)
        };
        let mut k = 2;
        while !used.insert(id.clone()) {
            id = format!(
                "{}_{k}",
                id.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_')
            );
            k += 1;
        }
        it.id = id;
    }
}

/// Lower-case ASCII letters, digits and `_`; accents dropped, runs of
/// anything else one `_`.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à'..='å' => 'a',
            'è'..='ë' => 'e',
            'ì'..='ï' => 'i',
            'ò'..='ö' => 'o',
            'ù'..='ü' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_split_on_shared_suffixes() {
        let (s, stems) = split_measures(&["Q1_herk", "Q1_toep", "Q2[herk]", "Q2[toep]", "Q3_x"]);
        assert_eq!(s, vec!["herk", "toep", "herk", "toep", ""]);
        assert_eq!(stems, vec!["Q1", "Q1", "Q2", "Q2", "Q3_x"]);
        let (s, _) = split_measures(&["A1", "A2_herk"]);
        assert_eq!(s, vec!["", ""]);
    }

    #[test]
    fn grid_columns_are_question_by_row() {
        let (s, stems) = split_measures(&["Hoe vaak? [Thuis]", "Hoe vaak? [Werk]", "Leeftijd"]);
        assert_eq!(s, vec!["Hoe vaak?", "Hoe vaak?", ""]);
        assert_eq!(stems, vec!["Thuis", "Werk", "Leeftijd"]);
        let (s, stems) = split_measures(&["How often?.At home", "How often?.At work"]);
        assert_eq!(s, vec!["How often?", "How often?"]);
        assert_eq!(stems, vec!["At home", "At work"]);
        let (s, _) = split_measures(&["Q1.1", "Q1.2", "Ends here. - herk", "Ends there. - herk"]);
        assert_eq!(s, vec!["", "", "", ""]);
    }

    #[test]
    fn code_areas_drop_a_crossed_dimension_letter() {
        let stems: Vec<String> = ["BASK1", "BASV1", "BASA1", "BRUK1", "BRUV2", "BRUA1"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            area_keys(&stems),
            vec!["BAS", "BAS", "BAS", "BRU", "BRU", "BRU"]
        );
        let stems: Vec<String> = ["Q1", "Q2", "R1"].map(String::from).to_vec();
        assert_eq!(area_keys(&stems), vec!["Q", "Q", "R"]);
        let stems = vec!["Coach: Stelt vragen?".to_string()];
        assert_eq!(area_keys(&stems), vec!["Coach"]);
    }

    #[test]
    fn limesurvey_codes_make_areas() {
        assert_eq!(code_area("affSat1", "likertagree2"), "affSat");
        assert_eq!(code_area("SQ001", "satisGen1"), "satisGen");
        assert_eq!(code_area("1", "prevEmp2"), "prevEmp");
        assert_eq!(code_number("percEmp12"), 12);
        assert_eq!(code_number("x"), 0);
        assert_eq!(code_id("skill2[SQ1]"), "skill2_SQ1_");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Hoe herkenbaar is dít?"), "hoe_herkenbaar_is_dit");
    }
}
