//! `cantonal plantilla-seguimiento PLAN --corte FECHA [-o LIBRO.xlsx]`: the monitoring workbook
//! for the responsible institutions ([`crate::seguimiento::libro`]), one row per action of the
//! plan, for a cut that `cantonal importar` adds to the plan's monitoring file.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Fallo, mostrar};
use crate::escritura::{comprobar_destino, write_atomic};
use crate::espanol::fecha_larga;
use crate::plan::load::load_file;
use crate::plan::seguimiento::{Registro, archivo_de};
use crate::reference::nacional::Referencia;
use crate::rules::Opciones;
use crate::seguimiento::corte::seguible;
use crate::seguimiento::libro::plantilla;
use crate::validacion::validar;

/// Arguments of `plantilla-seguimiento`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Archivo del plan (.yaml) que se sigue.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Fecha del corte, AAAA-MM-DD.
    #[arg(long, value_name = "FECHA", value_parser = super::seguimiento::fecha)]
    pub corte: NaiveDate,
    /// Libro a crear (por omisión, `<plan>-corte-<fecha>.xlsx` en la carpeta actual).
    #[arg(short = 'o', long = "salida", value_name = "LIBRO")]
    pub salida: Option<PathBuf>,
    /// Reemplaza el libro si ya existe.
    #[arg(long)]
    pub forzar: bool,
    /// Permite dar seguimiento a un plan que no está aprobado (para practicar).
    #[arg(long)]
    pub borrador: bool,
}

pub(super) fn run(args: Args, quiet: bool) -> Result<(), Fallo> {
    let v = validar(&args.plan, Opciones::default());
    let plan = match v.plan() {
        Some(p) if !v.tiene_errores() => p,
        _ => {
            return Err(Fallo::Errores(Some(format!(
                "{} tiene errores; corríjalos antes de darle seguimiento (`cantonal validar {}` los muestra)",
                mostrar(&args.plan),
                mostrar(&args.plan)
            ))));
        }
    };
    seguible(plan, args.borrador).map_err(|e| {
        Fallo::NoSePudo(format!(
            "no se creó el libro de seguimiento de {}: {e}",
            mostrar(&args.plan)
        ))
    })?;
    let seguimiento = archivo_de(&args.plan);
    let registro = seguimiento
        .is_file()
        .then(|| load_file::<Registro>(&seguimiento).datos)
        .flatten();
    let nombre = args
        .plan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let r = v.referencia().unwrap_or(Referencia::pacta());
    let bytes = plantilla(plan, &nombre, registro.as_ref(), args.corte, r)
        .map_err(|e| Fallo::NoSePudo(format!("no se pudo crear el libro: {e}")))?;
    let salida = args.salida.unwrap_or_else(|| {
        let stem = args.plan.file_stem().unwrap_or_default().to_string_lossy();
        PathBuf::from(format!("{stem}-corte-{}.xlsx", args.corte))
    });
    comprobar_destino(&salida, &[&args.plan, &seguimiento])?;
    if salida.exists() && !args.forzar {
        return Err(Fallo::NoSePudo(format!(
            "{} ya existe; no se sobrescribe. Use --forzar para reemplazarlo u -o para elegir otro nombre.",
            mostrar(&salida)
        )));
    }
    write_atomic(&salida, &bytes)?;
    if !quiet {
        salidaln!(
            "{}: libro de seguimiento del corte del {} de {}. Las instituciones responsables lo llenan en Excel o LibreOffice; `cantonal importar {}` lo agrega al seguimiento.",
            mostrar(&salida),
            fecha_larga(args.corte),
            plan.canton.nombre,
            mostrar(&salida)
        );
    }
    Ok(())
}
