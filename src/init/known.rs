//! The answer scales nearly every questionnaire uses, in Dutch and English
//! with 4, 5, 6 and 7 points, as a table, and which of them a measure's
//! answer texts come from.
//!
//! Owns the table and the match of a set of label texts against it. It
//! must not look at cells, columns or numbers (that is `scale`): it is
//! given the label texts seen and answers with the scale they belong to.

/// One known scale: its kind, language and points from low to high. A
/// point lists the wordings questionnaires use for it, `|`-separated; the
/// first is the one the draft writes when the data holds none of them.
pub(super) struct KnownScale {
    pub(super) kind: &'static str,
    pub(super) language: &'static str,
    pub(super) points: &'static [&'static str],
}

const fn scale(
    kind: &'static str,
    language: &'static str,
    points: &'static [&'static str],
) -> KnownScale {
    KnownScale {
        kind,
        language,
        points,
    }
}

// Shared wordings of the middle point, so a variant is added in one place.
const NL_NEUTRAL: &str = "neutraal|niet eens niet oneens|niet eens en niet oneens|niet mee eens niet mee oneens|noch eens noch oneens|eens noch oneens";
const EN_NEUTRAL_AGREE: &str =
    "neither agree nor disagree|neutral|neither disagree nor agree|neither agree or disagree|undecided";

/// The table. Order matters only between scales of one kind and language
/// with equally many points (the first wins); fewer points are tried first.
pub(super) const KNOWN_SCALES: &[KnownScale] = &[
    // Agreement.
    scale(
        "agreement",
        "nl",
        &[
            "helemaal oneens|helemaal mee oneens|helemaal niet mee eens|zeer oneens",
            "oneens|mee oneens|niet mee eens",
            "eens|mee eens",
            "helemaal eens|helemaal mee eens|zeer eens",
        ],
    ),
    scale(
        "agreement",
        "nl",
        &[
            "helemaal oneens|helemaal mee oneens|helemaal niet mee eens|zeer oneens",
            "oneens|mee oneens|niet mee eens",
            NL_NEUTRAL,
            "eens|mee eens",
            "helemaal eens|helemaal mee eens|zeer eens",
        ],
    ),
    scale(
        "agreement",
        "nl",
        &[
            "helemaal oneens|helemaal mee oneens|helemaal niet mee eens|zeer oneens",
            "oneens|mee oneens|niet mee eens",
            "enigszins oneens|enigszins mee oneens|een beetje oneens",
            "enigszins eens|enigszins mee eens|een beetje eens",
            "eens|mee eens",
            "helemaal eens|helemaal mee eens|zeer eens",
        ],
    ),
    scale(
        "agreement",
        "nl",
        &[
            "helemaal oneens|helemaal mee oneens|helemaal niet mee eens|zeer oneens",
            "oneens|mee oneens|niet mee eens",
            "enigszins oneens|enigszins mee oneens|een beetje oneens",
            NL_NEUTRAL,
            "enigszins eens|enigszins mee eens|een beetje eens",
            "eens|mee eens",
            "helemaal eens|helemaal mee eens|zeer eens",
        ],
    ),
    scale(
        "agreement",
        "en",
        &[
            "strongly disagree|completely disagree",
            "disagree",
            "agree",
            "strongly agree|completely agree",
        ],
    ),
    scale(
        "agreement",
        "en",
        &[
            "strongly disagree|completely disagree",
            "disagree",
            EN_NEUTRAL_AGREE,
            "agree",
            "strongly agree|completely agree",
        ],
    ),
    scale(
        "agreement",
        "en",
        &[
            "strongly disagree|completely disagree",
            "disagree",
            "somewhat disagree|slightly disagree|mildly disagree",
            "somewhat agree|slightly agree|mildly agree",
            "agree",
            "strongly agree|completely agree",
        ],
    ),
    scale(
        "agreement",
        "en",
        &[
            "strongly disagree|completely disagree",
            "disagree",
            "somewhat disagree|slightly disagree|mildly disagree",
            EN_NEUTRAL_AGREE,
            "somewhat agree|slightly agree|mildly agree",
            "agree",
            "strongly agree|completely agree",
        ],
    ),
    // Frequency.
    scale(
        "frequency",
        "nl",
        &["nooit", "soms", "vaak|dikwijls", "altijd"],
    ),
    scale(
        "frequency",
        "nl",
        &["nooit", "zelden", "soms", "vaak|dikwijls", "altijd"],
    ),
    scale(
        "frequency",
        "nl",
        &[
            "nooit",
            "soms",
            "vaak|dikwijls",
            "heel vaak|zeer vaak",
            "altijd",
        ],
    ),
    scale(
        "frequency",
        "nl",
        &[
            "nooit",
            "bijna nooit|zelden",
            "soms",
            "vaak|dikwijls",
            "bijna altijd|meestal",
            "altijd",
        ],
    ),
    scale(
        "frequency",
        "nl",
        &[
            "nooit",
            "zelden|bijna nooit",
            "af en toe",
            "soms",
            "vaak|dikwijls|regelmatig",
            "meestal|bijna altijd",
            "altijd",
        ],
    ),
    scale(
        "frequency",
        "en",
        &["never", "sometimes", "often|frequently", "always"],
    ),
    scale(
        "frequency",
        "en",
        &[
            "never",
            "rarely|seldom",
            "sometimes",
            "often|frequently",
            "always",
        ],
    ),
    // The UK RSE survey's (issue 24): "very often" above "often".
    scale(
        "frequency",
        "en",
        &[
            "never",
            "sometimes",
            "often|frequently",
            "very often",
            "always",
        ],
    ),
    scale(
        "frequency",
        "en",
        &[
            "never",
            "almost never|rarely|seldom",
            "sometimes",
            "often|frequently",
            "almost always|usually",
            "always",
        ],
    ),
    scale(
        "frequency",
        "en",
        &[
            "never",
            "rarely|seldom|almost never",
            "occasionally",
            "sometimes",
            "often|frequently",
            "usually|almost always",
            "always",
        ],
    ),
    // Recognizability.
    scale(
        "recognizability",
        "nl",
        &[
            "helemaal niet herkenbaar",
            "niet herkenbaar",
            "herkenbaar",
            "zeer herkenbaar|heel herkenbaar",
        ],
    ),
    scale(
        "recognizability",
        "nl",
        &[
            "helemaal niet herkenbaar",
            "niet herkenbaar",
            "neutraal|enigszins herkenbaar",
            "herkenbaar",
            "zeer herkenbaar|heel herkenbaar",
        ],
    ),
    scale(
        "recognizability",
        "nl",
        &[
            "helemaal niet herkenbaar",
            "niet herkenbaar",
            "nauwelijks herkenbaar",
            "enigszins herkenbaar",
            "herkenbaar",
            "zeer herkenbaar|heel herkenbaar",
        ],
    ),
    scale(
        "recognizability",
        "nl",
        &[
            "helemaal niet herkenbaar",
            "niet herkenbaar",
            "nauwelijks herkenbaar",
            "neutraal",
            "enigszins herkenbaar",
            "herkenbaar",
            "zeer herkenbaar|heel herkenbaar",
        ],
    ),
    scale(
        "recognizability",
        "en",
        &[
            "not at all recognizable|not at all recognisable",
            "not recognizable|not recognisable",
            "recognizable|recognisable",
            "very recognizable|very recognisable",
        ],
    ),
    scale(
        "recognizability",
        "en",
        &[
            "not at all recognizable|not at all recognisable",
            "not recognizable|not recognisable",
            "neutral|somewhat recognizable|somewhat recognisable",
            "recognizable|recognisable",
            "very recognizable|very recognisable",
        ],
    ),
    scale(
        "recognizability",
        "en",
        &[
            "not at all recognizable|not at all recognisable",
            "not recognizable|not recognisable",
            "slightly recognizable|slightly recognisable",
            "somewhat recognizable|somewhat recognisable",
            "recognizable|recognisable",
            "very recognizable|very recognisable",
        ],
    ),
    scale(
        "recognizability",
        "en",
        &[
            "not at all recognizable|not at all recognisable",
            "not recognizable|not recognisable",
            "slightly recognizable|slightly recognisable",
            "neutral",
            "somewhat recognizable|somewhat recognisable",
            "recognizable|recognisable",
            "very recognizable|very recognisable",
        ],
    ),
    // Importance.
    scale(
        "importance",
        "nl",
        &[
            "helemaal niet belangrijk|totaal niet belangrijk",
            "niet belangrijk|onbelangrijk",
            "belangrijk",
            "zeer belangrijk|heel belangrijk",
        ],
    ),
    scale(
        "importance",
        "nl",
        &[
            "helemaal niet belangrijk|totaal niet belangrijk",
            "niet belangrijk|onbelangrijk",
            "neutraal|enigszins belangrijk",
            "belangrijk",
            "zeer belangrijk|heel belangrijk",
        ],
    ),
    scale(
        "importance",
        "nl",
        &[
            "helemaal niet belangrijk|totaal niet belangrijk",
            "niet belangrijk|onbelangrijk",
            "weinig belangrijk",
            "enigszins belangrijk",
            "belangrijk",
            "zeer belangrijk|heel belangrijk",
        ],
    ),
    scale(
        "importance",
        "nl",
        &[
            "helemaal niet belangrijk|totaal niet belangrijk",
            "niet belangrijk|onbelangrijk",
            "weinig belangrijk",
            "neutraal",
            "enigszins belangrijk",
            "belangrijk",
            "zeer belangrijk|heel belangrijk",
        ],
    ),
    scale(
        "importance",
        "en",
        &[
            "not at all important",
            "not important|unimportant",
            "important",
            "very important",
        ],
    ),
    scale(
        "importance",
        "en",
        &[
            "not at all important",
            "not important|unimportant",
            "neutral|moderately important",
            "important",
            "very important",
        ],
    ),
    scale(
        "importance",
        "en",
        &[
            "not at all important",
            "not important|unimportant",
            "slightly important",
            "moderately important|somewhat important",
            "important",
            "very important",
        ],
    ),
    scale(
        "importance",
        "en",
        &[
            "not at all important",
            "not important|unimportant",
            "slightly important",
            "neutral",
            "moderately important|somewhat important",
            "important",
            "very important",
        ],
    ),
    // Satisfaction.
    scale(
        "satisfaction",
        "nl",
        &[
            "zeer ontevreden|heel ontevreden",
            "ontevreden",
            "tevreden",
            "zeer tevreden|heel tevreden",
        ],
    ),
    scale(
        "satisfaction",
        "nl",
        &[
            "zeer ontevreden|heel ontevreden",
            "ontevreden",
            "neutraal|niet tevreden niet ontevreden|noch tevreden noch ontevreden",
            "tevreden",
            "zeer tevreden|heel tevreden",
        ],
    ),
    scale(
        "satisfaction",
        "nl",
        &[
            "zeer ontevreden|heel ontevreden",
            "ontevreden",
            "enigszins ontevreden",
            "enigszins tevreden",
            "tevreden",
            "zeer tevreden|heel tevreden",
        ],
    ),
    scale(
        "satisfaction",
        "nl",
        &[
            "zeer ontevreden|heel ontevreden",
            "ontevreden",
            "enigszins ontevreden",
            "neutraal|niet tevreden niet ontevreden|noch tevreden noch ontevreden",
            "enigszins tevreden",
            "tevreden",
            "zeer tevreden|heel tevreden",
        ],
    ),
    scale(
        "satisfaction",
        "en",
        &[
            "very dissatisfied",
            "dissatisfied",
            "satisfied",
            "very satisfied",
        ],
    ),
    scale(
        "satisfaction",
        "en",
        &[
            "very dissatisfied",
            "dissatisfied",
            "neither satisfied nor dissatisfied|neutral",
            "satisfied",
            "very satisfied",
        ],
    ),
    scale(
        "satisfaction",
        "en",
        &[
            "very dissatisfied",
            "dissatisfied",
            "somewhat dissatisfied|slightly dissatisfied",
            "somewhat satisfied|slightly satisfied",
            "satisfied",
            "very satisfied",
        ],
    ),
    scale(
        "satisfaction",
        "en",
        &[
            "very dissatisfied",
            "dissatisfied",
            "somewhat dissatisfied|slightly dissatisfied",
            "neither satisfied nor dissatisfied|neutral",
            "somewhat satisfied|slightly satisfied",
            "satisfied",
            "very satisfied",
        ],
    ),
    // Quality.
    scale(
        "quality",
        "nl",
        &[
            "zeer slecht|heel slecht",
            "slecht",
            "goed",
            "zeer goed|heel goed|uitstekend",
        ],
    ),
    scale(
        "quality",
        "nl",
        &[
            "zeer slecht|heel slecht",
            "slecht",
            "matig|neutraal|redelijk",
            "goed",
            "zeer goed|heel goed|uitstekend",
        ],
    ),
    scale(
        "quality",
        "nl",
        &[
            "zeer slecht|heel slecht",
            "slecht",
            "matig",
            "redelijk",
            "goed",
            "zeer goed|heel goed|uitstekend",
        ],
    ),
    scale(
        "quality",
        "nl",
        &[
            "zeer slecht|heel slecht",
            "slecht",
            "matig",
            "neutraal",
            "redelijk",
            "goed",
            "zeer goed|heel goed|uitstekend",
        ],
    ),
    scale(
        "quality",
        "en",
        &[
            "very poor|very bad",
            "poor|bad",
            "good",
            "very good|excellent",
        ],
    ),
    scale(
        "quality",
        "en",
        &[
            "very poor|very bad",
            "poor|bad",
            "fair|neutral|average",
            "good",
            "very good|excellent",
        ],
    ),
    scale(
        "quality",
        "en",
        &[
            "very poor|very bad",
            "poor|bad",
            "fair",
            "average",
            "good",
            "very good|excellent",
        ],
    ),
    scale(
        "quality",
        "en",
        &[
            "very poor|very bad",
            "poor|bad",
            "fair",
            "neutral|average",
            "good",
            "very good",
            "excellent",
        ],
    ),
];

/// A measure's label texts matched to a known scale: the scale, and its
/// labels as the draft writes them (a wording seen in the data where one
/// was, so every cell matches its label; else the table's first).
pub(super) struct KnownMatch {
    pub(super) scale: &'static KnownScale,
    pub(super) labels: Vec<String>,
}

/// The known scale every one of `seen` (label texts as written) belongs to,
/// with the fewest points: a 4-point scale whose answers are all seen is
/// not taken for the 5-point scale that adds a middle. `None` when no
/// scale holds them all, or nothing is seen.
pub(super) fn match_labels(seen: &[&str]) -> Option<KnownMatch> {
    if seen.is_empty() {
        return None;
    }
    let keys: Vec<String> = seen.iter().map(|s| key(s)).collect();
    let mut fits: Vec<&KnownScale> = KNOWN_SCALES
        .iter()
        .filter(|s| holds_apart(s, &keys))
        .collect();
    fits.sort_by_key(|s| s.points.len());
    let scale = *fits.first()?;
    let labels = scale
        .points
        .iter()
        .enumerate()
        .map(|(p, wordings)| {
            keys.iter()
                .position(|k| point_of(scale, k) == Some(p))
                .map(|i| written(seen[i], &keys[i]))
                .unwrap_or_else(|| wordings.split('|').next().unwrap_or("").to_string())
        })
        .collect();
    Some(KnownMatch { scale, labels })
}

/// Whether every one of `keys` names a point of `scale`, each its own: two
/// wordings of one point ("very good", "excellent") mean a longer scale.
fn holds_apart(scale: &KnownScale, keys: &[String]) -> bool {
    let mut points = Vec::with_capacity(keys.len());
    for k in keys {
        match point_of(scale, k) {
            Some(p) if !points.contains(&p) => points.push(p),
            _ => return false,
        }
    }
    true
}

/// A seen label as the draft writes it: the table's lower-case wording
/// when the two differ only in case and spacing (`Strongly Agree`), else as
/// seen, as `peil run` compares case- and space-insensitively but not
/// punctuation (`niet eens, niet oneens`).
fn written(seen: &str, key: &str) -> String {
    let plain = seen
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ");
    if plain == key {
        plain
    } else {
        seen.to_string()
    }
}

/// The point of `scale` that wording `key` (see [`key`]) names.
fn point_of(scale: &KnownScale, key: &str) -> Option<usize> {
    scale
        .points
        .iter()
        .position(|p| p.split('|').any(|w| w == key))
}

/// A wording compared as the table holds it: lower case, punctuation
/// (`niet eens, niet oneens`, `niet eens/niet oneens`) as spaces, runs of
/// white space as one.
fn key(s: &str) -> String {
    let spaced: String = s
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wording_is_a_key_and_names_one_point() {
        for s in KNOWN_SCALES {
            for p in s.points {
                for w in p.split('|') {
                    assert_eq!(key(w), w, "{} {}: {w:?}", s.kind, s.language);
                    let n = s.points.iter().filter(|q| q.split('|').any(|x| x == w));
                    assert_eq!(n.count(), 1, "{} {}: {w:?}", s.kind, s.language);
                }
            }
        }
    }

    #[test]
    fn a_subset_takes_the_fewest_points_and_keeps_the_wording_seen() {
        let m = match_labels(&["Never", "ALWAYS", "often"]).unwrap();
        assert_eq!((m.scale.kind, m.scale.language), ("frequency", "en"));
        assert_eq!(m.labels, vec!["never", "sometimes", "often", "always"]);
        assert!(match_labels(&["never", "rarely"]).is_some_and(|m| m.scale.points.len() == 5));
        let m = match_labels(&["Neutral", "agree"]).unwrap();
        assert_eq!(m.labels[2], "neutral");
        let m = match_labels(&["Niet eens, niet oneens", "Eens"]).unwrap();
        assert_eq!(m.labels[2], "Niet eens, niet oneens");
        assert!(match_labels(&["nooit", "agree"]).is_none());
    }
}
