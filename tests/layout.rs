//! The layout of `src/` shows the pipeline, and this test keeps it so.
//!
//! It reads every file under `src/` as text (no parsing crate: `use` trees,
//! `crate::` and `super::` paths are enough), resolves each path to the file
//! of the module it names, and checks two rules (README, "Layout of the code"):
//!
//! 1. Top-level modules import only from earlier stages of [`STAGES`]
//!    (or their own stage's folder), never from a later one.
//! 2. Between the files of the crate the arrows point one way: no two files
//!    import each other, directly or through others. A `mod.rs` may
//!    re-export its children; a child that imports from its own `mod.rs`
//!    while that `mod.rs` imports from it is a cycle.
//!
//! `#[cfg(test)]` modules are left out: a test may look anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages in pipeline order; a module may import from its own stage and
/// from earlier ones. Leaves first; the command line last.
const STAGES: &[&[&str]] = &[
    &["digest", "scrub"],
    &["codebook"],
    &["ledger"],
    &["ingest"],
    &["analysis"],
    &["render"],
    &["output"],
    &["pipeline", "init"],
    &["exit_codes"],
    &["cli"],
    &["cmd"],
];

/// A module path, e.g. ["ingest", "text"]; [] is the crate root (lib.rs).
type ModPath = Vec<String>;

struct Crate {
    /// Every module with a file of its own, to its file.
    files: BTreeMap<ModPath, PathBuf>,
}

impl Crate {
    fn load(src: &Path) -> Crate {
        let mut files = BTreeMap::new();
        collect(src, src, &mut files);
        Crate { files }
    }

    /// The longest module prefix of `path` that has a file: what `path` names.
    fn resolve(&self, path: &[String]) -> Option<ModPath> {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| self.files.contains_key(p))
    }
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<ModPath, PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(root, &p, files);
            continue;
        }
        if p.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = p.strip_prefix(root).unwrap().with_extension("");
        let mut m: ModPath = rel
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect();
        if m.last().is_some_and(|l| l == "mod" || l == "lib") {
            m.pop();
        }
        if m == ["main"] {
            continue; // the binary: it may call anything in the library
        }
        files.insert(m, p);
    }
}

/// The source without its `#[cfg(test)]` tail, comments and string literals
/// (a path inside a doc comment or a message is not an import).
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::new();
    for line in text.lines() {
        let line = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        let mut in_str = false;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '"' && prev != '\\' && prev != '\'' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        out.push('\n');
    }
    out
}

/// Every path the code names that starts with `crate::`, `super::` or a
/// child module declared in this file (`wide::read(..)`); `use` trees with
/// braces are expanded.
fn paths_of(code: &str, children: &BTreeSet<String>) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before_ok = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
        let after = &rest[i + 4..];
        let Some(end) = after.find(';') else { break };
        if before_ok {
            expand("", after[..end].trim(), &mut paths);
        }
        rest = &after[end..];
    }
    let starts = ["crate::".to_string(), "super::".to_string()];
    let child_starts = children.iter().map(|c| format!("{c}::"));
    for start in starts.into_iter().chain(child_starts) {
        let start = start.as_str();
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            let before = code[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' || before == ':' {
                from = at + start.len();
                continue; // part of a longer name or path
            }
            let tail: String = code[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            paths.push(tail.trim_end_matches(':').to_string());
            from = at + start.len();
        }
    }
    paths
}

/// Expands a `use` tree: `a::{b, c::{d, e}}` gives `a::b`, `a::c::d`, `a::c::e`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let join = |p: &str, s: &str| {
        if p.is_empty() {
            s.to_string()
        } else {
            format!("{p}::{s}")
        }
    };
    match tree.find('{') {
        None => {
            let path = tree.split(" as ").next().unwrap_or(tree).trim();
            out.push(join(prefix, path));
        }
        Some(open) => {
            let head = tree[..open].trim().trim_end_matches("::");
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let prefix = join(prefix, head);
            let mut depth = 0;
            let mut part = String::new();
            for c in inner.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&prefix, &part, out);
                        part.clear();
                        continue;
                    }
                    _ => {}
                }
                part.push(c);
            }
            if !part.trim().is_empty() {
                expand(&prefix, &part, out);
            }
        }
    }
}

/// The module a path names, seen from module `at` (whose file declares `children`).
fn target(krate: &Crate, at: &ModPath, children: &BTreeSet<String>, path: &str) -> Option<ModPath> {
    let mut parts: Vec<String> = path.split("::").map(str::to_string).collect();
    let mut base: ModPath = match parts.first().map(String::as_str) {
        Some("crate") => {
            parts.remove(0);
            Vec::new()
        }
        Some("super") => {
            let mut b = at.clone();
            while parts.first().is_some_and(|p| p == "super") {
                parts.remove(0);
                b.pop();
            }
            b
        }
        Some("self") => {
            parts.remove(0);
            at.clone()
        }
        Some(first) if children.contains(first) => at.clone(),
        _ => return None, // std, a dependency, or a name in scope
    };
    base.extend(parts);
    krate.resolve(&base)
}

/// Every file's imports of other files of the crate.
fn edges(krate: &Crate) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let mut edges = BTreeMap::new();
    for (m, file) in &krate.files {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let children: BTreeSet<String> = code
            .lines()
            .filter_map(|l| {
                let l = l
                    .trim()
                    .trim_start_matches("pub ")
                    .trim_start_matches("pub(crate) ");
                l.strip_prefix("mod ")
                    .map(|r| r.trim_end_matches(';').trim().to_string())
            })
            .collect();
        let targets: BTreeSet<ModPath> = paths_of(&code, &children)
            .iter()
            .filter_map(|p| target(krate, m, &children, p))
            .filter(|t| t != m && !t.is_empty())
            .collect();
        edges.insert(m.clone(), targets);
    }
    edges
}

fn stage_of(m: &ModPath) -> Option<usize> {
    let top = m.first()?;
    STAGES.iter().position(|s| s.contains(&top.as_str()))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn name(m: &ModPath) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

#[test]
fn every_top_level_module_has_a_stage() {
    let krate = Crate::load(&src());
    let unplaced: Vec<String> = krate
        .files
        .keys()
        .filter(|m| !m.is_empty() && stage_of(m).is_none())
        .map(name)
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules without a stage in tests/layout.rs STAGES (and the README's tree): {unplaced:?}"
    );
}

#[test]
fn no_module_imports_from_a_later_stage() {
    let krate = Crate::load(&src());
    let mut upward = Vec::new();
    for (from, targets) in edges(&krate) {
        let Some(s) = stage_of(&from) else { continue };
        for to in targets {
            if stage_of(&to).is_some_and(|t| t > s) {
                upward.push(format!("{} -> {}", name(&from), name(&to)));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports from a later stage:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_two_files_import_each_other() {
    let krate = Crate::load(&src());
    let edges = edges(&krate);
    let mut cycles = Vec::new();
    for start in edges.keys() {
        // Depth-first from `start`: a path back to it is a cycle.
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((m, trail)) = stack.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if next == start {
                    let mut t: Vec<String> = trail.iter().map(name).collect();
                    t.push(name(start));
                    cycles.push(t.join(" -> "));
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    cycles.sort();
    cycles.dedup();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// Who may import `from` -> `to`: the pairs each test below forbids.
fn imports_into(krate: &Crate, from: &str, to: &[&str]) -> Vec<String> {
    let to: ModPath = to.iter().map(|s| s.to_string()).collect();
    edges(krate)
        .into_iter()
        .filter(|(m, _)| m.first().is_some_and(|f| f == from))
        .flat_map(|(m, targets)| {
            (targets.into_iter())
                .filter(|t| t.starts_with(&to))
                .map(move |t| format!("{} -> {}", name(&m), name(&t)))
        })
        .collect()
}

/// Commands print what the pipeline reports; scoring is the pipeline's
/// (`peil validate` gets its hints through `pipeline::check_round`).
#[test]
fn commands_do_not_score() {
    let krate = Crate::load(&src());
    let bad = imports_into(&krate, "cmd", &["analysis", "score"]);
    assert!(
        bad.is_empty(),
        "commands importing the scoring:\n{}",
        bad.join("\n")
    );
}

/// Every file is written through the export plan and the writers'
/// registry: nothing outside `output::plan` (and `render::export`
/// itself) names a writer.
#[test]
fn writers_are_reached_through_the_registry() {
    let krate = Crate::load(&src());
    let bad: Vec<String> = ["pipeline", "cmd", "init", "analysis", "ingest", "codebook"]
        .iter()
        .flat_map(|from| imports_into(&krate, from, &["render", "export"]))
        .collect();
    assert!(
        bad.is_empty(),
        "writers named outside the plan:\n{}",
        bad.join("\n")
    );
}

#[test]
fn use_trees_expand() {
    let mut out = Vec::new();
    expand("", "super::{cell::{A, B}, rows::C as D}", &mut out);
    assert_eq!(out, ["super::cell::A", "super::cell::B", "super::rows::C"]);
}
