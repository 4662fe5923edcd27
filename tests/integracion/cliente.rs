//! An HTTP client of the editor's server as its page is one: the page's credentials (the key
//! in the address and the CSRF secret in the page), raw requests (the tests need bad hosts and
//! odd paths), and the diagnostics of an answer. Used by the editor's API tests and by the
//! hardening tests.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

use cantonal::editor::api::Nuevo;
use cantonal::editor::servidor::{Config, Servidor, iniciar};
use serde_json::Value;

pub(crate) fn servidor(carpeta: &Path) -> Servidor {
    iniciar(Config {
        carpeta: carpeta.to_path_buf(),
        puerto: 0,
        nuevo: Nuevo {
            buscar: cantonal::nuevo::buscar_canton,
            texto: cantonal::nuevo::plan_inicial,
            archivo: cantonal::nuevo::slug,
        },
    })
    .unwrap()
}

/// A folder with a copy of the example plans (and their national reference).
pub(crate) fn carpeta_con_ejemplos() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for p in ["ibarra.yaml", "otavalo.yaml", "otavalo.observaciones.yaml"] {
        std::fs::copy(Path::new("plans").join(p), dir.path().join(p)).unwrap();
    }
    dir
}

pub(crate) struct Respuesta {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
}

impl Respuesta {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }
}

/// The editor's credentials as its page has them.
pub(crate) struct Cliente {
    pub(crate) port: u16,
    pub(crate) token: String,
    pub(crate) csrf: String,
}

/// Sends one raw HTTP/1.1 request (exact bytes: the tests need bad hosts and odd paths).
pub(crate) fn crudo(port: u16, request: &str, body: &[u8]) -> Respuesta {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    s.write_all(body).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let fin = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let cabeza = String::from_utf8_lossy(&raw[..fin]).into_owned();
    let mut lineas = cabeza.split("\r\n");
    let status = lineas
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lineas
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let mut body = raw[fin + 4..].to_vec();
    if headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v == "chunked")
    {
        body = dechunk(&body);
    }
    Respuesta {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let nl = b.windows(2).position(|w| w == b"\r\n").unwrap();
        let n = usize::from_str_radix(std::str::from_utf8(&b[..nl]).unwrap().trim(), 16).unwrap();
        if n == 0 {
            return out;
        }
        out.extend_from_slice(&b[nl + 2..nl + 2 + n]);
        b = &b[nl + 4 + n..];
    }
}

impl Cliente {
    pub(crate) fn new(s: &Servidor) -> Cliente {
        let token = s.url.split("?t=").nth(1).unwrap();
        Cliente::conectar(s.addr.port(), token)
    }

    /// The client of the editor at `port` with key `token`, as the page gives it: the page
    /// loads its modules under the key and carries the CSRF secret.
    pub(crate) fn conectar(port: u16, token: &str) -> Cliente {
        let token = token.to_owned();
        let pagina = crudo(
            port,
            &format!(
                "GET /?t={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
            ),
            b"",
        );
        assert_eq!(pagina.status, 200);
        // No cookie: it would reach every other service of 127.0.0.1 and be overwritten by a
        // second editor.
        assert!(pagina.header("set-cookie").is_none());
        let html = String::from_utf8(pagina.body).unwrap();
        assert!(html.contains(&format!("/recursos/{token}/main.js")));
        let csrf = html
            .split("name=\"csrf\" content=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        Cliente { port, token, csrf }
    }

    pub(crate) fn get(&self, path: &str) -> Respuesta {
        crudo(
            self.port,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Cantonal-Clave: {}\r\nConnection: close\r\n\r\n",
                self.port, self.token
            ),
            b"",
        )
    }

    pub(crate) fn post(&self, path: &str, body: &Value) -> Respuesta {
        let body = serde_json::to_vec(body).unwrap();
        crudo(
            self.port,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: localhost:{}\r\nX-Cantonal-Clave: {}\r\nX-Cantonal-CSRF: {}\r\nOrigin: http://localhost:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                self.port,
                self.token,
                self.csrf,
                self.port,
                body.len()
            ),
            &body,
        )
    }

    pub(crate) fn plan(&self, archivo: &str) -> Value {
        let r = self.get(&format!("/api/plan?archivo={archivo}"));
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        r.json()
    }
}

/// The diagnostics of an answer of the editor's API, as the page gets them.
pub(crate) fn avisos(respuesta: &Value) -> Vec<Value> {
    respuesta["resumen"]["avisos"]
        .as_array()
        .unwrap_or_else(|| panic!("no diagnostics in {respuesta}"))
        .clone()
}
