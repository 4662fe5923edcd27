//! O001–O003: each review observation must name an item of the plan it reviews, so that the
//! review copy can print it beside that item, and one marked resolved must not point at a value
//! that is still empty. Checked on the observations file (not the plan): the diagnostics point at
//! the observation's `ruta`.

use serde_json::Value;

use super::{Explicacion, Regla};
use crate::diagnostics::{Diagnostic, lista};
use crate::observaciones::{EstadoObservacion, Observaciones};
use crate::path;
use crate::plan::load::Loaded;
use crate::plan::ruta::{resolver, ruta};
use crate::plan::schema;
use crate::plan::spans::{Path, Seg};
use crate::suggest::did_you_mean;

/// An open observation about nothing.
pub static O001: Regla = Regla {
    codigo: "O001",
    severidad: crate::diagnostics::Severidad::Error,
    estricta: false,
    titulo: "Observación abierta sobre un elemento que no existe",
    explicacion: Explicacion {
        que: "Que la `ruta` de cada observación abierta nombre un elemento del plan revisado (por su id: `acciones.A3.indicador.meta`, `ruta_atencion.denuncia`, `riesgos.R2`), y que el plan exista junto al archivo de observaciones.",
        por_que: "La copia de revisión imprime cada observación junto al elemento que observa; una ruta mal escrita deja la observación sin lugar y el cantón puede no verla.",
        incorrecto: "observaciones:\n  - ruta: acciones.A30.indicador.meta\n    texto: La meta no es medible.",
        correcto: "observaciones:\n  - ruta: acciones.A3.indicador.meta\n    texto: La meta no es medible.",
    },
    comprobar: None,
};

/// A resolved observation about an item that is gone.
pub static O002: Regla = Regla {
    codigo: "O002",
    severidad: crate::diagnostics::Severidad::Advertencia,
    estricta: false,
    titulo: "Observación resuelta sobre un elemento que ya no existe",
    explicacion: Explicacion {
        que: "Que la `ruta` de cada observación resuelta siga nombrando un elemento del plan.",
        por_que: "Es normal que una observación se resuelva quitando el elemento; aun así conviene saberlo: la copia de revisión la lista sin ubicarla, y si el id solo cambió de nombre, la ruta debe seguirlo.",
        incorrecto: "observaciones:\n  - ruta: acciones.A7\n    texto: Acción duplicada con A6.\n    estado: resuelta   # A7 se eliminó del plan",
        correcto: "observaciones:\n  - ruta: acciones\n    texto: \"Acción A7 duplicada con A6: se eliminó.\"\n    estado: resuelta",
    },
    comprobar: None,
};

/// A resolved observation about a value that is still empty.
pub static O003: Regla = Regla {
    codigo: "O003",
    severidad: crate::diagnostics::Severidad::Advertencia,
    estricta: false,
    titulo: "Observación resuelta sobre un valor que sigue vacío",
    explicacion: Explicacion {
        que: "Que la `ruta` de cada observación marcada `resuelta` no nombre un campo que en el plan sigue faltando o vacío (sin valor, texto vacío, lista vacía).",
        por_que: "Si el asesor pidió completar un campo y la observación se marcó resuelta sin que el campo tenga valor, lo observado sigue sin atenderse y nadie vuelve a revisarlo.",
        incorrecto: "observaciones:\n  - ruta: acciones.A4.presupuesto\n    texto: La acción no tiene presupuesto.\n    estado: resuelta   # y A4 sigue sin presupuesto",
        correcto: "observaciones:\n  - ruta: acciones.A4.presupuesto\n    texto: La acción no tiene presupuesto.\n    estado: abierta",
    },
    comprobar: None,
};

/// Whether the node at `path` of `plan` is missing or has no content.
fn vacio(plan: &Value, path: &[Seg]) -> bool {
    let nodo = path.iter().try_fold(plan, |n, seg| match seg {
        Seg::Key(k) => n.get(k),
        Seg::Index(i) => n.get(i),
    });
    match nodo {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        Some(Value::Bool(_) | Value::Number(_)) => false,
    }
}

/// Checks every observation's path against `plan` (the plan's document value). Returns the
/// diagnostics and, for each observation in order, the node it addresses.
pub fn comprobar(
    loaded: &Loaded<Observaciones>,
    obs: &Observaciones,
    plan: &Value,
) -> (Vec<Diagnostic>, Vec<Option<Path>>) {
    let mut diagnostics = Vec::new();
    let mut destinos = Vec::new();
    let mut todas: Option<Vec<String>> = None;
    for (i, o) in obs.observaciones.iter().enumerate() {
        let destino = Some(o.ruta.trim())
            .filter(|r| !r.is_empty())
            .and_then(|r| destino(plan, r));
        if destino.is_none() {
            let todas = todas.get_or_insert_with(|| rutas(plan));
            let (regla, mensaje) = match o.estado {
                EstadoObservacion::Abierta if o.ruta.trim().is_empty() => (
                    &O001,
                    format!("la observación {} no dice qué elemento observa", i + 1),
                ),
                EstadoObservacion::Abierta => (
                    &O001,
                    format!(
                        "la observación {} se refiere a `{}`, que no existe en el plan",
                        i + 1,
                        o.ruta
                    ),
                ),
                EstadoObservacion::Resuelta => (
                    &O002,
                    format!(
                        "la observación resuelta {} se refiere a `{}`, que ya no existe en el plan",
                        i + 1,
                        o.ruta
                    ),
                ),
            };
            let at = path!["observaciones", i, "ruta"];
            diagnostics.push(Diagnostic::new(
                regla.codigo,
                regla.severidad,
                loaded.spans().locate(&at),
                loaded.ruta(&at),
                mensaje,
                ayuda(plan, o.ruta.trim(), todas),
            ));
        }
        if let Some(path) = destino
            .as_ref()
            .filter(|p| o.estado == EstadoObservacion::Resuelta && vacio(plan, p))
        {
            let at = path!["observaciones", i, "ruta"];
            diagnostics.push(Diagnostic::new(
                O003.codigo,
                O003.severidad,
                loaded.spans().locate(&at),
                loaded.ruta(&at),
                format!(
                    "la observación {} está marcada resuelta, pero `{}` sigue vacío en el plan",
                    i + 1,
                    ruta(plan, path)
                ),
                "Complete ese campo en el plan o vuelva a marcar la observación como `abierta`."
                    .into(),
            ));
        }
        destinos.push(destino);
    }
    (diagnostics, destinos)
}

/// The node `ruta` names. A field the plan leaves out still names a place when the item may have
/// it: an adviser points at `acciones.A4.presupuesto` precisely because it is missing.
fn destino(plan: &Value, ruta: &str) -> Option<Path> {
    if let Some(path) = resolver(plan, ruta) {
        return Some(path);
    }
    let (padre, campo) = ruta.rsplit_once('.').unwrap_or(("", ruta));
    let mut path = resolver(plan, padre)?;
    let nodo = path.iter().try_fold(plan, |n, seg| match seg {
        Seg::Key(k) => n.get(k),
        Seg::Index(i) => n.get(i),
    })?;
    (nodo.is_object() && schema::plan().admite(&path, campo)).then(|| {
        path.push(Seg::Key(campo.to_owned()));
        path
    })
}

/// O001 for a whole file: the plan it reviews is not there.
pub fn sin_plan(loaded: &Loaded<Observaciones>, plan: &std::path::Path) -> Diagnostic {
    Diagnostic::new(
        O001.codigo,
        O001.severidad,
        loaded.spans().locate(&[]),
        String::new(),
        format!(
            "no existe el plan `{}` que revisan estas observaciones",
            plan.display()
        ),
        "El archivo de observaciones de `canton.yaml` se llama `canton.observaciones.yaml` y está en la misma carpeta.".into(),
    )
}

/// Every id path of the plan: the candidates for a suggestion.
fn rutas(plan: &Value) -> Vec<String> {
    fn walk(root: &Value, node: &Value, path: &mut Path, out: &mut Vec<String>) {
        if !path.is_empty() {
            out.push(ruta(root, path));
        }
        match node {
            Value::Object(map) => {
                for (k, v) in map {
                    path.push(Seg::Key(k.clone()));
                    walk(root, v, path, out);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    walk(root, v, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(plan, plan, &mut Vec::new(), &mut out);
    out
}

/// The hint: the closest existing path, if one is close, and what exists under the longest part
/// of the path that does.
fn ayuda(plan: &Value, given: &str, todas: &[String]) -> String {
    let mut texto = did_you_mean(given, todas.iter().map(String::as_str))
        .map(|best| format!("¿Quiso decir `{best}`? "))
        .unwrap_or_default();
    let partes: Vec<&str> = given.split('.').collect();
    let prefijo = (1..partes.len())
        .rev()
        .map(|n| partes[..n].join("."))
        .find(|p| resolver(plan, p).is_some());
    let hijos: Vec<&str> = todas
        .iter()
        .filter_map(|r| match &prefijo {
            Some(p) => r
                .strip_prefix(p.as_str())
                .and_then(|rest| rest.strip_prefix('.')),
            None => Some(r.as_str()),
        })
        .filter(|rest| !rest.contains('.') && !rest.contains('['))
        .collect();
    let donde = prefijo.map_or_else(|| "el plan".to_owned(), |p| format!("`{p}`"));
    const MAX: usize = 15;
    texto.push_str(&format!(
        "En {donde} existen: {}",
        lista(&hijos[..hijos.len().min(MAX)])
    ));
    if hijos.len() > MAX {
        texto.push_str(&format!(" y {} más", hijos.len() - MAX));
    }
    texto.push_str(". Las rutas usan los id del plan, por ejemplo `acciones.A3.indicador.meta`.");
    texto
}
