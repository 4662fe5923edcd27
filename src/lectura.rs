//! Reading the files a user names (plans, observations, national references, templates): never
//! more than a size limit, never anything but a regular file (a named pipe would make the reader
//! wait forever), and the reason in Spanish when it cannot be read.

use std::path::Path;

/// Largest plan file accepted. A real plan is well under 1 MB.
pub const MAX_BYTES: u64 = 8 * 1024 * 1024;

/// Reads the whole file, or fails: a file over [`MAX_BYTES`] is an error of kind
/// [`ErrorKind::FileTooLarge`](std::io::ErrorKind::FileTooLarge) (never its first bytes: a
/// caller that wrote back a cut text would destroy the rest of the file), and is never loaded
/// whole. Anything but a regular file (a named pipe, a device, a folder) is refused before it is
/// opened: reading a pipe would wait forever for a writer.
pub fn read_limited(archivo: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if let Some(que) = no_regular(archivo) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} es {que}, no un archivo", archivo.display()),
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(archivo)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            DEMASIADO_GRANDE,
        ));
    }
    Ok(bytes)
}

/// Why a file over [`MAX_BYTES`] is not read.
pub const DEMASIADO_GRANDE: &str = "es demasiado grande (más de 8 MB)";

/// What `archivo` is when it exists but is not a regular file (links followed): "una carpeta",
/// "una tubería con nombre (FIFO)"… `None` for a regular file, or when it cannot be examined
/// (opening it then says why).
pub fn no_regular(archivo: &Path) -> Option<&'static str> {
    let tipo = std::fs::metadata(archivo).ok()?.file_type();
    if tipo.is_file() {
        return None;
    }
    if tipo.is_dir() {
        return Some("una carpeta");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if tipo.is_fifo() {
            return Some("una tubería con nombre (FIFO)");
        }
        if tipo.is_socket() {
            return Some("un socket");
        }
        if tipo.is_block_device() || tipo.is_char_device() {
            return Some("un dispositivo");
        }
    }
    Some("un archivo especial")
}

/// Why a file could not be read, in Spanish (the system's own message is in English).
pub fn motivo(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no existe".into(),
        ErrorKind::PermissionDenied => "no tiene permiso para leerlo".into(),
        ErrorKind::FileTooLarge => DEMASIADO_GRANDE.into(),
        _ => format!("error del sistema ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_an_error_never_its_first_bytes() {
        assert!(DEMASIADO_GRANDE.contains(&format!("{} MB", MAX_BYTES / (1024 * 1024))));
        let dir = tempfile::tempdir().unwrap();
        let archivo = dir.path().join("grande.yaml");
        std::fs::write(&archivo, vec![b'#'; MAX_BYTES as usize + 1]).unwrap();
        let e = read_limited(&archivo).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::FileTooLarge);
        assert_eq!(motivo(&e), DEMASIADO_GRANDE);
        std::fs::write(&archivo, vec![b'#'; MAX_BYTES as usize]).unwrap();
        assert_eq!(read_limited(&archivo).unwrap().len() as u64, MAX_BYTES);
    }
}
