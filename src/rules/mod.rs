//! Step 2 of the pipeline, **check**: the rule catalogue (listed in `docs/reglas.md`), one
//! registry, one file per rule or small family.
//!
//! A rule is data ([`Regla`]: code, default severity, whether it is *strict*, Spanish title and
//! explanation) plus what it checks ([`Comprobacion`]): the typed plan with its national
//! reference, an adviser's observations file with the plan it reviews, or a plan's monitoring
//! file with its plan. Checks return findings located by path; the engine ([`check`],
//! [`revision::revisar`], [`seguimiento::Ejecucion`]) turns them into located
//! diagnostics, applies `--estricto` / `estado: aprobado` escalation and sorts them. The
//! structural rules (S…) are reported by the loader, since they decide whether there is a typed
//! plan at all, and the workbook rules (T…) by the import of a workshop workbook; they live in the
//! registry for `explicar`, `reglas` and the docs.

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Severidad};
use crate::espanol::fecha_larga;
use crate::plan::consultas::Indice;
use crate::plan::load::{Loaded, LoadedPlan};
use crate::plan::model::{Estado, Plan};
use crate::plan::spans::NodePath;
use crate::reference::nacional::Referencia;
use crate::reference::resolucion::Resolved;

mod actores;
mod aprobacion;
pub mod brechas;
mod canton;
mod competencias;
pub mod datos;
mod diagnostico;
mod ejes;
mod escudo;
mod estructura;
mod fechas;
mod ids;
mod indicadores;
mod instituciones;
mod montos;
pub mod observaciones;
pub mod pendientes;
mod poblaciones;
mod presupuesto;
mod principios;
mod referencias;
pub mod revision;
mod riesgos;
mod ruta_atencion;
pub mod seguimiento;
mod seguimiento_cifras;
mod seguimiento_cortes;
mod seguimiento_textos;
mod siglas;
pub mod taller;
mod trafico;

/// The explanation of a rule, as `cantonal explicar` prints it.
#[derive(Debug)]
pub struct Explicacion {
    /// What it checks.
    pub que: &'static str,
    /// Why it matters for victims or for the national plan.
    pub por_que: &'static str,
    /// A plan fragment that triggers it.
    pub incorrecto: &'static str,
    /// The same fragment, fixed.
    pub correcto: &'static str,
}

/// A finding of a rule: where and what.
#[derive(Debug)]
pub struct Hallazgo {
    /// The node it is about.
    pub path: NodePath,
    /// Mark the key of the entry instead of its value.
    pub en_clave: bool,
    /// Message.
    pub mensaje: String,
    /// Hint.
    pub ayuda: String,
}

impl Hallazgo {
    /// A finding about the value at `path`.
    pub fn en(path: NodePath, mensaje: impl Into<String>, ayuda: impl Into<String>) -> Self {
        Hallazgo {
            path,
            en_clave: false,
            mensaje: mensaje.into(),
            ayuda: ayuda.into(),
        }
    }

    /// A finding about the entry `path` as a whole, marked at its key.
    pub fn clave(path: NodePath, mensaje: impl Into<String>, ayuda: impl Into<String>) -> Self {
        Hallazgo {
            en_clave: true,
            ..Hallazgo::en(path, mensaje, ayuda)
        }
    }
}

/// What a check reads.
pub struct Contexto<'a> {
    /// The plan.
    pub plan: &'a Plan,
    /// Its national reference.
    pub referencia: &'a Referencia,
    /// The plan's folder, where the files it names live (its crest).
    pub carpeta: &'a std::path::Path,
    /// Today, for the checks that compare a date with it (see [`crate::fechas::hoy`]).
    pub hoy: NaiveDate,
    /// Its actors and objectives by id: rules look items up by id in loops over other items,
    /// and a plan may have tens of thousands of them.
    pub indice: Indice<'a>,
}

impl<'a> Contexto<'a> {
    /// The context of `plan`, with its items indexed once.
    pub fn new(
        plan: &'a Plan,
        referencia: &'a Referencia,
        carpeta: &'a std::path::Path,
        hoy: NaiveDate,
    ) -> Self {
        Contexto {
            plan,
            referencia,
            carpeta,
            hoy,
            indice: Indice::new(plan),
        }
    }

    /// The date the plan speaks for: when it was drafted (`elaboracion.fecha`) or, when it does
    /// not say, the start of its period. The second value says which one, as a Spanish phrase
    /// that follows "antes de" in messages.
    pub fn fecha_del_plan(&self) -> (NaiveDate, String) {
        match &self.plan.elaboracion {
            Some(e) => (
                e.fecha,
                format!("la elaboración del plan ({})", fecha_larga(e.fecha)),
            ),
            None => (
                self.plan.periodo.inicio,
                format!(
                    "la fecha de inicio del período ({}), que se usa porque el plan no tiene `elaboracion.fecha`",
                    fecha_larga(self.plan.periodo.inicio)
                ),
            ),
        }
    }
}

/// What a rule checks.
#[derive(Debug)]
pub enum Comprobacion {
    /// Reported by the loader: the structure of the file (S rules).
    Carga,
    /// The typed plan with its national reference.
    Plan(fn(&Contexto) -> Vec<Hallazgo>),
    /// An observations file with the plan it reviews; findings point into the observations file.
    Observaciones(fn(&revision::ContextoRevision) -> Vec<Hallazgo>),
    /// A plan's monitoring file with its plan; findings point into the monitoring file.
    Seguimiento(fn(&seguimiento::ContextoSeguimiento) -> Vec<Hallazgo>),
    /// Reported by the import of a workshop workbook (`taller::importar`): whether the workbook
    /// can be read into a plan (T rules). Their examples are cells, not plan fragments.
    Taller,
}

/// A rule of the catalogue.
#[derive(Debug)]
pub struct Regla {
    /// Stable code; never renumbered.
    pub codigo: &'static str,
    /// Default severity.
    pub severidad: Severidad,
    /// Raised to error by `--estricto` and by `estado: aprobado`.
    pub estricta: bool,
    /// Spanish title.
    pub titulo: &'static str,
    /// Explanation.
    pub explicacion: Explicacion,
    /// What it checks.
    pub comprobar: Comprobacion,
}

impl Regla {
    /// The severity this rule has for a plan.
    pub fn severidad_para(&self, estricto: bool, estado: Option<Estado>) -> Severidad {
        if self.estricta && (estricto || estado == Some(Estado::Aprobado)) {
            Severidad::Error
        } else {
            self.severidad
        }
    }

    /// The explanation of the rule as plain text, as `cantonal explicar` prints it.
    pub fn explicacion_texto(&self) -> String {
        let r = self;
        let e = &r.explicacion;
        let indent = |t: &str| {
            t.lines()
                .map(|l| format!("    {l}"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        // The national data the rule checks against, so that the official sees what it expects.
        let referencia = Referencia::pacta();
        let datos = datos::de_la_regla(r.codigo, referencia);
        let datos = if datos.is_empty() {
            String::new()
        } else {
            format!(
                "\nSegún la referencia nacional ({})\n{}\n",
                referencia.nombre_corto,
                datos
                    .iter()
                    .map(|d| format!("  - {d}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        };
        format!(
            "{codigo}: {titulo}\nSeveridad: {sev}{estricta}\n\nQué comprueba\n  {que}\n\nPor qué importa\n  {por_que}\n{datos}\nIncorrecto\n{mal}\n\nCorrecto\n{bien}\n",
            codigo = r.codigo,
            titulo = r.titulo,
            sev = r.severidad.nombre(),
            estricta = if r.estricta {
                " (error con --estricto o en un plan aprobado)"
            } else {
                ""
            },
            que = e.que,
            por_que = e.por_que,
            mal = indent(e.incorrecto),
            bien = indent(e.correcto),
        )
    }
}

/// Every rule, in catalogue order.
pub static REGLAS: &[&Regla] = &[
    &estructura::S001,
    &estructura::S002,
    &estructura::S003,
    &estructura::S004,
    &estructura::S005,
    &estructura::S006,
    &estructura::S007,
    &estructura::S008,
    &estructura::S009,
    &ids::R001,
    &referencias::R002,
    &referencias::R003,
    &instituciones::R004,
    &canton::C001,
    &fechas::C002,
    &fechas::C003,
    &montos::C004,
    &aprobacion::C005,
    &indicadores::C006,
    &indicadores::C007,
    &actores::C008,
    &pendientes::C009,
    &aprobacion::C010,
    &aprobacion::C011,
    &aprobacion::C012,
    &aprobacion::C013,
    &presupuesto::C014,
    &presupuesto::C015,
    &diagnostico::C016,
    &diagnostico::C017,
    &diagnostico::C018,
    &indicadores::C019,
    &escudo::C020,
    &canton::C021,
    &trafico::C022,
    &presupuesto::C023,
    &presupuesto::C024,
    &fechas::C025,
    &fechas::C026,
    &presupuesto::C027,
    &siglas::C028,
    &aprobacion::C029,
    &ejes::A001,
    &ruta_atencion::A002,
    &riesgos::A003,
    &ejes::A004,
    &actores::A005,
    &instituciones::A006,
    &ruta_atencion::A007,
    &ruta_atencion::A008,
    &riesgos::A009,
    &poblaciones::A010,
    &poblaciones::A011,
    &competencias::A012,
    &competencias::A013,
    &principios::A014,
    &principios::A015,
    &ruta_atencion::A016,
    &riesgos::A017,
    &riesgos::A018,
    &trafico::A019,
    &trafico::A020,
    &trafico::A021,
    &trafico::A022,
    &ejes::A023,
    &observaciones::O001,
    &observaciones::O002,
    &observaciones::O003,
    &observaciones::O004,
    &taller::T001,
    &taller::T002,
    &taller::T003,
    &seguimiento::M001,
    &seguimiento_cortes::M002,
    &seguimiento_cortes::M003,
    &seguimiento_cortes::M004,
    &seguimiento_cortes::M005,
    &seguimiento_cortes::M006,
    &seguimiento_cifras::M007,
    &seguimiento_cifras::M008,
    &seguimiento_cifras::M009,
    &seguimiento_cifras::M010,
    &seguimiento_cifras::M011,
    &seguimiento_textos::M012,
    &seguimiento_textos::M013,
    &seguimiento_textos::M014,
    &seguimiento::M015,
];

/// The rule with this code (case-insensitive).
pub fn regla(codigo: &str) -> Option<&'static Regla> {
    REGLAS
        .iter()
        .copied()
        .find(|r| r.codigo.eq_ignore_ascii_case(codigo))
}

/// Options of a check run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Opciones {
    /// `--estricto`.
    pub estricto: bool,
}

/// All diagnostics of a loaded plan: those of loading and, when there is a typed plan, those of
/// every plan rule against its national reference (`referencia`, as resolved for the plan), or
/// R003 when the reference could not be resolved. Sorted by position.
pub fn check(
    loaded: &LoadedPlan,
    referencia: Option<&Resolved>,
    opciones: Opciones,
) -> Vec<Diagnostic> {
    let mut out = loaded.diagnostics.clone();
    if let (Some(plan), Some(resolved)) = (&loaded.datos, referencia) {
        match resolved {
            Resolved::Embedded(referencia) => run(loaded, plan, referencia, opciones, &mut out),
            Resolved::Disk(referencia) => run(loaded, plan, referencia, opciones, &mut out),
            Resolved::Invalid(motivo) => push(
                loaded,
                &referencias::R003,
                opciones,
                referencias::referencia_ilegible(motivo),
                &mut out,
            ),
            Resolved::Unknown => push(
                loaded,
                &referencias::R003,
                opciones,
                referencias::referencia_desconocida(&plan.plan_nacional),
                &mut out,
            ),
        }
    }
    ordenar(&mut out);
    out
}

/// Sorts diagnostics by position, then code.
fn ordenar(out: &mut [Diagnostic]) {
    out.sort_by(|a, b| (a.linea, a.columna, a.codigo).cmp(&(b.linea, b.columna, b.codigo)));
}

fn run(
    loaded: &LoadedPlan,
    plan: &Plan,
    referencia: &Referencia,
    opciones: Opciones,
    out: &mut Vec<Diagnostic>,
) {
    let carpeta = loaded.carpeta();
    let ctx = Contexto::new(plan, referencia, &carpeta, crate::fechas::hoy());
    for regla in REGLAS {
        if let Comprobacion::Plan(comprobar) = regla.comprobar {
            for hallazgo in comprobar(&ctx) {
                push(loaded, regla, opciones, hallazgo, out);
            }
        }
    }
}

/// The state whose strict rules become errors: a plan's own `estado`.
trait Escala {
    fn estado(&self) -> Option<Estado>;
}

impl Escala for Plan {
    fn estado(&self) -> Option<Estado> {
        Some(self.estado)
    }
}

impl Escala for crate::plan::observaciones::Observaciones {
    fn estado(&self) -> Option<Estado> {
        None
    }
}

impl Escala for crate::plan::seguimiento::Registro {
    fn estado(&self) -> Option<Estado> {
        None
    }
}

/// Turns a finding of `regla` in the file `loaded` into a located diagnostic.
fn push<T: Escala>(
    loaded: &Loaded<T>,
    regla: &'static Regla,
    opciones: Opciones,
    h: Hallazgo,
    out: &mut Vec<Diagnostic>,
) {
    let region = if h.en_clave {
        loaded.spans().locate_key(&h.path)
    } else {
        loaded.spans().locate(&h.path)
    };
    let estado = loaded.datos.as_ref().and_then(Escala::estado);
    out.push(Diagnostic::new(
        regla.codigo,
        regla.severidad_para(opciones.estricto, estado),
        region,
        loaded.ruta(&h.path),
        h.mensaje,
        h.ayuda,
    ));
}
