//! O001–O004: each review observation must name an item of the plan it reviews, so that the
//! review copy can print it beside that item, and one marked resolved must not point at a value
//! that is still empty (O003) or that still has the value it had when observed (O004). Checked
//! on the observations file (not the plan): the diagnostics point at the observation's `ruta`.
//! Run by [`super::revision::revisar`].

use serde_json::Value;

use super::revision::{ContextoRevision, PlanRevisado};
use super::{Comprobacion, Explicacion, Hallazgo, Regla};
use crate::diagnostics::lista;
use crate::path;
use crate::plan::observaciones::EstadoObservacion;
use crate::plan::ruta::{resolver, ruta};
use crate::plan::spans::{NodePath, Seg};
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
    comprobar: Comprobacion::Observaciones(abiertas_sin_destino),
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
    comprobar: Comprobacion::Observaciones(resueltas_sin_destino),
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
    comprobar: Comprobacion::Observaciones(resueltas_sobre_vacios),
};

/// A resolved observation whose field has the value it had when observed.
pub static O004: Regla = Regla {
    codigo: "O004",
    severidad: crate::diagnostics::Severidad::Advertencia,
    estricta: false,
    titulo: "Observación resuelta sin que el valor observado cambiara",
    explicacion: Explicacion {
        que: "Que una observación marcada `resuelta` no deje su campo con el mismo valor que tenía cuando se observó (`valor_inicial`, que el editor anota al observar).",
        por_que: "Si el asesor observó una meta baja o un plazo largo y la observación se marcó resuelta sin que el campo cambiara, lo observado sigue igual: la copia de revisión muestra el valor al resolver para que se vea.",
        incorrecto: "observaciones:\n  - ruta: acciones.A1.indicador.meta\n    texto: La meta es baja.\n    estado: resuelta\n    valor_inicial: \"100\"   # y la meta sigue en 100",
        correcto: "observaciones:\n  - ruta: acciones.A1.indicador.meta\n    texto: La meta es baja.\n    estado: abierta\n    valor_inicial: \"100\"",
    },
    comprobar: Comprobacion::Observaciones(resueltas_sin_cambio),
};

fn resueltas_sin_cambio(ctx: &ContextoRevision) -> Vec<Hallazgo> {
    let (Some(observaciones), PlanRevisado::Legible(plan)) = (ctx.observaciones, &ctx.plan) else {
        return Vec::new();
    };
    observaciones
        .observaciones
        .iter()
        .enumerate()
        .filter(|(_, o)| o.estado == EstadoObservacion::Resuelta)
        .filter_map(|(i, o)| {
            let antes = o.valor_inicial.as_deref()?.trim();
            let hoy = crate::plan::observaciones::valor_en(plan, &o.ruta)?;
            (hoy.trim() == antes).then(|| {
                Hallazgo::en(
                    path!["observaciones", i, "estado"],
                    format!(
                        "la observación {} está marcada resuelta, pero `{}` tiene el mismo valor que cuando se observó («{antes}»)",
                        i + 1,
                        o.ruta.trim()
                    ),
                    "Si el punto se resolvió sin cambiar ese campo, dígalo en la observación; si no, vuelva a marcarla como `abierta`.",
                )
            })
        })
        .collect()
}

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

fn resueltas_sobre_vacios(ctx: &ContextoRevision) -> Vec<Hallazgo> {
    let (Some(observaciones), PlanRevisado::Legible(plan)) = (ctx.observaciones, &ctx.plan) else {
        return Vec::new();
    };
    observaciones
        .observaciones
        .iter()
        .zip(ctx.destinos)
        .enumerate()
        .filter_map(|(i, (o, destino))| {
            let path = destino
                .as_ref()
                .filter(|p| o.estado == EstadoObservacion::Resuelta && vacio(plan, p))?;
            Some(Hallazgo::en(
                path!["observaciones", i, "ruta"],
                format!(
                    "la observación {} está marcada resuelta, pero `{}` sigue vacío en {}",
                    i + 1,
                    ruta(plan, path),
                    ctx.documento
                ),
                "Complete ese campo en el plan o vuelva a marcar la observación como `abierta`.",
            ))
        })
        .collect()
}

fn abiertas_sin_destino(ctx: &ContextoRevision) -> Vec<Hallazgo> {
    match ctx.plan {
        PlanRevisado::NoExiste(archivo) => vec![sin_plan(archivo, ctx.documento)],
        PlanRevisado::Ilegible => Vec::new(),
        PlanRevisado::Legible(plan) => sin_destino(ctx, plan, EstadoObservacion::Abierta),
    }
}

fn resueltas_sin_destino(ctx: &ContextoRevision) -> Vec<Hallazgo> {
    match ctx.plan {
        PlanRevisado::Legible(plan) => sin_destino(ctx, plan, EstadoObservacion::Resuelta),
        PlanRevisado::NoExiste(_) | PlanRevisado::Ilegible => Vec::new(),
    }
}

/// The observations in `estado` whose path names nothing in `plan`.
fn sin_destino(ctx: &ContextoRevision, plan: &Value, estado: EstadoObservacion) -> Vec<Hallazgo> {
    let Some(observaciones) = ctx.observaciones else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut todas: Option<Vec<String>> = None;
    for (i, (o, destino)) in observaciones
        .observaciones
        .iter()
        .zip(ctx.destinos)
        .enumerate()
    {
        if destino.is_some() || o.estado != estado {
            continue;
        }
        let todas = todas.get_or_insert_with(|| rutas(plan));
        let mensaje = match o.estado {
            EstadoObservacion::Abierta if o.ruta.trim().is_empty() => {
                format!("la observación {} no dice qué elemento observa", i + 1)
            }
            EstadoObservacion::Abierta => format!(
                "la observación {} se refiere a `{}`, que no existe en {}",
                i + 1,
                o.ruta,
                ctx.documento
            ),
            EstadoObservacion::Resuelta => format!(
                "la observación resuelta {} se refiere a `{}`, que ya no existe en {}",
                i + 1,
                o.ruta,
                ctx.documento
            ),
        };
        out.push(Hallazgo::en(
            path!["observaciones", i, "ruta"],
            mensaje,
            ayuda(plan, o.ruta.trim(), todas, ctx.documento),
        ));
    }
    out
}

/// O001 for a whole file: the plan (or the monitoring file) it reviews is not there.
fn sin_plan(plan: &std::path::Path, documento: &str) -> Hallazgo {
    let documento = documento.trim_start_matches("el ");
    Hallazgo::en(
        Vec::new(),
        format!(
            "no existe el {documento} `{}` que revisan estas observaciones",
            plan.display()
        ),
        "El archivo de observaciones de `canton.yaml` se llama `canton.observaciones.yaml` y está en la misma carpeta.",
    )
}

/// Every id path of the plan: the candidates for a suggestion.
fn rutas(plan: &Value) -> Vec<String> {
    fn walk(root: &Value, node: &Value, path: &mut NodePath, out: &mut Vec<String>) {
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
fn ayuda(plan: &Value, given: &str, todas: &[String], documento: &str) -> String {
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
    let donde = prefijo.map_or_else(|| documento.to_owned(), |p| format!("`{p}`"));
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
