//! The preview beside the form: the printable plan's pages (or, beside a monitoring file, its
//! progress report's) as SVG, laid out by the same Typst document and templates as `generar
//! --formato pdf`, so that what the official sees is what will be printed.
//!
//! An editor-only function rather than a `Formato` of the registry: a preview is many pages,
//! each its own file, refreshed one by one, while every registry format writes one file.

use std::sync::{Arc, LazyLock, Mutex};

use rustc_hash::FxHashMap;

use crate::render::pdf::mundo_avance;
use crate::render::templates::Plantillas;
use crate::render::typst::{PlanWorld, compile, text};
use crate::validacion::Validado;

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

/// Pages already turned into SVG, by the hash of their layout: after an edit, only the pages
/// whose layout changed are converted again.
static HECHAS: LazyLock<Mutex<FxHashMap<u128, Arc<Pagina>>>> = LazyLock::new(Default::default);

/// More pages than a few large plans hold: the cache starts again past this.
const MAX_HECHAS: usize = 2000;

/// What is previewed: the plan's printable document, or, for a monitoring file, its progress
/// report; each a draft of what is filled so far while it has errors (the second value).
fn mundo(v: &Validado) -> Result<(PlanWorld, bool), String> {
    if v.seguimiento.is_some() {
        let (avance, borrador) = v.avance_borrador().ok_or(
            "Todavía no hay un corte que se pueda leer: agregue un corte con su fecha para ver el informe de avance.",
        )?;
        return Ok((mundo_avance(&avance, Plantillas::default()), borrador));
    }
    let (documento, borrador) = v
        .documento_borrador()
        .ok_or("El plan todavía no se puede leer: no hay vista previa.")?;
    Ok((
        PlanWorld::new(&documento, Plantillas::default(), documento.fecha),
        borrador,
    ))
}

/// The pages of the printable document of a plan or of its progress report (a draft of what is
/// filled so far while it has errors: the second value says so), or why there are none (in
/// Spanish).
pub fn paginas(v: &Validado) -> Result<(Vec<Pagina>, bool), String> {
    let (world, borrador) = mundo(v)?;
    let compilado = compile(&world).map_err(|errores| {
        let detalle: Vec<String> = errores.iter().map(ToString::to_string).collect();
        format!("La plantilla no se pudo componer: {}", detalle.join("; "))
    })?;
    // Keep the layouts of the last few previews: consecutive edits reuse most of them.
    ::typst::comemo::evict(8);
    let opciones = typst_svg::SvgOptions::default();
    // A failed preview never poisons the cache for the next one.
    let mut hechas = super::bloquear(&HECHAS);
    if hechas.len() > MAX_HECHAS {
        hechas.clear();
    }
    let claves: Vec<u128> = compilado
        .pages()
        .iter()
        .map(::typst::utils::hash128)
        .collect();
    // The text of the pages is read only when some page is new.
    let textos: Vec<String> = if claves.iter().all(|c| hechas.contains_key(c)) {
        Vec::new()
    } else {
        text(&compilado)
            .split('\u{c}')
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    // The pages whose layout is new are converted in parallel: an edit usually changes a few.
    let nuevas: Vec<(u128, Arc<Pagina>)> = {
        use rayon::prelude::*;
        let pendientes: Vec<(usize, u128)> = claves
            .iter()
            .enumerate()
            .filter(|(_, c)| !hechas.contains_key(c))
            .map(|(i, c)| (i, *c))
            .collect();
        pendientes
            .into_par_iter()
            .map(|(i, clave)| {
                let pagina = Pagina {
                    hash: format!("{clave:032x}"),
                    svg: typst_svg::svg(&compilado.pages()[i], &opciones),
                    texto: textos.get(i).cloned().unwrap_or_default(),
                };
                (clave, Arc::new(pagina))
            })
            .collect()
    };
    hechas.extend(nuevas);
    Ok((
        claves
            .iter()
            .map(|clave| Pagina::clone(&hechas[clave]))
            .collect(),
        borrador,
    ))
}
