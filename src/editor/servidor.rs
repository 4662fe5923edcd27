//! The editor's local server: bound to 127.0.0.1 only, and still treated as a server.
//!
//! Every request must carry the secret token of the URL printed at start (the first visit turns
//! it into a cookie); a `Host` other than `127.0.0.1:PORT` or `localhost:PORT` is refused, so a
//! web page that rebinds its own name to 127.0.0.1 cannot reach the editor; state-changing
//! requests are POST with a CSRF header that only the editor's own page knows (and a matching
//! `Origin` when the browser sends one); no CORS header is ever sent. The page, its script and
//! its styles are embedded in the binary and a Content-Security-Policy keeps them from loading
//! anything from another host.

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::api::{self, Estado, Nuevo};

/// What the command line asks of the editor.
pub struct Config {
    /// The folder whose plans are edited; nothing outside it is reachable.
    pub carpeta: PathBuf,
    /// Port to listen on; 0 picks a free one.
    pub puerto: u16,
    /// How a new plan is made (the command line's `nuevo`).
    pub nuevo: Nuevo,
}

/// A running editor server.
pub struct Servidor {
    /// The address to open, with its secret token.
    pub url: String,
    /// Where it listens.
    pub addr: SocketAddr,
    parar: Option<tokio::sync::oneshot::Sender<()>>,
    hilo: Option<std::thread::JoinHandle<()>>,
}

impl Servidor {
    /// Stops the server and waits until it has finished the requests in course.
    pub fn detener(mut self) {
        self.parar_y_esperar();
    }

    fn parar_y_esperar(&mut self) {
        if let Some(parar) = self.parar.take() {
            let _ = parar.send(());
        }
        if let Some(hilo) = self.hilo.take() {
            let _ = hilo.join();
        }
    }
}

impl Drop for Servidor {
    fn drop(&mut self) {
        self.parar_y_esperar();
    }
}

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A random secret of 128 bits, in hex.
fn secreto() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|e| format!("no se pudo generar la clave de acceso: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Starts the server in a thread of its own and returns once it listens.
pub fn iniciar(config: Config) -> Result<Servidor, String> {
    let carpeta = config.carpeta.canonicalize().map_err(|e| {
        format!(
            "no se puede abrir la carpeta {}: {e}",
            config.carpeta.display()
        )
    })?;
    if !carpeta.is_dir() {
        return Err(format!("{} no es una carpeta", config.carpeta.display()));
    }
    let listener = TcpListener::bind(("127.0.0.1", config.puerto)).map_err(|e| {
        format!(
            "no se pudo escuchar en 127.0.0.1:{}: {e}. Pruebe otro puerto con --puerto.",
            config.puerto
        )
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("no se pudo saber el puerto: {e}"))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("no se pudo preparar el servidor: {e}"))?;
    let token = secreto()?;
    let estado = Arc::new(Estado::new(
        carpeta,
        token.clone(),
        secreto()?,
        addr.port(),
        config.nuevo,
    ));
    let app = rutas(estado);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| format!("no se pudo iniciar el servidor: {e}"))?;
    let (parar, detenido) = tokio::sync::oneshot::channel::<()>();
    let hilo = std::thread::spawn(move || {
        runtime.block_on(async move {
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                return;
            };
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = detenido.await;
                })
                .await;
        });
    });
    Ok(Servidor {
        url: format!("http://127.0.0.1:{}/?t={token}", addr.port()),
        addr,
        parar: Some(parar),
        hilo: Some(hilo),
    })
}

fn rutas(estado: Arc<Estado>) -> Router {
    Router::new()
        .route("/", get(api::pagina))
        .route("/recursos/{nombre}", get(api::recurso))
        .route("/api/planes", get(api::planes))
        .route("/api/cantones", get(api::cantones))
        .route("/api/nuevo", post(api::nuevo))
        .route("/api/plan", get(api::plan))
        .route("/api/validar", post(api::validar))
        .route("/api/vista", post(api::vista))
        .route("/api/guardar", post(api::guardar))
        .route("/api/descargar", post(api::descargar))
        .route(
            "/api/observaciones",
            get(api::observaciones).post(api::observar),
        )
        .fallback(|| async { api::error(StatusCode::NOT_FOUND, "No existe esa dirección.") })
        .layer(middleware::from_fn_with_state(estado.clone(), seguridad))
        .layer(DefaultBodyLimit::max(16 * 1024 * 1024))
        .with_state(estado)
}

/// Constant-time comparison of secrets.
fn mismo_secreto(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

fn cookie_token(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("cantonal="))
}

fn query_token(req: &Request) -> Option<String> {
    req.uri()
        .query()?
        .split('&')
        .find_map(|par| par.strip_prefix("t=").map(str::to_owned))
}

/// The checks every request passes before it reaches a handler, and the headers of every
/// response.
async fn seguridad(State(estado): State<Arc<Estado>>, req: Request, next: Next) -> Response {
    let mut respuesta = match rechazo(&estado, &req) {
        Some(r) => r,
        None => {
            let desde_url = query_token(&req).is_some_and(|t| mismo_secreto(&t, &estado.token));
            let mut r = next.run(req).await;
            if desde_url {
                let cookie = format!(
                    "cantonal={}; Path=/; HttpOnly; SameSite=Strict",
                    estado.token
                );
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    r.headers_mut().insert(header::SET_COOKIE, v);
                }
            }
            r
        }
    };
    let h = respuesta.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    respuesta
}

/// Why a request is refused, if it is.
fn rechazo(estado: &Estado, req: &Request) -> Option<Response> {
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| estado.hosts.iter().any(|x| x == h)) {
        return Some(api::error(
            StatusCode::MISDIRECTED_REQUEST,
            "Este servidor solo atiende a 127.0.0.1 o localhost con su puerto.",
        ));
    }
    let token_ok = cookie_token(headers).is_some_and(|t| mismo_secreto(t, &estado.token))
        || (req.method() == Method::GET
            && req.uri().path() == "/"
            && query_token(req).is_some_and(|t| mismo_secreto(&t, &estado.token)));
    if !token_ok {
        return Some(api::error(
            StatusCode::FORBIDDEN,
            "Falta la clave de acceso. Abra la dirección completa que mostró `cantonal editar` (con ?t=…).",
        ));
    }
    match *req.method() {
        Method::GET => None,
        Method::POST => {
            let csrf = headers.get("x-cantonal-csrf").and_then(|v| v.to_str().ok());
            let origen_ok = headers
                .get(header::ORIGIN)
                .and_then(|o| o.to_str().ok())
                .is_none_or(|o| estado.hosts.iter().any(|h| o == format!("http://{h}")));
            let sitio_ok = headers
                .get("sec-fetch-site")
                .and_then(|o| o.to_str().ok())
                .is_none_or(|s| s == "same-origin");
            if csrf.is_some_and(|c| mismo_secreto(c, &estado.csrf)) && origen_ok && sitio_ok {
                None
            } else {
                Some(api::error(
                    StatusCode::FORBIDDEN,
                    "Petición rechazada: solo la página del editor puede hacer cambios.",
                ))
            }
        }
        _ => Some(
            (
                StatusCode::METHOD_NOT_ALLOWED,
                [(header::ALLOW, "GET, POST")],
                Body::from("Método no admitido."),
            )
                .into_response(),
        ),
    }
}
