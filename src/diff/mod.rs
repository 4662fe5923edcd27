//! Semantic comparison of two drafts of a plan (`cantonal comparar`): items matched by id
//! (risks, actors, objectives, actions; route stages by their stage), added, removed and changed
//! items field by field with old → new values, and the change in coverage of each national axis
//! and route stage and in the budget. A renamed id is a removal plus an addition. Printed for
//! people by [`texto`] and as Markdown tables by [`markdown`]; serialised as is for programs.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;

use crate::documento::Documento;
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

pub mod markdown;
pub mod observaciones;
pub mod texto;

/// Kind of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tipo {
    /// Only in the new draft.
    Agregado,
    /// Only in the old draft.
    Eliminado,
    /// In both, with another value.
    Modificado,
}

/// One change, at an id path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cambio {
    /// Kind.
    pub tipo: Tipo,
    /// Id path (`acciones.A3.indicador.meta`).
    pub ruta: String,
    /// Old value (absent for additions).
    pub antes: Option<Value>,
    /// New value (absent for removals).
    pub despues: Option<Value>,
    /// The old value in words: names instead of catalogue ids, actors by name, amounts in USD.
    pub antes_texto: Option<String>,
    /// The new value in words.
    pub despues_texto: Option<String>,
    /// The numbers of the adviser's observations this change answers (see [`observaciones`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub observaciones: Vec<usize>,
}

/// A number before and after, for an axis, a stage or the total budget.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cifra {
    /// What is counted.
    pub nombre: String,
    /// Old value.
    pub antes: f64,
    /// New value.
    pub despues: f64,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparacion {
    /// Item and field changes, in plan order.
    pub cambios: Vec<Cambio>,
    /// Actions per national axis.
    pub acciones_por_eje: Vec<Cifra>,
    /// Route stages with a responsible actor (1) or without (0).
    pub etapas_con_responsable: Vec<Cifra>,
    /// Budget by axis and total (USD).
    pub presupuesto: Vec<Cifra>,
    /// A warning about the comparison itself (two drafts of different cantons).
    pub aviso: Option<String>,
    /// The adviser's observations on the older draft, each with the changes that answer it, when
    /// the comparison was given them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observaciones: Option<Vec<observaciones::Respuesta>>,
}

fn id_key(list: &str) -> Option<&'static str> {
    match list {
        "riesgos" | "actores" | "objetivos" | "acciones" => Some("id"),
        "ruta_atencion" | "ruta_trafico" => Some("etapa"),
        _ => None,
    }
}

/// Compares two plans with their national reference.
pub fn comparar(antes: &Plan, despues: &Plan, r: &Referencia) -> Comparacion {
    let a = serde_json::to_value(antes).expect("plan serialises");
    let b = serde_json::to_value(despues).expect("plan serialises");
    let mut cambios = Vec::new();
    diff_value("", None, &a, &b, &mut cambios);
    let (en_a, en_b) = (Palabras { plan: antes, r }, Palabras { plan: despues, r });
    for c in &mut cambios {
        c.antes_texto = c.antes.as_ref().map(|v| en_a.valor(&c.ruta, v));
        c.despues_texto = c.despues.as_ref().map(|v| en_b.valor(&c.ruta, v));
    }
    let aviso = (antes.canton.codigo != despues.canton.codigo).then(|| {
        format!(
            "los borradores son de cantones distintos ({}, {}, y {}, {}): compare dos versiones del plan de un mismo cantón",
            antes.canton.nombre, antes.canton.codigo, despues.canton.nombre, despues.canton.codigo
        )
    });
    let fecha = antes.periodo.inicio;
    let (da, db) = (
        Documento::new(antes, r, fecha),
        Documento::new(despues, r, fecha),
    );
    let cifra = |nombre: &str, x: f64, y: f64| Cifra {
        nombre: nombre.to_owned(),
        antes: x,
        despues: y,
    };
    let acciones_por_eje = da
        .ejes
        .iter()
        .zip(&db.ejes)
        .map(|(x, y)| cifra(&x.nombre, x.num_acciones as f64, y.num_acciones as f64))
        .collect();
    let responsable = |d: &Documento, id: &str| {
        d.ruta_atencion
            .iter()
            .any(|e| e.id == id && e.responsable.is_some()) as u8 as f64
    };
    let etapas_con_responsable = r
        .etapas_ruta
        .valores
        .iter()
        .map(|e| cifra(&e.nombre, responsable(&da, &e.id), responsable(&db, &e.id)))
        .collect();
    let mut presupuesto: Vec<Cifra> = da
        .presupuesto
        .por_eje
        .iter()
        .zip(&db.presupuesto.por_eje)
        .map(|(x, y)| cifra(&x.nombre, x.monto, y.monto))
        .collect();
    presupuesto.push(cifra("Total", da.presupuesto.total, db.presupuesto.total));
    Comparacion {
        cambios,
        acciones_por_eje,
        etapas_con_responsable,
        presupuesto,
        aviso,
        observaciones: None,
    }
}

/// Writes the values of one draft in words.
struct Palabras<'a> {
    plan: &'a Plan,
    r: &'a Referencia,
}

/// Longest item label before it is cut with "…".
const MAX_ETIQUETA: usize = 90;

impl Palabras<'_> {
    /// `v`, found at `ruta`, in words.
    fn valor(&self, ruta: &str, v: &Value) -> String {
        let campo = ruta
            .rsplit('.')
            .next()
            .unwrap_or(ruta)
            .split('[')
            .next()
            .unwrap_or("");
        let lista = ruta.split('.').next().unwrap_or("");
        // Only an item of a list is named by its id and what it is; a group inside it (an
        // action's budget) is written field by field.
        let item = ruta.split('.').count() == 2 && id_key(lista).is_some();
        match v {
            Value::Object(m) if !item => self.campos(lista, m),
            _ => self.con_campo(lista, campo, v),
        }
    }

    /// A group of fields, one by one: "monto: USD 2.000,00; fuente: GAD Municipal".
    fn campos(&self, lista: &str, m: &serde_json::Map<String, Value>) -> String {
        m.iter()
            .map(|(k, x)| format!("{}: {}", k.replace('_', " "), self.con_campo(lista, k, x)))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn con_campo(&self, lista: &str, campo: &str, v: &Value) -> String {
        match v {
            Value::Null => "(vacío)".to_owned(),
            Value::Bool(b) => if *b { "sí" } else { "no" }.to_owned(),
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or_default();
                if campo == "monto" || campo == "aporte_municipal" {
                    crate::espanol::usd(x)
                } else {
                    crate::espanol::numero(x)
                }
            }
            Value::String(s) => self.nombre(lista, campo, s),
            Value::Array(items) if items.is_empty() => "(ninguno)".to_owned(),
            Value::Array(items) => items
                .iter()
                .map(|x| self.con_campo(lista, campo, x))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Object(m) => match self.etiqueta_item(lista, m) {
                Some(etiqueta) => etiqueta,
                None => self.campos(lista, m),
            },
        }
    }

    /// A catalogue id or an actor id by its name; any other text on one line.
    fn nombre(&self, lista: &str, campo: &str, s: &str) -> String {
        let r = self.r;
        let catalogo = match campo {
            "fines" => r.fines_explotacion.get(s).map(|x| x.nombre.clone()),
            "poblaciones" => r.poblaciones.get(s).map(|x| x.nombre.clone()),
            "eje" => r.ejes.get(s).map(|x| x.nombre.clone()),
            "etapa" => r.etapas_ruta.get(s).map(|x| x.nombre.clone()),
            "institucion" => r.instituciones.get(s).map(|x| x.nombre.clone()),
            "tipo" if lista == "actores" => r.tipos_actor.get(s).map(|x| x.nombre.clone()),
            "responsable" | "corresponsables" | "apoyo" => {
                self.plan.actor(s).map(|a| format!("{} ({s})", a.nombre))
            }
            _ => None,
        };
        catalogo.unwrap_or_else(|| s.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// An item of a top-level list by its id and what it is: "A4 — Mesa cantonal…".
    fn etiqueta_item(&self, lista: &str, m: &serde_json::Map<String, Value>) -> Option<String> {
        let texto = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or("");
        let etiqueta = match lista {
            "actores" => format!("{} ({})", texto("nombre"), texto("id")),
            "riesgos" => format!("{} — {}", texto("id"), texto("titulo")),
            "objetivos" | "acciones" => format!("{} — {}", texto("id"), texto("descripcion")),
            "ruta_atencion" => {
                let etapa = self.nombre(lista, "etapa", texto("etapa"));
                match m.get("responsable").and_then(Value::as_str) {
                    Some(a) => format!("{etapa}: {}", self.nombre(lista, "responsable", a)),
                    None => format!("{etapa}: sin responsable"),
                }
            }
            _ => return None,
        };
        let etiqueta: String = etiqueta.split_whitespace().collect::<Vec<_>>().join(" ");
        Some(if etiqueta.chars().count() > MAX_ETIQUETA {
            etiqueta.chars().take(MAX_ETIQUETA - 1).collect::<String>() + "…"
        } else {
            etiqueta
        })
    }
}

impl Cambio {
    fn new(tipo: Tipo, ruta: String, antes: Option<&Value>, despues: Option<&Value>) -> Self {
        Cambio {
            tipo,
            ruta,
            antes: antes.cloned(),
            despues: despues.cloned(),
            antes_texto: None,
            despues_texto: None,
            observaciones: Vec::new(),
        }
    }
}

fn join(ruta: &str, part: &str) -> String {
    if ruta.is_empty() {
        part.to_owned()
    } else {
        format!("{ruta}.{part}")
    }
}

fn diff_value<'a>(
    ruta: &str,
    list: Option<&str>,
    a: &'a Value,
    b: &'a Value,
    out: &mut Vec<Cambio>,
) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let r = join(ruta, k);
                match y.get(k) {
                    // Only the top-level lists hold items with ids; `acciones.A1.riesgos` is a
                    // plain list of references, compared as one value.
                    Some(vb) => diff_value(&r, ruta.is_empty().then_some(k.as_str()), va, vb, out),
                    None => out.push(Cambio::new(Tipo::Eliminado, r, Some(va), None)),
                }
            }
            for (k, vb) in y {
                if !x.contains_key(k) {
                    out.push(Cambio::new(Tipo::Agregado, join(ruta, k), None, Some(vb)));
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if list.and_then(id_key).is_some() => {
            let key = list.and_then(id_key).unwrap_or("id");
            // A route stage may have one entry per population: a repeated stage is told apart
            // by its population (`proteccion_inmediata:adultos`).
            let propio = |v: &'a Value| v.get(key).and_then(Value::as_str).unwrap_or("");
            let mut veces: HashMap<&str, (usize, usize)> = HashMap::new();
            for v in x {
                veces.entry(propio(v)).or_default().0 += 1;
            }
            for v in y {
                veces.entry(propio(v)).or_default().1 += 1;
            }
            let id = |v: &'a Value| {
                let id = propio(v);
                let repetido = veces.get(id).is_some_and(|&(a, b)| a > 1 || b > 1);
                match v.get("poblacion").and_then(Value::as_str) {
                    Some(p) if repetido => format!("{id}:{p}"),
                    _ => id.to_owned(),
                }
            };
            // Items are matched through an index by id (the first item with each id), so that
            // two drafts with thousands of actors compare in linear time.
            let anteriores: Vec<String> = x.iter().map(id).collect();
            let posteriores: Vec<String> = y.iter().map(id).collect();
            let mut nuevos: HashMap<&str, &Value> = HashMap::with_capacity(y.len());
            for (i, vb) in posteriores.iter().zip(y) {
                nuevos.entry(i.as_str()).or_insert(vb);
            }
            let existian: HashSet<&str> = anteriores.iter().map(String::as_str).collect();
            for (i, va) in anteriores.iter().zip(x) {
                let r = join(ruta, i);
                match nuevos.get(i.as_str()) {
                    Some(vb) => diff_value(&r, None, va, vb, out),
                    None => out.push(Cambio::new(Tipo::Eliminado, r, Some(va), None)),
                }
            }
            for (i, vb) in posteriores.iter().zip(y) {
                if !existian.contains(i.as_str()) {
                    out.push(Cambio::new(Tipo::Agregado, join(ruta, i), None, Some(vb)));
                }
            }
        }
        (x, y) if x != y => out.push(Cambio::new(
            Tipo::Modificado,
            ruta.to_owned(),
            Some(x),
            Some(y),
        )),
        _ => {}
    }
}
