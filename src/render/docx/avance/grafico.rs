//! The charts of the progress report in Word: horizontal bars drawn as a PNG picture (Word
//! stores only PNG images here, see [`super::super::raster`]), one bar per row of the table
//! printed just before it and in its order, with the chart's alternative text (which gives
//! every value) and a caption below. The bars carry no text: the values are in the table and in
//! the alternative text.

use docx_rs::{AlignmentType, Paragraph, Pic, Run};

use super::super::escritor::{Escritor, texto};
use super::super::portada::EMU_MM;
use super::super::raster::Png;
use super::super::{ANCHO, GRIS};
use resvg::tiny_skia::{Color, Paint, Pixmap, Rect, Transform};

/// Pixels of the picture's width, and of one bar's row.
const ANCHO_PX: u32 = 1200;
const FILA_PX: u32 = 40;
/// The colours of the national axes, in the order of the reference (0 = no axis), as in the
/// PDF (`templates/estilos.typ`).
const COLORES_EJE: [(u8, u8, u8); 5] = [
    (150, 150, 150),
    (31, 78, 121),
    (46, 125, 79),
    (138, 75, 156),
    (180, 83, 9),
];

/// The colour of the axis numbered `n` (from 1).
pub(super) fn color_eje(n: usize) -> (u8, u8, u8) {
    COLORES_EJE[n.min(COLORES_EJE.len() - 1)]
}

/// Bars of `filas` (each a share from 0 to 1 and its colour) as a PNG.
fn barras(filas: &[(f64, (u8, u8, u8))]) -> Option<Png> {
    let alto = FILA_PX * filas.len().max(1) as u32;
    let mut lienzo = Pixmap::new(ANCHO_PX, alto)?;
    lienzo.fill(Color::WHITE);
    let mut pintura = Paint::default();
    for (i, (fraccion, (r, g, b))) in filas.iter().enumerate() {
        let y = (i as u32 * FILA_PX) as f32 + 10.0;
        let pista = Rect::from_xywh(0.0, y, ANCHO_PX as f32, 20.0)?;
        pintura.set_color_rgba8(235, 235, 235, 255);
        lienzo.fill_rect(pista, &pintura, Transform::identity(), None);
        let largo = (fraccion.clamp(0.0, 1.0) * f64::from(ANCHO_PX)) as f32;
        if largo >= 1.0 {
            pintura.set_color_rgba8(*r, *g, *b, 255);
            let barra = Rect::from_xywh(0.0, y, largo, 20.0)?;
            lienzo.fill_rect(barra, &pintura, Transform::identity(), None);
        }
    }
    Some(Png {
        bytes: lienzo.encode_png().ok()?,
        ancho: ANCHO_PX,
        alto,
    })
}

/// The chart of `filas` in the document, as wide as the text, with the alternative text `alt`
/// and the caption `leyenda`; `n` numbers its picture (its relationship id), so that the same
/// report gives the same file.
pub(super) fn grafico(
    e: &mut Escritor,
    n: usize,
    filas: &[(f64, (u8, u8, u8))],
    alt: &str,
    leyenda: &str,
) {
    let Some(png) = barras(filas) else {
        return;
    };
    // Twentieths of a point to EMU: 635 EMU each.
    // A chart of many rows is narrowed to fit the page's height, keeping its proportions.
    let mut ancho = ANCHO as u32 * 635;
    let mut alto = (u64::from(ancho) * u64::from(png.alto) / u64::from(png.ancho)) as u32;
    let maximo = 180 * EMU_MM;
    if alto > maximo {
        ancho = (u64::from(ancho) * u64::from(maximo) / u64::from(alto)) as u32;
        alto = maximo;
    }
    let pic = Pic::new_with_dimensions(png.bytes, png.ancho, png.alto)
        .id(format!("rIdGrafico{n}"))
        .size(ancho, alto)
        .descr(alt);
    e.parrafo(
        Paragraph::new()
            .keep_next(true)
            .add_run(Run::new().add_image(pic)),
    );
    e.parrafo(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(texto(leyenda).size(18).italic().color(GRIS)),
    );
}
