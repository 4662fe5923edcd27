//! One file in the editor (a plan, or a plan's monitoring file): opened with its diagnostics and
//! catalogues, validated and previewed as it is edited, saved without rewriting the file,
//! downloaded in every format people open (a monitoring file as its progress report).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{
    Edicion, Estado, Rechazo, bloqueante, comprobar, cuerpo, editar, falla, mensaje_edicion, ok,
    resumen, version,
};
use crate::catalogos;
use crate::editor::lugares::forma;
use crate::editor::{bloquear, vista};
use crate::escritura::write_atomic;
use crate::lectura::{motivo, read_limited};
use crate::plan::seguimiento;
use crate::plan::yaml_edit;
use crate::reference::nacional::Referencia;
use crate::rules::pendientes::PENDIENTE;
use crate::seguimiento::corte;
use crate::validacion::{SinProducto, Validado};

/// `GET /api/plan?archivo=`: a file as the page edits it: a plan, or a plan's monitoring file
/// (then with its plan's name, and the plan's actions its entries name).
pub async fn plan(
    State(estado): State<Arc<Estado>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    bloqueante(move || {
        let nombre = q.get("archivo").cloned().unwrap_or_default();
        let archivo = estado.archivo(&nombre, true)?;
        let (version, base) = estado.leer(&archivo)?;
        let valor = yaml_edit::leer(&base.texto).map_err(mensaje_edicion)?;
        let v = comprobar(&estado, &archivo, &base.texto)?;
        let referencia = v.referencia().unwrap_or(Referencia::pacta());
        let forma = forma(&archivo);
        let (plan, listas) = match &v.seguimiento {
            Some(_) => (
                seguimiento::plan_de(&archivo).map(|p| estado.nombre(&p)),
                json!({ "acciones": acciones(&v) }),
            ),
            None => (None, Value::Null),
        };
        Ok(ok(json!({
            "archivo": estado.nombre(&archivo),
            "forma": forma.id,
            "plan": plan,
            "listas": listas,
            "descarga": nombre_descarga(&archivo),
            "canton": v.canton(),
            "version": version,
            "valor": valor,
            "resumen": resumen(&v),
            "catalogos": catalogos::todos(referencia),
            "pendiente": PENDIENTE,
        })))
    })
    .await
}

/// The plan's actions as a monitoring file's entries name them: id, description, and what each
/// measures against (the lines a new cut writes above it).
fn acciones(v: &Validado) -> Vec<Value> {
    let Some(plan) = v.plan() else {
        return Vec::new();
    };
    plan.acciones
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "descripcion": a.descripcion,
                "detalle": corte::resena(a).join(" "),
            })
        })
        .collect()
}

/// The name, without extension, of what a file downloads as: the plan's own name, or
/// `ibarra.avance` for the progress report of `ibarra.seguimiento.yaml` (as `generar
/// --seguimiento` names it).
fn nombre_descarga(archivo: &Path) -> String {
    match seguimiento::plan_de(archivo) {
        Some(plan) if seguimiento::es_archivo(archivo) => seguimiento::nombre_informe(&plan),
        _ => archivo
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
    }
}

/// `POST /api/validar`: the diagnostics of the edited plan, as `validar` gives them.
pub async fn validar(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let inicio = Instant::now();
        let e: Edicion = cuerpo(&bytes)?;
        let editado = editar(&estado, &e)?;
        Ok(ok(json!({
            "resumen": resumen(&editado.validado),
            "ms": inicio.elapsed().as_secs_f64() * 1000.0,
        })))
    })
    .await
}

/// `POST /api/vista`: the preview pages of the edited plan; pages the page already has (by
/// hash) are sent without their content.
pub async fn vista(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let inicio = Instant::now();
        let e: Edicion = cuerpo(&bytes)?;
        let editado = editar(&estado, &e)?;
        let respuesta = match vista::paginas(&editado.validado) {
            Ok((paginas, borrador)) => {
                let paginas: Vec<Value> = paginas
                    .into_iter()
                    .map(|p| {
                        if e.tengo.contains(&p.hash) {
                            json!({ "hash": p.hash })
                        } else {
                            json!(p)
                        }
                    })
                    .collect();
                json!({
                    "paginas": paginas,
                    "borrador": borrador,
                    "ms": inicio.elapsed().as_secs_f64() * 1000.0,
                })
            }
            Err(aviso) => json!({ "aviso": aviso }),
        };
        Ok(ok(respuesta))
    })
    .await
}

/// `POST /api/guardar`: writes the edited plan atomically, unless the file changed on disk since
/// the version the page started from (then 409, and nothing is written), or cannot be read whole
/// now. The answer says what changed beyond the edited fields, if anything did.
pub async fn guardar(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let e: Edicion = cuerpo(&bytes)?;
        let editado = editar(&estado, &e)?;
        let _turno = bloquear(&estado.escritura);
        let en_disco = match read_limited(&editado.archivo) {
            Ok(b) => version(&b),
            Err(err) => {
                return Err(falla(
                    StatusCode::CONFLICT,
                    format!(
                        "No se guardó nada: el archivo del disco no se puede leer ahora ({}). Sus cambios siguen en la página.",
                        motivo(&err)
                    ),
                ));
            }
        };
        if en_disco != e.version {
            return Err(Rechazo(
                StatusCode::CONFLICT,
                json!({
                    "conflicto": true,
                    "mensaje": "El archivo cambió en el disco desde que lo abrió (otro programa lo modificó). No se guardó nada: recargue el plan para ver el archivo actual; sus cambios siguen en la página hasta que recargue.",
                }),
            ));
        }
        write_atomic(&editado.archivo, editado.guardado.texto.as_bytes()).map_err(|err| {
            falla(
                StatusCode::CONFLICT,
                format!("No se guardó: {err}. El archivo anterior sigue intacto y sus cambios siguen en la página."),
            )
        })?;
        let (nueva, _) = estado.leer(&editado.archivo)?;
        Ok(ok(json!({
            "version": nueva,
            "resumen": resumen(&editado.validado),
            "avisos": editado.guardado.avisos,
        })))
    })
    .await
}

/// The formats a page can download: the printable plan in every format of the registry that
/// people open (the JSON output is for programs).
const DESCARGAS: [&str; 5] = ["pdf", "docx", "xlsx", "html", "md"];

/// `POST /api/descargar`: the printable plan of the edited data in `formato`.
pub async fn descargar(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let e: Edicion = cuerpo(&bytes)?;
        let nombre = e.formato.clone().unwrap_or_default();
        let formato = crate::render::formato(&nombre)
            .filter(|_| DESCARGAS.contains(&nombre.as_str()))
            .ok_or_else(|| falla(StatusCode::BAD_REQUEST, "Ese formato de descarga no existe."))?;
        let editado = editar(&estado, &e)?;
        let producto = editado
            .validado
            .producto(formato, &crate::render::Opciones::default())
            .map_err(|e| match e {
                SinProducto::ConErrores if editado.validado.seguimiento.is_some() => falla(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "El seguimiento, o el plan que sigue, tiene errores: corríjalos (vea el panel de diagnósticos, y el del plan) para descargar el informe de avance.",
                ),
                SinProducto::ConErrores => falla(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "El plan tiene errores: corríjalos (vea el panel de diagnósticos) para descargar el documento.",
                ),
                SinProducto::SinReferencia => falla(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "No se encontró la referencia nacional del plan.",
                ),
                SinProducto::Plantilla(errores) => {
                    let detalle: Vec<String> = errores.iter().map(ToString::to_string).collect();
                    falla(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        format!("No se pudo componer el documento: {}", detalle.join("; ")),
                    )
                }
            })?;
        let disposicion = disposicion(&format!(
            "{}.{}",
            nombre_descarga(&editado.archivo),
            formato.extension()
        ));
        Ok((
            [
                (header::CONTENT_TYPE, formato.tipo_mime().to_owned()),
                (header::CONTENT_DISPOSITION, disposicion),
            ],
            Body::from(producto.bytes),
        )
            .into_response())
    })
    .await
}

/// A `Content-Disposition` for downloading `nombre` (RFC 6266): the name in UTF-8, percent-encoded
/// (`filename*`), and a plain ASCII fallback for old clients, so that no character of a file
/// name (quotes, line breaks, accents) can break the header.
fn disposicion(nombre: &str) -> String {
    let ascii: String = crate::suggest::fold(nombre)
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut codificado = String::new();
    for b in nombre.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            codificado.push(char::from(b));
        } else {
            codificado.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{codificado}")
}
