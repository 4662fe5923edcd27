//! The rule catalogue (DESIGN §5): one registry, one file per rule or small family.
//!
//! A rule is data ([`Regla`]: code, default severity, whether it is *strict*, Spanish title and
//! explanation) plus, for the semantic rules, a check that reads the typed plan and the national
//! reference and returns findings located by path. The engine ([`check`]) turns findings into
//! located diagnostics, applies `--estricto` / `estado: aprobado` escalation and sorts them. The
//! structural rules (S…) have no check here: the loader reports them, since they decide whether
//! there is a typed plan at all; they live in the registry for `explicar`, `reglas` and the docs.

use crate::diagnostics::{Diagnostic, Severidad};
use crate::plan::load::LoadedPlan;
use crate::plan::model::{Accion, Actor, Estado, Objetivo, Plan};
use crate::plan::spans::Path;
use crate::reference::nacional::{self, Referencia, Resolved};

mod actores;
mod aprobacion;
mod canton;
mod ejes;
mod estructura;
mod fechas;
mod ids;
mod indicadores;
mod instituciones;
mod montos;
pub mod observaciones;
pub mod pendientes;
mod referencias;
mod riesgos;
mod ruta;

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
    pub path: Path,
    /// Mark the key of the entry instead of its value.
    pub en_clave: bool,
    /// Message.
    pub mensaje: String,
    /// Hint.
    pub ayuda: String,
}

impl Hallazgo {
    /// A finding about the value at `path`.
    pub fn en(path: Path, mensaje: impl Into<String>, ayuda: impl Into<String>) -> Self {
        Hallazgo {
            path,
            en_clave: false,
            mensaje: mensaje.into(),
            ayuda: ayuda.into(),
        }
    }

    /// A finding about the entry `path` as a whole, marked at its key.
    pub fn clave(path: Path, mensaje: impl Into<String>, ayuda: impl Into<String>) -> Self {
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
}

impl<'a> Contexto<'a> {
    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&'a Actor> {
        self.plan.actores.iter().find(|a| a.id == id)
    }

    /// The objective with this id.
    pub fn objetivo(&self, id: &str) -> Option<&'a Objetivo> {
        self.plan.objetivos.iter().find(|o| o.id == id)
    }

    /// The axis an action contributes to, through its objective.
    pub fn eje_de(&self, accion: &Accion) -> Option<&'a str> {
        self.objetivo(&accion.objetivo).map(|o| o.eje.as_str())
    }
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
    /// The check, for semantic rules.
    pub comprobar: Option<fn(&Contexto) -> Vec<Hallazgo>>,
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
    &ejes::A001,
    &ruta::A002,
    &riesgos::A003,
    &ejes::A004,
    &actores::A005,
    &instituciones::A006,
    &ruta::A007,
    &ruta::A008,
    &riesgos::A009,
    &observaciones::O001,
    &observaciones::O002,
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

/// All diagnostics of a loaded plan: those of loading and, when there is a typed plan and its
/// national reference is known, those of every semantic rule. Sorted by position.
pub fn check(loaded: &LoadedPlan, opciones: Opciones) -> Vec<Diagnostic> {
    let mut out = loaded.diagnostics.clone();
    if let Some(plan) = &loaded.datos {
        match nacional::resolve(&loaded.carpeta(), &plan.plan_nacional) {
            Resolved::Embedded(referencia) => run(loaded, plan, referencia, opciones, &mut out),
            Resolved::Disk(referencia) => run(loaded, plan, &referencia, opciones, &mut out),
            Resolved::Invalid(motivo) => push(
                loaded,
                &referencias::R003,
                opciones,
                referencias::referencia_ilegible(&motivo),
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
    out.sort_by(|a, b| (a.linea, a.columna, a.codigo).cmp(&(b.linea, b.columna, b.codigo)));
    out
}

fn run(
    loaded: &LoadedPlan,
    plan: &Plan,
    referencia: &Referencia,
    opciones: Opciones,
    out: &mut Vec<Diagnostic>,
) {
    let ctx = Contexto { plan, referencia };
    for regla in REGLAS {
        if let Some(comprobar) = regla.comprobar {
            for hallazgo in comprobar(&ctx) {
                push(loaded, regla, opciones, hallazgo, out);
            }
        }
    }
}

fn push(
    loaded: &LoadedPlan,
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
    let estado = loaded.datos.as_ref().map(|p| p.estado);
    out.push(Diagnostic::new(
        regla.codigo,
        regla.severidad_para(opciones.estricto, estado),
        region,
        loaded.ruta(&h.path),
        h.mensaje,
        h.ayuda,
    ));
}
