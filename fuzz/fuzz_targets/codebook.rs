//! The codebook parser: `Codebook::parse` on arbitrary text, in a temp study
//! folder that holds a questionnaire, so the round checks are reached too.
#![no_main]

use std::path::{Component, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use peil::codebook::Codebook;

/// A study folder shared by all runs (parse only reads it).
fn study_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("peil-fuzz-codebook-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("ronde-1")).unwrap();
        std::fs::write(
            dir.join("ronde-1/questionnaire.csv"),
            "id;groep;A1\nr1;docent;3\n",
        )
        .unwrap();
        std::fs::write(dir.join("study.toml"), "").unwrap();
        dir
    })
}

fuzz_target!(|text: &str| {
    let dir = study_dir();
    match Codebook::parse(dir, text) {
        Err(e) => {
            // Every refusal names the file.
            let msg = e.to_string();
            assert!(msg.contains("study.toml"), "{msg}");
        }
        Ok(cb) => {
            let s = &cb.scale;
            assert!(s.min < s.max && s.min >= -100 && s.max <= 100 && s.max - s.min <= 20);
            assert!(s.labels.keys().all(|v| (s.min..=s.max).contains(v)));
            assert!(s.codes.values().all(|v| (s.min..=s.max).contains(v)));
            for m in &cb.measures {
                assert!(m.labels.keys().all(|v| (s.min..=s.max).contains(v)));
                assert!(m.codes.values().all(|v| (s.min..=s.max).contains(v)));
            }
            // Every round asks at least one item.
            for round in &cb.rounds {
                assert!(
                    cb.items.iter().any(|i| i.asked_in(&round.id)),
                    "{}",
                    round.id
                );
            }
            assert!(!cb.measures.is_empty() && !cb.areas.is_empty() && !cb.items.is_empty());
            for item in &cb.items {
                assert!(item.area < cb.areas.len());
                assert!(!item.columns.is_empty());
                assert!(item.columns.iter().all(|(m, _)| *m < cb.measures.len()));
            }
            assert!(cb.min_cell >= 1);
            let r = &cb.rules;
            assert!((0.0..=1.0).contains(&r.min_answered));
            assert!(r.drop_below_mean <= r.keep_min_mean);
            for round in &cb.rounds {
                for p in std::iter::once(&round.questionnaire).chain(round.consultation.as_ref()) {
                    assert!(p.is_relative(), "{p:?}");
                    assert!(
                        p.components()
                            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir)),
                        "{p:?}"
                    );
                    assert!(dir
                        .join(p)
                        .canonicalize()
                        .unwrap()
                        .starts_with(dir.canonicalize().unwrap()));
                }
                assert!(round.header_rows.is_none_or(|n| (1..=20).contains(&n)));
            }
        }
    }
});
