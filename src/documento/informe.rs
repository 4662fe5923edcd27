//! The data of the consolidated report over many plans: one row per plan (status, coverage of the
//! national axes and of the referral route, budget, purposes of exploitation, open observations)
//! and the totals. Built by the report step (`informe/`) from the checked plans; printed by the
//! same renderers as a plan (`render/`) and as text tables (`informe/texto.rs`).

use serde::Serialize;

/// A column of the report: an axis, a route stage or a purpose of exploitation.
#[derive(Debug, Clone, Serialize)]
pub struct Columna {
    /// Id in the national reference.
    pub id: String,
    /// Full name.
    pub nombre: String,
    /// Short heading (first word, or the number for stages and purposes).
    pub corto: String,
    /// Mandatory for every plan (axes and stages).
    pub obligatorio: bool,
}

/// One plan's figures for one axis.
#[derive(Debug, Clone, Serialize)]
pub struct CeldaEje {
    /// Actions of the axis (through their objective).
    pub acciones: usize,
    /// Budget of those actions.
    pub monto: f64,
    /// The budget, written out.
    pub monto_texto: String,
    /// Share of the largest plan budget in the report (for the stacked bars).
    pub fraccion: f64,
    /// A mandatory axis without any action.
    pub brecha: bool,
}

/// One plan's status for one route stage.
#[derive(Debug, Clone, Serialize)]
pub struct CeldaEtapa {
    /// The plan names a responsible actor for this stage.
    pub cubierta: bool,
    /// A mandatory stage without a responsible actor: a victim with nobody to call.
    pub brecha: bool,
}

/// One plan's figures for one purpose of exploitation.
#[derive(Debug, Clone, Serialize)]
pub struct CeldaFin {
    /// Actions addressing a risk with this purpose.
    pub acciones: usize,
    /// The plan's risks name this purpose and no action addresses it.
    pub brecha: bool,
}

/// One row of the report: a plan.
#[derive(Debug, Clone, Serialize)]
pub struct FilaPlan {
    /// The file, as found.
    pub archivo: String,
    /// Canton name (the file name when the plan could not be read that far).
    pub canton: String,
    /// How the row is labelled: the canton, with its file name when two plans of the folder are
    /// of the same canton (two drafts).
    pub etiqueta: String,
    /// DPA code.
    pub codigo: Option<String>,
    /// Province.
    pub provincia: Option<String>,
    /// `borrador`, `en_revision` or `aprobado`.
    pub estado: Option<&'static str>,
    /// The state, for a reader.
    pub estado_texto: String,
    /// Errors of the plan and of its observations file.
    pub errores: usize,
    /// Warnings.
    pub advertencias: usize,
    /// Suggestions.
    pub sugerencias: usize,
    /// Whether the plan's figures below could be computed (a plan that cannot be read has none).
    pub legible: bool,
    /// Open review observations, when the plan has an observations file.
    pub observaciones_abiertas: Option<usize>,
    /// Number of actions.
    pub acciones: usize,
    /// Per axis, in the order of [`Informe::ejes`].
    pub por_eje: Vec<CeldaEje>,
    /// Per route stage, in the order of [`Informe::etapas`].
    pub por_etapa: Vec<CeldaEtapa>,
    /// Mandatory stages with a responsible actor.
    pub etapas_cubiertas: usize,
    /// Mandatory stages.
    pub etapas_obligatorias: usize,
    /// The plan's gaps, as `validar --estricto` reports them (`rules::brechas`): mandatory axes
    /// without actions or without budget, mandatory stages without someone responsible for every
    /// required population, no case figures, most actions without budget.
    pub brechas: usize,
    /// The gaps that are no cell of the tables: "sin cifras de casos", "la mayoría de las
    /// acciones sin presupuesto".
    pub otras_brechas: Vec<String>,
    /// Total budget.
    pub presupuesto: f64,
    /// The total, written out.
    pub presupuesto_texto: String,
    /// Actions addressing each purpose of exploitation, in the order of [`Informe::fines`].
    pub por_fin: Vec<CeldaFin>,
    /// Purposes named in the plan's risks that no action addresses.
    pub fines_sin_accion: Vec<String>,
    /// Its execution, when it has a monitoring file beside it.
    pub seguimiento: Option<FilaSeguimiento>,
}

/// A plan's execution at the latest cut of its monitoring file.
#[derive(Debug, Clone, Serialize)]
pub struct FilaSeguimiento {
    /// Errors of the monitoring file.
    pub errores: usize,
    /// Warnings of the monitoring file.
    pub advertencias: usize,
    /// Whether the figures below could be computed (the file and its plan could be read).
    pub legible: bool,
    /// Cuts of the file.
    pub cortes: usize,
    /// Date of the latest cut, in words.
    pub ultimo_corte: Option<String>,
    /// Actions of the plan.
    pub acciones: usize,
    /// Actions on time at the latest cut.
    pub a_tiempo: usize,
    /// Their share, written: "83,3 %".
    pub a_tiempo_texto: String,
    /// The traffic light by that share (`docs/seguimiento.md`): «Verde», «Amarillo», «Rojo».
    pub semaforo: Option<&'static str>,
    /// The plan's budget.
    pub presupuesto: f64,
    /// Executed up to the latest cut.
    pub ejecutado: f64,
    /// Written.
    pub ejecutado_texto: String,
    /// The share of the budget executed, written: "44,1 %".
    pub ejecucion_texto: String,
    /// The actions late at the latest cut, by id.
    pub atrasadas: Vec<String>,
}

/// The execution of the plans with a monitoring file, added up.
#[derive(Debug, Clone, Serialize)]
pub struct TotalSeguimiento {
    /// Plans with a monitoring file.
    pub planes: usize,
    /// "3 planes con seguimiento".
    pub planes_texto: String,
    /// Those whose figures could be computed.
    pub legibles: usize,
    /// Their actions.
    pub acciones: usize,
    /// Their actions on time at each plan's latest cut.
    pub a_tiempo: usize,
    /// The share, written.
    pub a_tiempo_texto: String,
    /// The traffic light by that share.
    pub semaforo: Option<&'static str>,
    /// Their budget.
    pub presupuesto: f64,
    /// Their executed amounts.
    pub ejecutado: f64,
    /// Written.
    pub ejecutado_texto: String,
    /// The share of the budget executed, written.
    pub ejecucion_texto: String,
    /// Their late actions.
    pub atrasadas: usize,
}

/// Totals of one axis over all plans.
#[derive(Debug, Clone, Serialize)]
pub struct TotalEje {
    /// Actions.
    pub acciones: usize,
    /// Budget.
    pub monto: f64,
    /// Budget, written out.
    pub monto_texto: String,
    /// Share of the total budget.
    pub fraccion: f64,
    /// Readable plans without any action in this axis.
    pub planes_sin_acciones: usize,
    /// Readable plans for which this axis is a gap (mandatory, and without actions or budget).
    pub planes_con_brecha: usize,
}

/// Totals of one purpose of exploitation over all plans.
#[derive(Debug, Clone, Serialize)]
pub struct TotalFin {
    /// Actions addressing it.
    pub acciones: usize,
    /// Plans whose risks name it.
    pub planes_con_riesgo: usize,
    /// Plans whose risks name it and no action addresses it.
    pub planes_con_brecha: usize,
    /// Share of the largest count (for the bar chart).
    pub fraccion: f64,
    /// "3 acciones en 1 plan".
    pub texto: String,
}

/// The words that go under the counts of the report's summary cards, agreeing with them.
#[derive(Debug, Clone, Serialize)]
pub struct Etiquetas {
    /// "plan" / "planes".
    pub planes: &'static str,
    /// "acción" / "acciones".
    pub acciones: &'static str,
    /// "observación abierta" / "observaciones abiertas".
    pub observaciones_abiertas: &'static str,
}

/// Totals over the folder.
#[derive(Debug, Clone, Serialize)]
pub struct Totales {
    /// Plans found.
    pub planes: usize,
    /// Plans with at least one error.
    pub con_errores: usize,
    /// Plans that could not be read at all.
    pub ilegibles: usize,
    /// Readable plans with a mandatory axis or route stage left uncovered.
    pub con_brechas: usize,
    /// Errors.
    pub errores: usize,
    /// Warnings.
    pub advertencias: usize,
    /// Open review observations.
    pub observaciones_abiertas: usize,
    /// Actions.
    pub acciones: usize,
    /// Per axis.
    pub por_eje: Vec<TotalEje>,
    /// Plans covering each route stage.
    pub por_etapa: Vec<usize>,
    /// Readable plans leaving each route stage without a responsible actor when it is mandatory
    /// (0 for optional stages).
    pub brechas_etapa: Vec<usize>,
    /// Per purpose of exploitation.
    pub por_fin: Vec<TotalFin>,
    /// Total budget.
    pub presupuesto: f64,
    /// Total budget, written out.
    pub presupuesto_texto: String,
    /// "1 plan", "12 planes".
    pub planes_texto: String,
    /// "1 plan tiene errores", "3 planes tienen errores".
    pub con_errores_texto: String,
    /// The words of the summary cards.
    pub etiquetas: Etiquetas,
    /// The execution of the plans with a monitoring file.
    pub seguimiento: TotalSeguimiento,
}

/// The consolidated report.
#[derive(Debug, Clone, Serialize)]
pub struct Informe {
    /// Format version of the JSON.
    pub version: u32,
    /// The folder (or files) reported on.
    pub origen: String,
    /// Date of the report, in words.
    pub fecha: String,
    /// The national reference the columns come from.
    pub referencia: String,
    /// Its short name.
    pub referencia_corta: String,
    /// Axes (columns of the coverage matrix).
    pub ejes: Vec<Columna>,
    /// Route stages.
    pub etapas: Vec<Columna>,
    /// Purposes of exploitation.
    pub fines: Vec<Columna>,
    /// One row per plan, in file order.
    pub planes: Vec<FilaPlan>,
    /// Totals.
    pub totales: Totales,
    /// The same totals province by province, by province name; plans that could not be read
    /// that far go under «Sin provincia».
    pub provincias: Vec<Provincia>,
}

/// The totals of the plans of one province.
#[derive(Debug, Clone, Serialize)]
pub struct Provincia {
    /// Province name, as the plans write it.
    pub nombre: String,
    /// Its totals.
    pub totales: Totales,
}

/// The report as it is printed (PDF): the whole report, and for a large folder what the printed
/// tables summarise. Every row stays in `planes`, so a template that does not know the summary
/// (`--plantillas`) still prints every plan.
#[derive(Debug, Serialize)]
pub struct Impreso<'a> {
    /// The report.
    #[serde(flatten)]
    pub informe: &'a Informe,
    /// Set when the folder has more plans than the printed report details one by one.
    pub resumen: Option<Resumen<'a>>,
}

/// Why and how the printed report of a large folder is summarised.
#[derive(Debug, Serialize)]
pub struct Resumen<'a> {
    /// The most plans the printed report details one by one.
    pub limite: usize,
    /// Plans that need attention (errors, gaps, or could not be read).
    pub con_atencion: usize,
    /// The first [`Resumen::limite`] of them, in file order.
    pub atencion: Vec<&'a FilaPlan>,
    /// "2000 planes".
    pub planes_texto: String,
    /// "1 plan requiere atención" / "312 planes requieren atención".
    pub con_atencion_texto: String,
}

/// The most plans the printed report (PDF) details one by one. Ecuador has 221 cantons, so a
/// national folder with a plan per canton is always printed in full. Beyond this, each plan's
/// row in five tables would make a report of hundreds of pages that a reader cannot use and that
/// costs Typst about 0.7 MB per plan to lay out (`docs/rendimiento.md`): the printed report then
/// gives the same tables province by province and lists the plans that need attention; every
/// plan's row stays in the text, JSON, HTML and XLSX reports.
pub const DETALLE_IMPRESO_MAXIMO: usize = 250;

impl FilaPlan {
    /// A plan someone has to act on: it has errors, leaves a mandatory axis or stage uncovered,
    /// or could not be read.
    pub fn requiere_atencion(&self) -> bool {
        self.errores > 0 || self.brechas > 0 || !self.legible
    }
}

impl Informe {
    /// The report as it is printed: up to [`DETALLE_IMPRESO_MAXIMO`] plans, as it is; beyond,
    /// with the [`Resumen`] its template prints instead of a row per plan.
    pub fn impreso(&self) -> Impreso<'_> {
        let resumen = (self.planes.len() > DETALLE_IMPRESO_MAXIMO).then(|| {
            let atencion: Vec<&FilaPlan> = self
                .planes
                .iter()
                .filter(|p| p.requiere_atencion())
                .collect();
            Resumen {
                limite: DETALLE_IMPRESO_MAXIMO,
                con_atencion: atencion.len(),
                planes_texto: crate::espanol::plural(self.planes.len(), "plan", "planes"),
                con_atencion_texto: crate::espanol::plural(
                    atencion.len(),
                    "plan requiere atención",
                    "planes requieren atención",
                ),
                atencion: atencion.into_iter().take(DETALLE_IMPRESO_MAXIMO).collect(),
            }
        });
        Impreso {
            informe: self,
            resumen,
        }
    }
}
