//! An adviser's observations file checked against the plan it reviews (or against the plan's
//! monitoring file): each observation's `ruta` resolved to the node it addresses, and the O
//! rules of the registry run over the file, their findings pointing into the observations file.

use std::path::Path;

use serde_json::Value;

use super::{Comprobacion, Opciones, REGLAS, ordenar, push};
use crate::diagnostics::{Diagnostic, Severidad};
use crate::plan::load::{Loaded, LoadedPlan, load_file};
use crate::plan::observaciones::{EstadoObservacion, Observacion, Observaciones};
use crate::plan::ruta::resolver;
use crate::plan::schema::{self, Esquema};
use crate::plan::seguimiento::{self, Registro};
use crate::plan::spans::{NodePath, Seg};

/// The file an observations file reviews (a plan, or a plan's monitoring file), as the O rules
/// see it.
pub enum PlanRevisado<'a> {
    /// The reviewed file's document value.
    Legible(&'a Value),
    /// The plan exists but could not be read: its own diagnostics say why, and the paths are
    /// checked once it reads.
    Ilegible,
    /// No plan at this path.
    NoExiste(&'a Path),
}

/// What an O rule reads.
pub struct ContextoRevision<'a> {
    /// The observations, when the file could be read.
    pub observaciones: Option<&'a Observaciones>,
    /// The plan they review.
    pub plan: PlanRevisado<'a>,
    /// For each observation, the node of the plan it addresses, when it exists.
    pub destinos: &'a [Option<NodePath>],
    /// How messages name the reviewed file: "el plan", "el seguimiento".
    pub documento: &'static str,
}

/// An observations file checked against its plan.
#[derive(Debug)]
pub struct Revision {
    /// The loaded file.
    pub loaded: Loaded<Observaciones>,
    /// For each observation, the node of the plan it addresses, when it exists.
    pub destinos: Vec<Option<NodePath>>,
    /// Diagnostics of loading and of the O rules, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Revision {
    /// Loads `archivo` and checks each observation against `plan`.
    pub fn new(archivo: &Path, plan: &LoadedPlan) -> Revision {
        Revision::sobre(archivo, &plan.valor, schema::plan())
    }

    /// Loads `archivo` and checks each observation against the monitoring file `seguimiento`.
    pub fn sobre_seguimiento(archivo: &Path, seguimiento: &Loaded<Registro>) -> Revision {
        Revision::sobre(archivo, &seguimiento.valor, schema::seguimiento())
    }

    /// Loads `archivo` and checks each observation against the document `valor` of the kind
    /// described by `esquema`.
    fn sobre(archivo: &Path, valor: &Value, esquema: &'static Esquema) -> Revision {
        let revisado = if valor.is_null() {
            PlanRevisado::Ilegible
        } else {
            PlanRevisado::Legible(valor)
        };
        revisar(load_file(archivo), revisado, esquema)
    }

    /// An observations file whose plan (`plan`, or the monitoring file it names) does not
    /// exist.
    pub fn sin_plan(archivo: &Path, plan: &Path) -> Revision {
        let esquema = if seguimiento::es_archivo(plan) {
            schema::seguimiento()
        } else {
            schema::plan()
        };
        revisar(load_file(archivo), PlanRevisado::NoExiste(plan), esquema)
    }

    /// The observations, when the file could be read.
    pub fn observaciones(&self) -> &[Observacion] {
        self.loaded
            .datos
            .as_ref()
            .map_or(&[], |o| o.observaciones.as_slice())
    }

    /// Observations still open.
    pub fn abiertas(&self) -> usize {
        self.observaciones()
            .iter()
            .filter(|o| o.estado == EstadoObservacion::Abierta)
            .count()
    }

    /// Whether any diagnostic of the file is an error.
    pub fn tiene_errores(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severidad == Severidad::Error)
    }
}

/// Resolves the observations of `loaded` against `plan`, a document described by `esquema`, and
/// runs the O rules of the registry.
fn revisar(
    loaded: Loaded<Observaciones>,
    plan: PlanRevisado,
    esquema: &'static Esquema,
) -> Revision {
    let mut diagnostics = loaded.diagnostics.clone();
    let destinos: Vec<Option<NodePath>> = match (&loaded.datos, &plan) {
        (Some(obs), PlanRevisado::Legible(valor)) => obs
            .observaciones
            .iter()
            .map(|o| {
                Some(o.ruta.trim())
                    .filter(|r| !r.is_empty())
                    .and_then(|r| destino(valor, r, esquema))
            })
            .collect(),
        _ => Vec::new(),
    };
    let ctx = ContextoRevision {
        observaciones: loaded.datos.as_ref(),
        plan,
        destinos: &destinos,
        documento: esquema.documento(),
    };
    for regla in REGLAS {
        if let Comprobacion::Observaciones(comprobar) = regla.comprobar {
            for hallazgo in comprobar(&ctx) {
                push(
                    &loaded,
                    regla,
                    Opciones::default(),
                    hallazgo,
                    &mut diagnostics,
                );
            }
        }
    }
    ordenar(&mut diagnostics);
    Revision {
        loaded,
        destinos,
        diagnostics,
    }
}

/// The node `ruta` names. A field the plan leaves out still names a place when the item may have
/// it (its schema, `esquema`, admits it): an adviser points at `acciones.A4.presupuesto`
/// precisely because it is missing.
fn destino(plan: &Value, ruta: &str, esquema: &'static Esquema) -> Option<NodePath> {
    if let Some(path) = resolver(plan, ruta) {
        return Some(path);
    }
    let (padre, campo) = ruta.rsplit_once('.').unwrap_or(("", ruta));
    let mut path = resolver(plan, padre)?;
    let nodo = path.iter().try_fold(plan, |n, seg| match seg {
        Seg::Key(k) => n.get(k),
        Seg::Index(i) => n.get(i),
    })?;
    (nodo.is_object() && esquema.admite(&path, campo)).then(|| {
        path.push(Seg::Key(campo.to_owned()));
        path
    })
}
