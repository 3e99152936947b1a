//! The export plan: every file a round, a comparison and a breakdown
//! writes, with its folder and format, in one place.
//!
//! A round writes `tables/` (each table in every format of
//! [`TABLE_WRITERS`]), each breakdown's `tables/by-<slug>/` the same way,
//! `charts/` (SVG and PNG, a breakdown's under `charts/by-<slug>/`) and the
//! report in every format of [`DOCUMENT_WRITERS`]; a comparison writes its
//! `tables/`, `charts/` and report. With `--no-charts`, tables only. The
//! parts are made on every core and handed to the folder's one writer
//! thread ([`Queue`]) as they are done; `OutputDir` adds the manifest.
//!
//! Owns which files exist and where. The bytes come from `render`; it must
//! not compute a figure nor say anything itself.

use std::sync::OnceLock;

use rayon::prelude::*;

use crate::analysis::compare::Comparison;
use crate::analysis::consult::Summary;
use crate::analysis::score::Scores;
use crate::codebook::{Codebook, Language, Round};
use crate::digest::InputHash;
use crate::ledger::FileLedger;
use crate::output::Queue;
use crate::render::charts::{self, scene::Scene, ChartFile};
use crate::render::export::{
    DocumentWriter, ExportError, TableWriter, DOCUMENT_WRITERS, TABLE_WRITERS,
};
use crate::render::report::people::People;
use crate::render::report::published_lines;
use crate::render::report::{self, document::Document, CompareInput, ReportInput};
use crate::render::tables::published::{self, Checked};
use crate::render::tables::{self, table::Table};
use crate::Error;

/// What a round's files are made from.
pub struct RoundExport<'a> {
    pub cb: &'a Codebook,
    pub round: &'a Round,
    pub scores: &'a Scores,
    pub notes: Option<&'a Summary>,
    pub ledgers: &'a [FileLedger],
    pub inputs: &'a [InputHash],
    pub lang: Language,
    /// Tables only: no charts, no report.
    pub no_charts: bool,
}

/// What a comparison's files are made from.
pub struct CompareExport<'a> {
    pub cb: &'a Codebook,
    pub cmp: &'a Comparison,
    pub inputs: &'a [InputHash],
    pub lang: Language,
    pub no_charts: bool,
}

/// The folder of a round's tables.
const TABLES: &str = "tables";
/// The folder of the charts (a breakdown's in a sub-folder of it).
const CHARTS: &str = "charts";

/// One folder of tables: `tables` or a breakdown's `tables/by-<slug>`.
struct Folder<'a> {
    dir: String,
    tables: Vec<&'a Table>,
    /// The tables in people's words, made once for the spreadsheets.
    people: OnceLock<Vec<Table>>,
}

impl<'a> Folder<'a> {
    fn new(dir: String, tables: Vec<&'a Table>) -> Folder<'a> {
        Folder {
            dir,
            tables,
            people: OnceLock::new(),
        }
    }

    /// The tables a writer is given: in people's words for a spreadsheet.
    fn tables_for(&self, w: &dyn TableWriter, cb: &Codebook, lang: Language) -> Vec<&Table> {
        if !w.for_people() {
            return self.tables.clone();
        }
        let people = People { cb, lang };
        let made = self
            .people
            .get_or_init(|| self.tables.iter().map(|t| people.table(t)).collect());
        made.iter().collect()
    }
}

/// What the files said that the terminal should too: each published
/// figure that was not reproduced.
#[derive(Debug, Default)]
pub struct Outcome {
    pub not_reproduced: Vec<String>,
}

/// The published figures of `folder` checked against its tables (named as
/// an entry names them), and their table when the folder has any.
fn check_published<'a>(
    cb: &'a Codebook,
    folder: &str,
    named: &[(String, &Table)],
) -> Result<(Vec<Checked<'a>>, Option<Table>), Error> {
    let checked = published::check(cb, folder, named).map_err(|message| {
        Error::Usage(format!(
            "{}: {message}",
            cb.dir.join("study.toml").display()
        ))
    })?;
    let table = (!checked.is_empty()).then(|| published::table(&checked));
    Ok((checked, table))
}

/// What stderr says of the figures not reproduced.
fn outcome(checked: &[Checked], lang: Language) -> Outcome {
    Outcome {
        not_reproduced: published_lines(checked, lang).1,
    }
}

/// A round's files: its tables and each breakdown's, and unless tables
/// only, its charts and report.
pub fn round(r: &RoundExport, out: &Queue) -> Result<Outcome, Error> {
    let all = tables::all(r.cb, r.scores, r.notes, r.ledgers);
    let breakdowns = tables::breakdowns(r.cb, r.scores);
    let named: Vec<(String, &Table)> = (all.list().into_iter())
        .map(|t| (t.name.to_string(), t))
        .chain(breakdowns.iter().flat_map(|b| {
            b.list()
                .into_iter()
                .map(move |t| (format!("{}/{}", b.folder, t.name), t))
        }))
        .collect();
    let (checked, published) = check_published(r.cb, &r.round.id, &named)?;
    let main: Vec<&Table> = all.list().into_iter().chain(published.as_ref()).collect();
    let folders: Vec<Folder> = std::iter::once(Folder::new(TABLES.to_string(), main))
        .chain((breakdowns.iter()).map(|b| Folder::new(format!("{TABLES}/{}", b.folder), b.list())))
        .collect();
    if r.no_charts {
        write_tables(out, &folders, r.cb, r.lang)?;
        return Ok(outcome(&checked, r.lang));
    }
    let charts = write_charts(out, charts::all(r.cb, r.scores, r.notes, r.lang))?;
    let doc = report::round_document(&ReportInput {
        cb: r.cb,
        round: r.round,
        scores: r.scores,
        notes: r.notes,
        tables: &all,
        breakdowns: &breakdowns,
        charts: &charts,
        ledgers: r.ledgers,
        inputs: r.inputs,
        published: &checked,
        lang: r.lang,
    });
    // The report is made while the table files are (it needs the charts,
    // the table files need nothing more).
    let (written, reported) = rayon::join(
        || write_tables(out, &folders, r.cb, r.lang),
        || write_documents(out, &doc, &charts),
    );
    written.and(reported)?;
    Ok(outcome(&checked, r.lang))
}

/// A comparison's files: its tables, and unless tables only, its charts
/// and report.
pub fn comparison(c: &CompareExport, out: &Queue) -> Result<Outcome, Error> {
    let all = tables::comparison(c.cb, c.cmp);
    let named: Vec<(String, &Table)> = (all.list().into_iter())
        .map(|t| (t.name.to_string(), t))
        .collect();
    let name = crate::output::compare_folder(&c.cmp.from, &c.cmp.to);
    let (checked, published) = check_published(c.cb, &name, &named)?;
    let main: Vec<&Table> = all.list().into_iter().chain(published.as_ref()).collect();
    let folder = Folder::new(TABLES.to_string(), main);
    write_tables(out, &[folder], c.cb, c.lang)?;
    if c.no_charts {
        return Ok(outcome(&checked, c.lang));
    }
    let charts = write_charts(out, charts::dumbbells(c.cb, c.cmp, c.lang))?;
    let doc = report::comparison_document(&CompareInput {
        cb: c.cb,
        cmp: c.cmp,
        tables: &all,
        charts: &charts,
        inputs: c.inputs,
        published: &checked,
        lang: c.lang,
    });
    write_documents(out, &doc, &charts)?;
    Ok(outcome(&checked, c.lang))
}

/// Every folder's tables in every table format. Each (folder, format) is
/// one part, made on whichever core is free, the largest first (a
/// breakdown's workbook alone can take as long as all other parts), and
/// queued for the writer as it is done; the manifest lists them sorted.
fn write_tables(
    out: &Queue,
    folders: &[Folder],
    cb: &Codebook,
    lang: Language,
) -> Result<(), Error> {
    let mut parts: Vec<(&Folder, &dyn TableWriter)> = (folders.iter())
        .flat_map(|f| TABLE_WRITERS.iter().map(move |w| (f, *w)))
        .collect();
    let cells = |f: &Folder| -> usize {
        (f.tables.iter())
            .map(|t| t.rows().len() * t.headers().len())
            .sum()
    };
    parts.sort_by_key(|(f, w)| std::cmp::Reverse(w.cost(cells(f))));
    (parts.into_par_iter())
        .map(|(f, w)| {
            for (name, bytes) in w.files(&f.tables_for(w, cb, lang), lang)? {
                out.write(format!("{}/{name}", f.dir), bytes);
            }
            Ok(())
        })
        .collect::<Result<(), ExportError>>()
        .map_err(Error::from)
}

/// Paints every chart scene on every core and queues its SVG and PNG as
/// soon as it is painted; the charts in scene order.
fn write_charts(out: &Queue, scenes: Vec<(String, Scene)>) -> Result<Vec<ChartFile>, Error> {
    scenes
        .into_par_iter()
        .map(|(name, scene)| {
            let c = charts::paint(name, &scene).map_err(|message| Error::Render {
                what: CHARTS.to_string(),
                message,
            })?;
            let path = format!("{CHARTS}/{}", c.name);
            out.write(format!("{path}.svg"), c.svg.clone().into_bytes());
            out.write(format!("{path}.png"), c.png.clone());
            Ok(c)
        })
        .collect()
}

/// The report in every document format, made side by side.
fn write_documents(out: &Queue, doc: &Document, charts: &[ChartFile]) -> Result<(), Error> {
    (DOCUMENT_WRITERS.par_iter())
        .map(|w: &&dyn DocumentWriter| {
            out.write(w.file().to_string(), w.write(doc, charts)?);
            Ok(())
        })
        .collect::<Result<(), ExportError>>()
        .map_err(Error::from)
}
