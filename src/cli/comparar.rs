//! `cantonal comparar OLD NEW`: what changed between two drafts of a plan, item by item and
//! field by field, with the change in axis and route coverage and in the budget.

use std::path::PathBuf;

use super::{ERRORES, NO_SE_PUDO, OK};
use crate::diagnostics::visible;
use crate::diff::{Comparacion, Tipo, comparar, corto};
use crate::reference::nacional;
use crate::rules::Opciones;
use crate::validar;

/// Output format of `comparar`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatoComparacion {
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
    #[arg(long, value_enum, default_value_t = FormatoComparacion::Texto)]
    pub formato: FormatoComparacion,
}

pub(super) fn run(args: Args, color: bool) -> u8 {
    for p in [&args.anterior, &args.nuevo] {
        if !p.is_file() {
            eprintln!("error: no existe el archivo {}", p.display());
            return NO_SE_PUDO;
        }
    }
    let a = validar(&args.anterior, Opciones::default());
    let b = validar(&args.nuevo, Opciones::default());
    let (Some(pa), Some(pb)) = (&a.loaded.datos, &b.loaded.datos) else {
        for v in [&a, &b] {
            if v.loaded.datos.is_none() {
                eprintln!(
                    "error: {} no se puede leer como plan; revíselo con `cantonal validar {}`",
                    v.loaded.archivo.display(),
                    v.loaded.archivo.display()
                );
            }
        }
        return ERRORES;
    };
    let resolved = nacional::resolve(&b.loaded.carpeta(), &pb.plan_nacional);
    let Some(r) = resolved.referencia() else {
        eprintln!(
            "error: no se encontró la referencia nacional `{}`",
            pb.plan_nacional
        );
        return ERRORES;
    };
    let c = comparar(pa, pb, r);
    match args.formato {
        FormatoComparacion::Json => println!("{}", serde_json::to_string_pretty(&c).expect("json")),
        FormatoComparacion::Md => print!("{}", markdown(&c)),
        FormatoComparacion::Texto => print!("{}", texto(&c, color)),
    }
    OK
}

fn signo(t: Tipo) -> (&'static str, &'static str) {
    match t {
        Tipo::Agregado => ("+", "\x1b[32m"),
        Tipo::Eliminado => ("-", "\x1b[31m"),
        Tipo::Modificado => ("~", "\x1b[33m"),
    }
}

/// The comparison for people.
pub fn texto(c: &Comparacion, color: bool) -> String {
    let mut out = String::new();
    if c.cambios.is_empty() {
        out.push_str("Sin cambios en el contenido del plan.\n");
    }
    for cambio in &c.cambios {
        let (s, ansi) = signo(cambio.tipo);
        let line = match cambio.tipo {
            Tipo::Agregado => format!("{s} {} (agregado)", cambio.ruta),
            Tipo::Eliminado => format!("{s} {} (eliminado)", cambio.ruta),
            Tipo::Modificado => format!(
                "{s} {}: {} → {}",
                cambio.ruta,
                cambio.antes.as_ref().map(corto).unwrap_or_default(),
                cambio.despues.as_ref().map(corto).unwrap_or_default()
            ),
        };
        // Paths and values are plan text: printed visible, never as terminal commands.
        let line = visible(&line);
        if color {
            out.push_str(&format!("{ansi}{line}\x1b[0m\n"));
        } else {
            out.push_str(&line);
            out.push('\n');
        }
    }
    for (titulo, cifras, usd) in [
        ("Acciones por eje", &c.acciones_por_eje, false),
        (
            "Etapas de la ruta con responsable (1 = sí)",
            &c.etapas_con_responsable,
            false,
        ),
        ("Presupuesto (USD)", &c.presupuesto, true),
    ] {
        out.push_str(&format!("\n{titulo}:\n"));
        for x in cifras {
            let fmt = |v: f64| {
                if usd {
                    crate::render::document::usd(v)
                } else {
                    format!("{v}")
                }
            };
            let marca = if x.antes != x.despues { " *" } else { "" };
            out.push_str(&format!(
                "  {}: {} → {}{marca}\n",
                visible(&x.nombre),
                fmt(x.antes),
                fmt(x.despues)
            ));
        }
    }
    out
}

fn markdown(c: &Comparacion) -> String {
    let esc = crate::render::markdown::escape;
    let mut out = String::from(
        "# Comparación de borradores\n\n| cambio | ruta | antes | después |\n|---|---|---|---|\n",
    );
    for x in &c.cambios {
        let tipo = match x.tipo {
            Tipo::Agregado => "agregado",
            Tipo::Eliminado => "eliminado",
            Tipo::Modificado => "modificado",
        };
        out.push_str(&format!(
            "| {tipo} | `{}` | {} | {} |\n",
            x.ruta,
            x.antes.as_ref().map(|v| esc(&corto(v))).unwrap_or_default(),
            x.despues
                .as_ref()
                .map(|v| esc(&corto(v)))
                .unwrap_or_default()
        ));
    }
    out.push_str("\n| eje | acciones antes | acciones después |\n|---|---:|---:|\n");
    for x in &c.acciones_por_eje {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            esc(&x.nombre),
            x.antes,
            x.despues
        ));
    }
    out
}
