//! `cantonal validar FILE|DIR...`: checks plans and prints their diagnostics. A folder means every
//! `*.yaml` directly in it (review observations excepted); one bad file never stops the others.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{ERRORES, FormatoDiagnosticos, NO_SE_PUDO, OK};
use crate::diagnostics::{Conteo, Severidad, human, json};
use crate::rules::Opciones;
use crate::{Validado, validar};

/// Arguments of `validar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Archivos de plan (.yaml) o carpetas que los contienen.
    #[arg(required = true, value_name = "ARCHIVO_O_CARPETA")]
    pub rutas: Vec<PathBuf>,
    /// Formato de salida.
    #[arg(long, value_enum, default_value_t = FormatoDiagnosticos::Texto)]
    pub formato: FormatoDiagnosticos,
    /// Trata como errores las reglas estrictas (como en un plan aprobado).
    #[arg(long)]
    pub estricto: bool,
}

/// The plan files named by `rutas`: files as given, folders expanded to their `*.yaml` (sorted).
pub fn plan_files(rutas: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for ruta in rutas {
        if ruta.is_dir() {
            let entries = std::fs::read_dir(ruta)
                .map_err(|e| format!("no se pudo leer la carpeta {}: {e}", ruta.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_plan_name(p))
                .collect();
            if found.is_empty() {
                return Err(format!(
                    "la carpeta {} no contiene planes (*.yaml)",
                    ruta.display()
                ));
            }
            found.sort();
            files.extend(found);
        } else if ruta.exists() {
            files.push(ruta.clone());
        } else {
            return Err(format!("no existe el archivo o carpeta {}", ruta.display()));
        }
    }
    Ok(files)
}

fn is_plan_name(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".yaml") && !name.ends_with(".observaciones.yaml")
}

pub(super) fn run(args: Args, color: bool, quiet: bool) -> u8 {
    let files = match plan_files(&args.rutas) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("error: {e}");
            return NO_SE_PUDO;
        }
    };
    let opciones = Opciones {
        estricto: args.estricto,
    };
    // Files are independent: check them on all cores, keeping their order for the output.
    let resultados: Vec<Validado> = files.par_iter().map(|f| validar(f, opciones)).collect();
    match args.formato {
        FormatoDiagnosticos::Json => {
            let archivos = resultados
                .iter()
                .map(|r| {
                    json::Archivo::new(
                        r.loaded.archivo.display().to_string(),
                        r.canton(),
                        &r.diagnostics,
                    )
                })
                .collect();
            println!("{}", json::Informe::new(archivos).to_json());
        }
        FormatoDiagnosticos::Texto => print_human(&resultados, color, quiet),
    }
    if resultados.iter().any(Validado::tiene_errores) {
        ERRORES
    } else {
        OK
    }
}

fn print_human(resultados: &[Validado], color: bool, quiet: bool) {
    let mut total = Conteo::default();
    for r in resultados {
        let archivo = r.loaded.archivo.display().to_string();
        let shown: Vec<_> = r
            .diagnostics
            .iter()
            .filter(|d| !quiet || d.severidad == Severidad::Error)
            .cloned()
            .collect();
        print!(
            "{}",
            human::render(&archivo, &r.loaded.texto, &shown, color)
        );
        let conteo = Conteo::de(&r.diagnostics);
        total.sumar(conteo);
        if !quiet {
            let canton = r.canton().map(|c| format!(" ({c})")).unwrap_or_default();
            if r.diagnostics.is_empty() {
                println!("{archivo}{canton}: sin problemas");
            } else {
                println!("{archivo}{canton}: {}", conteo.texto());
            }
        }
    }
    if !quiet && resultados.len() > 1 {
        println!(
            "\nResumen: {} archivos; {}",
            resultados.len(),
            total.texto()
        );
    }
}
