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
//!   ([`instalar_limpieza`]);
//! - on Windows a file another program holds open (a PDF reader showing the previous document, an
//!   antivirus scanning the new one) cannot be replaced for a moment: the rename is retried for
//!   about two seconds, then the user is told in Spanish what may hold the file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::Error;
use crate::error::propio;

/// Pauses between attempts at replacing a file held by another program: 2 s in all.
const ESPERAS: [Duration; 7] = [
    Duration::from_millis(20),
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(200),
    Duration::from_millis(330),
    Duration::from_millis(500),
    Duration::from_millis(800),
];

/// Said when the destination stayed held after every attempt.
pub const RETENIDO: &str = "Windows no permitió reemplazarlo: puede estar abierto en otro \
    programa (un lector de PDF, Word, Excel, un antivirus que lo revisa) o ser de solo lectura. \
    Cierre el archivo y vuelva a intentarlo";

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
    #[cfg(unix)]
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
/// folder, renamed into place), directly into a character device or a FIFO. A file marked
/// read-only is never replaced: the user marked it so on purpose.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    escribir(path, bytes).map_err(|e| Error::Escritura(path.to_owned(), e))
}

fn escribir(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match destino(path) {
        Destino::Regular => escribir_regular(path, bytes),
        #[cfg(unix)]
        Destino::Flujo => escribir_flujo(path, bytes),
        Destino::Otro(que) => Err(propio(
            std::io::ErrorKind::InvalidInput,
            format!("es {que}, no un archivo"),
        )),
    }
}

/// Said when the destination is a file marked read-only.
pub const SOLO_LECTURA: &str = "el archivo está marcado como de solo lectura y no se reemplaza. \
    Si quiere cambiarlo, quite esa marca (en Windows: clic derecho › Propiedades › Solo lectura) \
    o guarde con otro nombre";

fn escribir_regular(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return Err(propio(std::io::ErrorKind::PermissionDenied, SOLO_LECTURA));
    }
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
        // Closed before the rename: Windows renames a file nobody holds open more readily.
        let mut tmp = Some(tmp.into_temp_path());
        con_reintentos(&ESPERAS, retenido, || {
            let t = tmp.take().expect("each failed attempt gives the file back");
            t.persist(path).map(drop).map_err(|e| {
                tmp = Some(e.path);
                e.error
            })
        })
    })();
    if let Ok(mut t) = TEMPORALES.lock() {
        t.retain(|p| *p != registrado);
    }
    resultado
}

/// Runs `intento` until it succeeds, fails with an error that `es_transitorio` does not accept,
/// or the pauses in `esperas` are used up; then the error names what holds the file.
fn con_reintentos(
    esperas: &[Duration],
    es_transitorio: fn(&std::io::Error) -> bool,
    mut intento: impl FnMut() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut esperas = esperas.iter();
    loop {
        match intento() {
            Err(e) if es_transitorio(&e) => match esperas.next() {
                Some(pausa) => std::thread::sleep(*pausa),
                None => return Err(propio(e.kind(), RETENIDO)),
            },
            otro => return otro,
        }
    }
}

/// Whether the rename failed because another program holds the file: access denied, sharing or
/// lock violation (Windows system error codes 5, 32 and 33).
#[cfg(windows)]
fn retenido(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

/// Elsewhere a rename replaces a file others hold open: nothing to wait for.
#[cfg(not(windows))]
fn retenido(_: &std::io::Error) -> bool {
    false
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
#[cfg(unix)]
fn escribir_flujo(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    let mut archivo = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| {
            if e.raw_os_error() == Some(libc::ENXIO) {
                propio(
                    std::io::ErrorKind::BrokenPipe,
                    "nadie está leyendo esa tubería (FIFO)",
                )
            } else {
                e
            }
        })?;
    // Back to blocking writes now that a reader is known to be there.
    // SAFETY: fcntl on a file descriptor owned by `archivo`, alive for the call.
    unsafe {
        let flags = libc::fcntl(archivo.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(
            archivo.as_raw_fd(),
            libc::F_SETFL,
            flags & !libc::O_NONBLOCK,
        );
    }
    archivo.write_all(bytes)?;
    archivo.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    fn ocupado(e: &Error) -> bool {
        e.kind() == ErrorKind::ResourceBusy
    }

    #[test]
    fn a_held_file_is_replaced_once_the_other_program_lets_it_go() {
        let mut intentos = 0;
        let r = con_reintentos(&[Duration::ZERO; 3], ocupado, || {
            intentos += 1;
            if intentos < 3 {
                Err(Error::from(ErrorKind::ResourceBusy))
            } else {
                Ok(())
            }
        });
        assert!(r.is_ok());
        assert_eq!(intentos, 3);
    }

    #[test]
    fn a_file_held_past_every_pause_is_reported_in_spanish() {
        let mut intentos = 0;
        let e = con_reintentos(&[Duration::ZERO; 2], ocupado, || {
            intentos += 1;
            Err(Error::from(ErrorKind::ResourceBusy))
        })
        .unwrap_err();
        assert_eq!(intentos, 3);
        assert_eq!(e.to_string(), RETENIDO);
    }

    #[test]
    fn other_failures_are_not_retried() {
        let mut intentos = 0;
        let e = con_reintentos(&[Duration::ZERO; 5], ocupado, || {
            intentos += 1;
            Err(Error::from(ErrorKind::NotFound))
        })
        .unwrap_err();
        assert_eq!(intentos, 1);
        assert_eq!(e.kind(), ErrorKind::NotFound);
    }

    #[test]
    fn a_file_open_for_reading_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("José Ñauta plan.pdf");
        std::fs::write(&path, b"antes").unwrap();
        let abierto = std::fs::File::open(&path).unwrap();
        let escrito = write_atomic(&path, b"despues");
        // Wine (the Windows build's tests run under it, scripts/wine.sh) never replaces a file
        // that is open elsewhere, even one opened allowing it, as Rust opens files; Windows 10
        // and 11 replace it (std's rename asks for POSIX semantics). There the write is refused
        // as if the file were held, and the file stays as it was (docs/distribucion.md).
        #[cfg(windows)]
        if std::env::var_os("WINEPREFIX").is_some() {
            let e = escrito.unwrap_err();
            assert!(format!("{e:?}").contains(RETENIDO), "{e:?}");
            drop(abierto);
            assert_eq!(std::fs::read(&path).unwrap(), b"antes");
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
            return;
        }
        escrito.unwrap();
        drop(abierto);
        assert_eq!(std::fs::read(&path).unwrap(), b"despues");
        let restos: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(restos.len(), 1, "no temporary file is left behind");
    }

    #[cfg(windows)]
    #[test]
    fn windows_errors_of_a_held_file_are_transient() {
        for codigo in [5, 32, 33] {
            assert!(retenido(&Error::from_raw_os_error(codigo)), "{codigo}");
        }
        for codigo in [2, 3, 112] {
            assert!(!retenido(&Error::from_raw_os_error(codigo)), "{codigo}");
        }
    }
}
