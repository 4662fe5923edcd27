//! The preview beside the form: the printable plan's pages as SVG, laid out by the same Typst
//! document and templates as `generar --formato pdf`, so that what the official sees is what
//! will be printed.
//!
//! An editor-only function rather than a `Formato` of the registry: a preview is many pages,
//! each its own file, refreshed one by one, while every registry format writes one file.

use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};

use crate::documento::fecha_documento;
use crate::render::templates::Plantillas;
use crate::render::typst::{PlanWorld, compile, text};
use crate::validacion::{SinDocumento, Validado};

/// One page of the preview.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pagina {
    /// Hash of the SVG: the page asks again only for pages whose hash changed.
    pub hash: String,
    /// The page as an SVG document.
    pub svg: String,
    /// The page's text, for finding the page that holds an item.
    pub texto: String,
}

/// The pages of the plan's printable document, or why there are none (in Spanish).
pub fn paginas(v: &Validado) -> Result<Vec<Pagina>, String> {
    let documento = v.documento().map_err(|e| match e {
        SinDocumento::ConErrores => {
            "La vista previa se actualiza cuando el plan no tiene errores.".to_owned()
        }
        SinDocumento::SinReferencia => {
            "No se encontró la referencia nacional del plan: no hay vista previa.".to_owned()
        }
    })?;
    let plan = v.plan().ok_or("El plan no se pudo leer.")?;
    let world = PlanWorld::new(&documento, Plantillas::default(), fecha_documento(plan));
    let compilado = compile(&world).map_err(|errores| {
        let detalle: Vec<String> = errores.iter().map(ToString::to_string).collect();
        format!("La plantilla no se pudo componer: {}", detalle.join("; "))
    })?;
    // Keep the layouts of the last few previews: consecutive edits reuse most of them.
    ::typst::comemo::evict(8);
    let textos = text(&compilado);
    let opciones = typst_svg::SvgOptions::default();
    Ok(compilado
        .pages()
        .iter()
        .zip(textos.split('\u{c}'))
        .map(|(page, texto)| {
            let svg = typst_svg::svg(page, &opciones);
            let mut h = FxHasher::default();
            svg.hash(&mut h);
            Pagina {
                hash: format!("{:016x}", h.finish()),
                svg,
                texto: texto.split_whitespace().collect::<Vec<_>>().join(" "),
            }
        })
        .collect())
}
