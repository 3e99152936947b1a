//! Every figure: from the rating codes of `ingest` to the rows of every table.
//!
//! Owns the definitions of the README ("What the figures mean"): [`score`]
//! counts the codes per item, area and group and turns the counts into
//! figures, with small groups suppressed ([`suppress`]) and the decision of
//! [`rules`]; [`consult`] counts consultation statements, with [`agreement`]'s
//! figures when more than one coder coded them; [`compare`] links
//! two rounds, with [`paired`]'s figures when respondents took part
//! in both; [`comments`] orders the open answers and blanks the group of a
//! small one; [`hints`] picks the items whose figures suggest a codebook
//! fix (a missing `reverse = true`). [`stats`] holds the formulas as pure functions, each tested
//! against R or a published value.
//!
//! Arrows inside: `stats`, `suppress` and `rules` are leaves; `score` uses
//! them; `paired` (respondents in two rounds) uses `stats`; `compare` uses
//! `score` and `paired`; `comments` uses `suppress`; `hints` uses `score`; `agreement` uses `stats`; `consult` uses
//! `agreement`. This stage reads no
//! file and formats nothing: it must not import from `render`, `output`,
//! `run` or the command line, and its cost is that of counting.

pub mod agreement;
pub mod comments;
pub mod compare;
pub mod consult;
pub mod hints;
pub mod paired;
pub mod rules;
pub mod score;
pub mod stats;
pub mod suppress;
