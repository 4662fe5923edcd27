//! The `cantonal` command: parse the arguments, run the subcommand, exit with its code.

/// Plans are many small YAML nodes and strings: a faster allocator than the system's shortens
/// `validar` over a folder noticeably (docs/rendimiento.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc commits each memory arena whole as soon as it reserves it on Linux (option
/// `arena_eager_commit`, 2 by default: «on systems that overcommit»), which made one `generar`
/// hold about 50 MB more than Typst alone (docs/rendimiento.md, «Escala y memoria»). The option
/// must be set before the first allocation, which the Rust runtime makes before `main`: this
/// function runs among the program's constructors, after mimalloc's own (priority 101) and before
/// the runtime starts. `MIMALLOC_ARENA_EAGER_COMMIT` in the environment still decides, as
/// mimalloc documents.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static ARENAS_SIN_COMPROMISO: extern "C" fn() = arenas_sin_compromiso;

#[cfg(target_os = "linux")]
extern "C" fn arenas_sin_compromiso() {
    /// `mi_option_arena_eager_commit` in the numbering of the mimalloc v3 sources that
    /// libmimalloc-sys 0.1.49 builds (its Rust constants follow v2's).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    // SAFETY: getenv reads the environment without allocating (nothing may allocate before the
    // option is set); mi_option_set sets one of mimalloc's global options.
    unsafe {
        if libc::getenv(c"MIMALLOC_ARENA_EAGER_COMMIT".as_ptr()).is_null() {
            libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        }
    }
}

fn main() -> std::process::ExitCode {
    cantonal::cli::main()
}
