//! The adviser's observations in the editor, of a plan or of its monitoring file (each file has
//! its own, `ibarra.observaciones.yaml` and `ibarra.seguimiento.observaciones.yaml`): listed
//! beside the items they observe, added, resolved and opened again through the library's
//! observations model.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Estado, bloqueante, cuerpo, falla, ok};
use crate::editor::bloquear;
use crate::editor::lugares::{Contexto, forma, lugar, seccion};
use crate::escritura::write_atomic;
use crate::plan::observaciones::{self, archivo_de};
use crate::plan::observar::{Cambio, ErrorCambio};
use crate::plan::ruta::{resolver, ruta as ruta_de};
use crate::plan::seguimiento;
use crate::plan::spans::Seg;
use crate::plan::yaml_edit;
use crate::reference::nacional::Referencia;

/// The observations beside a file (a plan, or its monitoring file), as the page shows them:
/// each with the path of the item it observes in the file's value and its place as the form
/// names it.
fn lista_observaciones(
    obs: &observaciones::Observaciones,
    estado: &Estado,
    archivo: &Path,
) -> Value {
    let r = Referencia::pacta();
    let valor = valor_de(estado, archivo);
    let plan = match seguimiento::plan_de(archivo) {
        Some(p) if seguimiento::es_archivo(archivo) => valor_de(estado, &p),
        _ => Value::Null,
    };
    let cx = Contexto {
        forma: forma(archivo),
        valor: &valor,
        listas: if plan.is_null() { &valor } else { &plan },
        r,
    };
    let lista: Vec<Value> = obs
        .observaciones
        .iter()
        .map(|o| {
            let path = resolver(&valor, &o.ruta);
            json!({
                "ruta": o.ruta,
                "texto": o.texto,
                "estado": o.estado,
                "camino": path.as_deref().map(camino),
                "lugar": path.as_deref().map(|p| lugar(p, cx)),
                "seccion": path.as_deref().map(|p| seccion(cx.forma, p)),
            })
        })
        .collect();
    json!({
        "existe": true,
        "revisor": obs.revisor,
        "fecha": obs.fecha,
        "observaciones": lista,
    })
}

/// A document path as the page holds it: keys and positions.
fn camino(path: &[Seg]) -> Vec<Value> {
    path.iter()
        .map(|s| match s {
            Seg::Key(k) => Value::String(k.clone()),
            Seg::Index(i) => Value::from(*i),
        })
        .collect()
}

/// The value of the file `archivo`, for naming the observed items.
fn valor_de(estado: &Estado, archivo: &Path) -> Value {
    estado
        .leer(archivo)
        .ok()
        .and_then(|(_, base)| yaml_edit::leer(&base.texto).ok())
        .unwrap_or(Value::Null)
}

/// `GET /api/observaciones?archivo=PLAN`: the adviser's observations of a plan, if any. A file
/// that is not a valid observations file is refused with where and why.
pub async fn observaciones(
    State(estado): State<Arc<Estado>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    bloqueante(move || {
        let plan = estado.archivo(q.get("archivo").map(String::as_str).unwrap_or(""), true)?;
        let obs = archivo_de(&plan);
        if !obs.exists() {
            return Ok(ok(json!({ "existe": false, "observaciones": [] })));
        }
        let obs = estado.archivo(&estado.nombre(&obs), true)?;
        let (_, base) = estado.leer(&obs)?;
        let cargado = crate::plan::load::load_bytes::<observaciones::Observaciones>(
            &obs,
            base.texto.as_bytes(),
        );
        match cargado.datos {
            Some(o) => Ok(ok(lista_observaciones(&o, &estado, &plan))),
            None => Err(falla(
                StatusCode::UNPROCESSABLE_ENTITY,
                ilegible(&estado, &obs, &cargado.diagnostics),
            )),
        }
    })
    .await
}

/// Why an observations file cannot be used, located.
fn ilegible(estado: &Estado, archivo: &Path, diags: &[crate::diagnostics::Diagnostic]) -> String {
    match diags.first() {
        Some(d) => format!(
            "{}:{}:{}: {}. Corrija el archivo de observaciones en un editor de texto (`cantonal validar` lo revisa).",
            estado.nombre(archivo),
            d.linea,
            d.columna,
            d.mensaje
        ),
        None => format!("{} no se pudo leer.", estado.nombre(archivo)),
    }
}

#[derive(Deserialize)]
struct Observar {
    archivo: String,
    accion: String,
    #[serde(default)]
    revisor: Option<String>,
    #[serde(default)]
    ruta: Option<String>,
    /// The observed field or item as the page holds it (keys and positions), turned into its id
    /// path here.
    #[serde(default)]
    camino: Option<Vec<Value>>,
    #[serde(default)]
    texto: Option<String>,
    #[serde(default)]
    indice: Option<usize>,
}

/// `POST /api/observaciones`: adds an observation (creating the file beside the plan when
/// needed), or marks one resolved or open again, through the library's observations model
/// ([`crate::plan::observar::cambiar_con_valores`], with the observed field's value);
/// `fecha` becomes today's date and `revisor` the adviser's name.
pub async fn observar(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let o: Observar = cuerpo(&bytes)?;
        let plan = estado.archivo(&o.archivo, true)?;
        let _turno = bloquear(&estado.escritura);
        let destino = archivo_de(&plan);
        let destino = estado.archivo(&estado.nombre(&destino), false)?;
        let original = if destino.exists() {
            Some(estado.leer(&destino)?.1)
        } else {
            None
        };
        let cambio = match (o.accion.as_str(), o.indice) {
            ("agregar", _) => {
                let ruta = match &o.camino {
                    Some(c) => {
                        let path: Vec<Seg> = c
                            .iter()
                            .filter_map(|s| match s {
                                Value::String(k) => Some(Seg::Key(k.clone())),
                                Value::Number(n) => n.as_u64().map(|i| Seg::Index(i as usize)),
                                _ => None,
                            })
                            .collect();
                        ruta_de(&valor_de(&estado, &plan), &path)
                    }
                    None => o.ruta.clone().unwrap_or_default(),
                };
                Cambio::Agregar {
                    ruta,
                    texto: o.texto.clone().unwrap_or_default(),
                }
            }
            ("resolver", Some(i)) => Cambio::Resolver(i),
            ("reabrir", Some(i)) => Cambio::Reabrir(i),
            _ => {
                return Err(falla(
                    StatusCode::BAD_REQUEST,
                    "Esa acción sobre las observaciones no existe.",
                ));
            }
        };
        let hoy = chrono::Local::now().date_naive();
        // The observed field's value, noted when observing and when resolving (O004).
        let leido = if seguimiento::es_archivo(&plan) {
            crate::plan::load::load_file::<seguimiento::Registro>(&plan).valor
        } else {
            crate::plan::load::load_file::<crate::plan::model::Plan>(&plan).valor
        };
        let valores = (!leido.is_null()).then_some(&leido);
        let (guardado, obs) = crate::plan::observar::cambiar_con_valores(
            &destino,
            original.as_ref().map(|b| b.texto.as_str()),
            &estado.nombre(&plan),
            o.revisor.as_deref(),
            hoy,
            cambio,
            valores,
        )
        .map_err(|e| {
            let status = match e {
                ErrorCambio::NoExiste => StatusCode::NOT_FOUND,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            falla(status, e.to_string())
        })?;
        write_atomic(&destino, guardado.texto.as_bytes()).map_err(|e| {
            falla(
                StatusCode::CONFLICT,
                format!("No se guardaron las observaciones: {e}."),
            )
        })?;
        Ok(ok(lista_observaciones(&obs, &estado, &plan)))
    })
    .await
}
