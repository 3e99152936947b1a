//! Several exports of one questionnaire (`peil init A.csv B.csv`) as one
//! draft with a round per export: a statement asked in several rounds is
//! one item whose column is named per round, matched on its wording (so a
//! column renamed between the rounds keeps its item); a statement whose
//! code stayed but whose wording changed is a new item with `previous`;
//! the others are asked in their round only.
//!
//! Owns matching one round's guesses to the earlier rounds'. It must not
//! guess a round on its own (that is `guess`) nor write TOML (`write`).

use std::collections::HashSet;

use super::draft::{Draft, ItemDraft, PerRound};
use super::export::Export;
use super::header::limesurvey;

/// A wording compared across rounds: white space collapsed, case ignored.
fn wording(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a column asks, compared across rounds: a LimeSurvey header's
/// wording (its code may change), else the column name.
fn asks(name: &str) -> String {
    wording(limesurvey(name).map_or(name, |h| h.text()))
}

/// `pr` widened to `rounds` rounds, its names in round `r`.
fn placed(pr: PerRound, r: usize, rounds: usize) -> PerRound {
    let mut v = vec![None; rounds];
    v[r] = pr.0.into_iter().next().flatten();
    PerRound(v)
}

/// The column of `export` that asks what `name` asks: the same name, else
/// the same wording.
fn same_column(export: &Export, name: &str) -> Option<String> {
    let cols = &export.columns;
    cols.iter()
        .find(|c| c.name == name)
        .or_else(|| {
            cols.iter()
                .find(|c| !c.name.is_empty() && asks(&c.name) == asks(name))
        })
        .map(|c| c.name.clone())
}

impl Draft {
    /// The drafts of the rounds' exports (`exports`, in round order) as one.
    pub(super) fn merge(mut drafts: Vec<Draft>, exports: &[Export]) -> Draft {
        let rounds = drafts.len();
        let rest = drafts.split_off(1);
        let mut base = drafts.pop().expect("one draft per export");
        base.widen(rounds);
        if rounds > 1 {
            let first = base.round_id(0);
            for (what, _) in &mut base.other_scales {
                *what = format!("{first}: {what}");
            }
        }
        for (k, d) in rest.into_iter().enumerate() {
            base.add_round(d, k + 1, rounds, &exports[k + 1]);
        }
        base.items.sort_by_key(|it| it.area);
        base
    }

    /// Every column of the first round's draft as a table of `rounds`.
    fn widen(&mut self, rounds: usize) {
        let widen = |pr: &mut PerRound| pr.0.resize(rounds, None);
        self.items
            .iter_mut()
            .flat_map(|it| it.columns.iter_mut().map(|(_, pr)| pr))
            .for_each(widen);
        self.comments.iter_mut().for_each(widen);
        if let Some(g) = &mut self.respondents.group {
            widen(&mut g.column);
        }
        if let Some(i) = &mut self.respondents.institution {
            widen(i);
        }
    }

    /// Round `r`'s draft `d` (of `export`) matched into this one.
    fn add_round(&mut self, d: Draft, r: usize, rounds: usize, export: &Export) {
        let measure_of: Vec<usize> = d
            .measures
            .into_iter()
            .map(|m| self.measure_index(m))
            .collect();
        let area_of: Vec<usize> = d.areas.into_iter().map(|a| self.area_index(a)).collect();
        for it in d.items {
            self.add_item(it, r, rounds, &measure_of, &area_of);
        }
        for c in d.comments {
            let asked = asks(c.first());
            match self
                .comments
                .iter_mut()
                .find(|b| b.0[r].is_none() && asks(b.first()) == asked)
            {
                Some(b) => b.0[r] = c.0.into_iter().next().flatten(),
                None => self.comments.push(placed(c, r, rounds)),
            }
        }
        let (first, this) = (self.round_id(0), self.round_id(r));
        let respondents = &mut self.respondents;
        if let Some(g) = &mut respondents.group {
            let name = same_column(export, g.column.first());
            let column = (name.as_ref()).and_then(|n| export.columns.iter().find(|c| &c.name == n));
            for v in column
                .iter()
                .flat_map(|c| c.order.iter().map(|v| &c.values[v].1))
            {
                if !g
                    .values
                    .iter()
                    .any(|seen| seen.to_lowercase() == v.to_lowercase())
                {
                    g.values.push(v.clone());
                }
            }
            g.counts
                .push(column.map(|c| c.values.clone()).unwrap_or_default());
            g.column.0[r] = name;
        }
        if let Some(i) = &mut respondents.institution {
            i.0[r] = same_column(export, i.first());
        }
        if respondents.id.is_some() && respondents.id != d.respondents.id {
            respondents.id = None;
            respondents.id_why = format!("the exports have no id column of one name; without id every row is one respondent: add id = {{ {first} = \"...\", ... }} if there is one");
        }
        for (what, columns) in d.other_scales {
            self.other_scales.push((format!("{this}: {what}"), columns));
        }
    }

    fn measure_index(&mut self, m: super::draft::MeasureDraft) -> usize {
        match self.measures.iter().position(|b| b.id == m.id) {
            Some(at) => {
                let b = &mut self.measures[at].scale;
                b.missing.extend(m.scale.missing);
                b.rare.extend(m.scale.rare);
                at
            }
            None => {
                self.measures.push(m);
                self.measures.len() - 1
            }
        }
    }

    fn area_index(&mut self, a: super::draft::AreaDraft) -> usize {
        match self.areas.iter().position(|b| b.id == a.id) {
            Some(at) => at,
            None => {
                self.areas.push(a);
                self.areas.len() - 1
            }
        }
    }

    /// Item `it` of round `r`: into the earlier item of the same wording;
    /// else, when an earlier item has its id (the same code in other
    /// words), as a new item with `previous`; else as a new item.
    fn add_item(
        &mut self,
        it: ItemDraft,
        r: usize,
        rounds: usize,
        measure_of: &[usize],
        area_of: &[usize],
    ) {
        let free = |b: &ItemDraft| b.columns.iter().all(|(_, pr)| pr.0[r].is_none());
        let text = wording(&it.text);
        let columns: Vec<(usize, PerRound)> = (it.columns.into_iter())
            .map(|(m, pr)| (measure_of[m], placed(pr, r, rounds)))
            .collect();
        if let Some(b) = self
            .items
            .iter_mut()
            .find(|b| free(b) && wording(&b.text) == text)
        {
            for (m, pr) in columns {
                match b.columns.iter_mut().find(|(bm, _)| *bm == m) {
                    Some((_, bpr)) => bpr.0[r] = pr.0[r].clone(),
                    None => b.columns.push((m, pr)),
                }
            }
            return;
        }
        let previous = (self.items.iter())
            .find(|b| free(b) && b.id == it.id)
            .map(|b| (b.id.clone(), b.text.clone()));
        let used: HashSet<&str> = self.items.iter().map(|b| b.id.as_str()).collect();
        let mut id = it.id.clone();
        let mut k = r + 1;
        while used.contains(id.as_str()) {
            id = format!("{}_{k}", it.id);
            k += 1;
        }
        self.items.push(ItemDraft {
            id,
            area: area_of[it.area],
            text: it.text,
            text_stated: it.text_stated,
            columns,
            previous,
        });
    }
}

/// The study's name from the exports' file names: the words they share
/// (`uk-2016_public_data`, `uk-2017_public_data` -> `uk public data`).
pub(super) fn shared_name(names: &[String]) -> String {
    let Some(first) = names.first() else {
        return "study".into();
    };
    if names.len() == 1 {
        return first.clone();
    }
    let shared: Vec<&str> = first
        .split(' ')
        .filter(|w| names.iter().all(|n| n.split(' ').any(|x| x == *w)))
        .collect();
    if shared.is_empty() {
        first.clone()
    } else {
        shared.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_what_the_file_names_share() {
        let names = [
            "uk 2016 public data".to_string(),
            "uk 2017 public data".to_string(),
        ];
        assert_eq!(shared_name(&names), "uk public data");
        assert_eq!(shared_name(&names[..1]), "uk 2016 public data");
        assert_eq!(shared_name(&["a".into(), "b".into()]), "a");
    }

    #[test]
    fn a_column_asks_its_wording() {
        assert_eq!(
            asks("likertagree2[affSat1]. Please rate [I find  real enjoyment]"),
            asks("affSat1. I find real enjoyment")
        );
        assert_ne!(asks("Q1"), asks("Q2"));
    }
}
