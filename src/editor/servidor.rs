//! The editor's local server: bound to 127.0.0.1 only, and still treated as a server.
//!
//! Every request must carry the secret token of the URL printed at start: the page's address
//! keeps it (`?t=…`, so that a reload works), the addresses of its styles and script modules carry
//! it in their path (`/recursos/<token>/…`), and every call to the API in a header. No cookie is set: a cookie would reach every
//! other service on 127.0.0.1 and be overwritten by a second editor on another port. A `Host`
//! other than `127.0.0.1:PORT` or `localhost:PORT` is refused, so a web page that rebinds its own
//! name to 127.0.0.1 cannot reach the editor; state-changing requests are POST with a CSRF header
//! that only the editor's own page knows (and a matching `Origin` when the browser sends one); no
//! CORS header is ever sent. The page, its script and its styles are embedded in the binary and a
//! Content-Security-Policy keeps them from loading anything from another host.
//!
//! Connections are served by hyper directly rather than through `axum::serve`, which sets no
//! timer: a client gets [`ESPERA_CABECERAS`] to send a request's headers (an idle kept-alive
//! connection too), at most [`MAX_CONEXIONES`] connections are served at once, and a failed
//! accept (no descriptors left) is waited out instead of ending the server.

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
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
            servir(listener, app, detenido).await;
        });
    });
    Ok(Servidor {
        url: format!("http://127.0.0.1:{}/?t={token}", addr.port()),
        addr,
        parar: Some(parar),
        hilo: Some(hilo),
    })
}

/// How long a client has to send the headers of a request, counted from the moment the server
/// waits for them (a new connection, or a kept-alive one between requests).
pub const ESPERA_CABECERAS: Duration = Duration::from_secs(5);

/// Connections served at once; more wait to be accepted. A browser opens a few.
pub const MAX_CONEXIONES: usize = 256;

/// Serves connections until `detenido` fires, then lets the requests in course finish (for at
/// most a few seconds).
async fn servir(
    listener: tokio::net::TcpListener,
    app: Router,
    detenido: tokio::sync::oneshot::Receiver<()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::service::TowerToHyperService;
    let cupos = Arc::new(tokio::sync::Semaphore::new(MAX_CONEXIONES));
    let cierre = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(detenido);
    loop {
        let permiso = tokio::select! {
            p = cupos.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            _ = &mut detenido => break,
        };
        let tcp = tokio::select! {
            r = listener.accept() => match r {
                Ok((tcp, _)) => tcp,
                Err(_) => {
                    // Out of descriptors, or a connection reset before it was accepted: wait a
                    // moment rather than spin, and go on serving.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut detenido => break,
        };
        let _ = tcp.set_nodelay(true);
        let conexion = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(ESPERA_CABECERAS)
            .serve_connection(TokioIo::new(tcp), TowerToHyperService::new(app.clone()));
        let conexion = cierre.watch(conexion);
        tokio::spawn(async move {
            let _ = conexion.await;
            drop(permiso);
        });
    }
    tokio::select! {
        () = cierre.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(5)) => {}
    }
}

fn rutas(estado: Arc<Estado>) -> Router {
    Router::new()
        .route("/", get(api::pagina))
        .route("/recursos/{token}/{nombre}", get(api::recurso))
        .route("/api/formato", get(api::formato))
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
        .route(
            "/api/seguimiento",
            get(api::seguimiento).post(api::nuevo_corte),
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

/// The token a request carries: in the API's header; in the address of the page (`/?t=…`);
/// in the path of its styles and script modules (`/recursos/<token>/main.js`), so that the
/// modules' relative imports carry it too.
fn token(req: &Request) -> Option<&str> {
    let get = req.method() == Method::GET;
    let ruta = req.uri().path();
    if get && let Some(resto) = ruta.strip_prefix("/recursos/") {
        return resto.split('/').next();
    }
    req.headers()
        .get("x-cantonal-clave")
        .and_then(|v| v.to_str().ok())
        .or_else(|| {
            req.uri()
                .query()
                .filter(|_| get && ruta == "/")?
                .split('&')
                .find_map(|par| par.strip_prefix("t="))
        })
}

/// The checks every request passes before it reaches a handler, and the headers of every
/// response.
async fn seguridad(State(estado): State<Arc<Estado>>, req: Request, next: Next) -> Response {
    let mut respuesta = match rechazo(&estado, &req) {
        Some(r) => r,
        None => next.run(req).await,
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
    if !token(req).is_some_and(|t| mismo_secreto(t, &estado.token)) {
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
