//! Writing the files a command produces. Every write is atomic: the bytes go to a temporary file
//! in the destination's folder, which is then renamed over the destination, so a failed build
//! never leaves a partial file nor replaces the previous good one.
//!
//! On Windows a file another program holds open (a PDF reader showing the previous document, an
//! antivirus scanning the new one) cannot be replaced for a moment: the rename is retried for
//! about two seconds, then the user is told in Spanish what holds the file.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

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

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".cantonal-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
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
                None => return Err(std::io::Error::new(e.kind(), RETENIDO)),
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
        write_atomic(&path, b"despues").unwrap();
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
