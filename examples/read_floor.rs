//! The floor of `scripts/bench.sh`: a bare polars read of a CSV into a
//! DataFrame with `CsvReadOptions` defaults (schema inferred), the separator
//! sniffed from the header line and nothing else. `peil run --no-charts` is
//! measured against this.
//!
//! Usage: target/release/examples/read_floor FILE.csv

use std::io::BufRead;

use polars::prelude::*;

fn main() -> PolarsResult<()> {
    let path = std::env::args().nth(1).expect("usage: read_floor FILE.csv");
    let mut first_line = String::new();
    BufRead::read_line(
        &mut std::io::BufReader::new(std::fs::File::open(&path)?),
        &mut first_line,
    )?;
    let semicolons = first_line.matches(';').count();
    let commas = first_line.matches(',').count();
    let separator = if semicolons > commas { b';' } else { b',' };
    let df = CsvReadOptions::default()
        .with_parse_options(CsvParseOptions::default().with_separator(separator))
        .try_into_reader_with_file_path(Some(path.into()))?
        .finish()?;
    println!("{} rows x {} columns", df.height(), df.width());
    Ok(())
}
