//! The `cantonal` command: parse the arguments, run the subcommand, exit with its code.

/// Plans are many small YAML nodes and strings: a faster allocator than the system's shortens
/// `validar` over a folder noticeably (docs/rendimiento.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cantonal::cli::main()
}
