//! The `mongolia-relations` command line. Its code is the library's `cli` module, so that the
//! Python package runs the very same commands.

fn main() -> std::process::ExitCode {
    mongolia_relations::cli::main()
}
