//! `cantonal comparar OLD NEW`: what changed between two drafts of a plan, item by item and
//! field by field, with the change in axis and route coverage and in the budget.

use std::path::PathBuf;

use super::{Fallo, mostrar};
use crate::diff::{comparar, markdown::markdown, texto::texto};
use crate::plan::observaciones::archivo_de;
use crate::rules::Opciones;
use crate::validacion::validar;

/// How `comparar` shows the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VistaComparacion {
    /// Para personas, con colores en la terminal.
    Texto,
    /// Tablas Markdown.
    Md,
    /// Para programas.
    Json,
}

/// Arguments of `comparar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Borrador anterior (.yaml).
    pub anterior: PathBuf,
    /// Borrador nuevo (.yaml).
    pub nuevo: PathBuf,
    /// Formato de salida: texto (por omisión), md o json.
    #[arg(long, value_enum, default_value_t = VistaComparacion::Texto)]
    pub formato: VistaComparacion,
    /// Observaciones del asesor sobre el borrador anterior: la comparación dice qué cambios
    /// responden a cada una. Por omisión, el archivo de observaciones junto al borrador
    /// anterior, si existe.
    #[arg(long)]
    pub observaciones: Option<PathBuf>,
}

pub(super) fn run(args: Args, color: bool) -> Result<(), Fallo> {
    for p in [&args.anterior, &args.nuevo] {
        if !p.is_file() {
            return Err(Fallo::NoSePudo(format!(
                "no existe el archivo {}",
                mostrar(p)
            )));
        }
    }
    let a = validar(&args.anterior, Opciones::default());
    let b = validar(&args.nuevo, Opciones::default());
    let (Some(pa), Some(pb)) = (a.plan(), b.plan()) else {
        for v in [&a, &b] {
            if v.plan().is_none() {
                eprintln!(
                    "error: {} no se puede leer como plan; revíselo con `cantonal validar {}`",
                    mostrar(&v.loaded.archivo),
                    mostrar(&v.loaded.archivo)
                );
            }
        }
        return Err(Fallo::Errores(None));
    };
    let Some(r) = b.referencia() else {
        return Err(Fallo::Errores(Some(format!(
            "no se encontró la referencia nacional `{}`",
            pb.plan_nacional
        ))));
    };
    let mut c = comparar(pa, pb, r);
    let obs = args
        .observaciones
        .clone()
        .or_else(|| Some(archivo_de(&args.anterior)).filter(|o| o.is_file()));
    if let Some(obs) = obs {
        let leido = crate::lectura::read_limited(&obs)
            .ok()
            .map(|bytes| {
                crate::plan::load::load_bytes::<crate::plan::observaciones::Observaciones>(
                    &obs, &bytes,
                )
            })
            .and_then(|l| l.datos);
        match leido {
            Some(o) => crate::diff::observaciones::responder(&mut c, &o),
            None => {
                return Err(Fallo::Errores(Some(format!(
                    "no se pudo leer el archivo de observaciones {}; revíselo con `cantonal validar`",
                    mostrar(&obs)
                ))));
            }
        }
    }
    if let (Some(aviso), false) = (&c.aviso, args.formato == VistaComparacion::Json) {
        eprintln!("aviso: {aviso}");
    }
    match args.formato {
        VistaComparacion::Json => salidaln!("{}", serde_json::to_string_pretty(&c).expect("json")),
        VistaComparacion::Md => salida!("{}", markdown(&c)),
        VistaComparacion::Texto => salida!("{}", texto(&c, color)),
    }
    Ok(())
}
