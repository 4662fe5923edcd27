//! The editor's JSON API over the library: the plans of the folder, one plan with its
//! diagnostics and catalogues, validation and preview of the edited data, safe saving, a new
//! plan, downloads and the adviser's observations. Every file name that arrives is checked to
//! stay inside the opened folder ([`Estado::archivo`]).

use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use rustc_hash::FxHasher;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{bloquear, vista};
use crate::catalogos::editor_schema;
use crate::escritura::write_atomic;
use crate::lectura::{motivo, read_limited};
use crate::plan::observaciones::{self, archivo_de};
use crate::plan::observar::{Cambio, ErrorCambio};
use crate::plan::yaml_edit::{self, ErrorEdicion};
use crate::reference::dpa::CantonDpa;
use crate::reference::nacional::{Item, Referencia};
use crate::rules::Opciones;
use crate::rules::pendientes::PENDIENTE;
use crate::validacion::{SinProducto, Validado, validar_texto};

const INDEX: &str = include_str!("recursos/index.html");
const JS: &str = include_str!("recursos/editor.js");
const CSS: &str = include_str!("recursos/editor.css");

/// How a new plan is made: the canton search and starter text of `cantonal nuevo`.
#[derive(Clone, Copy)]
pub struct Nuevo {
    /// Finds a canton by INEC code or name (accent-insensitive); the error lists the choices.
    pub buscar: fn(&str) -> Result<&'static CantonDpa, String>,
    /// The starter plan of a canton.
    pub texto: fn(&CantonDpa, &Referencia, NaiveDate) -> String,
    /// The file-name form of a canton name.
    pub archivo: fn(&str) -> String,
}

/// A text the page has opened or saved, as it is on disk (byte order mark and line endings
/// included): what its edits apply to.
struct Base {
    texto: Arc<String>,
}

/// The server's state.
pub struct Estado {
    carpeta: PathBuf,
    pub(super) token: String,
    pub(super) csrf: String,
    pub(super) hosts: [String; 2],
    nuevo: Nuevo,
    bases: Mutex<Bases>,
    escritura: Mutex<()>,
}

/// The texts by version, and their order of arrival (to forget the oldest).
type Bases = (HashMap<String, Arc<Base>>, VecDeque<String>);

/// Texts remembered by version: enough for a few tabs and the versions in flight.
const BASES: usize = 64;

fn version(bytes: &[u8]) -> String {
    let mut h = FxHasher::default();
    bytes.hash(&mut h);
    format!("{:016x}-{}", h.finish(), bytes.len())
}

/// A JSON response.
fn responder(status: StatusCode, valor: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        serde_json::to_string(valor).unwrap_or_default(),
    )
        .into_response()
}

fn ok(valor: Value) -> Response {
    responder(StatusCode::OK, &valor)
}

/// An error response with a Spanish message.
pub fn error(status: StatusCode, mensaje: &str) -> Response {
    responder(status, &json!({ "mensaje": mensaje }))
}

/// A refused request: its status and the JSON that says why.
pub struct Rechazo(StatusCode, Value);

impl IntoResponse for Rechazo {
    fn into_response(self) -> Response {
        responder(self.0, &self.1)
    }
}

type Resultado = Result<Response, Rechazo>;

fn falla(status: StatusCode, mensaje: impl AsRef<str>) -> Rechazo {
    Rechazo(status, json!({ "mensaje": mensaje.as_ref() }))
}

impl Estado {
    pub(super) fn new(
        carpeta: PathBuf,
        token: String,
        csrf: String,
        puerto: u16,
        nuevo: Nuevo,
    ) -> Self {
        Estado {
            carpeta,
            token,
            csrf,
            hosts: [format!("127.0.0.1:{puerto}"), format!("localhost:{puerto}")],
            nuevo,
            bases: Mutex::new((HashMap::new(), VecDeque::new())),
            escritura: Mutex::new(()),
        }
    }

    /// The file named `nombre` inside the folder: a relative path to a `.yaml` file with no
    /// `..`, no absolute or drive part, no backslash, and (when it exists) no symlink leading
    /// out of the folder.
    fn archivo(&self, nombre: &str, debe_existir: bool) -> Result<PathBuf, Rechazo> {
        let rechazo = || {
            falla(
                StatusCode::FORBIDDEN,
                format!(
                    "archivo no permitido: «{nombre}». Solo se abren archivos .yaml de la carpeta del editor."
                ),
            )
        };
        let relativo = Path::new(nombre);
        if nombre.is_empty()
            || nombre.contains(['\\', '\0', ':', '%'])
            || !nombre.ends_with(".yaml")
            || !relativo
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            return Err(rechazo());
        }
        let ruta = self.carpeta.join(relativo);
        match ruta.canonicalize() {
            Ok(real) if real.starts_with(&self.carpeta) && real.is_file() => Ok(real),
            Ok(_) => Err(rechazo()),
            Err(_) if debe_existir => Err(falla(
                StatusCode::NOT_FOUND,
                format!("no existe el archivo {nombre} en la carpeta del editor"),
            )),
            Err(_) => {
                // A new file: its folder must be inside, and nothing (not even a dangling
                // symlink) may be there already.
                let padre = ruta.parent().and_then(|p| p.canonicalize().ok());
                match padre {
                    Some(p) if p.starts_with(&self.carpeta) && ruta.symlink_metadata().is_err() => {
                        Ok(ruta)
                    }
                    _ => Err(rechazo()),
                }
            }
        }
    }

    fn nombre(&self, archivo: &Path) -> String {
        archivo
            .strip_prefix(&self.carpeta)
            .unwrap_or(archivo)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// Reads a file and remembers its text by version. A file that cannot be read whole is
    /// refused: an edit is never applied to part of a file.
    fn leer(&self, archivo: &Path) -> Result<(String, Arc<Base>), Rechazo> {
        let bytes = read_limited(archivo).map_err(|e| {
            let status = if e.kind() == std::io::ErrorKind::FileTooLarge {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::NOT_FOUND
            };
            falla(
                status,
                format!(
                    "No se puede abrir {} en el editor: {}. Revíselo con `cantonal validar`.",
                    self.nombre(archivo),
                    motivo(&e)
                ),
            )
        })?;
        let texto = String::from_utf8(bytes).map_err(|_| {
            falla(
                StatusCode::UNPROCESSABLE_ENTITY,
                format!(
                    "{} no está en UTF-8: ábralo con `cantonal validar` para ver cómo corregirlo",
                    self.nombre(archivo)
                ),
            )
        })?;
        let v = version(texto.as_bytes());
        let base = Arc::new(Base {
            texto: Arc::new(texto),
        });
        self.recordar(&v, base.clone());
        Ok((v, base))
    }

    fn recordar(&self, v: &str, base: Arc<Base>) {
        let mut bases = bloquear(&self.bases);
        if bases.0.insert(v.to_owned(), base).is_none() {
            bases.1.push_back(v.to_owned());
        }
        while bases.1.len() > BASES {
            if let Some(viejo) = bases.1.pop_front() {
                bases.0.remove(&viejo);
            }
        }
    }

    fn base(&self, v: &str) -> Result<Arc<Base>, Rechazo> {
        bloquear(&self.bases).0.get(v).cloned().ok_or_else(|| {
            falla(
                StatusCode::CONFLICT,
                "el editor ya no recuerda la versión del archivo con la que trabaja esta página; recargue el plan",
            )
        })
    }
}

/// What the page sends with every edit: the file, the version its edits start from, and the
/// plan as it is now on the page.
#[derive(Deserialize)]
struct Edicion {
    archivo: String,
    version: String,
    valor: Value,
    #[serde(default)]
    tengo: Vec<String>,
    #[serde(default)]
    formato: Option<String>,
}

/// The body of a request. What a parser says of a malformed body is for programmers, in
/// English: the page gets what to do instead.
fn cuerpo<T: for<'de> Deserialize<'de>>(bytes: &Bytes) -> Result<T, Rechazo> {
    serde_json::from_slice(bytes).map_err(|_| {
        falla(
            StatusCode::BAD_REQUEST,
            "El editor no entendió lo que envió la página. Recargue la página: lo que escribió sigue en la copia de recuperación del navegador.",
        )
    })
}

fn mensaje_edicion(e: ErrorEdicion) -> Rechazo {
    falla(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
}

/// The edited text of a plan and its validation.
struct Editado {
    archivo: PathBuf,
    guardado: yaml_edit::Guardado,
    validado: Validado,
}

fn editar(estado: &Estado, e: &Edicion) -> Result<Editado, Rechazo> {
    let archivo = estado.archivo(&e.archivo, true)?;
    let base = estado.base(&e.version)?;
    let guardado = yaml_edit::guardar(&base.texto, &e.valor).map_err(mensaje_edicion)?;
    let validado = validar_texto(&archivo, &guardado.texto, Opciones::default());
    Ok(Editado {
        archivo,
        guardado,
        validado,
    })
}

async fn bloqueante<F>(f: F) -> Response
where
    F: FnOnce() -> Resultado + Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(r)) => r,
        Ok(Err(r)) => r.into_response(),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "El editor no pudo atender esta petición (error interno); no se guardó nada. Vuelva a intentarlo; si se repite, guarde una copia del plan y avise a quien mantiene el programa.",
        ),
    }
}

/// `GET /`: the page, with the secrets its requests carry: the access token (also in the
/// addresses of its script and styles) and the CSRF secret.
pub async fn pagina(State(estado): State<Arc<Estado>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        INDEX
            .replace("{{CSRF}}", &estado.csrf)
            .replace("{{TOKEN}}", &estado.token),
    )
        .into_response()
}

/// `GET /recursos/{nombre}`: the embedded script and styles.
pub async fn recurso(axum::extract::Path(nombre): axum::extract::Path<String>) -> Response {
    let (tipo, texto) = match nombre.as_str() {
        "editor.js" => ("text/javascript; charset=utf-8", JS),
        "editor.css" => ("text/css; charset=utf-8", CSS),
        _ => return error(StatusCode::NOT_FOUND, "No existe ese recurso."),
    };
    ([(header::CONTENT_TYPE, tipo)], texto).into_response()
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
                let cuenta = |s: crate::diagnostics::Severidad| {
                    v.diagnostics.iter().filter(|d| d.severidad == s).count()
                };
                json!({
                    "archivo": estado.nombre(a),
                    "canton": v.canton(),
                    "estado": v.loaded.valor.get("estado"),
                    "errores": cuenta(crate::diagnostics::Severidad::Error),
                    "advertencias": cuenta(crate::diagnostics::Severidad::Advertencia),
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

/// The national catalogues the pickers offer, with their Spanish names.
fn catalogos(r: &Referencia) -> Value {
    fn lista<T: Item>(valores: &[T]) -> Value {
        valores
            .iter()
            .map(|v| json!({ "id": v.id(), "nombre": v.nombre() }))
            .collect()
    }
    json!({
        "ejes": lista(&r.ejes.valores),
        "fines": lista(&r.fines_explotacion.valores),
        "poblaciones": lista(&r.poblaciones.valores),
        "poblaciones_ruta": lista(&r.poblaciones_ruta.valores),
        "tipos_actor": lista(&r.tipos_actor.valores),
        "etapas": r.etapas_ruta.valores.iter().map(|e| json!({
            "id": e.id, "nombre": e.nombre, "obligatoria": e.obligatoria
        })).collect::<Vec<_>>(),
        "instituciones": lista(&r.instituciones.valores),
    })
}

/// `GET /api/plan?archivo=`: a plan as the page edits it.
pub async fn plan(
    State(estado): State<Arc<Estado>>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    bloqueante(move || {
        let nombre = q.get("archivo").cloned().unwrap_or_default();
        let archivo = estado.archivo(&nombre, true)?;
        let (version, base) = estado.leer(&archivo)?;
        let valor = yaml_edit::leer(&base.texto).map_err(mensaje_edicion)?;
        let v = validar_texto(&archivo, &base.texto, Opciones::default());
        let referencia = v.referencia().unwrap_or(Referencia::pacta());
        Ok(ok(json!({
            "archivo": estado.nombre(&archivo),
            "version": version,
            "valor": valor,
            "diagnosticos": v.diagnostics,
            "catalogos": catalogos(referencia),
            "esquema": editor_schema(referencia),
            "pendiente": PENDIENTE,
        })))
    })
    .await
}

/// `POST /api/validar`: the diagnostics of the edited plan, as `validar` gives them.
pub async fn validar(State(estado): State<Arc<Estado>>, bytes: Bytes) -> Response {
    bloqueante(move || {
        let inicio = Instant::now();
        let e: Edicion = cuerpo(&bytes)?;
        let editado = editar(&estado, &e)?;
        Ok(ok(json!({
            "diagnosticos": editado.validado.diagnostics,
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
            Ok(paginas) => {
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
                json!({ "paginas": paginas, "ms": inicio.elapsed().as_secs_f64() * 1000.0 })
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
            "diagnosticos": editado.validado.diagnostics,
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
        let stem = editado.archivo.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let disposicion = disposicion(&format!("{stem}.{}", formato.extension()));
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

/// The observations beside a plan, as the page shows them.
fn lista_observaciones(obs: &observaciones::Observaciones) -> Value {
    json!({
        "existe": true,
        "revisor": obs.revisor,
        "fecha": obs.fecha,
        "observaciones": obs.observaciones,
    })
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
            Some(o) => Ok(ok(lista_observaciones(&o))),
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
            ("agregar", _) => Cambio::Agregar {
                ruta: o.ruta.unwrap_or_default(),
                texto: o.texto.unwrap_or_default(),
            },
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
        let leido = crate::plan::load::load_file::<crate::plan::model::Plan>(&plan);
        let valores = (!leido.valor.is_null()).then_some(&leido.valor);
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
        Ok(ok(lista_observaciones(&obs)))
    })
    .await
}
