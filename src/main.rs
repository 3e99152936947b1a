//! The `peil` binary: everything is in the library; `cmd` runs the command
//! and says how it ended.

fn main() -> std::process::ExitCode {
    peil::cmd::main().into()
}
