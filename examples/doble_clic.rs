//! Starts a program as the Windows Explorer does on a double-click, with a console of its own,
//! but with its input and output on this program's, so that a test can read what the window
//! would show and type into it: the Wine tests start `cantonal.exe` so
//! (`src/cli/escritorio.rs` recognises a double-click by its console having no other process).
//!
//! ```text
//! doble_clic PROGRAMA [ARGUMENTOS...]
//! ```
//!
//! The program's output and error are this one's; each line of this one's input is passed on
//! to it, and the end of the input ends the program if it still runs (as closing its window
//! would). The exit code is the program's.

#[cfg(windows)]
fn main() {
    use std::io::{BufRead, Write};
    use std::os::windows::process::CommandExt;

    /// `CREATE_NEW_CONSOLE`: the process gets a console of its own, as from the Explorer.
    const CONSOLA_NUEVA: u32 = 0x10;

    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let [programa, argumentos @ ..] = args.as_slice() else {
        eprintln!("uso: doble_clic PROGRAMA [ARGUMENTOS...]");
        std::process::exit(2);
    };
    let mut hijo = std::process::Command::new(programa)
        .args(argumentos)
        .creation_flags(CONSOLA_NUEVA)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            eprintln!("doble_clic: no se pudo iniciar {}: {e}", programa.display());
            std::process::exit(2);
        });
    let mut entrada = hijo.stdin.take();
    let fin_de_entrada = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let avisar = std::sync::Arc::clone(&fin_de_entrada);
    std::thread::spawn(move || {
        for linea in std::io::stdin().lock().lines() {
            let Ok(linea) = linea else { break };
            if let Some(e) = entrada.as_mut()
                && writeln!(e, "{linea}").and_then(|()| e.flush()).is_err()
            {
                entrada = None;
            }
        }
        avisar.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    loop {
        match hijo.try_wait() {
            Ok(Some(estado)) => {
                eprintln!("doble_clic: el programa terminó ({estado})");
                std::process::exit(estado.code().unwrap_or(2))
            }
            Ok(None) => {
                if fin_de_entrada.load(std::sync::atomic::Ordering::SeqCst) {
                    eprintln!("doble_clic: fin de la entrada, se cierra el programa");
                    let _ = hijo.kill();
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => {
                eprintln!("doble_clic: {e}");
                std::process::exit(2);
            }
        }
    }
}

#[cfg(not(windows))]
fn main() {
    eprintln!("doble_clic: solo tiene sentido en Windows (o bajo Wine)");
    std::process::exit(2);
}
