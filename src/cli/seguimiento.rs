//! `cantonal seguimiento PLAN --corte FECHA [--borrador]`: adds a cut to the plan's monitoring
//! file (`<plan>.seguimiento.yaml`, created when missing) with [`crate::seguimiento::corte`]:
//! one entry per action, explained in comments, for the official to fill. Existing cuts are
//! never touched; a plan that is not approved is refused (with the reason) unless `--borrador`.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::{Fallo, mostrar};
use crate::escritura::{comprobar_destino, write_atomic};
use crate::espanol::{fecha_larga, plural};
use crate::plan::seguimiento::archivo_de;
use crate::rules::Opciones;
use crate::seguimiento::corte::{Contenido, agregar, escribir_esquema};
use crate::validacion::validar;

/// Arguments of `seguimiento`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Archivo del plan (.yaml) que se sigue.
    #[arg(value_name = "PLAN")]
    pub plan: PathBuf,
    /// Fecha del corte, AAAA-MM-DD: el día hasta el que se informa.
    #[arg(long, value_name = "FECHA", value_parser = fecha)]
    pub corte: NaiveDate,
    /// Permite seguir un plan que todavía no está aprobado (para practicar).
    #[arg(long)]
    pub borrador: bool,
    /// Archivo de seguimiento (por omisión, PLAN.seguimiento.yaml junto al plan).
    #[arg(short = 'o', long = "salida", value_name = "ARCHIVO")]
    pub salida: Option<PathBuf>,
}

/// A date written AAAA-MM-DD.
pub(super) fn fecha(texto: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(texto.trim(), "%Y-%m-%d")
        .map_err(|_| "escriba la fecha como AAAA-MM-DD, por ejemplo 2026-06-30".to_owned())
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
    let salida = args
        .salida
        .clone()
        .unwrap_or_else(|| archivo_de(&args.plan));
    comprobar_destino(&salida, &[&args.plan])?;
    let actual = if salida.exists() {
        let bytes = crate::lectura::read_limited(&salida).map_err(|e| {
            Fallo::NoSePudo(format!(
                "no se pudo leer {}: {}",
                mostrar(&salida),
                crate::lectura::motivo(&e)
            ))
        })?;
        Some(String::from_utf8(bytes).map_err(|_| {
            Fallo::NoSePudo(format!(
                "{} no está en UTF-8; guárdelo como UTF-8 y vuelva a intentarlo",
                mostrar(&salida)
            ))
        })?)
    } else {
        None
    };
    let nombre_plan = args
        .plan
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let texto = agregar(
        plan,
        &nombre_plan,
        actual.as_deref(),
        &Contenido::por_llenar(args.corte),
        args.borrador,
        crate::fechas::hoy(),
    )
    .map_err(|e| Fallo::NoSePudo(format!("no se agregó el corte: {e}")))?;
    write_atomic(&salida, texto.as_bytes())?;
    if actual.is_none()
        && let Err(e) = escribir_esquema(&salida)
    {
        eprintln!("aviso: {e}");
    }
    if !quiet {
        salidaln!(
            "{}: corte del {} agregado ({}). Escriba el estado de cada acción, actualice el valor y el ejecutado, y revise el seguimiento con `cantonal validar {}`.",
            mostrar(&salida),
            fecha_larga(args.corte),
            plural(plan.acciones.len(), "acción", "acciones"),
            mostrar(&args.plan)
        );
    }
    Ok(())
}
