//! Semantic comparison of two drafts of a plan (`cantonal comparar`): items matched by id
//! (risks, actors, objectives, actions; route stages by their stage), added, removed and changed
//! items field by field with old → new values, and the change in coverage of each national axis
//! and route stage and in the budget. A renamed id is a removal plus an addition. Printed for
//! people by [`texto`] and as Markdown tables by [`markdown`]; serialised as is for programs.

use serde::Serialize;
use serde_json::Value;

use crate::documento::Documento;
use crate::plan::model::Plan;
use crate::reference::nacional::Referencia;

pub mod markdown;
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
}

fn id_key(list: &str) -> Option<&'static str> {
    match list {
        "riesgos" | "actores" | "objetivos" | "acciones" => Some("id"),
        "ruta_atencion" => Some("etapa"),
        _ => None,
    }
}

/// Compares two plans with their national reference.
pub fn comparar(antes: &Plan, despues: &Plan, r: &Referencia) -> Comparacion {
    let a = serde_json::to_value(antes).expect("plan serialises");
    let b = serde_json::to_value(despues).expect("plan serialises");
    let mut cambios = Vec::new();
    diff_value("", None, &a, &b, &mut cambios);
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
    }
}

fn join(ruta: &str, part: &str) -> String {
    if ruta.is_empty() {
        part.to_owned()
    } else {
        format!("{ruta}.{part}")
    }
}

fn diff_value(ruta: &str, list: Option<&str>, a: &Value, b: &Value, out: &mut Vec<Cambio>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let r = join(ruta, k);
                match y.get(k) {
                    // Only the top-level lists hold items with ids; `acciones.A1.riesgos` is a
                    // plain list of references, compared as one value.
                    Some(vb) => diff_value(&r, ruta.is_empty().then_some(k.as_str()), va, vb, out),
                    None => out.push(Cambio {
                        tipo: Tipo::Eliminado,
                        ruta: r,
                        antes: Some(va.clone()),
                        despues: None,
                    }),
                }
            }
            for (k, vb) in y {
                if !x.contains_key(k) {
                    out.push(Cambio {
                        tipo: Tipo::Agregado,
                        ruta: join(ruta, k),
                        antes: None,
                        despues: Some(vb.clone()),
                    });
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if list.and_then(id_key).is_some() => {
            let key = list.and_then(id_key).unwrap_or("id");
            let id = |v: &Value| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
            for va in x {
                let r = join(ruta, &id(va));
                match y.iter().find(|vb| id(vb) == id(va)) {
                    Some(vb) => diff_value(&r, None, va, vb, out),
                    None => out.push(Cambio {
                        tipo: Tipo::Eliminado,
                        ruta: r,
                        antes: Some(va.clone()),
                        despues: None,
                    }),
                }
            }
            for vb in y {
                if !x.iter().any(|va| id(va) == id(vb)) {
                    out.push(Cambio {
                        tipo: Tipo::Agregado,
                        ruta: join(ruta, &id(vb)),
                        antes: None,
                        despues: Some(vb.clone()),
                    });
                }
            }
        }
        (x, y) if x != y => out.push(Cambio {
            tipo: Tipo::Modificado,
            ruta: ruta.to_owned(),
            antes: Some(x.clone()),
            despues: Some(y.clone()),
        }),
        _ => {}
    }
}

/// A value in one line, for text and Markdown output.
pub fn corto(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Object(m) => match m
            .get("id")
            .or_else(|| m.get("etapa"))
            .and_then(Value::as_str)
        {
            Some(id) => format!("{{{id}…}}"),
            None => v.to_string(),
        },
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}
