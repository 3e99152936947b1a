fn main() {
    match peil::cli::run() {
        Ok(status) => std::process::exit(status.code()),
        Err(e) => {
            eprintln!("peil: error: {e:#}");
            std::process::exit(peil::exit_code(&e));
        }
    }
}
