//! Writing the files a command produces, so that nothing is lost:
//!
//! - every write of a regular file is atomic: the bytes go to a temporary file in the
//!   destination's folder, which is then renamed over the destination, so a failed build never
//!   leaves a partial file nor replaces the previous good one;
//! - an output that is one of the command's own inputs (the same file, after symbolic links) is
//!   refused before anything is written ([`comprobar_destino`]);
//! - a character device or a FIFO named as output (`-o /dev/stdout`, a pipe) is written into
//!   directly, never renamed over; other special files are refused;
//! - the temporary file of a write cut short by Ctrl-C or a termination signal is removed
//!   ([`instalar_limpieza`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::Error;

/// Temporary files being written, removed if the process is interrupted.
static TEMPORALES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set when a long-running command (`vigilar`) handles interruptions itself.
static ATENDIDA: AtomicBool = AtomicBool::new(false);

/// Set once an interruption has arrived.
static INTERRUMPIDO: AtomicBool = AtomicBool::new(false);

/// Installs the process's handler of Ctrl-C and termination signals: it removes the temporary
/// files of writes in progress and ends the process (exit 130), or, while a command handles
/// interruptions itself ([`atender_interrupciones`]), only tells it.
pub fn instalar_limpieza() {
    let _ = ctrlc::set_handler(|| {
        limpiar_temporales();
        INTERRUMPIDO.store(true, Ordering::SeqCst);
        if !ATENDIDA.load(Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
}

/// Ends the process with `codigo` now, removing the temporary files of writes in progress.
pub fn terminar(codigo: i32) -> ! {
    limpiar_temporales();
    std::process::exit(codigo)
}

/// From now on, an interruption does not end the process: the caller polls [`interrumpido`] and
/// stops on its own (temporary files are still removed at once).
pub fn atender_interrupciones() {
    ATENDIDA.store(true, Ordering::SeqCst);
}

/// Whether Ctrl-C or a termination signal has arrived.
pub fn interrumpido() -> bool {
    INTERRUMPIDO.load(Ordering::SeqCst)
}

fn limpiar_temporales() {
    if let Ok(temporales) = TEMPORALES.lock() {
        for t in temporales.iter() {
            let _ = std::fs::remove_file(t);
        }
    }
}

/// Refuses an output `salida` that is one of the `entradas` of the command (the same file, after
/// symbolic links and hard links): writing it would replace what the user asked to read.
pub fn comprobar_destino(salida: &Path, entradas: &[&Path]) -> Result<(), Error> {
    let Some(destino) = identidad(salida) else {
        return Ok(());
    };
    match entradas
        .iter()
        .find(|e| identidad(e).is_some_and(|i| i == destino))
    {
        Some(entrada) => Err(Error::SalidaEsEntrada {
            salida: salida.to_owned(),
            entrada: entrada.to_path_buf(),
        }),
        None => Ok(()),
    }
}

/// What identifies the file at `path`, when it exists: device and inode where the system has
/// them, else the canonical path.
fn identidad(path: &Path) -> Option<(u64, u64, PathBuf)> {
    let canonica = std::fs::canonicalize(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(&canonica).ok()?;
        Some((m.dev(), m.ino(), PathBuf::new()))
    }
    #[cfg(not(unix))]
    {
        Some((0, 0, canonica))
    }
}

/// What kind of file a destination is.
enum Destino {
    /// Absent, or a regular file: written atomically.
    Regular,
    /// A character device or a FIFO: written into.
    Flujo,
    /// Anything else (a folder, a socket, a block device): refused.
    Otro(&'static str),
}

fn destino(path: &Path) -> Destino {
    let Ok(m) = std::fs::metadata(path) else {
        return Destino::Regular;
    };
    let t = m.file_type();
    if t.is_file() {
        return Destino::Regular;
    }
    if t.is_dir() {
        return Destino::Otro("una carpeta");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() || t.is_fifo() {
            return Destino::Flujo;
        }
        if t.is_block_device() {
            return Destino::Otro("un dispositivo de bloques");
        }
        if t.is_socket() {
            return Destino::Otro("un socket");
        }
    }
    Destino::Otro("un archivo especial")
}

/// Writes `bytes` to `path`: atomically for a regular file (through a temporary file in the same
/// folder, renamed into place), directly into a character device or a FIFO.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match destino(path) {
        Destino::Regular => escribir_regular(path, bytes),
        Destino::Flujo => escribir_flujo(path, bytes),
        Destino::Otro(que) => Err(std::io::Error::other(format!(
            "{} es {que}, no un archivo",
            path.display()
        ))),
    }
}

fn escribir_regular(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".cantonal-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    let registrado = tmp.path().to_path_buf();
    if let Ok(mut t) = TEMPORALES.lock() {
        t.push(registrado.clone());
    }
    let resultado = (|| {
        tmp.write_all(bytes)?;
        pausa_de_prueba();
        // The temporary file is private (0600); the document is meant to be shared like any file
        // the user saves: keep the permissions of the file it replaces, or use rw-r--r--.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    })();
    if let Ok(mut t) = TEMPORALES.lock() {
        t.retain(|p| *p != registrado);
    }
    resultado
}

/// `CANTONAL_PAUSA_ESCRITURA_MS`: holds a write between its temporary file and the rename, so
/// that tests can interrupt the process exactly there (see `docs/robustez.md`).
fn pausa_de_prueba() {
    if let Some(ms) = std::env::var("CANTONAL_PAUSA_ESCRITURA_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(60_000)));
    }
}

/// Writes into a character device or a FIFO. A FIFO without a reader is not waited for: it is an
/// error at once, not a hang.
fn escribir_flujo(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut opciones = std::fs::OpenOptions::new();
    opciones.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opciones.custom_flags(libc::O_NONBLOCK);
    }
    let archivo = opciones.open(path).map_err(|e| {
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ENXIO) {
            return std::io::Error::other("nadie está leyendo esa tubería (FIFO)");
        }
        e
    })?;
    #[cfg(unix)]
    {
        // Back to blocking writes now that a reader is known to be there.
        use std::os::fd::AsRawFd;
        // SAFETY: fcntl on a file descriptor owned by `archivo`, alive for the call.
        unsafe {
            let flags = libc::fcntl(archivo.as_raw_fd(), libc::F_GETFL);
            libc::fcntl(
                archivo.as_raw_fd(),
                libc::F_SETFL,
                flags & !libc::O_NONBLOCK,
            );
        }
    }
    let mut archivo = archivo;
    archivo.write_all(bytes)?;
    archivo.flush()
}
