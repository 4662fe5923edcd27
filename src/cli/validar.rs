//! `cantonal validar FILE|DIR...`: checks plans and prints their diagnostics. A folder means every
//! `*.yaml` directly in it; a `<plan>.observaciones.yaml` is checked as the review observations of
//! its plan (`docs/revision.md`), and its open observations are counted. One bad file never stops the
//! others.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Fallo, VistaDiagnosticos};
use crate::carpeta::{Resultado, comprobar, entradas};
use crate::diagnostics::{Conteo, Diagnostic, Severidad, human, json, visible};
use crate::rules::Opciones;

/// Arguments of `validar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Archivos de plan (.yaml) o carpetas que los contienen.
    #[arg(required = true, value_name = "ARCHIVO_O_CARPETA")]
    pub archivos: Vec<PathBuf>,
    /// Formato de salida: texto (por omisión) o json.
    #[arg(long, value_enum, default_value_t = VistaDiagnosticos::Texto)]
    pub formato: VistaDiagnosticos,
    /// Trata como errores las reglas estrictas (como en un plan aprobado).
    #[arg(long)]
    pub estricto: bool,
}

pub(super) fn run(args: Args, color: bool, quiet: bool) -> Result<(), Fallo> {
    let entradas = entradas(&args.archivos)?;
    let opciones = Opciones {
        estricto: args.estricto,
    };
    // Files are independent: check them on all cores, keeping their order for the output.
    let resultados: Vec<Resultado> = entradas
        .par_iter()
        .map(|e| comprobar(e, opciones))
        .collect();
    match args.formato {
        VistaDiagnosticos::Json => {
            let mut archivos = Vec::new();
            for r in &resultados {
                let canton = match r {
                    Resultado::Plan(v) => {
                        let canton = v.canton();
                        archivos.push(json::Archivo::new(
                            v.loaded.archivo.display().to_string(),
                            canton.clone(),
                            &v.diagnostics,
                        ));
                        canton
                    }
                    Resultado::SinPlan(_) => None,
                };
                if let Some(rev) = r.revision() {
                    let mut a = json::Archivo::new(
                        rev.loaded.archivo.display().to_string(),
                        canton,
                        &rev.diagnostics,
                    );
                    a.observaciones_abiertas = Some(rev.abiertas());
                    archivos.push(a);
                }
            }
            salidaln!("{}", json::Informe::new(archivos).to_json());
        }
        VistaDiagnosticos::Texto => print_human(&resultados, color, quiet),
    }
    if resultados.iter().any(Resultado::tiene_errores) {
        Err(Fallo::Errores(None))
    } else {
        Ok(())
    }
}

fn print_human(resultados: &[Resultado], color: bool, quiet: bool) {
    let mut total = Conteo::default();
    let mut archivos = 0;
    let mut abiertas = None;
    let mut mostrar = |archivo: &Path, texto: &str, diags: &[Diagnostic], resumen: String| {
        let archivo = archivo.display().to_string();
        let shown: Vec<_> = diags
            .iter()
            .filter(|d| !quiet || d.severidad == Severidad::Error)
            .cloned()
            .collect();
        salida!("{}", human::render(&archivo, texto, &shown, color));
        let conteo = Conteo::de(diags);
        total.sumar(conteo);
        archivos += 1;
        if !quiet {
            let linea = format!("{archivo}{resumen}");
            let linea = visible(&linea);
            if diags.is_empty() {
                salidaln!("{linea}: sin problemas");
            } else {
                salidaln!("{linea}: {}", conteo.texto());
            }
        }
    };
    for r in resultados {
        if let Resultado::Plan(v) = r {
            let canton = v.canton().map(|c| format!(" ({c})")).unwrap_or_default();
            mostrar(&v.loaded.archivo, &v.loaded.texto, &v.diagnostics, canton);
        }
        if let Some(rev) = r.revision() {
            let n = rev.observaciones().len();
            let resumen = if rev.loaded.datos.is_some() {
                format!(" (observaciones abiertas: {} de {n})", rev.abiertas())
            } else {
                String::new()
            };
            *abiertas.get_or_insert(0) += rev.abiertas();
            mostrar(
                &rev.loaded.archivo,
                &rev.loaded.texto,
                &rev.diagnostics,
                resumen,
            );
        }
    }
    if !quiet && archivos > 1 {
        let abiertas = abiertas
            .map(|n: usize| {
                format!(
                    "; {}",
                    crate::espanol::plural(n, "observación abierta", "observaciones abiertas")
                )
            })
            .unwrap_or_default();
        salidaln!(
            "\nResumen: {archivos} archivos; {}{abiertas}",
            total.texto()
        );
    }
}
