//! The `cantonal` command: parse the arguments, run the subcommand, exit with its code.

/// Plans are many small YAML nodes and strings: a faster allocator than the system's shortens
/// `validar` over a folder noticeably (docs/rendimiento.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Two of mimalloc's options, so that a process holds about what Typst alone holds
/// (docs/rendimiento.md, «Escala y memoria»):
///
/// - `arena_eager_commit` (2 by default: «on systems that overcommit») commits each memory arena
///   whole as soon as it is reserved on Linux, which made one `generar` hold about 50 MB more
///   than Typst alone. It must be set before the first allocation, which the Rust runtime makes
///   before `main`.
/// - `purge_delay` (1 s by default in the v3 sources built here) keeps freed memory committed for
///   a while; with 0 it goes back at once: 5 000 review observations peak 30 MB lower, a batch of
///   100 plans 15 MB lower, for a little more system time.
///
/// This function runs among the program's constructors, after mimalloc's own (priority 101) and
/// before the runtime starts. `MIMALLOC_ARENA_EAGER_COMMIT` and `MIMALLOC_PURGE_DELAY` in the
/// environment still decide, as mimalloc documents.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static OPCIONES_DE_MEMORIA: extern "C" fn() = opciones_de_memoria;

#[cfg(target_os = "linux")]
extern "C" fn opciones_de_memoria() {
    // The numbering of `mi_option_t` in the mimalloc v3 sources that libmimalloc-sys 0.1.49
    // builds (its Rust constants follow v2's).
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: getenv reads the environment without allocating (nothing may allocate before the
    // options are set); mi_option_set sets one of mimalloc's global options.
    unsafe {
        if libc::getenv(c"MIMALLOC_ARENA_EAGER_COMMIT".as_ptr()).is_null() {
            libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
        }
        if libc::getenv(c"MIMALLOC_PURGE_DELAY".as_ptr()).is_null() {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        }
    }
}

fn main() -> std::process::ExitCode {
    cantonal::cli::main()
}
