//! A headless Chromium driven through the DevTools protocol, for the tests that need a real
//! browser: the editor as an official uses it (`editor_navegador`) and axe-core on any page
//! (`axe`). Chromium comes from [`common::herramienta`]: when it is missing the test fails in CI
//! and is skipped, saying so, elsewhere.
//!
//! The protocol is spoken over `tungstenite`: the tests need a handful of DevTools methods, and
//! the DevTools client crates would add hundreds of generated types and rebuild every procedural
//! macro of the project.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket, stream::MaybeTlsStream};

pub(crate) struct Navegador {
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

/// The body of a GET to Chromium's DevTools server, read by its length (the server keeps the
/// connection open).
fn http_get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        let n = s.read(&mut buf).unwrap_or(0);
        if n == 0 {
            return String::new();
        }
        raw.extend_from_slice(&buf[..n]);
        let texto = String::from_utf8_lossy(&raw);
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

impl Navegador {
    /// Starts Chromium on `url`; `None` when Chromium is missing outside CI.
    pub(crate) fn abrir(url: &str) -> Option<Navegador> {
        if !common::herramienta("chromium", "chromium") {
            return None;
        }
        let perfil = tempfile::tempdir().unwrap();
        let mut proceso = Command::new("chromium")
            .args(common::CHROMIUM)
            .args(["--remote-debugging-port=0", "--window-size=1400,1000"])
            .arg(format!("--user-data-dir={}", perfil.path().display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("Chromium could not start");
        let mut err = BufReader::new(proceso.stderr.take().unwrap());
        let mut port = None;
        let mut linea = String::new();
        while port.is_none() && err.read_line(&mut linea).unwrap() > 0 {
            if let Some(resto) = linea
                .trim()
                .strip_prefix("DevTools listening on ws://127.0.0.1:")
            {
                port = resto.split('/').next().and_then(|p| p.parse::<u16>().ok());
            }
            linea.clear();
        }
        // Keep reading Chromium's messages so that it never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        let port = port.expect("Chromium did not start its DevTools server");
        let inicio = Instant::now();
        let ws_url = loop {
            let lista: Value =
                serde_json::from_str(&http_get(port, "/json/list")).unwrap_or(json!([]));
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
        let mut n = Navegador {
            proceso,
            ws,
            id: 0,
            _perfil: perfil,
        };
        n.llamar("Page.enable", json!({}));
        Some(n)
    }

    pub(crate) fn llamar(&mut self, metodo: &str, params: Value) -> Value {
        self.id += 1;
        let id = self.id;
        self.ws
            .send(Message::text(
                json!({"id": id, "method": metodo, "params": params}).to_string(),
            ))
            .unwrap();
        loop {
            let Message::Text(t) = self.ws.read().unwrap() else {
                continue;
            };
            let m: Value = serde_json::from_str(&t).unwrap();
            if m["id"] == id {
                assert!(m.get("error").is_none(), "{metodo}: {m}");
                return m["result"].clone();
            }
        }
    }

    /// Evaluates JavaScript in the page (awaiting promises) and returns its value.
    pub(crate) fn js(&mut self, expr: &str) -> Value {
        let r = self.llamar(
            "Runtime.evaluate",
            json!({"expression": expr, "awaitPromise": true, "returnByValue": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {r}");
        r["result"]["value"].clone()
    }

    pub(crate) fn esperar(&mut self, expr: &str, que: &str) {
        let inicio = Instant::now();
        while self.js(expr) != json!(true) {
            if inicio.elapsed() > Duration::from_secs(60) {
                let pagina = self.js("[document.querySelector('#aviso').innerText, document.querySelector('#resumen').innerText, document.querySelector('#estado-guardado').innerText].join('\\n')");
                panic!(
                    "timed out waiting for {que}; the page says:\n{}",
                    pagina.as_str().unwrap_or("")
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub(crate) fn clic(&mut self, selector: &str) {
        let sel = serde_json::to_string(selector).unwrap();
        assert_eq!(self.js(&format!("(() => {{ const e = document.querySelector({sel}); if (!e) return false; e.click(); return true; }})()")), json!(true), "{selector}");
    }

    /// Clicks the button whose text starts with `texto`.
    pub(crate) fn boton(&mut self, texto: &str) {
        let t = serde_json::to_string(texto).unwrap();
        let hecho = self.js(&format!("(() => {{ const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith({t}) && b.offsetParent !== null); if (!b) return false; b.click(); return true; }})()"));
        assert_eq!(hecho, json!(true), "button {texto}");
    }

    /// Types `texto` into the field `selector` as the keyboard would, replacing what it has.
    pub(crate) fn escribir(&mut self, selector: &str, texto: &str) {
        let sel = serde_json::to_string(selector).unwrap();
        assert_eq!(self.js(&format!("(() => {{ const e = document.querySelector({sel}); if (!e) return false; e.focus(); e.select(); return true; }})()")), json!(true), "{selector}");
        self.llamar("Input.insertText", json!({"text": texto}));
    }

    /// Chooses `valor` in the select `selector`.
    pub(crate) fn elegir(&mut self, selector: &str, valor: &str) {
        let (sel, v) = (
            serde_json::to_string(selector).unwrap(),
            serde_json::to_string(valor).unwrap(),
        );
        let hecho = self.js(&format!("(() => {{ const e = document.querySelector({sel}); if (!e || ![...e.options].some((o) => o.value === {v})) return false; e.focus(); e.value = {v}; e.dispatchEvent(new Event('change', {{ bubbles: true }})); return true; }})()"));
        assert_eq!(hecho, json!(true), "{selector} = {valor}");
    }

    pub(crate) fn tecla_ctrl(&mut self, tecla: &str, codigo: u32) {
        for tipo in ["keyDown", "keyUp"] {
            self.llamar(
                "Input.dispatchKeyEvent",
                json!({"type": tipo, "key": tecla, "code": format!("Key{}", tecla.to_uppercase()), "windowsVirtualKeyCode": codigo, "modifiers": 2}),
            );
        }
    }

    pub(crate) fn captura(&mut self, archivo: &Path) {
        let r = self.llamar("Page.captureScreenshot", json!({"format": "png"}));
        let png = data_encoding::BASE64
            .decode(r["data"].as_str().unwrap().as_bytes())
            .unwrap();
        std::fs::write(archivo, png).unwrap();
    }

    /// Waits until the page has loaded (and not the blank page Chromium starts with).
    pub(crate) fn esperar_carga(&mut self) {
        self.esperar(
            "location.href !== 'about:blank' && document.readyState === 'complete'",
            "the page to load",
        );
    }

    /// Presses one key (`Tab`, `Enter`, `Escape`…) with `modificadores` (1 Alt, 2 Ctrl, 8 Shift),
    /// as the keyboard would.
    pub(crate) fn tecla(&mut self, tecla: &str, vk: u32, modificadores: u32) {
        let texto = if tecla == "Enter" { "\r" } else { "" };
        for tipo in ["keyDown", "keyUp"] {
            let mut p = json!({"type": tipo, "key": tecla, "code": tecla, "windowsVirtualKeyCode": vk, "modifiers": modificadores});
            if tipo == "keyDown" && !texto.is_empty() {
                p["text"] = json!(texto);
            }
            self.llamar("Input.dispatchKeyEvent", p);
        }
    }

    /// Types `texto` where the focus is, as the keyboard would.
    pub(crate) fn teclear(&mut self, texto: &str) {
        self.llamar("Input.insertText", json!({"text": texto}));
    }

    /// What has the focus: its id, or its tag when it has none (`BODY` when focus was lost).
    pub(crate) fn foco(&mut self) -> String {
        self.js("document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : 'BODY'")
            .as_str()
            .unwrap_or("BODY")
            .to_owned()
    }

    /// Lets the page download files into `carpeta`.
    pub(crate) fn descargar_en(&mut self, carpeta: &Path) {
        self.llamar(
            "Page.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": carpeta.display().to_string()}),
        );
    }

    /// The accessibility violations of the page as it is now, by axe-core (`None` when axe-core
    /// is missing outside CI).
    pub(crate) fn violaciones(&mut self) -> Option<Vec<crate::axe::Violacion>> {
        crate::axe::violaciones_con(&mut |js| self.js(js))
    }
}
