//! `cantonal validar FILE|DIR...`: checks plans and prints their diagnostics. A folder means every
//! `*.yaml` directly in it; a `<plan>.observaciones.yaml` is checked as the review observations of
//! its plan (`docs/revision.md`), and its open observations are counted; a
//! `<plan>.seguimiento.yaml` is checked as the plan's monitoring file (`docs/seguimiento.md`),
//! with its own observations. One bad file never stops the others.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Fallo, VistaDiagnosticos};
use crate::carpeta::{Resultado, comprobar, entradas};
use crate::diagnostics::{Conteo, Diagnostic, Severidad, human, json, visible};
use crate::rules::Opciones;
use crate::rules::revision::Revision;

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
                    Resultado::SinPlan { .. } => None,
                };
                if let Some(rev) = r.revision() {
                    archivos.push(observaciones_json(rev, canton.clone()));
                }
                if let Some(s) = r.seguimiento() {
                    let mut a = json::Archivo::new(
                        s.loaded.archivo.display().to_string(),
                        canton.clone(),
                        &s.diagnostics,
                    );
                    a.cortes = s.registro().map(|r| r.cortes.len());
                    archivos.push(a);
                    if let Some(rev) = &s.revision {
                        archivos.push(observaciones_json(rev, canton.clone()));
                    }
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

fn print_human<'a>(resultados: &'a [Resultado], color: bool, quiet: bool) {
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
        let mut observaciones = |rev: &'a Revision| {
            let n = rev.observaciones().len();
            *abiertas.get_or_insert(0) += rev.abiertas();
            let resumen = if rev.loaded.datos.is_some() {
                format!(" (observaciones abiertas: {} de {n})", rev.abiertas())
            } else {
                String::new()
            };
            (
                rev.loaded.archivo.as_path(),
                rev.loaded.texto.as_str(),
                rev.diagnostics.as_slice(),
                resumen,
            )
        };
        let mut junto = Vec::new();
        if let Some(rev) = r.revision() {
            junto.push(observaciones(rev));
        }
        if let Some(s) = r.seguimiento() {
            let resumen = s
                .resumen()
                .map(|t| format!(" (seguimiento: {t})"))
                .unwrap_or_default();
            junto.push((
                s.loaded.archivo.as_path(),
                s.loaded.texto.as_str(),
                s.diagnostics.as_slice(),
                resumen,
            ));
            if let Some(rev) = &s.revision {
                junto.push(observaciones(rev));
            }
        }
        for (archivo, texto, diags, resumen) in junto {
            mostrar(archivo, texto, diags, resumen);
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

/// The JSON entry of an observations file, with its open observations.
fn observaciones_json(rev: &Revision, canton: Option<String>) -> json::Archivo<'_> {
    let mut a = json::Archivo::new(
        rev.loaded.archivo.display().to_string(),
        canton,
        &rev.diagnostics,
    );
    a.observaciones_abiertas = Some(rev.abiertas());
    a
}
