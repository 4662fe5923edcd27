//! `cantonal informe CARPETA...`: the consolidated report over many plans (`docs/informe.md`) —
//! status, coverage of the national axes, referral route, budget, purposes of exploitation and
//! open observations, canton by canton. Text tables on the terminal by default; JSON for dashboards;
//! PDF and HTML with charts for a meeting.
//!
//! The report is written even when some plans have errors (they appear with their counts): the
//! exit code is 0 once the report is out, 2 when it could not be made.

use std::path::PathBuf;

use super::{Fallo, mostrar};
use crate::carpeta::entradas;
use crate::escritura::{comprobar_destino, write_atomic};
use crate::espanol::plural;
use crate::informe::{informe, texto};
use crate::render::{self, Formato, Pieza};
use crate::rules::Opciones;

/// How the report is given: text tables on the terminal, or a file in an output format that
/// admits the report.
#[derive(Debug, Clone, Copy)]
pub enum VistaInforme {
    /// Tablas de texto (en pantalla).
    Texto,
    /// A format of the render registry.
    Archivo(&'static dyn Formato),
}

/// `--formato`: `texto` or the registry's formats that print the report.
fn vista_parser() -> impl clap::builder::TypedValueParser<Value = VistaInforme> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    let nombres = std::iter::once("texto").chain(
        render::FORMATOS
            .iter()
            .filter(|f| f.admite_informe())
            .map(|f| f.nombre()),
    );
    PossibleValuesParser::new(nombres).map(|nombre| match render::formato(&nombre) {
        Some(f) => VistaInforme::Archivo(f),
        None => VistaInforme::Texto,
    })
}

/// Arguments of `informe`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Carpetas con planes (.yaml) o archivos de plan.
    #[arg(required = true, value_name = "CARPETA")]
    pub carpetas: Vec<PathBuf>,
    /// Formato: texto, json, pdf o html; por omisión, el de la extensión de `-o` (.pdf, .html,
    /// .json) o texto.
    #[arg(long, value_parser = vista_parser())]
    pub formato: Option<VistaInforme>,
    /// Archivo de salida (por omisión, la pantalla para texto y JSON, e informe.pdf o
    /// informe.html en la carpeta actual).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
    /// Cuenta como errores las reglas estrictas (como en un plan aprobado).
    #[arg(long)]
    pub estricto: bool,
    /// Carpeta con plantillas que reemplazan a las incorporadas (informe.typ, informe.html.hbs).
    #[arg(long, value_name = "CARPETA")]
    pub plantillas: Option<PathBuf>,
}

fn vista(args: &Args) -> VistaInforme {
    args.formato.unwrap_or_else(|| {
        let extension = args
            .salida
            .as_ref()
            .and_then(|s| s.extension())
            .and_then(|e| e.to_str())
            .map(|e| if e == "htm" { "html" } else { e });
        match extension.and_then(render::por_extension) {
            Some(f) if f.admite_informe() => VistaInforme::Archivo(f),
            _ => VistaInforme::Texto,
        }
    })
}

pub(super) fn run(args: Args, color: bool, quiet: bool) -> Result<(), Fallo> {
    let vista = vista(&args);
    let fecha = crate::fechas::hoy();
    let opciones = Opciones {
        estricto: args.estricto,
    };
    let informe = informe(&args.carpetas, opciones, fecha)?;
    // Text and JSON go to the screen unless a file is named; a document goes to a file named
    // after its format in the current folder.
    let salida = args.salida.clone().or(match vista {
        VistaInforme::Archivo(f) if !f.a_pantalla() => {
            Some(PathBuf::from(format!("informe.{}", f.extension())))
        }
        _ => None,
    });
    if let Some(salida) = &salida {
        // The report never replaces one of the plans, observations or monitoring files it reads.
        let leidos = entradas(&args.carpetas)?;
        let leidos: Vec<&std::path::Path> = leidos.iter().flat_map(|e| e.archivos()).collect();
        comprobar_destino(salida, &leidos)?;
    }
    let opciones = render::Opciones {
        plantillas: render::templates::Plantillas::new(args.plantillas.clone())?,
        pdf_a: false,
    };
    let bytes = match vista {
        VistaInforme::Texto => {
            let mut t = texto::render(&informe);
            // Colour only on the terminal: gaps in red, covered stages in green (alignment is
            // already done, the escape codes do not move the columns).
            if color && args.salida.is_none() {
                t = t
                    .replace(
                        texto::BRECHA,
                        &format!("\x1b[1;31m{}\x1b[0m", texto::BRECHA),
                    )
                    .replace(
                        texto::CUBIERTA,
                        &format!("\x1b[32m{}\x1b[0m", texto::CUBIERTA),
                    );
            }
            t.into_bytes()
        }
        VistaInforme::Archivo(formato) => {
            match formato.render(
                Pieza::Informe {
                    informe: &informe,
                    fecha,
                },
                &opciones,
            ) {
                Ok(producto) => producto.bytes,
                Err(errores) => {
                    for e in errores {
                        eprintln!("error en la plantilla: {e}");
                    }
                    return Err(Fallo::NoSePudo("no se generó el informe.".into()));
                }
            }
        }
    };
    match salida {
        None => super::escribir(&bytes),
        Some(salida) => {
            write_atomic(&salida, &bytes)?;
            if !quiet {
                let t = &informe.totales;
                salidaln!(
                    "{}: informe de {} ({} con errores, {})",
                    mostrar(&salida),
                    plural(t.planes, "plan", "planes"),
                    t.con_errores,
                    plural(
                        t.observaciones_abiertas,
                        "observación abierta",
                        "observaciones abiertas"
                    )
                );
            }
        }
    }
    Ok(())
}
