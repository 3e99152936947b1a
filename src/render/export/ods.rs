//! `summary.ods`: every table of a folder as one sheet of an OpenDocument
//! spreadsheet (the open standard Dutch public bodies must accept), with
//! the `spreadsheet-ods` crate.
//!
//! Owns the ODS form of a [`Table`] put in people's words, as `xlsx` owns
//! the xlsx one: header row in words, bold and frozen, numbers as numbers (full precision; a number
//! format shows the report's rounding), text a spreadsheet would run as a
//! formula escaped. Byte-identical on rerun: the crate stamps each zip
//! entry with the current time, so the entries are copied as they are into
//! a zip whose every entry carries the fixed DOS time 1980-01-01. It must
//! not round a number nor write the file itself.

use std::io::Cursor;

use spreadsheet_ods::format::{ValueFormatNumber, ValueFormatPercentage};
use spreadsheet_ods::{
    write_ods_buf_uncompressed, CellStyle, CellStyleRef, Length, Sheet, WorkBook,
};

use crate::codebook::Language;
use crate::render::escape;
use crate::render::export::writer::{ExportError, File, TableWriter};
use crate::render::export::xlsx::sheet_name;
use crate::render::tables::table::{Kind, Table, Value};

const FILE: &str = "summary.ods";

/// `summary.ods`: all tables of a folder, a sheet each.
pub struct Ods;

impl TableWriter for Ods {
    fn files(&self, tables: &[&Table], lang: Language) -> Result<Vec<File>, ExportError> {
        let bytes = workbook(tables, lang).map_err(|e| ExportError::of(FILE)(&e))?;
        Ok(vec![(FILE.to_string(), bytes)])
    }

    fn for_people(&self) -> bool {
        true
    }

    /// About as much as the xlsx workbook.
    fn cost(&self, cells: usize) -> usize {
        8 * cells
    }
}

/// The cell styles: bold headers, and one number format per kind.
struct Styles {
    header: CellStyleRef,
    mean: CellStyleRef,
    share: CellStyleRef,
    stat: CellStyleRef,
    p: CellStyleRef,
}

impl Styles {
    fn add(wb: &mut WorkBook) -> Styles {
        let mut number = |name: &str, decimals: u8| {
            let mut f = ValueFormatNumber::new_named(format!("{name}-format"));
            f.part_number()
                .min_integer_digits(1)
                .fixed_decimal_places(decimals)
                .build();
            let f = wb.add_number_format(f);
            wb.add_cellstyle(CellStyle::new(name, &f))
        };
        let (mean, stat, p) = (number("mean", 1), number("stat", 2), number("p", 3));
        let mut pct = ValueFormatPercentage::new_named("share-format");
        pct.part_number()
            .min_integer_digits(1)
            .fixed_decimal_places(0)
            .build();
        pct.part_text("%").build();
        let pct = wb.add_percentage_format(pct);
        let share = wb.add_cellstyle(CellStyle::new("share", &pct));
        let mut bold = CellStyle::new_empty();
        bold.set_name("header");
        bold.set_font_bold();
        let header = wb.add_cellstyle(bold);
        Styles {
            header,
            mean,
            share,
            stat,
            p,
        }
    }

    /// The number style of a column's kind, if it has one.
    fn of(&self, kind: Kind) -> Option<&CellStyleRef> {
        match kind {
            Kind::Mean => Some(&self.mean),
            Kind::Share => Some(&self.share),
            Kind::Stat => Some(&self.stat),
            Kind::P => Some(&self.p),
            Kind::Text | Kind::Count | Kind::Flag | Kind::Half => None,
        }
    }
}

fn sheet(t: &Table, styles: &Styles, lang: Language) -> Sheet {
    let mut sh = Sheet::new(sheet_name(t));
    for (c, h) in t.headers().iter().enumerate() {
        sh.set_styled_value(0, c as u32, h.words(lang), &styles.header);
        let widest = (t.rows().iter())
            .map(|r| cell_len(&r[c]))
            .max()
            .unwrap_or(0)
            .max(h.words(lang).chars().count());
        // About 2 mm a character, as the xlsx sheet's widths.
        sh.set_col_width(c as u32, Length::Mm(2.0 * (widest.min(60) + 2) as f64));
    }
    for (r, row) in t.rows().iter().enumerate() {
        let r = r as u32 + 1;
        for ((c, v), h) in row.iter().enumerate().zip(t.headers()) {
            let c = c as u32;
            match (v, styles.of(h.kind)) {
                (Value::Text(s), _) => sh.set_value(r, c, escape::formula(s).as_ref()),
                (Value::Int(n), _) => sh.set_value(r, c, *n as f64),
                (Value::Num(x), Some(style)) => sh.set_styled_value(r, c, *x, style),
                (Value::Num(x), None) => sh.set_value(r, c, *x),
                (Value::Flag(b), _) => sh.set_value(r, c, *b),
                (Value::Empty, _) => {}
            }
        }
    }
    sh.split_row_header(0);
    sh
}

fn cell_len(v: &Value) -> usize {
    match v {
        Value::Text(s) => s.chars().count(),
        Value::Int(n) => n.to_string().len(),
        Value::Num(_) => 6,
        Value::Flag(_) => 5,
        Value::Empty => 0,
    }
}

/// The spreadsheet as bytes, one sheet per table in the order given.
pub fn workbook(tables: &[&Table], lang: Language) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut wb = WorkBook::new_empty();
    let styles = Styles::add(&mut wb);
    for t in tables {
        wb.push_sheet(sheet(t, &styles, lang));
    }
    // Stored, not deflated: `fixed_times` deflates each XML part once.
    let stamped = write_ods_buf_uncompressed(&mut wb, Vec::new())?;
    Ok(fixed_times(&stamped)?)
}

/// The same zip with every entry's time set to 1980-01-01, in the same
/// order: the uncompressed `mimetype` first, as OpenDocument requires. The
/// crate writes the namespaces of each XML part's root element, and the
/// manifest's entries, in a hash map's order; they are sorted here (the
/// order of attributes means nothing in XML), so that the file does not
/// change from run to run. The crate wrote every entry stored: each XML
/// part is deflated here once, at the fastest level; the others are copied
/// as they are (`mimetype` must stay stored).
fn fixed_times(zip: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::{Read, Write};
    let mut from = zip::ZipArchive::new(Cursor::new(zip))?;
    let mut to = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(zip.len() / 8)));
    let options = zip::write::SimpleFileOptions::default()
        .last_modified_time(zip::DateTime::default())
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for i in 0..from.len() {
        let name = from.by_index_raw(i)?.name()?.into_owned();
        if !name.ends_with(".xml") {
            let entry = from.by_index_raw(i)?;
            to.raw_copy_file_touch(entry, zip::DateTime::default(), None)?;
            continue;
        }
        let mut xml = String::new();
        from.by_index(i)?.read_to_string(&mut xml)?;
        to.start_file(name.as_str(), options)?;
        let mut xml = sorted_root(&sorted_manifest(&xml));
        for container in HASHED {
            xml = sorted_children(&xml, container);
        }
        to.write_all(xml.as_bytes())?;
    }
    Ok(to.finish()?.into_inner())
}

/// The elements whose children the crate writes in a hash map's order.
const HASHED: [&str; 4] = [
    "office:automatic-styles",
    "office:styles",
    "office:master-styles",
    "office:font-face-decls",
];

/// The XML with the child elements of each `<container>` sorted by their
/// text (a style's name is its first attribute after the element name).
fn sorted_children(xml: &str, container: &str) -> String {
    let (open, close) = (format!("<{container}>"), format!("</{container}>"));
    let (Some(start), Some(end)) = (xml.find(&open), xml.find(&close)) else {
        return xml.to_string();
    };
    let inner = &xml[start + open.len()..end];
    let mut children = top_level(inner);
    children.sort_unstable();
    format!(
        "{}{}{}",
        &xml[..start + open.len()],
        children.concat(),
        &xml[end..]
    )
}

/// The top-level elements of an XML fragment that holds elements only.
fn top_level(inner: &str) -> Vec<&str> {
    let (mut out, mut depth, mut from) = (Vec::new(), 0usize, 0usize);
    let mut at = 0;
    while let Some(lt) = inner[at..].find('<').map(|i| i + at) {
        let gt = inner[lt..].find('>').map_or(inner.len() - 1, |i| i + lt);
        let tag = &inner[lt..=gt];
        if tag.starts_with("</") {
            depth = depth.saturating_sub(1);
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        if depth == 0 {
            out.push(&inner[from..=gt]);
            from = gt + 1;
        }
        at = gt + 1;
    }
    out
}

/// The XML with the attributes of its root element sorted.
fn sorted_root(xml: &str) -> String {
    let decl_end = xml.find("?>").map_or(0, |i| i + 2);
    let Some(open) = xml[decl_end..].find('<').map(|i| i + decl_end) else {
        return xml.to_string();
    };
    let Some(close) = xml[open..].find('>').map(|i| i + open) else {
        return xml.to_string();
    };
    let tag = &xml[open + 1..close];
    let (tag, slash) = match tag.strip_suffix('/') {
        Some(t) => (t, "/"),
        None => (tag, ""),
    };
    let mut parts = tag
        .split_inclusive('"')
        .collect::<Vec<_>>()
        .chunks(2)
        .map(|c| c.concat())
        .collect::<Vec<String>>();
    let Some(name_end) = parts.first().and_then(|p| p.find(' ')) else {
        return xml.to_string();
    };
    let first = parts[0].split_off(name_end);
    let name = std::mem::replace(&mut parts[0], first);
    let mut attrs: Vec<String> = parts
        .iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    attrs.sort();
    format!(
        "{}<{name} {}{slash}{}",
        &xml[..open],
        attrs.join(" "),
        &xml[close..]
    )
}

/// The manifest with its `<manifest:file-entry .../>` elements sorted.
fn sorted_manifest(xml: &str) -> String {
    const ENTRY: &str = "<manifest:file-entry ";
    let (Some(first), Some(end)) = (xml.find(ENTRY), xml.rfind("/>")) else {
        return xml.to_string();
    };
    let mut entries: Vec<String> = xml[first..end + 2]
        .split_inclusive("/>")
        .map(str::to_string)
        .collect();
    entries.sort();
    format!("{}{}{}", &xml[..first], entries.concat(), &xml[end + 2..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tables::columns::{COMMENT, MEAN, N, PCT_AGREE};
    use crate::render::tables::table::column;
    use calamine::{Data, Ods as Read, Reader};

    fn table() -> Table {
        type R = (&'static str, u64, f64, f64);
        Table::of(
            "area_scores",
            vec![
                column(COMMENT, |r: &R| Value::Text(r.0.into())),
                column(N, |r: &R| Value::Int(r.1)),
                column(MEAN, |r: &R| Value::Num(r.2)),
                column(PCT_AGREE, |r: &R| Value::Num(r.3)),
            ],
            [("=1+1", 87, 2.953, 0.779)],
        )
    }

    #[test]
    fn numbers_stay_numbers_formulas_are_escaped() {
        let t = table();
        let bytes = workbook(&[&t], Language::En).unwrap();
        let mut wb = Read::new(Cursor::new(bytes)).unwrap();
        let range = wb.worksheet_range("area_scores").unwrap();
        assert_eq!(range.get((0, 2)), Some(&Data::String("Mean".into())));
        assert_eq!(range.get((1, 0)), Some(&Data::String("'=1+1".into())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(87.0)));
        assert_eq!(range.get((1, 2)), Some(&Data::Float(2.953)));
        assert_eq!(range.get((1, 3)), Some(&Data::Float(0.779)));
    }

    #[test]
    fn root_attributes_are_sorted() {
        let xml = r#"<?xml version="1.0"?>
<r xmlns:b="2" xmlns:a="x y"><c d="1"/></r>"#;
        assert_eq!(
            sorted_root(xml),
            r#"<?xml version="1.0"?>
<r xmlns:a="x y" xmlns:b="2"><c d="1"/></r>"#
        );
    }

    #[test]
    fn children_of_a_hashed_container_are_sorted() {
        let xml = r#"<x><office:styles><s n="b"><p/></s><s n="a"/></office:styles></x>"#;
        assert_eq!(
            sorted_children(xml, "office:styles"),
            r#"<x><office:styles><s n="a"/><s n="b"><p/></s></office:styles></x>"#
        );
    }

    #[test]
    fn manifest_entries_are_sorted() {
        let xml = r#"<m><manifest:file-entry b="2"/><manifest:file-entry a="1"/></m>"#;
        assert_eq!(
            sorted_manifest(xml),
            r#"<m><manifest:file-entry a="1"/><manifest:file-entry b="2"/></m>"#
        );
    }

    #[test]
    fn every_entry_has_the_fixed_time_and_mimetype_comes_first_stored() {
        let bytes = workbook(&[&table()], Language::En).unwrap();
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let first = z.by_index(0).unwrap();
        assert_eq!(first.name().unwrap(), "mimetype");
        assert_eq!(first.compression(), zip::CompressionMethod::Stored);
        drop(first);
        for i in 0..z.len() {
            let e = z.by_index(i).unwrap();
            assert_eq!(
                e.last_modified(),
                Some(zip::DateTime::default()),
                "{:?}",
                e.name()
            );
        }
    }
}
