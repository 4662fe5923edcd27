//! `cantonal importar LIBRO.xlsx [-o PLAN.yaml]`: a workshop workbook, filled in a spreadsheet,
//! becomes a plan file. The work is in [`crate::taller::importar`]; this prints its diagnostics
//! (located by sheet, row and column) like `validar` and never overwrites a plan without
//! `--forzar`.

use std::path::PathBuf;

use super::{Fallo, VistaDiagnosticos, mostrar};
use crate::diagnostics::{Conteo, human, json};
use crate::escritura::{comprobar_destino, write_atomic};
use crate::taller::importar::importar;

/// Arguments of `importar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Libro del taller (.xlsx u .ods), hecho con `cantonal plantilla-taller`.
    #[arg(value_name = "LIBRO")]
    pub libro: PathBuf,
    /// Plan a escribir (por omisión, el nombre del libro con extensión .yaml).
    #[arg(short = 'o', long = "salida", value_name = "PLAN")]
    pub salida: Option<PathBuf>,
    /// Reemplaza el plan si ya existe.
    #[arg(long)]
    pub forzar: bool,
    /// Formato de los diagnósticos: texto (por omisión) o json.
    #[arg(long, value_enum, default_value_t = VistaDiagnosticos::Texto)]
    pub formato: VistaDiagnosticos,
}

pub(super) fn run(args: Args, color: bool, quiet: bool) -> Result<(), Fallo> {
    if !args.libro.is_file() {
        return Err(Fallo::NoSePudo(format!(
            "no existe el libro {}",
            mostrar(&args.libro)
        )));
    }
    let salida = args
        .salida
        .clone()
        .unwrap_or_else(|| args.libro.with_extension("yaml"));
    comprobar_destino(&salida, &[&args.libro])?;
    if salida.exists() && !args.forzar {
        return Err(Fallo::NoSePudo(format!(
            "{} ya existe; no se sobrescribe. Use --forzar para reemplazarlo u -o para elegir otro nombre.",
            mostrar(&salida)
        )));
    }
    let importado = importar(&args.libro, &salida);
    let archivo = mostrar(&args.libro);
    match args.formato {
        VistaDiagnosticos::Json => salidaln!(
            "{}",
            json::Informe::new(vec![json::Archivo::new(
                archivo.clone(),
                importado.canton.clone(),
                &importado.diagnostics,
            )])
            .to_json()
        ),
        VistaDiagnosticos::Texto if !quiet || !importado.diagnostics.is_empty() => {
            salida!(
                "{}",
                human::render(&archivo, "", &importado.diagnostics, color)
            );
        }
        VistaDiagnosticos::Texto => {}
    }
    let conteo = Conteo::de(&importado.diagnostics);
    let Some(texto) = importado.texto else {
        return Err(Fallo::Errores(Some(format!(
            "no se importó el libro: {archivo} tiene {}. Corríjalos en el libro y vuelva a importarlo.",
            conteo.texto()
        ))));
    };
    write_atomic(&salida, texto.as_bytes())?;
    if !quiet && args.formato == VistaDiagnosticos::Texto {
        salidaln!(
            "{}: plan importado de {archivo}; {}. Revíselo con `cantonal validar {}`.",
            mostrar(&salida),
            conteo.texto(),
            mostrar(&salida)
        );
    }
    if conteo.errores > 0 {
        Err(Fallo::Errores(None))
    } else {
        Ok(())
    }
}
