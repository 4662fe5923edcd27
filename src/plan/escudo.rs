//! The canton's crest: an image file named by the plan (`canton.escudo`), next to it, for the
//! cover and the header of the printed plan. Only that one file is ever read, and only when it
//! is a plain PNG, JPEG or SVG inside the plan's folder, no larger than [`MAX_BYTES`] and, for
//! PNG and JPEG, no larger than [`MAX_LADO`] pixels a side as its header declares (a few bytes
//! can declare a billion pixels a side, which a decoder would try to allocate); the rule C020
//! reports any other case at the plan's line, and the document leaves it out.

use std::io::Read;
use std::path::{Component, Path};

/// Largest crest accepted: a crest for print is well under this.
pub const MAX_BYTES: u64 = 2 * 1024 * 1024;

/// Largest side of a PNG or JPEG crest, in pixels: a crest printed 2.4 cm high at 600 dpi needs
/// under 600; a scan of a large print, a few thousand.
pub const MAX_LADO: u32 = 6000;

/// A crest that can be printed.
#[derive(Debug, Clone)]
pub struct Escudo {
    /// Media type: `image/png`, `image/jpeg` or `image/svg+xml`.
    pub tipo: &'static str,
    /// Extension of the virtual file Typst reads: `png`, `jpg`, `svg`.
    pub extension: &'static str,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Reads the crest `nombre` of a plan in `carpeta`, or says why it cannot be printed (the
/// message is Spanish and complete, for a diagnostic).
pub fn leer(carpeta: &Path, nombre: &str) -> Result<Escudo, String> {
    let relativo = Path::new(nombre);
    if nombre.trim().is_empty()
        || relativo.is_absolute()
        || relativo
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(format!(
            "el escudo `{nombre}` debe ser un archivo en la carpeta del plan (sin `..` ni rutas absolutas)"
        ));
    }
    let archivo = carpeta.join(relativo);
    let base = std::fs::canonicalize(if carpeta.as_os_str().is_empty() {
        Path::new(".")
    } else {
        carpeta
    })
    .map_err(|e| format!("no se pudo leer la carpeta del plan: {e}"))?;
    let real = std::fs::canonicalize(&archivo)
        .map_err(|_| format!("no existe el archivo del escudo `{nombre}` junto al plan"))?;
    if !real.starts_with(&base) {
        return Err(format!(
            "el escudo `{nombre}` es un enlace a un archivo fuera de la carpeta del plan"
        ));
    }
    let meta = std::fs::metadata(&real)
        .map_err(|e| format!("no se pudo leer el escudo `{nombre}`: {e}"))?;
    if !meta.is_file() {
        return Err(format!("el escudo `{nombre}` no es un archivo"));
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "el escudo `{nombre}` ocupa {} MB; el máximo es {} MB",
            format!("{:.1}", meta.len() as f64 / (1024.0 * 1024.0)).replace('.', ","),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(&real)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("no se pudo leer el escudo `{nombre}`: {e}"))?;
    let (tipo, extension) = tipo_de(&bytes)
        .ok_or_else(|| format!("el escudo `{nombre}` no es una imagen PNG, JPEG ni SVG"))?;
    if let Some(formato) = match extension {
        "png" => Some(image::ImageFormat::Png),
        "jpg" => Some(image::ImageFormat::Jpeg),
        _ => None,
    } {
        let danado =
            || format!("el escudo `{nombre}` no se puede leer como imagen: el archivo está dañado");
        // The size the header declares, read here first: a decoder may refuse a huge one
        // without saying why.
        let (ancho, alto) = dimensiones(&bytes).ok_or_else(danado)?;
        if ancho > MAX_LADO || alto > MAX_LADO {
            return Err(format!(
                "el escudo `{nombre}` mide {} × {} píxeles; el máximo es {MAX_LADO} por lado",
                crate::espanol::numero(f64::from(ancho)),
                crate::espanol::numero(f64::from(alto))
            ));
        }
        image::ImageReader::with_format(std::io::Cursor::new(&bytes), formato)
            .into_dimensions()
            .map_err(|_| danado())?;
    }
    if extension == "svg" && referencias_externas(&bytes) {
        return Err(format!(
            "el escudo `{nombre}` es un SVG que enlaza otros archivos o direcciones; guárdelo con las imágenes incrustadas, o como PNG"
        ));
    }
    Ok(Escudo {
        tipo,
        extension,
        bytes,
    })
}

/// The width and height a PNG or JPEG declares in its header (the PNG's `IHDR`, the JPEG's
/// first frame header), read without any decoder.
fn dimensiones(bytes: &[u8]) -> Option<(u32, u32)> {
    let u32_en = |i: usize| Some(u32::from_be_bytes(bytes.get(i..i + 4)?.try_into().ok()?));
    let u16_en = |i: usize| {
        Some(u32::from(u16::from_be_bytes(
            bytes.get(i..i + 2)?.try_into().ok()?,
        )))
    };
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return (bytes.get(12..16)? == b"IHDR").then_some((u32_en(16)?, u32_en(20)?));
    }
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marca = bytes[i + 1];
        if marca == 0xFF {
            i += 1;
            continue;
        }
        let largo = u16_en(i + 2)? as usize;
        // Start of frame: SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marca) && !matches!(marca, 0xC4 | 0xC8 | 0xCC) {
            return Some((u16_en(i + 7)?, u16_en(i + 5)?));
        }
        i += 2 + largo;
    }
    None
}

/// The image type, from the file's first bytes (never from its name).
fn tipo_de(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(("image/png", "png"));
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(("image/jpeg", "jpg"));
    }
    let inicio = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_lowercase();
    let inicio = inicio.trim_start_matches('\u{feff}').trim_start();
    (inicio.starts_with("<svg") || (inicio.starts_with("<?xml") && inicio.contains("<svg")))
        .then_some(("image/svg+xml", "svg"))
}

/// Whether an SVG refers to anything outside itself (an image, a style sheet or a font by
/// address or path): only fragments (`#id`) and `data:` addresses are allowed.
fn referencias_externas(bytes: &[u8]) -> bool {
    let texto = String::from_utf8_lossy(bytes).to_lowercase();
    let sin_espacios: String = texto.chars().filter(|c| !c.is_whitespace()).collect();
    ["href=\"", "href='"].iter().any(|h| {
        sin_espacios.match_indices(h).any(|(i, _)| {
            let valor = &sin_espacios[i + h.len()..];
            !(valor.starts_with('#') || valor.starts_with("data:"))
        })
    }) || sin_espacios.contains("url(") && !sin_espacios.contains("url(#")
        || sin_espacios.contains("@import")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_images_by_content_and_refuses_external_references() {
        assert_eq!(tipo_de(b"\x89PNG\r\n\x1a\nxxxx").unwrap().1, "png");
        assert_eq!(tipo_de(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap().1, "jpg");
        assert_eq!(tipo_de(b"<?xml version='1.0'?>\n<svg/>").unwrap().1, "svg");
        assert!(tipo_de(b"GIF89a").is_none());
        assert!(referencias_externas(
            b"<svg><image href=\"file:///etc/passwd\"/></svg>"
        ));
        assert!(referencias_externas(
            b"<svg><image xlink:href = 'escudo2.png'/></svg>"
        ));
        assert!(referencias_externas(
            b"<svg><style>@import url(http://x/y.css);</style></svg>"
        ));
        assert!(!referencias_externas(
            b"<svg><use href=\"#a\"/><image href=\"data:image/png;base64,AAAA\"/></svg>"
        ));
    }
}
