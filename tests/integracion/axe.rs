//! axe-core, the accessibility checker, run in a real headless Chromium on any page: a generated
//! HTML file (`file://`) or a page served by the program (`http://127.0.0.1:…`).
//!
//! [`violaciones`] opens the page in its own browser; [`violaciones_con`] runs axe in a page that
//! another DevTools client already drives (after clicks, for instance), given how to evaluate
//! JavaScript there. Both run the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA ([`NORMAS`])
//! and return the violations; a test asserts that there are none and prints [`describir`] when
//! there are.
//!
//! axe-core is an npm package pinned by `.ci/run` (`AXE_CORE` there), installed in the ignored
//! folder `.herramientas/` of the clone; like every client of the tests, when it or Chromium is
//! missing the test fails in CI and is skipped, saying so, elsewhere
//! ([`common::herramienta`]). It is injected through the DevTools protocol, which the page's
//! content security policy (`default-src 'none'`) does not govern, so the page is checked as it
//! is published.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket, stream::MaybeTlsStream};

/// The axe-core tags run: WCAG 2.0, 2.1 and 2.2, levels A and AA.
pub const NORMAS: &[&str] = &["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// A rule of axe that the page breaks, with the elements that break it.
#[derive(Debug, Clone)]
pub struct Violacion {
    /// The rule's id (`color-contrast`, `image-alt`…).
    pub regla: String,
    /// `minor`, `moderate`, `serious` or `critical`.
    pub impacto: String,
    /// What the rule asks, in axe's words.
    pub ayuda: String,
    /// Each element that breaks it: its CSS selector and axe's explanation.
    pub nodos: Vec<(String, String)>,
}

/// The violations as lines a person can act on: rule, impact, and each element with why.
pub fn describir(violaciones: &[Violacion]) -> String {
    let mut out = String::new();
    for v in violaciones {
        out.push_str(&format!("{} ({}): {}\n", v.regla, v.impacto, v.ayuda));
        for (selector, por_que) in &v.nodos {
            out.push_str(&format!("  {selector}: {}\n", por_que.replace('\n', " ")));
        }
    }
    out
}

/// The file of axe-core, as `.ci/run` installs it.
fn archivo_axe() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".herramientas/node_modules/axe-core/axe.min.js")
}

/// axe-core's source, or `None` (said) when it is not installed outside CI.
fn fuente_axe() -> Option<String> {
    match std::fs::read_to_string(archivo_axe()) {
        Ok(s) => Some(s),
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "axe-core must be installed in CI: .ci/run installs it in .herramientas/"
            );
            eprintln!(
                "axe-core no está instalado: se omite esta prueba (bash .ci/run lo instala en .herramientas/)"
            );
            None
        }
    }
}

/// The violations of the page at `url`, opened in a headless Chromium of its own; `None` when
/// Chromium or axe-core is missing outside CI.
pub fn violaciones(url: &str) -> Option<Vec<Violacion>> {
    if !common::herramienta("chromium", "chromium") {
        return None;
    }
    let mut n = Navegador::abrir(url);
    n.esperar_carga();
    violaciones_con(&mut |js| n.js(js))
}

/// The violations of the page that `evaluar` runs JavaScript in (awaiting promises and returning
/// the value, as DevTools' `Runtime.evaluate` with `awaitPromise` and `returnByValue`); `None`
/// when axe-core is missing outside CI.
pub fn violaciones_con(evaluar: &mut dyn FnMut(&str) -> Value) -> Option<Vec<Violacion>> {
    let axe = fuente_axe()?;
    Some(correr(&axe, evaluar))
}

fn correr(axe: &str, evaluar: &mut dyn FnMut(&str) -> Value) -> Vec<Violacion> {
    evaluar(&format!("{axe};true"));
    let opciones = json!({
        "runOnly": {"type": "tag", "values": NORMAS},
        "resultTypes": ["violations"],
    });
    let r = evaluar(&format!(
        "axe.run(document, {opciones}).then(r => r.violations.map(v => ({{regla: v.id, impacto: v.impact, ayuda: v.help, nodos: v.nodes.map(n => [n.target.join(' '), n.failureSummary || ''])}})))"
    ));
    r.as_array()
        .unwrap_or_else(|| panic!("axe did not run: {r}"))
        .iter()
        .map(|v| Violacion {
            regla: v["regla"].as_str().unwrap_or_default().to_owned(),
            impacto: v["impacto"].as_str().unwrap_or_default().to_owned(),
            ayuda: v["ayuda"].as_str().unwrap_or_default().to_owned(),
            nodos: v["nodos"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|n| {
                    (
                        n[0].as_str().unwrap_or_default().to_owned(),
                        n[1].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect(),
        })
        .collect()
}

/// A headless Chromium on one page, driven through the DevTools protocol (over `tungstenite`:
/// two methods are all this needs).
struct Navegador {
    proceso: Child,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    id: u64,
    _perfil: tempfile::TempDir,
}

impl Drop for Navegador {
    fn drop(&mut self) {
        let _ = self.proceso.kill();
        let _ = self.proceso.wait();
    }
}

impl Navegador {
    fn abrir(url: &str) -> Navegador {
        let perfil = tempfile::tempdir().unwrap();
        let mut proceso = Command::new("chromium")
            .args(common::CHROMIUM)
            .args(["--remote-debugging-port=0", "--window-size=1280,1000"])
            .arg(format!("--user-data-dir={}", perfil.path().display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(proceso.stderr.take().unwrap());
        let mut puerto = None;
        let mut linea = String::new();
        while puerto.is_none() && err.read_line(&mut linea).unwrap() > 0 {
            if let Some(resto) = linea
                .trim()
                .strip_prefix("DevTools listening on ws://127.0.0.1:")
            {
                puerto = resto.split('/').next().and_then(|p| p.parse::<u16>().ok());
            }
            linea.clear();
        }
        // Chromium's messages are read on, so that it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        let puerto = puerto.expect("Chromium did not start its DevTools server");
        let inicio = Instant::now();
        let ws_url = loop {
            let lista: Value =
                serde_json::from_str(&http_get(puerto, "/json/list")).unwrap_or(json!([]));
            if let Some(u) = lista
                .as_array()
                .and_then(|l| l.iter().find(|t| t["type"] == "page"))
                .and_then(|t| t["webSocketDebuggerUrl"].as_str())
            {
                break u.to_owned();
            }
            assert!(inicio.elapsed() < Duration::from_secs(20), "no page target");
            std::thread::sleep(Duration::from_millis(100));
        };
        let (ws, _) = tungstenite::connect(ws_url).unwrap();
        // A page that hangs fails the test instead of hanging it.
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
        }
        Navegador {
            proceso,
            ws,
            id: 0,
            _perfil: perfil,
        }
    }

    /// Evaluates JavaScript in the page, awaiting a promise, and returns its value.
    fn js(&mut self, expr: &str) -> Value {
        self.id += 1;
        let id = self.id;
        let params = json!({"expression": expr, "awaitPromise": true, "returnByValue": true});
        self.ws
            .send(Message::text(
                json!({"id": id, "method": "Runtime.evaluate", "params": params}).to_string(),
            ))
            .unwrap();
        loop {
            let Message::Text(t) = self.ws.read().unwrap() else {
                continue;
            };
            let m: Value = serde_json::from_str(&t).unwrap();
            if m["id"] == id {
                assert!(m.get("error").is_none(), "{m}");
                let r = &m["result"];
                assert!(
                    r.get("exceptionDetails").is_none(),
                    "{}",
                    r["exceptionDetails"]
                );
                return r["result"]["value"].clone();
            }
        }
    }

    /// Waits until the page has loaded (and not the blank page Chromium starts with).
    fn esperar_carga(&mut self) {
        let inicio = Instant::now();
        while self.js("location.href !== 'about:blank' && document.readyState === 'complete'")
            != json!(true)
        {
            assert!(
                inicio.elapsed() < Duration::from_secs(60),
                "page not loaded"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// The body of a GET to Chromium's DevTools server, read by its length (the server keeps the
/// connection open).
fn http_get(puerto: u16, ruta: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", puerto)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {ruta} HTTP/1.1\r\nHost: 127.0.0.1:{puerto}\r\n\r\n").unwrap();
    let mut crudo = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = s.read(&mut buf).unwrap_or(0);
        if n == 0 {
            return String::new();
        }
        crudo.extend_from_slice(&buf[..n]);
        let texto = String::from_utf8_lossy(&crudo);
        if let Some((cabeza, cuerpo)) = texto.split_once("\r\n\r\n") {
            let largo = cabeza.lines().find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .and_then(|v| v.trim().parse::<usize>().ok())
            });
            if largo.is_some_and(|n| cuerpo.len() >= n) {
                return cuerpo.to_owned();
            }
        }
    }
}
