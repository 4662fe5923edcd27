//! `cantonal importar LIBRO.xlsx [-o PLAN.yaml]`: a workshop workbook, filled in a spreadsheet,
//! becomes a plan file. The work is in [`crate::taller::importar`]; this prints its diagnostics
//! (located by sheet, row and column) like `validar` and never overwrites a plan without
//! `--forzar`. A monitoring workbook (`cantonal plantilla-seguimiento`) becomes a new cut of the
//! plan's monitoring file instead ([`crate::seguimiento::libro`]): the cuts already written are
//! never touched.

use std::path::PathBuf;

use super::{Fallo, VistaDiagnosticos, mostrar};
use crate::diagnostics::{Conteo, human, json};
use crate::escritura::{comprobar_destino, write_atomic};
use crate::seguimiento::libro::{es_de_seguimiento, importar as importar_corte};
use crate::taller::importar::importar;
use crate::taller::libro::Libro;

/// Arguments of `importar`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Libro del taller (.xlsx u .ods), hecho con `cantonal plantilla-taller`.
    #[arg(value_name = "LIBRO")]
    pub libro: PathBuf,
    /// Plan a escribir (por omisión, el nombre del libro con extensión .yaml); para un libro de
    /// seguimiento, el archivo de seguimiento al que se agrega el corte (por omisión, el del
    /// plan que nombra el libro, junto al libro).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
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
    if let Ok(wb) = Libro::abrir(&args.libro)
        && es_de_seguimiento(&wb)
    {
        return corte(&args, &wb, color, quiet);
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
    diagnosticos(
        &args,
        importado.canton.clone(),
        &importado.diagnostics,
        color,
        quiet,
    );
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

/// Prints the diagnostics of the import of the workbook of `args`, located by sheet, row and
/// column, as `validar` prints those of a plan.
fn diagnosticos(
    args: &Args,
    canton: Option<String>,
    diags: &[crate::diagnostics::Diagnostic],
    color: bool,
    quiet: bool,
) {
    let archivo = mostrar(&args.libro);
    match args.formato {
        VistaDiagnosticos::Json => salidaln!(
            "{}",
            json::Informe::new(vec![json::Archivo::new(archivo, canton, diags)]).to_json()
        ),
        VistaDiagnosticos::Texto if !quiet || !diags.is_empty() => {
            salida!("{}", human::render(&archivo, "", diags, color));
        }
        VistaDiagnosticos::Texto => {}
    }
}

/// Imports a monitoring workbook as a new cut of the plan's monitoring file.
fn corte(args: &Args, wb: &Libro, color: bool, quiet: bool) -> Result<(), Fallo> {
    let importado = importar_corte(wb, &args.libro, args.salida.as_deref());
    if !importado.archivo.as_os_str().is_empty() {
        comprobar_destino(&importado.archivo, &[&args.libro])?;
    }
    diagnosticos(args, None, &importado.diagnostics, color, quiet);
    let conteo = Conteo::de(&importado.diagnostics);
    let archivo = mostrar(&args.libro);
    if let Some(e) = importado.error {
        return Err(Fallo::Errores(Some(format!(
            "no se importó el corte de {archivo}: {e}"
        ))));
    }
    // A cut with errors is not written: once in the file, the same date could not be imported
    // again from the corrected workbook.
    let texto = match importado.texto {
        Some(t) if conteo.errores == 0 => t,
        _ => {
            return Err(Fallo::Errores(Some(format!(
                "no se importó el corte: {archivo} tiene {}. Corríjalos en el libro y vuelva a importarlo.",
                conteo.texto()
            ))));
        }
    };
    write_atomic(&importado.archivo, texto.as_bytes())?;
    if !quiet && args.formato == VistaDiagnosticos::Texto {
        salidaln!(
            "{}: corte importado de {archivo}; {}. Revíselo con `cantonal validar {}`.",
            mostrar(&importado.archivo),
            conteo.texto(),
            mostrar(&importado.archivo)
        );
    }
    Ok(())
}
