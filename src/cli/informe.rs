//! `cantonal informe CARPETA...`: the consolidated report over many plans (DESIGN §9) — status,
//! coverage of the national axes, referral route, budget, purposes of exploitation and open
//! observations, canton by canton. Text tables on the terminal by default; JSON for dashboards;
//! PDF and HTML with charts for a meeting.
//!
//! The report is written even when some plans have errors (they appear with their counts): the
//! exit code is 0 once the report is out, 2 when it could not be made.

use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{NO_SE_PUDO, OK, no_se_pudo};
use crate::carpeta::{Resultado, comprobar, entradas};
use crate::diagnostics::plural;
use crate::informe::{Informe, texto};
use crate::render::templates::Plantillas;
use crate::render::{informe_html, informe_pdf, write_atomic};
use crate::rules::Opciones;

/// Output formats of `informe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatoInforme {
    /// Tablas de texto (en pantalla).
    Texto,
    /// JSON, para tableros y otros programas.
    Json,
    /// PDF con gráficos (Typst).
    Pdf,
    /// Un archivo HTML autocontenido con gráficos.
    Html,
}

/// Arguments of `informe`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Carpetas con planes (.yaml) o archivos de plan.
    #[arg(required = true, value_name = "CARPETA")]
    pub rutas: Vec<PathBuf>,
    /// Formato: texto, json, pdf o html; por omisión, el de la extensión de `-o` (.pdf, .html,
    /// .json) o texto.
    #[arg(long, value_enum)]
    pub formato: Option<FormatoInforme>,
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

/// The date of the report: `SOURCE_DATE_EPOCH` when set (reproducible files), else today.
fn fecha() -> NaiveDate {
    crate::fechas::source_date_epoch().unwrap_or_else(|| chrono::Local::now().date_naive())
}

fn formato(args: &Args) -> FormatoInforme {
    args.formato.unwrap_or_else(|| {
        match args
            .salida
            .as_ref()
            .and_then(|s| s.extension())
            .and_then(|e| e.to_str())
        {
            Some("pdf") => FormatoInforme::Pdf,
            Some("html" | "htm") => FormatoInforme::Html,
            Some("json") => FormatoInforme::Json,
            _ => FormatoInforme::Texto,
        }
    })
}

/// Builds the report over `rutas`.
pub fn informe(rutas: &[PathBuf], opciones: Opciones, fecha: NaiveDate) -> Result<Informe, String> {
    let entradas = entradas(rutas)?;
    let resultados: Vec<Resultado> = entradas
        .par_iter()
        .map(|e| comprobar(e, opciones))
        .collect();
    let origen = rutas
        .iter()
        .map(|r| r.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(Informe::new(&origen, &resultados, fecha))
}

pub(super) fn run(args: Args, color: bool, quiet: bool) -> u8 {
    let formato = formato(&args);
    let fecha = fecha();
    let opciones = Opciones {
        estricto: args.estricto,
    };
    let informe = match informe(&args.rutas, opciones, fecha) {
        Ok(i) => i,
        Err(e) => return no_se_pudo(e),
    };
    let plantillas = match Plantillas::new(args.plantillas.clone()) {
        Ok(p) => p,
        Err(e) => return no_se_pudo(e),
    };
    let contenido: Result<Vec<u8>, Vec<String>> = match formato {
        FormatoInforme::Texto => {
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
            Ok(t.into_bytes())
        }
        FormatoInforme::Json => Ok(informe.to_json().into_bytes()),
        FormatoInforme::Pdf => informe_pdf(&informe, plantillas, fecha)
            .map(|p| p.bytes)
            .map_err(|e| e.iter().map(ToString::to_string).collect()),
        FormatoInforme::Html => informe_html(&informe, &plantillas)
            .map(String::into_bytes)
            .map_err(|e| vec![e]),
    };
    let bytes = match contenido {
        Ok(b) => b,
        Err(errores) => {
            for e in errores {
                eprintln!("error en la plantilla: {e}");
            }
            eprintln!("error: no se generó el informe.");
            return NO_SE_PUDO;
        }
    };
    let salida = args.salida.clone().or(match formato {
        FormatoInforme::Pdf => Some(PathBuf::from("informe.pdf")),
        FormatoInforme::Html => Some(PathBuf::from("informe.html")),
        FormatoInforme::Texto | FormatoInforme::Json => None,
    });
    match salida {
        None => {
            use std::io::Write;
            let _ = std::io::stdout().write_all(&bytes);
        }
        Some(salida) => {
            if let Err(e) = write_atomic(&salida, &bytes) {
                eprintln!("error: no se pudo escribir {}: {e}", salida.display());
                return NO_SE_PUDO;
            }
            if !quiet {
                let t = &informe.totales;
                println!(
                    "{}: informe de {} ({} con errores, {})",
                    salida.display(),
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
    OK
}
