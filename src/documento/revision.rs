//! The review copy (`docs/revision.md`): an adviser's observations laid into the document, each numbered
//! and attached to the item it addresses (a risk, an actor, an objective, an action, a route
//! stage) or, for the rest of the plan, to the chapter that shows it; plus the list of all of
//! them for the final table.
//!
//! Only data is added to the [`Documento`]; the templates decide how a note looks (a footnote in
//! the PDF, a linked marker in HTML).

use serde::Serialize;

use super::Documento;
use super::cmark::{self, Bloque};
use crate::espanol::{fecha_larga, plural};
use crate::plan::model::Plan;
use crate::plan::observaciones::EstadoObservacion;
use crate::plan::spans::Seg;
use crate::rules::revision::Revision;

/// A numbered note as shown beside an item or under a chapter heading.
#[derive(Debug, Clone, Serialize)]
pub struct Nota {
    /// Number of the observation (1-based, in file order).
    pub numero: usize,
    /// Still open.
    pub abierta: bool,
    /// "Abierta" / "Resuelta".
    pub estado: &'static str,
    /// The observation (Markdown tree).
    pub texto: Vec<Bloque>,
}

/// Notes addressed to a chapter rather than to one of its items.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Secciones {
    /// Cover data, presentation, drafting team and any other top-level field.
    pub presentacion: Vec<Nota>,
    /// Diagnosis (context, cases).
    pub diagnostico: Vec<Nota>,
    /// The list of risks as a whole.
    pub riesgos: Vec<Nota>,
    /// The list of actors as a whole.
    pub actores: Vec<Nota>,
    /// General objective and the list of objectives.
    pub estrategia: Vec<Nota>,
    /// The list of actions as a whole.
    pub acciones: Vec<Nota>,
    /// The referral route as a whole.
    #[serde(rename = "ruta")]
    pub ruta_atencion: Vec<Nota>,
    /// The route for smuggled migrants, and the chapter on smuggling.
    pub trafico: Vec<Nota>,
    /// Follow-up.
    pub seguimiento: Vec<Nota>,
}

/// One row of the final table of observations.
#[derive(Debug, Clone, Serialize)]
pub struct ObservacionDoc {
    /// Number.
    pub numero: usize,
    /// The id path as written by the adviser.
    pub ruta: String,
    /// What it addresses, for a reader: "Acción A3", "Etapa de la ruta: Denuncia".
    pub elemento: String,
    /// The observation.
    pub texto: Vec<Bloque>,
    /// Still open.
    pub abierta: bool,
    /// "Abierta" / "Resuelta".
    pub estado: &'static str,
    /// Whether a note was placed in the document (false when the item no longer exists).
    pub ubicada: bool,
    /// The value of the observed field: when observed, when resolved, and today ("Valor al
    /// observar: 100 · al resolver: 100 · hoy: 100"); empty when the observation names no field.
    pub valor: String,
}

/// The review part of the document.
#[derive(Debug, Clone, Serialize)]
pub struct RevisionDoc {
    /// Who reviewed.
    pub revisor: String,
    /// Date of the review, in words.
    pub fecha: String,
    /// Date of the review (the date of Word comments).
    #[serde(skip)]
    pub fecha_dia: chrono::NaiveDate,
    /// Open observations.
    pub abiertas: usize,
    /// Resolved observations.
    pub resueltas: usize,
    /// "1 abierta", "4 abiertas".
    pub abiertas_texto: String,
    /// "1 resuelta", "2 resueltas".
    pub resueltas_texto: String,
    /// "1 observación abierta y 2 resueltas".
    pub resumen: String,
    /// Every observation, in order.
    pub observaciones: Vec<ObservacionDoc>,
    /// Notes addressed to whole chapters.
    pub secciones: Secciones,
}

/// Where a note goes.
enum Ancla {
    Riesgo(String),
    Actor(String),
    Objetivo(String),
    Accion(String),
    /// An entry of the route, by its position in the plan.
    Etapa(usize),
    Seccion(&'static str, fn(&mut Secciones) -> &mut Vec<Nota>),
}

fn ancla(plan: &Plan, path: &[Seg]) -> Ancla {
    let (Some(Seg::Key(lista)), item) = (path.first(), path.get(1)) else {
        return Ancla::Seccion("Datos generales", |s| &mut s.presentacion);
    };
    let i = match item {
        Some(Seg::Index(i)) => Some(*i),
        _ => None,
    };
    match (lista.as_str(), i) {
        ("riesgos", Some(i)) if i < plan.riesgos.len() => Ancla::Riesgo(plan.riesgos[i].id.clone()),
        ("actores", Some(i)) if i < plan.actores.len() => Ancla::Actor(plan.actores[i].id.clone()),
        ("objetivos", Some(i)) if i < plan.objetivos.len() => {
            Ancla::Objetivo(plan.objetivos[i].id.clone())
        }
        ("acciones", Some(i)) if i < plan.acciones.len() => {
            Ancla::Accion(plan.acciones[i].id.clone())
        }
        ("ruta_atencion", Some(i)) if i < plan.ruta_atencion.len() => Ancla::Etapa(i),
        ("presentacion", _) => Ancla::Seccion("Presentación", |s| &mut s.presentacion),
        ("diagnostico", _) => Ancla::Seccion("Diagnóstico", |s| &mut s.diagnostico),
        ("riesgos", _) => Ancla::Seccion("Riesgos", |s| &mut s.riesgos),
        ("actores", _) => Ancla::Seccion("Actores", |s| &mut s.actores),
        ("objetivo_general", _) => Ancla::Seccion("Objetivo general", |s| &mut s.estrategia),
        ("objetivos", _) => Ancla::Seccion("Objetivos", |s| &mut s.estrategia),
        ("acciones", _) => Ancla::Seccion("Acciones", |s| &mut s.acciones),
        ("ruta_atencion", _) => Ancla::Seccion("Ruta de atención", |s| &mut s.ruta_atencion),
        ("ruta_trafico", _) => Ancla::Seccion("Ruta de tráfico de migrantes", |s| &mut s.trafico),
        ("seguimiento", _) => Ancla::Seccion("Seguimiento", |s| &mut s.seguimiento),
        _ => Ancla::Seccion("Datos generales", |s| &mut s.presentacion),
    }
}

/// What a reader calls the item at `path`, for the table of observations.
fn elemento(doc: &Documento, plan: &Plan, path: &[Seg]) -> String {
    let detalle = |desde: usize| -> String {
        let campos: Vec<String> = path[desde.min(path.len())..]
            .iter()
            .map(|s| match s {
                Seg::Key(k) => k.replace('_', " "),
                Seg::Index(i) => format!("n.º {}", i + 1),
            })
            .collect();
        if campos.is_empty() {
            String::new()
        } else {
            format!(" — {}", campos.join(" › "))
        }
    };
    match ancla(plan, path) {
        Ancla::Riesgo(id) => format!("Riesgo {id}{}", detalle(2)),
        Ancla::Actor(id) => {
            let nombre = doc.actores.iter().find(|a| a.id == id).map(|a| &a.nombre);
            format!("Actor {}{}", nombre.unwrap_or(&id), detalle(2))
        }
        Ancla::Objetivo(id) => format!("Objetivo {id}{}", detalle(2)),
        Ancla::Accion(id) => format!("Acción {id}{}", detalle(2)),
        Ancla::Etapa(i) => {
            let etapa = doc.ruta_atencion.iter().find(|e| e.indice == i);
            let nombre = match etapa {
                Some(e) => match &e.poblacion {
                    Some(p) => format!("{} ({p})", e.nombre),
                    None => e.nombre.clone(),
                },
                None => plan.ruta_atencion[i].etapa.clone(),
            };
            format!("Etapa de la ruta: {nombre}{}", detalle(2))
        }
        Ancla::Seccion(nombre, _) if nombre == "Datos generales" => {
            format!("{nombre}{}", detalle(0))
        }
        Ancla::Seccion(nombre, _) => format!("{nombre}{}", detalle(1)),
    }
}

impl Documento {
    /// Adds the observations of `revision` to this document of `plan`: notes beside their items
    /// and the table of all of them.
    pub fn con_revision(mut self, plan: &Plan, revision: &Revision) -> Documento {
        let Some(obs) = &revision.loaded.datos else {
            return self;
        };
        let mut secciones = Secciones::default();
        let mut filas = Vec::new();
        // The plan as JSON, once, for the value of each observed field.
        let plan_valor = serde_json::to_value(plan).ok();
        for (i, o) in obs.observaciones.iter().enumerate() {
            let abierta = o.estado == EstadoObservacion::Abierta;
            let estado = if abierta { "Abierta" } else { "Resuelta" };
            let texto = cmark::parse(&o.texto);
            let nota = Nota {
                numero: i + 1,
                abierta,
                estado,
                texto: texto.clone(),
            };
            let destino = revision.destinos.get(i).and_then(Option::as_ref);
            let ubicada = destino.is_some_and(|path| self.anotar(plan, path, nota, &mut secciones));
            let hoy = plan_valor
                .as_ref()
                .and_then(|v| crate::plan::observaciones::valor_en(v, &o.ruta));
            let valores: Vec<String> = [
                ("al observar", o.valor_inicial.clone()),
                ("al resolver", o.valor_al_resolver.clone()),
                ("hoy", hoy.filter(|_| !abierta)),
            ]
            .into_iter()
            .filter_map(|(cuando, v)| Some(format!("{cuando}: {}", v?)))
            .collect();
            let valor = if valores.is_empty() {
                String::new()
            } else {
                format!("Valor {}", valores.join(" · "))
            };
            filas.push(ObservacionDoc {
                valor,
                numero: i + 1,
                ruta: o.ruta.clone(),
                elemento: destino.map_or_else(
                    || "(el elemento ya no existe en el plan)".to_owned(),
                    |p| elemento(&self, plan, p),
                ),
                texto,
                abierta,
                estado,
                ubicada,
            });
        }
        // A review copy is never dated before the review it prints.
        if obs.fecha > self.fecha {
            self.fecha = obs.fecha;
            self.fecha_documento = fecha_larga(obs.fecha);
        }
        let abiertas = filas.iter().filter(|f| f.abierta).count();
        let resueltas = filas.len() - abiertas;
        self.revision = Some(RevisionDoc {
            revisor: obs.revisor.clone(),
            fecha: fecha_larga(obs.fecha),
            fecha_dia: obs.fecha,
            abiertas,
            resueltas,
            abiertas_texto: plural(abiertas, "abierta", "abiertas"),
            resueltas_texto: plural(resueltas, "resuelta", "resueltas"),
            resumen: format!(
                "{} y {}",
                plural(abiertas, "observación abierta", "observaciones abiertas"),
                plural(resueltas, "resuelta", "resueltas")
            ),
            observaciones: filas,
            secciones,
        });
        self
    }

    /// Attaches `nota` where `path` points. Returns whether it found a place.
    fn anotar(&mut self, plan: &Plan, path: &[Seg], nota: Nota, s: &mut Secciones) -> bool {
        let notas = match ancla(plan, path) {
            Ancla::Riesgo(id) => self
                .riesgos
                .iter_mut()
                .find(|x| x.id == id)
                .map(|x| &mut x.notas),
            Ancla::Actor(id) => self
                .actores
                .iter_mut()
                .find(|x| x.id == id)
                .map(|x| &mut x.notas),
            Ancla::Objetivo(id) => self
                .ejes
                .iter_mut()
                .flat_map(|e| e.objetivos.iter_mut())
                .find(|x| x.id == id)
                .map(|x| &mut x.notas),
            Ancla::Accion(id) => self
                .acciones
                .iter_mut()
                .find(|x| x.id == id)
                .map(|x| &mut x.notas),
            Ancla::Etapa(i) => self
                .ruta_atencion
                .iter_mut()
                .find(|x| x.indice == i)
                .map(|x| &mut x.notas),
            Ancla::Seccion(_, seccion) => Some(seccion(s)),
        };
        match notas {
            Some(notas) => {
                notas.push(nota);
                true
            }
            None => false,
        }
    }
}
