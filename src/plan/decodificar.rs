//! Stage 1 of loading: the bytes of a file into text, or the located reason why they are not
//! one (too large, binary, not UTF-8 — a Latin-1 file named as such —, UTF-16 with or without
//! its byte order mark), showing only what of the file is text.

use crate::diagnostics::Region;
use crate::lectura::MAX_BYTES;

/// Why the bytes of a file are not a text: where, what, the hint, and what of the file can be
/// shown next to the message.
pub(super) struct NoEsTexto {
    pub(super) region: Region,
    pub(super) mensaje: String,
    pub(super) ayuda: String,
    pub(super) mostrado: String,
}

impl NoEsTexto {
    /// The problem at byte `at`, showing the text that precedes it; when that text is itself
    /// binary (a PDF, an image), nothing is shown and the problem is placed at the start.
    fn en(bytes: &[u8], at: usize, mensaje: impl Into<String>, ayuda: impl Into<String>) -> Self {
        let antes = String::from_utf8_lossy(&bytes[..at]);
        let (region, mostrado) = if antes.chars().any(|c| c == '\u{fffd}' || no_imprimible(c)) {
            (Region::point(1, 1), String::new())
        } else {
            (position_of_byte(bytes, at), antes.into_owned())
        };
        NoEsTexto {
            region,
            mensaje: mensaje.into(),
            ayuda: ayuda.into(),
            mostrado,
        }
    }
}

/// The message of a file over the size limit.
pub(super) fn demasiado_grande() -> String {
    format!(
        "el archivo es demasiado grande (más de {} MB)",
        MAX_BYTES / (1024 * 1024)
    )
}

pub(super) const AYUDA_GRANDE: &str =
    "Un plan cantonal ocupa normalmente menos de 1 MB. Compruebe que eligió el archivo correcto.";

const GUARDAR_UTF8: &str = "Guárdelo con codificación UTF-8 (en el Bloc de notas: Archivo › Guardar como › Codificación: UTF-8).";

/// Bytes → text, or the located reason why not. UTF-8 (with or without BOM) and UTF-16 with its
/// byte order mark (as the Windows Notepad saves «Unicode») are read.
pub(super) fn decode(bytes: &[u8]) -> Result<String, NoEsTexto> {
    if bytes.len() as u64 > MAX_BYTES {
        let primera = bytes.iter().position(|&b| b == b'\n').unwrap_or(0).min(200);
        let mut e = NoEsTexto::en(bytes, primera, demasiado_grande(), AYUDA_GRANDE);
        e.region = Region::point(1, 1);
        return Err(e);
    }
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(bytes, rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(bytes, rest, u16::from_be_bytes)?,
        _ => utf8(bytes)?,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // YAML reads CRLF and a lone CR as line breaks: so does every position reported here.
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    })
}

fn utf8(bytes: &[u8]) -> Result<String, NoEsTexto> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        // ASCII text with a zero byte after (or before) every character is UTF-16 without its
        // byte order mark.
        let pares = &bytes[..bytes.len().min(64) & !1];
        let utf16 = pares.len() >= 4
            && (pares.chunks(2).all(|p| p[1] == 0 && p[0] != 0)
                || pares.chunks(2).all(|p| p[0] == 0 && p[1] != 0));
        return Err(if utf16 {
            let mut e = NoEsTexto::en(
                bytes,
                0,
                "el archivo parece estar en UTF-16 sin marca de orden de bytes (BOM)",
                GUARDAR_UTF8,
            );
            e.region = Region::point(1, 1);
            e
        } else {
            NoEsTexto::en(
                bytes,
                nul,
                "el archivo no es de texto (contiene bytes nulos)",
                "Un plan es un archivo de texto YAML; compruebe que no eligió un PDF, una imagen o un documento de Word.",
            )
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let mensaje = if looks_latin1(&bytes[at..]) {
                "el archivo no está en UTF-8: parece guardado como Latin-1 (ANSI / Windows-1252)"
            } else {
                "el archivo no está en UTF-8"
            };
            Err(NoEsTexto::en(bytes, at, mensaje, GUARDAR_UTF8))
        }
    }
}

/// Decodes UTF-16 (`rest` follows the byte order mark, `unit` reads one code unit in the file's
/// byte order).
fn utf16(bytes: &[u8], rest: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NoEsTexto> {
    let units = rest.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(rest.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(NoEsTexto::en(
                    text.as_bytes(),
                    text.len(),
                    "el archivo UTF-16 contiene un carácter mal formado",
                    GUARDAR_UTF8,
                ));
            }
        }
    }
    if rest.len() % 2 == 1 {
        return Err(NoEsTexto::en(
            bytes,
            0,
            "el archivo UTF-16 está incompleto (termina en medio de un carácter)",
            GUARDAR_UTF8,
        ));
    }
    Ok(text)
}

/// A character that YAML does not admit in a file: control characters other than tab and line
/// breaks, and the non-characters U+FFFE and U+FFFF.
pub(super) fn no_imprimible(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// A byte ≥ 0xA0 not followed by UTF-8 continuation bytes is typical of Latin-1 accents.
fn looks_latin1(rest: &[u8]) -> bool {
    match rest {
        [b, next, ..] => *b >= 0xA0 && !(0x80..0xC0).contains(next),
        [b] => *b >= 0xA0,
        [] => false,
    }
}

/// Line and column (in characters) of byte `at`, decoding what precedes it leniently.
pub(super) fn position_of_byte(bytes: &[u8], at: usize) -> Region {
    let before = String::from_utf8_lossy(&bytes[..at]);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Region::point(line, col)
}
