//! The cuts of the monitoring file (who reported, which actions each one leaves without a
//! report) and the referral route's counts of each cut: aggregate numbers, which the report says
//! are only that.

use serde::Serialize;

use crate::espanol::fecha_larga;
use crate::plan::model::Plan;
use crate::plan::seguimiento::{Corte, Registro};

/// A cut.
#[derive(Debug, Clone, Serialize)]
pub struct CorteDoc {
    /// Its date, AAAA-MM-DD.
    pub fecha: String,
    /// Its date, in words.
    pub fecha_texto: String,
    /// Who reported.
    pub informa: String,
    /// Actions it reports.
    pub informadas: usize,
    /// Actions of the plan it does not report.
    pub sin_reporte: Vec<String>,
}

pub(super) fn corte(plan: &Plan, c: &Corte) -> CorteDoc {
    CorteDoc {
        fecha: c.fecha_corte.to_string(),
        fecha_texto: fecha_larga(c.fecha_corte),
        informa: c.informa.clone(),
        informadas: c.acciones.len(),
        sin_reporte: plan
            .acciones
            .iter()
            .filter(|a| c.reporte(&a.id).is_none())
            .map(|a| a.id.clone())
            .collect(),
    }
}

/// The referral route's counts of one cut, written ("—" when not given).
#[derive(Debug, Clone, Serialize)]
pub struct FilaRuta {
    /// The cut's date, in words.
    pub corte: String,
    /// Possible victims identified in the period.
    pub identificados: String,
    /// Victims attended in the period.
    pub atendidos: String,
    /// Cases referred in the period.
    pub derivados: String,
}

/// The referral route's counts.
#[derive(Debug, Clone, Serialize)]
pub struct RutaDoc {
    /// What the counts are, and are not.
    pub aviso: &'static str,
    /// One row per cut that gives any count, in date order.
    pub filas: Vec<FilaRuta>,
}

/// What the route's counts are, as every report says it.
pub const AVISO_RUTA: &str = "Las cifras de la ruta de atención son agregadas: cuántos casos hubo en el período de cada corte, nunca quiénes. El seguimiento no guarda ningún dato de una víctima; los expedientes se quedan en las instituciones que atienden.";

pub(super) fn ruta(registro: &Registro) -> RutaDoc {
    let n = |v: Option<u32>| v.map_or_else(|| "—".to_owned(), |x| x.to_string());
    RutaDoc {
        aviso: AVISO_RUTA,
        filas: registro
            .cronologico()
            .into_iter()
            .filter_map(|c| {
                let r = c.ruta_atencion?;
                Some(FilaRuta {
                    corte: fecha_larga(c.fecha_corte),
                    identificados: n(r.casos_identificados),
                    atendidos: n(r.casos_atendidos),
                    derivados: n(r.casos_derivados),
                })
            })
            .collect(),
    }
}
