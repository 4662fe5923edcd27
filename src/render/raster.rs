//! The canton's crest as a PNG image with its size in pixels, for the formats that can only
//! embed PNG (the DOCX: `docx-rs` stores every image as `word/media/*.png`).
//!
//! A PNG crest keeps its bytes (only its header is read, for the size); a JPEG is decoded and
//! written as PNG; an SVG is drawn with `resvg` (the renderer Typst's PDF export already uses)
//! at [`ALTO_SVG`] pixels high. Both crates are already in the build for Typst, with these
//! features. The crest was checked when the plan was read ([`crate::plan::escudo`]): an SVG has
//! no external references, and `resvg` is given no folder to look in.

use std::io::Cursor;

use image::{ImageFormat, ImageReader};
use resvg::{tiny_skia, usvg};

use crate::documento::portada::EscudoDoc;
use crate::plan::escudo::MAX_LADO;

/// Height in pixels at which an SVG crest is drawn: sharp at the size of the cover (2.4 cm)
/// when printed at 600 dpi.
pub const ALTO_SVG: u32 = 600;

/// A PNG image.
#[derive(Debug, Clone)]
pub struct Png {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub ancho: u32,
    /// Height in pixels.
    pub alto: u32,
}

/// The crest as PNG, or `None` when its image cannot be read (the document then goes without it,
/// as it does for a crest that rule C020 refused).
pub fn escudo_png(escudo: &EscudoDoc) -> Option<Png> {
    match escudo.tipo {
        "image/png" => {
            let (ancho, alto) =
                ImageReader::with_format(Cursor::new(&escudo.bytes), ImageFormat::Png)
                    .into_dimensions()
                    .ok()?;
            Some(Png {
                bytes: escudo.bytes.clone(),
                ancho,
                alto,
            })
        }
        "image/jpeg" => {
            let mut lector =
                ImageReader::with_format(Cursor::new(&escudo.bytes), ImageFormat::Jpeg);
            // The size was checked when the crest was read; the decoder gets a ceiling anyway.
            let mut limites = image::Limits::default();
            limites.max_image_width = Some(MAX_LADO);
            limites.max_image_height = Some(MAX_LADO);
            limites.max_alloc = Some(256 * 1024 * 1024);
            lector.limits(limites);
            png_de(lector.decode().ok()?)
        }
        "image/svg+xml" => svg(&escudo.bytes),
        _ => None,
    }
}

fn png_de(img: image::DynamicImage) -> Option<Png> {
    let mut bytes = Cursor::new(Vec::new());
    img.write_to(&mut bytes, ImageFormat::Png).ok()?;
    Some(Png {
        bytes: bytes.into_inner(),
        ancho: img.width(),
        alto: img.height(),
    })
}

fn svg(bytes: &[u8]) -> Option<Png> {
    let arbol = usvg::Tree::from_data(bytes, &usvg::Options::default()).ok()?;
    let tam = arbol.size();
    let escala = ALTO_SVG as f32 / tam.height();
    let ancho = (tam.width() * escala)
        .round()
        .clamp(1.0, 4.0 * ALTO_SVG as f32) as u32;
    let mut lienzo = tiny_skia::Pixmap::new(ancho, ALTO_SVG)?;
    resvg::render(
        &arbol,
        tiny_skia::Transform::from_scale(escala, escala),
        &mut lienzo.as_mut(),
    );
    Some(Png {
        bytes: lienzo.encode_png().ok()?,
        ancho,
        alto: ALTO_SVG,
    })
}
