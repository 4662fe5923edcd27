//! Holds a file open the way a PDF reader or Word does on Windows (reading allowed, replacing
//! and deleting not), while it runs a program that tries to replace it: the Wine tests use it to
//! check what `cantonal` does with a document another program holds (`src/escritura.rs` retries,
//! then explains in Spanish). Windows enforces such a hold only among the processes of one
//! session (under Wine, one wineserver), so the program to run is started from here.
//!
//! ```text
//! retener ARCHIVO PROGRAMA [ARGUMENTOS...]
//! ```
//!
//! The program inherits the standard output and error; this one reads its own input: a line
//! `soltar` closes the file, the end of the input ends the program if it still runs. The exit
//! code is the program's.

#[cfg(windows)]
fn main() {
    use std::io::BufRead;
    use std::os::windows::fs::OpenOptionsExt;

    /// `FILE_SHARE_READ`: others may read the file, not write, rename over or delete it.
    const SOLO_LECTURA: u32 = 0x1;

    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    let [archivo, programa, argumentos @ ..] = args.as_slice() else {
        eprintln!("uso: retener ARCHIVO PROGRAMA [ARGUMENTOS...]");
        std::process::exit(2);
    };
    let retenido = std::fs::OpenOptions::new()
        .read(true)
        .share_mode(SOLO_LECTURA)
        .open(archivo)
        .unwrap_or_else(|e| {
            eprintln!("retener: no se pudo abrir {}: {e}", archivo.display());
            std::process::exit(2);
        });
    eprintln!("retener: {} abierto", archivo.display());
    let mut hijo = std::process::Command::new(programa)
        .args(argumentos)
        .stdin(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            eprintln!("retener: no se pudo iniciar {}: {e}", programa.display());
            std::process::exit(2);
        });
    let fin_de_entrada = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let avisar = std::sync::Arc::clone(&fin_de_entrada);
    std::thread::spawn(move || {
        let mut retenido = Some(retenido);
        for linea in std::io::stdin().lock().lines() {
            match linea.as_deref().map(str::trim) {
                Ok("soltar") => {
                    drop(retenido.take());
                    eprintln!("retener: soltado");
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        avisar.store(true, std::sync::atomic::Ordering::SeqCst);
    });
    loop {
        match hijo.try_wait() {
            Ok(Some(estado)) => std::process::exit(estado.code().unwrap_or(2)),
            Ok(None) => {
                if fin_de_entrada.load(std::sync::atomic::Ordering::SeqCst) {
                    // The caller is done with the program.
                    let _ = hijo.kill();
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => {
                eprintln!("retener: {e}");
                std::process::exit(2);
            }
        }
    }
}

#[cfg(not(windows))]
fn main() {
    eprintln!("retener: solo tiene sentido en Windows (o bajo Wine)");
    std::process::exit(2);
}
