//! The start page's API: the catalogue of fields the forms are built from, the plans of the
//! folder with how much each still needs, the canton picker and a new plan.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::{Estado, bloqueante, cuerpo, falla, ok};
use crate::editor::bloquear;
use crate::editor::lugares::{Contexto, resumir};
use crate::escritura::write_atomic;
use crate::plan::campos::{self, Tipo};
use crate::reference::nacional::Referencia;
use crate::rules::Opciones;

/// `GET /api/formato`: the catalogue of the fields of a plan and of its monitoring file, each
/// with the editor's sections: the page builds every form from it and keeps no list of fields
/// of its own.
pub async fn formato() -> Response {
    ok(json!({
        "plan": campos::FORMA_PLAN,
        "seguimiento": campos::FORMA_SEGUIMIENTO,
    }))
}

/// The Spanish name of a plan's state.
fn nombre_estado(id: &str) -> String {
    campos::PLAN
        .iter()
        .find(|c| c.clave == "estado")
        .and_then(|c| match c.tipo {
            Tipo::Opcion { valores } => valores.iter().find(|v| v.id == id).map(|v| v.nombre),
            _ => None,
        })
        .unwrap_or(id)
        .to_owned()
}

/// `GET /api/planes`: the plans of the folder with their canton, status and counts.
pub async fn planes(State(estado): State<Arc<Estado>>) -> Response {
    bloqueante(move || {
        let archivos =
            crate::carpeta::plan_files(std::slice::from_ref(&estado.carpeta)).unwrap_or_default();
        let lista: Vec<Value> = archivos
            .iter()
            .map(|a| {
                let v = crate::validar(a, Opciones::default());
                let r = v.referencia().unwrap_or(Referencia::pacta());
                let resumen = resumir(&v.diagnostics, Contexto::plan(&v.loaded.valor, r));
                let estado_plan = v.loaded.valor.get("estado").and_then(Value::as_str);
                json!({
                    "archivo": estado.nombre(a),
                    "canton": v.canton(),
                    "estado": estado_plan.map(nombre_estado),
                    "resumen": resumen.total,
                })
            })
            .collect();
        Ok(ok(json!({ "planes": lista })))
    })
    .await
}

/// `GET /api/cantones?q=`: the canton picker of `nuevo`.
pub async fn cantones(
    State(estado): State<Arc<Estado>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let consulta = q.get("q").map(String::as_str).unwrap_or("");
    match (estado.nuevo.buscar)(consulta) {
        Ok(c) => ok(
            json!({ "canton": { "codigo": c.codigo, "nombre": c.nombre, "provincia": c.provincia } }),
        ),
        Err(m) => ok(json!({ "mensaje": m })),
    }
}

/// `POST /api/nuevo`: a starter plan for a canton, as `cantonal nuevo` writes it.
pub async fn nuevo(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let pedido: Value = cuerpo(&bytes)?;
        let consulta = pedido["canton"].as_str().unwrap_or("");
        let canton = (estado.nuevo.buscar)(consulta)
            .map_err(|m| falla(StatusCode::UNPROCESSABLE_ENTITY, m))?;
        let nombre = format!("{}.yaml", (estado.nuevo.archivo)(&canton.nombre));
        let _turno = bloquear(&estado.escritura);
        let archivo = estado.archivo(&nombre, false)?;
        if archivo.exists() {
            return Err(falla(
                StatusCode::CONFLICT,
                format!("{nombre} ya existe en la carpeta: ábralo desde la lista de planes"),
            ));
        }
        let hoy = chrono::Local::now().date_naive();
        let texto = (estado.nuevo.texto)(canton, Referencia::pacta(), hoy);
        write_atomic(&archivo, texto.as_bytes())
            .map_err(|e| falla(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        Ok(ok(json!({ "archivo": nombre })))
    })
    .await
}
