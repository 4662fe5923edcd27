//! A plan's monitoring file from the editor: whether the plan has one and can have one
//! (`GET /api/seguimiento`), and a new cut added to it (`POST /api/seguimiento`) exactly as
//! `cantonal seguimiento PLAN --corte FECHA` adds it, through the library's
//! [`corte::agregar`]: one entry per action with its indicator, target and budget in comments,
//! the other cuts kept byte for byte, the file and its schema created when missing. Once open,
//! the monitoring file is edited, checked, previewed, saved and downloaded like a plan.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::json;

use super::{Estado, Rechazo, bloqueante, cuerpo, falla, ok, version};
use crate::editor::bloquear;
use crate::escritura::write_atomic;
use crate::espanol::fecha_larga;
use crate::plan::model::Plan;
use crate::plan::seguimiento::{self, Registro};
use crate::rules::Opciones;
use crate::seguimiento::corte::{self, Contenido, ErrorCorte};
use crate::validacion::Validado;

/// The plan file named by the page, checked, refusing a file that is not a plan.
fn plan_de(estado: &Estado, nombre: &str) -> Result<(std::path::PathBuf, Validado), Rechazo> {
    let archivo = estado.archivo(nombre, true)?;
    if seguimiento::es_archivo(&archivo) || crate::plan::observaciones::es_archivo(&archivo) {
        return Err(falla(
            StatusCode::BAD_REQUEST,
            "El seguimiento se abre desde su plan: abra el plan y elija «Seguimiento».",
        ));
    }
    let v = crate::validar(&archivo, Opciones::default());
    Ok((archivo, v))
}

/// Why `plan` cannot be followed, said for the page (the command line says `--borrador`).
fn motivo(plan: &Plan) -> Option<String> {
    corte::seguible(plan, false).err().map(|_| {
        format!(
            "Este plan no está aprobado (estado: {}): el seguimiento mide lo que aprobó el Concejo. Para practicar con él, marque «Practicar con un plan sin aprobar»: el informe de avance llevará la marca BORRADOR.",
            crate::documento::portada::estado(plan.estado).1
        )
    })
}

/// `GET /api/seguimiento?archivo=PLAN`: the plan's monitoring file (its name, whether it exists
/// and the dates of its cuts), whether the plan can be followed and why not, and today's date.
pub async fn seguimiento(
    State(estado): State<Arc<Estado>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    bloqueante(move || {
        let nombre = q.get("archivo").cloned().unwrap_or_default();
        let (archivo, v) = plan_de(&estado, &nombre)?;
        let destino = seguimiento::archivo_de(&archivo);
        let existe = destino.is_file();
        let cortes: Vec<String> = if existe {
            estado
                .leer(&destino)
                .ok()
                .and_then(|(_, base)| {
                    crate::plan::load::load_bytes::<Registro>(&destino, base.texto.as_bytes()).datos
                })
                .map(|r| {
                    r.cronologico()
                        .iter()
                        .map(|c| fecha_larga(c.fecha_corte))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        Ok(ok(json!({
            "archivo": estado.nombre(&destino),
            "existe": existe,
            "cortes": cortes,
            "plan_con_errores": v.plan().is_none() || v.tiene_errores(),
            "motivo": v.plan().and_then(motivo),
            "hoy": crate::fechas::hoy().to_string(),
        })))
    })
    .await
}

/// What the page sends to add a cut.
#[derive(Deserialize)]
struct NuevoCorte {
    /// The plan.
    archivo: String,
    /// The cut's date, AAAA-MM-DD.
    fecha: String,
    /// Follow a plan that is not approved.
    #[serde(default)]
    borrador: bool,
    /// The version of the monitoring file the page has open, if it has it open: the cut is not
    /// added when the file changed since.
    #[serde(default)]
    version: Option<String>,
}

/// `POST /api/seguimiento`: adds a cut to the plan's monitoring file (creating it, and the
/// schema beside it, when missing) and answers with the file's name, for the page to open it.
pub async fn nuevo_corte(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let pedido: NuevoCorte = cuerpo(&bytes)?;
        let fecha = NaiveDate::parse_from_str(pedido.fecha.trim(), "%Y-%m-%d").map_err(|_| {
            falla(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Elija la fecha del corte: el día hasta el que se informa, por ejemplo el 30 de junio.",
            )
        })?;
        let (archivo, v) = plan_de(&estado, &pedido.archivo)?;
        let plan = match v.plan() {
            Some(p) if !v.tiene_errores() => p,
            _ => {
                return Err(falla(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "El plan tiene errores: corríjalos antes de darle seguimiento (el panel de diagnósticos del plan los muestra).",
                ));
            }
        };
        let _turno = bloquear(&estado.escritura);
        let destino = seguimiento::archivo_de(&archivo);
        let destino = estado.archivo(&estado.nombre(&destino), false)?;
        let actual = if destino.exists() {
            let (v, base) = estado.leer(&destino)?;
            if pedido.version.as_ref().is_some_and(|p| *p != v) {
                return Err(Rechazo(
                    StatusCode::CONFLICT,
                    json!({
                        "conflicto": true,
                        "mensaje": "El seguimiento cambió en el disco desde que lo abrió (otro programa lo modificó). No se agregó el corte: recargue el seguimiento y vuelva a intentarlo.",
                    }),
                ));
            }
            Some(base.texto.clone())
        } else {
            None
        };
        let nombre_plan = archivo
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let texto = corte::agregar(
            plan,
            &nombre_plan,
            actual.as_deref().map(String::as_str),
            &Contenido::por_llenar(fecha),
            pedido.borrador,
            crate::fechas::hoy(),
        )
        .map_err(|e| {
            let mensaje = match &e {
                ErrorCorte::NoAprobado(_) => motivo(plan).unwrap_or_else(|| e.to_string()),
                _ => format!("No se agregó el corte: {e}."),
            };
            falla(StatusCode::UNPROCESSABLE_ENTITY, mensaje)
        })?;
        write_atomic(&destino, texto.as_bytes()).map_err(|e| {
            falla(
                StatusCode::CONFLICT,
                format!("No se agregó el corte: {e}. El archivo anterior sigue intacto."),
            )
        })?;
        let mut avisos = Vec::new();
        if actual.is_none()
            && let Err(e) = corte::escribir_esquema(&destino)
        {
            avisos.push(format!("No se pudo escribir el esquema del seguimiento: {e}."));
        }
        Ok(ok(json!({
            "archivo": estado.nombre(&destino),
            "version": version(texto.as_bytes()),
            "fecha": fecha_larga(fecha),
            "acciones": plan.acciones.len(),
            "avisos": avisos,
        })))
    })
    .await
}
