//! report.docx: a [`Document`] as a Word document, with the `docx-rs` crate.
//!
//! Owns the Word form of the report: Word's own heading styles (so the
//! navigation pane and a team's template work), tables as Word tables whose
//! header row repeats on every page, sized from their text and turned to
//! landscape pages when too wide, charts as their PNG sized to the page
//! width, the rule text as a note, and the footer with peil's version and
//! the input hashes. Byte-identical on rerun: the package dates are docx-rs'
//! fixed 1970 ones, the zip entries carry the fixed 1980 DOS time (`pack`),
//! and ids are counters. It must not choose what the report says (`report`) nor
//! write the file.

use docx_rs::{
    create_footer_rid, AlignmentType, Docx, Footer, LineSpacing, NumPages, PageMargin, PageNum,
    PageOrientationType, PageSize, Paragraph, Pic, Run, RunFonts, SectionProperty, Style,
    StyleType, Table, TableCell, TableLayoutType, TableRow, WidthType, XMLDocx,
};

use crate::codebook::Language;
use crate::render::charts::ChartFile;
use crate::render::escape::xml as esc;
use crate::render::export::writer::{DocumentWriter, ExportError};
use crate::render::report::document::{Block, Card, Document, Grid};
use crate::render::words::Words;

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: i32 = 1134;
/// The text width: what tables and charts are sized to.
const TEXT_W: u32 = PAGE_W - 2 * MARGIN as u32;
/// The text width of a landscape page, for a table too wide for the other.
const WIDE_W: u32 = PAGE_H - 2 * MARGIN as u32;
/// English Metric Units per twentieth of a point.
const EMU_PER_TWIP: u32 = 635;

/// `report.docx`.
pub struct Word;

impl DocumentWriter for Word {
    fn file(&self) -> &'static str {
        "report.docx"
    }

    fn write(&self, doc: &Document, charts: &[ChartFile]) -> Result<Vec<u8>, ExportError> {
        docx(doc, charts).map_err(|e| ExportError::of("report.docx")(&e))
    }
}

/// The document as the bytes of a .docx file.
pub fn docx(doc: &Document, charts: &[ChartFile]) -> Result<Vec<u8>, String> {
    let foot = footer(doc);
    let mut d = styles(Docx::new())
        .page_size(PAGE_W, PAGE_H)
        .page_margin(margins())
        .footer(foot.clone());
    d = d.add_paragraph(styled("Title", &doc.title));
    d = d.add_paragraph(styled("Subtitle", &doc.subtitle));
    // Tables too wide for a portrait page sit on landscape pages: a section
    // of their own, ended (with the same footer) when a block that is no
    // such table follows.
    let mut landscape = false;
    for b in &doc.blocks {
        let wide = matches!(b, Block::Table(g) if too_wide_for_portrait(g));
        if wide != landscape {
            d = d.add_paragraph(section_end(landscape, &foot));
            landscape = wide;
        }
        d = block(d, b, charts, landscape)?;
    }
    if landscape {
        d = d.add_paragraph(section_end(true, &foot));
    }
    let mut xml = colophon(d, doc).build();
    let document = repeat_header_rows(&xml.document);
    let document = with_alt_texts(&String::from_utf8_lossy(&document), &alt_texts(doc, charts));
    xml.document = document.into_bytes();
    xml.styles = with_language(&xml.styles, doc.lang);
    xml.doc_props.core = core_properties(doc).into_bytes();
    pack(xml).map_err(|e| e.to_string())
}

/// Peil's version and the input hashes, at the end (the footer holds the
/// page numbers).
fn colophon(d: Docx, doc: &Document) -> Docx {
    let w = Words(doc.lang);
    let small = |t: &str| Paragraph::new().add_run(Run::new().add_text(t).size(16).color("595959"));
    let d = d
        .add_paragraph(styled("Heading1", w.t("Colofon", "Colophon")))
        .add_paragraph(small(&doc.footer));
    (doc.inputs.iter()).fold(d, |d, i| {
        d.add_paragraph(small(&format!("{}: {}", i.file, i.sha256)))
    })
}

/// The charts' titles, in the order their pictures stand in the document.
fn alt_texts(doc: &Document, charts: &[ChartFile]) -> Vec<String> {
    (doc.blocks.iter())
        .filter_map(|b| match b {
            Block::Chart(i) => charts.get(*i).map(|c| c.title.clone()),
            _ => None,
        })
        .collect()
}

/// Each picture's `docPr` with a unique id and its alt text (`descr`), in
/// document order: docx-rs writes `id="1" name="Figure"` for every one.
fn with_alt_texts(document: &str, alts: &[String]) -> String {
    const PR: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
    let mut out = String::with_capacity(document.len() + alts.len() * 80);
    let mut parts = document.split(PR);
    out.push_str(parts.next().unwrap_or_default());
    for (i, rest) in parts.enumerate() {
        let alt = alts.get(i).map_or("", String::as_str);
        out.push_str(&format!(
            "<wp:docPr id=\"{}\" name=\"Figure {}\" descr=\"{}\" />",
            i + 1,
            i + 1,
            esc(alt)
        ));
        out.push_str(rest);
    }
    out
}

/// The styles with the document's language as the default for every run,
/// so that Word and LibreOffice check the spelling in it.
fn with_language(styles: &[u8], lang: Language) -> Vec<u8> {
    let code = match lang {
        Language::Nl => "nl-NL",
        Language::En => "en-GB",
    };
    let text = String::from_utf8_lossy(styles);
    let at = "<w:rPrDefault><w:rPr>";
    let lang_el = format!("{at}<w:lang w:val=\"{code}\" w:eastAsia=\"{code}\" w:bidi=\"ar-SA\" />");
    text.replacen(at, &lang_el, 1).into_bytes()
}

/// docProps/core.xml: title, subject, creator and language; the date of
/// the round where it has one (never the run's time: reruns stay
/// byte-identical), else no date at all.
fn core_properties(doc: &Document) -> String {
    let lang = match doc.lang {
        Language::Nl => "nl-NL",
        Language::En => "en-GB",
    };
    let dates = doc.date.as_deref().map_or_else(String::new, |d| {
        let at = format!("{d}T00:00:00Z");
        format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{at}</dcterms:modified>"
        )
    });
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>peil</dc:creator><cp:lastModifiedBy>peil</cp:lastModifiedBy><dc:language>{lang}</dc:language>{dates}</cp:coreProperties>",
        esc(&doc.title),
        esc(&doc.subtitle)
    )
}

/// The package parts as a zip, in docx-rs' order. Not docx-rs' own packer:
/// it deflates the chart PNGs once more (most of the document's bytes, for
/// nothing: PNG is compressed already); here they are stored, the XML
/// deflated, and every entry carries the fixed DOS time 1980-01-01.
fn pack(xml: XMLDocx) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let fixed = SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    let deflated = fixed
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let stored = fixed.compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let parts = [
        ("[Content_Types].xml", &xml.content_type),
        ("_rels/.rels", &xml.rels),
        ("docProps/app.xml", &xml.doc_props.app),
        ("docProps/core.xml", &xml.doc_props.core),
        ("docProps/custom.xml", &xml.doc_props.custom),
        ("word/_rels/document.xml.rels", &xml.document_rels),
        ("word/document.xml", &xml.document),
        ("word/styles.xml", &xml.styles),
        ("word/settings.xml", &xml.settings),
        ("word/fontTable.xml", &xml.font_table),
        ("word/comments.xml", &xml.comments),
        ("word/numbering.xml", &xml.numberings),
        ("word/commentsExtended.xml", &xml.comments_extended),
        ("word/footnotes.xml", &xml.footnotes),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, deflated)?;
        zip.write_all(bytes)?;
    }
    for (i, f) in xml.footers.iter().enumerate() {
        zip.start_file(format!("word/footer{}.xml", i + 1), deflated)?;
        zip.write_all(f)?;
        if let Some(rels) = xml.footer_rels.get(i).filter(|r| !r.is_empty()) {
            zip.start_file(format!("word/_rels/footer{}.xml.rels", i + 1), deflated)?;
            zip.write_all(rels)?;
        }
    }
    for (id, png) in &xml.media {
        zip.start_file(format!("word/media/{id}.png"), stored)?;
        zip.write_all(png)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Word's built-in heading styles by their ids and names, plus what the
/// blocks use; a team's template replaces them by id.
fn styles(d: Docx) -> Docx {
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .size(size)
            .bold()
            .color("5E3C99")
            .outline_lvl(level - 1)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    d.default_fonts(
        RunFonts::new()
            .ascii("Liberation Sans")
            .hi_ansi("Liberation Sans"),
    )
    .default_size(20)
    // Space after every paragraph, a little more around headings: the
    // styles give the rhythm, so a team's template can change it.
    .default_line_spacing(LineSpacing::new().after(120))
    .add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(40)
            .bold(),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .size(24)
            .color("595959"),
    )
    .add_style(heading(1, 32))
    .add_style(heading(2, 26))
    .add_style(heading(3, 22))
    .add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .italic(),
    )
    .add_style(
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .size(18)
            .color("595959"),
    )
}

fn styled(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

fn plain(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn margins() -> PageMargin {
    PageMargin {
        top: MARGIN,
        left: MARGIN,
        bottom: MARGIN,
        right: MARGIN,
        header: 567,
        footer: 567,
        gutter: 0,
    }
}

/// One block; a table across a landscape page when `landscape`.
fn block(d: Docx, b: &Block, charts: &[ChartFile], landscape: bool) -> Result<Docx, String> {
    Ok(match b {
        Block::Heading(level, t) => {
            d.add_paragraph(styled(&format!("Heading{level}"), t).keep_next(true))
        }
        Block::Para(t) => d.add_paragraph(plain(t)),
        Block::Note { lead, text } => {
            let mut p = Paragraph::new();
            if let Some(l) = lead {
                p = p.add_run(Run::new().add_text(format!("{l} ")).bold());
            }
            d.add_paragraph(p.add_run(Run::new().add_text(text)))
        }
        Block::Cards(cards) => cards.iter().fold(d, |d, c| d.add_paragraph(card(c))),
        Block::Table(g) => {
            let d = match g.caption.is_empty() {
                true => d,
                false => d.add_paragraph(styled("Caption", &g.caption).keep_next(true)),
            };
            d.add_table(table(g, if landscape { WIDE_W } else { TEXT_W }))
        }
        // The chart's title is in the image; its alt text is added to the
        // picture after the build (`with_alt_texts`).
        Block::Chart(i) => match charts.get(*i) {
            Some(c) => {
                d.add_paragraph(Paragraph::new().add_run(Run::new().add_image(picture(&c.png)?)))
            }
            None => d,
        },
        Block::Quote { text, source } => {
            d.add_paragraph(styled("Quote", &format!("{text} ({source})")))
        }
        Block::List(lines) => lines
            .iter()
            .fold(d, |d, l| d.add_paragraph(plain(&format!("• {l}")))),
    })
}

fn card(c: &Card) -> Paragraph {
    let mut p = Paragraph::new()
        .add_run(Run::new().add_text(format!("{} ", c.big)).bold().size(28))
        .add_run(Run::new().add_text(&c.label));
    if let Some(a) = &c.aside {
        p = p.add_run(Run::new().add_text(format!(" {a}")).color("595959"));
    }
    p
}

/// Whether a table's cells do not fit across a portrait page even at 8 pt
/// with its headers wrapped (its `hard` widths, see [`column_widths`]): it
/// then gets a landscape page, as a report author would turn the page for
/// it. A table that only lacks room for whole header words stays upright:
/// a landscape page for a few rows costs more than a header split in two.
fn too_wide_for_portrait(g: &Grid) -> bool {
    column_widths(g, TEXT_W as usize, CHAR_W * 4 / 5).1 == Fit::None
}

/// An empty paragraph that ends the section before it, landscape or
/// portrait: its pages' size, orientation, margins and footer (the
/// document's one footer part).
fn section_end(landscape: bool, foot: &Footer) -> Paragraph {
    let (w, h, orient) = match landscape {
        true => (PAGE_H, PAGE_W, PageOrientationType::Landscape),
        false => (PAGE_W, PAGE_H, PageOrientationType::Portrait),
    };
    let section = SectionProperty::new()
        .page_size(PageSize::new().size(w, h).orient(orient))
        .page_orient(orient)
        .page_margin(margins())
        .footer(foot.clone(), &create_footer_rid(1));
    Paragraph::new().section_property(section)
}

/// A Word table `total` twips wide (the text width of its page); the
/// header row bold and marked to repeat (see `repeat_header_rows`),
/// numbers right-aligned.
fn table(g: &Grid, total: u32) -> Table {
    // A table whose words do not fit at the body's 10 pt is set at 8 pt.
    let total = total as usize;
    let (size, widths) = match column_widths(g, total, CHAR_W) {
        (widths, Fit::Lines | Fit::Words) => (None, widths),
        _ => (Some(16), column_widths(g, total, CHAR_W * 4 / 5).0),
    };
    let cell = |text: &str, num: bool, bold: bool, width: usize| {
        let run = Run::new().add_text(text);
        let run = match size {
            Some(half_points) => run.size(half_points),
            None => run,
        };
        // No space after a cell's paragraph: rows stay as tall as their text.
        let mut p = Paragraph::new()
            .line_spacing(LineSpacing::new().after(0))
            .add_run(if bold { run.bold() } else { run });
        if num {
            p = p.align(AlignmentType::Right);
        }
        TableCell::new()
            .add_paragraph(p)
            .width(width, WidthType::Dxa)
    };
    let row = |texts: Vec<&str>, bold: bool| {
        let cells = (texts.into_iter().zip(&g.columns).zip(&widths))
            .map(|((t, (_, num)), w)| cell(t, *num, bold, *w))
            .collect();
        // A row is never split across pages.
        TableRow::new(cells).cant_split()
    };
    let head = row(g.columns.iter().map(|(c, _)| c.as_str()).collect(), true);
    let body = (g.rows.iter()).map(|r| row(r.iter().map(String::as_str).collect(), false));
    Table::new(std::iter::once(head).chain(body).collect())
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(total, WidthType::Dxa)
}

/// Twips per character of 10 pt Liberation Sans, on the wide side (a digit
/// is 0.556 em, 111 twips), and per cell for Word's margins.
const CHAR_W: usize = 115;
const CELL_PAD: usize = 230;

/// Column widths in twips that add up to `total`, from the text they hold,
/// much as a browser lays out a table. Each column has three widths: its
/// longest line (`max`), its longest word, the header's words included
/// (`soft`), and what it cannot do without (`hard`: a number column's
/// longest value, whose header may wrap; a text column's longest word).
/// The table gets the widest tier that fits, so no word breaks in the
/// middle ("Herkenbaa-rheid") while there is room: with every word whole,
/// the spare room goes to the columns in proportion to what they lack of
/// their longest line; with only the cells whole, to the headers that lack
/// least ([`whole_headers_first`]); a table too wide even for `hard` keeps
/// its numbers whole ([`too_wide`]). Equal widths gave a p-value column as
/// much room as the item texts.
///
/// Also says which tier fitted, at `char_w` twips per character.
fn column_widths(g: &Grid, total: usize, char_w: usize) -> (Vec<usize>, Fit) {
    let width = |chars: usize| CELL_PAD + char_w * chars;
    let longest =
        |texts: &mut dyn Iterator<Item = &str>| texts.map(|t| t.chars().count()).max().unwrap_or(0);
    let mut tiers: [Vec<usize>; 3] = Default::default();
    for (c, (header, numeric)) in g.columns.iter().enumerate() {
        let cells = || {
            g.rows
                .iter()
                .filter_map(move |r| r.get(c).map(String::as_str))
        };
        let cell_words = longest(&mut cells().flat_map(str::split_whitespace));
        // Headers are bold: a tenth wider than the body's characters
        // ("Overeenstemming" broke in two at its plain width).
        let bold = |chars: usize| chars * 11 / 10 + 1;
        let header_words = bold(longest(&mut header.split_whitespace()));
        let hard = if *numeric {
            longest(&mut cells())
        } else {
            cell_words.max(header_words)
        };
        let line = longest(&mut cells()).max(bold(header.chars().count()));
        tiers[0].push(width(hard));
        tiers[1].push(width(hard.max(header_words)));
        tiers[2].push(width(line));
    }
    let sum = |v: &[usize]| v.iter().sum::<usize>();
    let fit = match (0..3).rev().find(|i| sum(&tiers[*i]) <= total) {
        Some(2) => Fit::Lines,
        Some(1) => Fit::Words,
        Some(_) => Fit::Cells,
        None => Fit::None,
    };
    let [hard, soft, line] = &tiers;
    let mut widths = match fit {
        Fit::Lines => (line.iter())
            .map(|m| m * total / sum(line).max(1))
            .collect(),
        Fit::Words => {
            let (spare, lack) = (total - sum(soft), sum(line) - sum(soft));
            (soft.iter().zip(line))
                .map(|(l, h)| l + (h - l) * spare / lack.max(1))
                .collect()
        }
        Fit::Cells => whole_headers_first(hard, soft, total),
        Fit::None => too_wide(g, hard, total),
    };
    // Rounding down leaves a few twips: the widest column takes them.
    let short = total.saturating_sub(sum(&widths));
    if let Some(w) = widths.iter_mut().max() {
        *w += short;
    }
    (widths, fit)
}

/// Cells fit but not every header word: the headers that lack the least
/// get their whole words first, so that as many as possible read whole
/// ("Mediaan", not "Mediaa-n"); the others share what is left in
/// proportion to what they lack (their headers wrap).
fn whole_headers_first(hard: &[usize], soft: &[usize], total: usize) -> Vec<usize> {
    let mut widths = hard.to_vec();
    let mut spare = total.saturating_sub(hard.iter().sum());
    let lack = |c: usize| soft[c] - hard[c];
    let mut by_lack: Vec<usize> = (0..hard.len()).collect();
    by_lack.sort_by_key(|c| (lack(*c), *c));
    let mut rest = Vec::new();
    for c in by_lack {
        if rest.is_empty() && lack(c) <= spare {
            widths[c] = soft[c];
            spare -= lack(c);
        } else {
            rest.push(c);
        }
    }
    let lacking: usize = rest.iter().map(|c| lack(*c)).sum();
    for c in rest {
        widths[c] += lack(c) * spare / lacking.max(1);
    }
    widths
}

/// How much of a table fits its width: every cell on one line, every word
/// whole, every cell's words but not the headers', or not even that.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Lines,
    Words,
    Cells,
    None,
}

/// A table wider than the page even at its `hard` widths: the number
/// columns keep theirs (a number broken over lines misreads), and the text
/// columns share the rest with the widest cut first, down to one cap, so
/// that a column of short words ("Herkenbaarheid") stays whole and a long
/// item text, which wraps anyway, gives up the room. Numbers that do not
/// fit even alone share the width in proportion.
fn too_wide(g: &Grid, hard: &[usize], total: usize) -> Vec<usize> {
    let numeric = |c: usize| g.columns[c].1;
    let numbers: usize = (0..hard.len())
        .filter(|c| numeric(*c))
        .map(|c| hard[c])
        .sum();
    if numbers >= total || numbers == hard.iter().sum::<usize>() {
        let all = hard.iter().sum::<usize>().max(1);
        return hard.iter().map(|w| w * total / all).collect();
    }
    let room = total - numbers;
    let mut text: Vec<usize> = (0..hard.len())
        .filter(|c| !numeric(*c))
        .map(|c| hard[c])
        .collect();
    text.sort_unstable();
    // The cap: the widest width every text column can have at most.
    let mut used = 0;
    let mut cap = usize::MAX;
    for (i, w) in text.iter().enumerate() {
        let left = text.len() - i;
        if used + w * left > room {
            cap = (room - used) / left;
            break;
        }
        used += w;
    }
    (0..hard.len())
        .map(|c| {
            if numeric(c) {
                hard[c]
            } else {
                hard[c].min(cap)
            }
        })
        .collect()
}

/// docx-rs has no `tblHeader`: the header rows, the only ones marked
/// `cantSplit`, get it next to that mark, so Word repeats them on every page.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document);
    text.replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .replace("<w:cantSplit/>", "<w:cantSplit/><w:tblHeader/>")
        .into_bytes()
}

/// A chart's PNG at the text width, its height in proportion.
fn picture(png: &[u8]) -> Result<Pic, String> {
    let (w, h) = png_size(png).ok_or("a chart is not a PNG image")?;
    let width = TEXT_W * EMU_PER_TWIP;
    let height = (u64::from(width) * u64::from(h) / u64::from(w.max(1))) as u32;
    Ok(Pic::new_with_dimensions(png.to_vec(), w, h).size(width, height))
}

/// Width and height from a PNG's IHDR chunk (bytes 16..24, big-endian).
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") || png.len() < 24 {
        return None;
    }
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    Some((be(16), be(20)))
}

/// "pagina 3 van 38" / "page 3 of 38", centred, as Word fields.
fn footer(doc: &Document) -> Footer {
    let w = Words(doc.lang);
    let run = |t: String| Run::new().add_text(t).size(16).color("595959");
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(run(format!("{} ", w.t("pagina", "page"))))
        .add_page_num(PageNum::new())
        .add_run(run(format!(" {} ", w.t("van", "of"))))
        .add_num_pages(NumPages::new());
    Footer::new().add_paragraph(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_size_reads_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend([0, 0, 4, 76, 0, 0, 1, 244]);
        assert_eq!(png_size(&png), Some((1100, 500)));
        assert_eq!(png_size(b"GIF89a"), None);
    }

    fn grid(columns: &[&str], rows: &[&[&str]]) -> Grid {
        Grid {
            caption: String::new(),
            columns: columns.iter().map(|c| (c.to_string(), false)).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        }
    }

    #[test]
    fn columns_get_their_longest_word_and_fill_the_text_width() {
        // Narrow: the long words must fit, the long item text wraps.
        let long_item = "Onderhoudt contact met collega's en ondersteunt docenten bij het ontwerpen van onderwijs";
        let g = grid(
            &["Maat", "Gebied", "Item", "p"],
            &[&["Herkenbaarheid", "Vaardigheden", long_item, "0,017"]],
        );
        let w = column_widths(&g, 9638, CHAR_W).0;
        assert_eq!(w.iter().sum::<usize>(), 9638);
        assert!(w[0] >= CELL_PAD + CHAR_W * "Herkenbaarheid".len(), "{w:?}");
        assert!(w[1] >= CELL_PAD + CHAR_W * "Vaardigheden".len(), "{w:?}");
        assert!(
            w[2] > w[0] && w[3] < w[0],
            "the item text gets the rest: {w:?}"
        );
        // Wide enough for every line: widths in proportion to them.
        let g = grid(&["a", "bb"], &[&["xx", "yyyy"]]);
        let w = column_widths(&g, 10000, CHAR_W).0;
        assert_eq!(w.iter().sum::<usize>(), 10000);
        assert!(w[1] > w[0], "{w:?}");
        // Too narrow even for the words: in proportion to them.
        let w = column_widths(
            &grid(&["a"; 3], &[&["x".repeat(40).as_str(); 3]]),
            9000,
            CHAR_W,
        )
        .0;
        assert_eq!(w, [3000, 3000, 3000]);
    }

    #[test]
    fn a_table_too_wide_keeps_its_numbers_whole() {
        let mut g = grid(
            &["Maat", "Item", "Gemiddelde (vóór)", "U"],
            &[&[
                "Herkenbaarheid",
                &"onderwijsinnovatie ".repeat(3),
                "3,1",
                "2397,0",
            ]],
        );
        g.columns[2].1 = true;
        g.columns[3].1 = true;
        let w = column_widths(&g, 2600, CHAR_W).0;
        assert_eq!(w.iter().sum::<usize>(), 2600);
        assert!(
            w[2] >= CELL_PAD + 3 * CHAR_W && w[3] >= CELL_PAD + 6 * CHAR_W,
            "{w:?}"
        );
        // Room for "Herkenbaarheid" but not also for "onderwijsinnovatie":
        // the long item text gives up the room, the short word stays whole.
        let w = column_widths(&g, 5300, CHAR_W).0;
        assert_eq!(w.iter().sum::<usize>(), 5300);
        assert_eq!(w[0], CELL_PAD + 14 * CHAR_W, "{w:?}");
        assert!(w[1] < CELL_PAD + 18 * CHAR_W, "{w:?}");
        // With room for the values but not the header word "Gemiddelde",
        // the header wraps and the value stays whole.
        let w = column_widths(&g, 6000, CHAR_W).0;
        assert!(
            w[2] < CELL_PAD + 10 * CHAR_W && w[2] >= CELL_PAD + 3 * CHAR_W,
            "{w:?}"
        );
        assert!(w[0] >= CELL_PAD + 14 * CHAR_W, "{w:?}");
    }

    #[test]
    fn headers_lacking_least_are_made_whole_first() {
        // 500 to spare: the first header (lacks 300) is made whole; the
        // other two share the 200 left in proportion to what they lack.
        let w = whole_headers_first(&[500, 500, 500], &[800, 1500, 900], 2000);
        assert_eq!(w, [800, 642, 557]);
    }

    /// The document.xml of a report with a narrow table, two wide ones in
    /// a row, and a paragraph after them.
    fn sections_of(blocks: Vec<Block>) -> String {
        let doc = Document {
            lang: crate::codebook::Language::En,
            title: "t".into(),
            subtitle: "s".into(),
            blocks,
            footer: "made with peil".into(),
            inputs: Vec::new(),
            date: None,
        };
        let bytes = docx(&doc, &[]).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn tables_too_wide_for_portrait_share_one_landscape_section() {
        let long: Vec<String> = (0..14).map(|i| format!("Kolomkopnummer{i}")).collect();
        let cols: Vec<&str> = long.iter().map(String::as_str).collect();
        let wide = || Block::Table(grid(&cols, &[&cols]));
        let narrow = Block::Table(grid(&["a", "b"], &[&["1", "2"]]));
        let xml = sections_of(vec![
            narrow,
            wide(),
            wide(),
            Block::Para("paragraph after".into()),
        ]);
        // Portrait ends before the wide tables, landscape after them, and
        // the body's own portrait section closes the document.
        assert_eq!(xml.matches("w:orient=\"landscape\"").count(), 1, "{xml}");
        assert_eq!(xml.matches("<w:sectPr>").count(), 3);
        assert_eq!(
            xml.matches("<w:footerReference").count(),
            3,
            "each section has the footer"
        );
        let landscape = xml.find("landscape").unwrap();
        assert!(xml.find("paragraph after").unwrap() > landscape);
        // Nothing wide, nothing turned.
        let xml = sections_of(vec![Block::Table(grid(&["a"], &[&["1"]]))]);
        assert!(!xml.contains("landscape"));
    }

    #[test]
    fn header_rows_are_marked_to_repeat() {
        let xml = b"<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr>";
        let out = String::from_utf8(repeat_header_rows(xml)).unwrap();
        assert_eq!(out.matches("<w:tblHeader />").count(), 1);
    }

    /// A finished document: page numbers in the footer, the language on
    /// every run, rows that never split, alt text on every picture, title
    /// and subject in the core properties and the round's date (never
    /// 1970, never the run's time).
    #[test]
    fn a_finished_word_document() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend([0, 0, 3, 232, 0, 0, 1, 244]);
        let chart = ChartFile {
            name: "c".into(),
            title: "Mean per area & group".into(),
            svg: String::new(),
            png,
        };
        let doc = Document {
            lang: Language::Nl,
            title: "Studie".into(),
            subtitle: "Ronde 1".into(),
            blocks: vec![
                Block::Table(grid(&["a", "b"], &[&["x", "y"], &["z", "w"]])),
                Block::Chart(0),
            ],
            footer: "made with peil".into(),
            inputs: Vec::new(),
            date: Some("2025-03-31".into()),
        };
        // (Reruns are compared byte for byte on whole runs, in tests/report.rs:
        // docx-rs numbers images by a counter of the process.)
        let bytes = docx(&doc, &[chart]).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut xml).unwrap();
            xml
        };
        let footer = part("word/footer1.xml");
        assert!(
            footer.contains("PAGE") && footer.contains("NUMPAGES"),
            "{footer}"
        );
        assert!(part("word/styles.xml").contains("<w:lang w:val=\"nl-NL\""));
        let document = part("word/document.xml");
        assert_eq!(
            document.matches("<w:tr>").count() + document.matches("<w:tr ").count(),
            document.matches("<w:cantSplit").count()
        );
        assert!(
            document.contains("descr=\"Mean per area &amp; group\""),
            "alt text"
        );
        let core = part("docProps/core.xml");
        assert!(core.contains("<dc:title>Studie</dc:title>") && core.contains("2025-03-31T"));
        assert!(!core.contains("1970") && !core.contains("unknown"));
    }
}
