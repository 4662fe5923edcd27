//! The `cantonal` command: parse the arguments, run the subcommand, exit with its code.

fn main() -> std::process::ExitCode {
    cantonal::cli::main()
}
