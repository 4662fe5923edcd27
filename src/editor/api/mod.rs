//! The editor's JSON API over the library: the page and its modules, the catalogue of fields
//! its forms are built from, the plans of the folder and a new one ([`inicio`]), one plan with
//! its diagnostics, validation and preview of the edited data, safe saving and downloads
//! ([`plan`]), a plan's monitoring file and its new cuts ([`cortes`]; once open, a
//! monitoring file is edited, checked, previewed and saved like a plan, through the same
//! calls), and the adviser's observations ([`observaciones`]). Every file name that arrives is
//! checked to stay inside the opened folder ([`Estado::archivo`]); every answer that goes wrong
//! says in Spanish what to do.

mod cortes;
mod inicio;
mod observaciones;
mod plan;

pub use cortes::{nuevo_corte, seguimiento};
pub use inicio::{cantones, formato, nuevo, planes};
pub use observaciones::{observaciones, observar};
pub use plan::{descargar, guardar, plan, validar, vista};

use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use rustc_hash::FxHasher;
use serde::Deserialize;
use serde_json::{Value, json};

use super::bloquear;
use super::lugares::{Contexto, Resumen, resumir};
use crate::lectura::{motivo, read_limited};
use crate::plan::campos::FORMA_SEGUIMIENTO;
use crate::plan::seguimiento;
use crate::plan::yaml_edit::{self, ErrorEdicion};
use crate::reference::dpa::CantonDpa;
use crate::reference::nacional::Referencia;
use crate::rules::Opciones;
use crate::validacion::{Validado, validar_texto};

const INDEX: &str = include_str!("../recursos/index.html");

/// The page's styles and script modules, embedded: (name, media type, text). The modules import
/// each other by relative address, under `/recursos/<token>/`.
const RECURSOS: &[(&str, &str, &str)] = &[
    (
        "editor.css",
        "text/css; charset=utf-8",
        include_str!("../recursos/editor.css"),
    ),
    ("main.js", JS, include_str!("../recursos/main.js")),
    ("api.js", JS, include_str!("../recursos/api.js")),
    ("estado.js", JS, include_str!("../recursos/estado.js")),
    ("dom.js", JS, include_str!("../recursos/dom.js")),
    ("numeros.js", JS, include_str!("../recursos/numeros.js")),
    ("controles.js", JS, include_str!("../recursos/controles.js")),
    (
        "formulario.js",
        JS,
        include_str!("../recursos/formulario.js"),
    ),
    (
        "diagnosticos.js",
        JS,
        include_str!("../recursos/diagnosticos.js"),
    ),
    ("vista.js", JS, include_str!("../recursos/vista.js")),
    (
        "observaciones.js",
        JS,
        include_str!("../recursos/observaciones.js"),
    ),
    ("inicio.js", JS, include_str!("../recursos/inicio.js")),
    ("dialogo.js", JS, include_str!("../recursos/dialogo.js")),
    ("copia.js", JS, include_str!("../recursos/copia.js")),
    (
        "seguimiento.js",
        JS,
        include_str!("../recursos/seguimiento.js"),
    ),
];

const JS: &str = "text/javascript; charset=utf-8";

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
pub(super) struct Base {
    pub(super) texto: Arc<String>,
}

/// The server's state.
pub struct Estado {
    pub(super) carpeta: PathBuf,
    pub(super) token: String,
    pub(super) csrf: String,
    pub(super) hosts: [String; 2],
    pub(super) nuevo: Nuevo,
    bases: Mutex<Bases>,
    pub(super) escritura: Mutex<()>,
}

/// The texts by version, and their order of arrival (to forget the oldest).
type Bases = (HashMap<String, Arc<Base>>, VecDeque<String>);

/// Texts remembered by version: enough for a few tabs and the versions in flight.
const BASES: usize = 64;

pub(super) fn version(bytes: &[u8]) -> String {
    let mut h = FxHasher::default();
    bytes.hash(&mut h);
    format!("{:016x}-{}", h.finish(), bytes.len())
}

/// A JSON response.
pub(super) fn responder(status: StatusCode, valor: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        serde_json::to_string(valor).unwrap_or_default(),
    )
        .into_response()
}

pub(super) fn ok(valor: Value) -> Response {
    responder(StatusCode::OK, &valor)
}

/// An error response with a Spanish message.
pub fn error(status: StatusCode, mensaje: &str) -> Response {
    responder(status, &json!({ "mensaje": mensaje }))
}

/// A refused request: its status and the JSON that says why.
pub struct Rechazo(pub(super) StatusCode, pub(super) Value);

impl IntoResponse for Rechazo {
    fn into_response(self) -> Response {
        responder(self.0, &self.1)
    }
}

pub(super) type Resultado = Result<Response, Rechazo>;

pub(super) fn falla(status: StatusCode, mensaje: impl AsRef<str>) -> Rechazo {
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
    pub(super) fn archivo(&self, nombre: &str, debe_existir: bool) -> Result<PathBuf, Rechazo> {
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

    pub(super) fn nombre(&self, archivo: &Path) -> String {
        archivo
            .strip_prefix(&self.carpeta)
            .unwrap_or(archivo)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// Reads a file and remembers its text by version. A file that cannot be read whole is
    /// refused: an edit is never applied to part of a file.
    pub(super) fn leer(&self, archivo: &Path) -> Result<(String, Arc<Base>), Rechazo> {
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
pub(super) struct Edicion {
    pub(super) archivo: String,
    pub(super) version: String,
    pub(super) valor: Value,
    #[serde(default)]
    pub(super) tengo: Vec<String>,
    #[serde(default)]
    pub(super) formato: Option<String>,
}

/// The body of a request. What a parser says of a malformed body is for programmers, in
/// English: the page gets what to do instead.
pub(super) fn cuerpo<T: for<'de> Deserialize<'de>>(bytes: &Bytes) -> Result<T, Rechazo> {
    serde_json::from_slice(bytes).map_err(|_| {
        falla(
            StatusCode::BAD_REQUEST,
            "El editor no entendió lo que envió la página. Recargue la página: lo que escribió sigue en la copia de recuperación del navegador.",
        )
    })
}

pub(super) fn mensaje_edicion(e: ErrorEdicion) -> Rechazo {
    falla(StatusCode::UNPROCESSABLE_ENTITY, e.to_string())
}

/// The edited text of a plan and its validation.
pub(super) struct Editado {
    pub(super) archivo: PathBuf,
    pub(super) guardado: yaml_edit::Guardado,
    pub(super) validado: Validado,
}

pub(super) fn editar(estado: &Estado, e: &Edicion) -> Result<Editado, Rechazo> {
    let archivo = estado.archivo(&e.archivo, true)?;
    let base = estado.base(&e.version)?;
    let guardado = yaml_edit::guardar(&base.texto, &e.valor).map_err(mensaje_edicion)?;
    let validado = comprobar(estado, &archivo, &guardado.texto)?;
    Ok(Editado {
        archivo,
        guardado,
        validado,
    })
}

/// A file the editor edits, from its text as the page holds it, checked: a plan with every
/// rule; a plan's monitoring file against its plan as it is on disk (the M rules), so that the
/// page shows what `cantonal validar` would say of it.
pub(super) fn comprobar(estado: &Estado, archivo: &Path, texto: &str) -> Result<Validado, Rechazo> {
    if !seguimiento::es_archivo(archivo) {
        return Ok(validar_texto(archivo, texto, Opciones::default()));
    }
    let plan = seguimiento::plan_de(archivo)
        .filter(|p| p.is_file())
        .ok_or_else(|| {
            falla(
                StatusCode::NOT_FOUND,
                format!(
                    "No está el plan que sigue {}: un seguimiento va junto a su plan, en la misma carpeta y con el mismo nombre (ibarra.yaml e ibarra.seguimiento.yaml).",
                    estado.nombre(archivo)
                ),
            )
        })?;
    let plan = estado.archivo(&estado.nombre(&plan), true)?;
    Ok(
        crate::validar(&plan, Opciones::default()).con_seguimiento_texto(
            archivo,
            texto,
            Opciones::default(),
        ),
    )
}

/// The diagnostics of a checked file for the page: a plan's, or its monitoring file's (whose
/// references name the plan's actions).
pub(super) fn resumen(v: &Validado) -> Resumen {
    let r = v.referencia().unwrap_or(Referencia::pacta());
    match &v.seguimiento {
        Some(e) => resumir(
            &e.diagnostics,
            Contexto {
                forma: &FORMA_SEGUIMIENTO,
                valor: &e.loaded.valor,
                listas: &v.loaded.valor,
                r,
            },
        ),
        None => resumir(&v.diagnostics, Contexto::plan(&v.loaded.valor, r)),
    }
}

pub(super) async fn bloqueante<F>(f: F) -> Response
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

/// `GET /recursos/{token}/{nombre}`: the embedded styles and script modules (the token was
/// checked with every request's).
pub async fn recurso(
    axum::extract::Path((_, nombre)): axum::extract::Path<(String, String)>,
) -> Response {
    match RECURSOS.iter().find(|(n, ..)| *n == nombre) {
        Some((_, tipo, texto)) => ([(header::CONTENT_TYPE, *tipo)], *texto).into_response(),
        None => error(StatusCode::NOT_FOUND, "No existe ese recurso."),
    }
}
