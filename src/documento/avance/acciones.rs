//! Each action of the plan at the cut (its state, whether it is on time, its indicator's
//! progress from baseline to target, what it executed of its budget, its difficulties and its
//! evidence), the late actions with the reason, and the evidence reported cut by cut.

use serde::Serialize;

use super::super::cmark::{self, Bloque};
use super::super::estrategia;
use crate::espanol::{fecha_larga, numero, porcentaje, usd};
use crate::plan::model::Plan;
use crate::plan::seguimiento::calculo::{Como, Figura, Retraso, Situacion};
use crate::plan::seguimiento::{Corte, Registro};
use crate::reference::nacional::Referencia;

/// The progress of an action, and how it was computed.
#[derive(Debug, Clone, Serialize)]
pub struct ProgresoDoc {
    /// 0–100, when it can be computed.
    pub porcentaje: Option<f64>,
    /// "35 %", or "—".
    pub texto: String,
    /// `indicador`, `estado` or `sin_dato`.
    pub como: &'static str,
    /// How, in words: "(420 − 0) ÷ (1.200 − 0) = 35 %".
    pub calculo: String,
}

/// One reported state of an action, cut by cut.
#[derive(Debug, Clone, Serialize)]
pub struct HistorialDoc {
    /// The cut's date, in words.
    pub corte: String,
    /// The state, for a reader.
    pub estado: String,
    /// The indicator's value, or "—".
    pub valor: String,
    /// Executed, or "—".
    pub ejecutado: String,
}

/// An action at the cut.
#[derive(Debug, Clone, Serialize)]
pub struct AccionAvance {
    /// Id.
    pub id: String,
    /// What it does.
    pub descripcion: String,
    /// Its objective's id.
    pub objetivo: String,
    /// Its axis's id.
    pub eje: String,
    /// Its axis's name.
    pub eje_nombre: String,
    /// Position of the axis in the national reference, from 1 (0 when unknown): its colour.
    pub eje_numero: usize,
    /// Responsible, by name.
    pub responsable: String,
    /// Its state at the cut: `en_curso`…, or `sin_reporte` when the cut does not report it.
    pub estado: &'static str,
    /// The state, for a reader: «En curso», «Sin reporte».
    pub estado_texto: &'static str,
    /// Whether it is on time.
    pub a_tiempo: bool,
    /// «A tiempo», or why it is late: «Atrasada: venció el 30 de septiembre de 2026».
    pub situacion: String,
    /// Why it is late beyond its state (its deadline passed, it did not start, the cut does
    /// not report it); `None` when it is on time or its report says «retrasada» or
    /// «suspendida».
    pub motivo: Option<String>,
    /// Indicator.
    pub indicador: String,
    /// Its unit.
    pub unidad: String,
    /// Baseline, written.
    pub linea_base: String,
    /// Target, written.
    pub meta: String,
    /// Value reached, written ("—" without one).
    pub valor: String,
    /// The baseline, the target and the value reached, as numbers, when given (for the
    /// workbook).
    pub cifras: [Option<f64>; 3],
    /// Its progress.
    pub avance: ProgresoDoc,
    /// Budget in the plan.
    pub presupuesto: f64,
    /// Budget, written ("—" without one).
    pub presupuesto_texto: String,
    /// Executed up to the cut (accumulated).
    pub ejecutado: f64,
    /// Executed, written.
    pub ejecutado_texto: String,
    /// Share of the budget executed (can pass 1).
    pub ejecucion: Option<f64>,
    /// The share, written: "33,3 %", or "—" without a budget.
    pub ejecucion_texto: String,
    /// Its funding source.
    pub fuente: String,
    /// Its term: "marzo de 2026 a noviembre de 2026".
    pub plazo: String,
    /// When its value and executed amount come from an earlier cut (the cut does not report
    /// it): that cut's date, in words.
    pub dato_de: Option<String>,
    /// What held it back, as reported in the cut.
    pub dificultades: Option<Vec<Bloque>>,
    /// Its reports, cut by cut.
    pub historial: Vec<HistorialDoc>,
}

/// A late action and why.
#[derive(Debug, Clone, Serialize)]
pub struct AtrasadaDoc {
    /// Id.
    pub id: String,
    /// What it does.
    pub descripcion: String,
    /// Its state, for a reader.
    pub estado_texto: &'static str,
    /// Why it is late beyond its state: «venció el 30 de septiembre de 2026 sin cumplirse».
    pub motivo: Option<String>,
    /// What held it back, as reported; `None` when the cut does not say.
    pub dificultades: Option<Vec<Bloque>>,
    /// The same, as plain text (for the accountability block and the workbook).
    pub dificultades_texto: String,
}

/// The evidence of one action, cut by cut.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenciasDoc {
    /// The action's id.
    pub id: String,
    /// What it does.
    pub descripcion: String,
    /// Each piece: the cut's date in words, and the evidence.
    pub items: Vec<[String; 2]>,
}

/// «Sin reporte»: the state of an action a cut does not report.
pub const SIN_REPORTE: &str = "Sin reporte";

/// Every action of `plan` at `corte` of `registro`, in the plan's order.
pub(super) fn acciones(
    plan: &Plan,
    r: &Referencia,
    registro: &Registro,
    corte: &Corte,
) -> Vec<AccionAvance> {
    let docs = estrategia::acciones(plan, r);
    plan.acciones
        .iter()
        .zip(docs)
        .map(|(a, d)| {
            let f = Figura::de(a, registro, corte);
            let (estado, estado_texto) = f.reporte.map_or(("sin_reporte", SIN_REPORTE), |r| {
                (r.estado.id(), r.estado.nombre())
            });
            let ultimo = f.ultimo.map(|(_, r)| r);
            let ejecucion = (f.presupuesto > 0.0).then(|| f.ejecutado / f.presupuesto);
            AccionAvance {
                estado,
                estado_texto,
                a_tiempo: f.a_tiempo(),
                situacion: situacion(f.situacion),
                motivo: match f.situacion {
                    Situacion::Atrasada(r) if !matches!(r, Retraso::Marcada(_)) => Some(motivo(r)),
                    _ => None,
                },
                valor: ultimo
                    .and_then(|r| r.valor)
                    .map_or_else(|| "—".to_owned(), numero),
                cifras: [
                    a.indicador.linea_base,
                    a.indicador.meta,
                    ultimo.and_then(|r| r.valor),
                ],
                avance: progreso(&f),
                presupuesto: f.presupuesto,
                presupuesto_texto: d.monto_texto,
                ejecutado: f.ejecutado,
                ejecutado_texto: usd(f.ejecutado),
                ejecucion,
                ejecucion_texto: ejecucion.map_or_else(|| "—".to_owned(), porcentaje),
                plazo: format!("{} a {}", d.inicio, d.fin),
                dato_de: f
                    .ultimo
                    .filter(|(c, _)| c.fecha_corte < corte.fecha_corte)
                    .map(|(c, _)| fecha_larga(c.fecha_corte)),
                dificultades: f
                    .reporte
                    .and_then(|r| r.dificultades.as_deref())
                    .map(cmark::parse)
                    .filter(|b| !b.is_empty()),
                historial: registro
                    .cronologico()
                    .into_iter()
                    .filter(|c| c.fecha_corte <= corte.fecha_corte)
                    .map(|c| {
                        let r = c.reporte(&a.id);
                        HistorialDoc {
                            corte: fecha_larga(c.fecha_corte),
                            estado: r.map_or(SIN_REPORTE, |r| r.estado.nombre()).to_owned(),
                            valor: r
                                .and_then(|r| r.valor)
                                .map_or_else(|| "—".to_owned(), numero),
                            ejecutado: r
                                .and_then(|r| r.ejecutado)
                                .map_or_else(|| "—".to_owned(), usd),
                        }
                    })
                    .collect(),
                id: d.id,
                descripcion: d.descripcion,
                objetivo: d.objetivo,
                eje: d.eje,
                eje_nombre: d.eje_nombre,
                eje_numero: d.eje_numero,
                responsable: d.responsable,
                indicador: d.indicador,
                unidad: d.unidad,
                linea_base: d.linea_base,
                meta: d.meta,
                fuente: d.fuente,
            }
        })
        .collect()
}

/// «A tiempo», or «Atrasada: …» with the reason.
fn situacion(s: Situacion) -> String {
    match s {
        Situacion::ATiempo => "A tiempo".to_owned(),
        Situacion::Atrasada(r) => format!("Atrasada: {}", motivo(r)),
    }
}

/// Why an action is late, after «Atrasada:».
fn motivo(r: Retraso) -> String {
    match r {
        Retraso::Marcada(e) => format!("informada como {}", e.nombre().to_lowercase()),
        Retraso::Vencida(fin) => format!("venció el {} sin cumplirse", fecha_larga(fin)),
        Retraso::SinIniciar(inicio) => {
            format!("debía empezar el {} y no ha empezado", fecha_larga(inicio))
        }
        Retraso::SinReporte => "el corte no informa de ella".to_owned(),
    }
}

/// The progress of a figure, with how it was computed in words.
fn progreso(f: &Figura) -> ProgresoDoc {
    let p = f.progreso;
    let texto = p
        .porcentaje
        .map_or_else(|| "—".to_owned(), |x| porcentaje(x / 100.0));
    let (como, calculo) = match p.como {
        Como::Indicador { valor, recorrido } => (
            "indicador",
            format!(
                "({} − {}) ÷ ({} − {}) = {texto}",
                numero(valor),
                numero(recorrido.base),
                numero(recorrido.meta),
                numero(recorrido.base)
            ),
        ),
        Como::Estado => (
            "estado",
            "100 % por estar cumplida (el indicador no tiene valor, línea base o meta)".to_owned(),
        ),
        Como::SinDato => (
            "sin_dato",
            "sin porcentaje: falta el valor alcanzado, o la línea base o la meta del indicador"
                .to_owned(),
        ),
    };
    ProgresoDoc {
        porcentaje: p.porcentaje,
        texto,
        como,
        calculo,
    }
}

/// The late actions of `acciones`, with their reason and their difficulties.
pub(super) fn atrasadas(acciones: &[AccionAvance]) -> Vec<AtrasadaDoc> {
    acciones
        .iter()
        .filter(|a| !a.a_tiempo)
        .map(|a| AtrasadaDoc {
            id: a.id.clone(),
            descripcion: a.descripcion.clone(),
            estado_texto: a.estado_texto,
            motivo: a.motivo.clone(),
            dificultades_texto: a
                .dificultades
                .as_deref()
                .map(cmark::plain)
                .unwrap_or_default(),
            dificultades: a.dificultades.clone(),
        })
        .collect()
}

/// The evidence of every action, from every cut up to `corte`, in the plan's order.
pub(super) fn evidencias(plan: &Plan, registro: &Registro, corte: &Corte) -> Vec<EvidenciasDoc> {
    let cortes: Vec<&Corte> = registro
        .cronologico()
        .into_iter()
        .filter(|c| c.fecha_corte <= corte.fecha_corte)
        .collect();
    plan.acciones
        .iter()
        .filter_map(|a| {
            let items: Vec<[String; 2]> = cortes
                .iter()
                .filter_map(|c| Some((c, c.reporte(&a.id)?)))
                .flat_map(|(c, r)| {
                    r.evidencias
                        .iter()
                        .map(|e| [fecha_larga(c.fecha_corte), e.clone()])
                })
                .collect();
            (!items.is_empty()).then(|| EvidenciasDoc {
                id: a.id.clone(),
                descripcion: a.descripcion.clone(),
                items,
            })
        })
        .collect()
}
