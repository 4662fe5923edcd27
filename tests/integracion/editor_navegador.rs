//! The editor in a real headless Chromium, driven through the DevTools protocol as an official
//! would use it: a new plan for Sucúa from the start page, filled in through the form until
//! `validar` finds no errors, and a one-line edit of Ibarra whose saved diff is that line. The
//! screenshots of `docs/guia.md` come from this test (`CANTONAL_ACTUALIZAR_DOCS=1`).
//!
//! The protocol is spoken over `tungstenite`: the test needs five DevTools methods, and the
//! DevTools client crates would add hundreds of generated types and rebuild every procedural
//! macro of the project.

use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cantonal::editor::api::Nuevo;
use cantonal::editor::servidor::{Config, iniciar};
use serde_json::{Value, json};
use tungstenite::{Message, WebSocket, stream::MaybeTlsStream};

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
    /// Starts Chromium on `url`; `None` when Chromium is not installed.
    fn abrir(url: &str) -> Option<Navegador> {
        let perfil = tempfile::tempdir().unwrap();
        let mut proceso = Command::new("chromium")
            .args(common::CHROMIUM)
            .args(["--remote-debugging-port=0", "--window-size=1400,1000"])
            .arg(format!("--user-data-dir={}", perfil.path().display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .ok()?;
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
            s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
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

    fn llamar(&mut self, metodo: &str, params: Value) -> Value {
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
    fn js(&mut self, expr: &str) -> Value {
        let r = self.llamar(
            "Runtime.evaluate",
            json!({"expression": expr, "awaitPromise": true, "returnByValue": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{expr}: {r}");
        r["result"]["value"].clone()
    }

    fn esperar(&mut self, expr: &str, que: &str) {
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

    fn clic(&mut self, selector: &str) {
        let sel = serde_json::to_string(selector).unwrap();
        assert_eq!(self.js(&format!("(() => {{ const e = document.querySelector({sel}); if (!e) return false; e.click(); return true; }})()")), json!(true), "{selector}");
    }

    /// Clicks the button whose text starts with `texto`.
    fn boton(&mut self, texto: &str) {
        let t = serde_json::to_string(texto).unwrap();
        let hecho = self.js(&format!("(() => {{ const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith({t}) && b.offsetParent !== null); if (!b) return false; b.click(); return true; }})()"));
        assert_eq!(hecho, json!(true), "button {texto}");
    }

    /// Types `texto` into the field `selector` as the keyboard would, replacing what it has.
    fn escribir(&mut self, selector: &str, texto: &str) {
        let sel = serde_json::to_string(selector).unwrap();
        assert_eq!(self.js(&format!("(() => {{ const e = document.querySelector({sel}); if (!e) return false; e.focus(); e.select(); return true; }})()")), json!(true), "{selector}");
        self.llamar("Input.insertText", json!({"text": texto}));
    }

    /// Chooses `valor` in the select `selector`.
    fn elegir(&mut self, selector: &str, valor: &str) {
        let (sel, v) = (
            serde_json::to_string(selector).unwrap(),
            serde_json::to_string(valor).unwrap(),
        );
        let hecho = self.js(&format!("(() => {{ const e = document.querySelector({sel}); if (!e || ![...e.options].some((o) => o.value === {v})) return false; e.focus(); e.value = {v}; e.dispatchEvent(new Event('change', {{ bubbles: true }})); return true; }})()"));
        assert_eq!(hecho, json!(true), "{selector} = {valor}");
    }

    fn tecla_ctrl(&mut self, tecla: &str, codigo: u32) {
        for tipo in ["keyDown", "keyUp"] {
            self.llamar(
                "Input.dispatchKeyEvent",
                json!({"type": tipo, "key": tecla, "code": format!("Key{}", tecla.to_uppercase()), "windowsVirtualKeyCode": codigo, "modifiers": 2}),
            );
        }
    }

    fn captura(&mut self, archivo: &Path) {
        let r = self.llamar("Page.captureScreenshot", json!({"format": "png"}));
        let png = data_encoding::BASE64
            .decode(r["data"].as_str().unwrap().as_bytes())
            .unwrap();
        std::fs::write(archivo, png).unwrap();
    }

    /// The selector of the field labelled `etiqueta` inside the item whose id path is `ruta`.
    fn campo(&mut self, ruta: &str, etiqueta: &str) -> String {
        let (r, e) = (
            serde_json::to_string(ruta).unwrap(),
            serde_json::to_string(etiqueta).unwrap(),
        );
        let id = self.js(&format!("(() => {{ const item = document.querySelector(`[data-ruta=${{JSON.stringify({r})}}]`); if (!item) return null; const l = [...item.querySelectorAll('label')].find((l) => l.textContent.startsWith({e})); return l ? l.htmlFor : null; }})()"));
        format!(
            "#{}",
            id.as_str()
                .unwrap_or_else(|| panic!("no field {etiqueta} in {ruta}"))
        )
    }
}

/// Where the screenshots go: `docs/img/` when the docs are being updated, else a temporary
/// folder.
fn carpeta_capturas(tmp: &Path) -> PathBuf {
    if std::env::var_os("CANTONAL_ACTUALIZAR_DOCS").is_some() {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/img")
    } else {
        tmp.to_path_buf()
    }
}

#[test]
fn an_official_makes_a_valid_plan_and_edits_one_target_without_touching_yaml() {
    if !common::herramienta("chromium", "chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("plans/ibarra.yaml", dir.path().join("ibarra.yaml")).unwrap();
    let servidor = iniciar(Config {
        carpeta: dir.path().to_path_buf(),
        puerto: 0,
        nuevo: Nuevo {
            buscar: cantonal::nuevo::buscar_canton,
            texto: cantonal::nuevo::plan_inicial,
            archivo: cantonal::nuevo::slug,
        },
    })
    .unwrap();
    let capturas = carpeta_capturas(dir.path());
    let mut n = Navegador::abrir(&servidor.url).unwrap();
    n.esperar(
        "document.querySelectorAll('#tabla-planes tbody button').length === 1",
        "the list of plans",
    );
    // The key stays in the address, so that a reload works (there is no cookie).
    assert!(n.js("location.search").as_str().unwrap().starts_with("?t="));
    assert_eq!(n.js("document.cookie"), json!(""));
    n.escribir("#nuevo-canton", "sucua");
    n.captura(&capturas.join("editor-inicio.png"));
    n.clic("#btn-nuevo");
    n.esperar(
        "document.querySelector('#titulo').textContent === 'Plan de Sucúa'",
        "the new plan",
    );
    // A new plan shows progress per section, not a wall of errors.
    n.esperar(
        "document.querySelector('#secciones').textContent.includes('campos por completar')",
        "progress",
    );
    assert_eq!(
        n.js("document.querySelectorAll('#formulario .diag').length"),
        json!(0)
    );

    // A risk through the form.
    n.boton("Riesgos");
    n.boton("Agregar riesgo");
    let titulo = n.campo("riesgos.R1", "Título");
    n.escribir(
        &titulo,
        "Captación por redes sociales, con “ofertas” de trabajo",
    );
    let fines = n.campo("riesgos.R1", "Fines");
    n.elegir(&fines, "explotacion_sexual");
    let poblaciones = n.campo("riesgos.R1", "Poblaciones");
    n.elegir(&poblaciones, "adolescentes");

    // The prosecutor's office, who alone may receive a complaint, declared through the form.
    n.boton("Actores");
    n.boton("Agregar actor");
    let nombre = n.campo("actores.actor-1", "Nombre");
    n.escribir(&nombre, "Fiscalía Provincial de Morona Santiago");
    let tipo = n.campo("actores.actor-1", "Tipo de actor");
    n.elegir(&tipo, "institucion_nacional");
    let institucion = n.campo("actores.actor-1", "Institución nacional");
    n.elegir(&institucion, "fiscalia");
    let id = n.campo("actores.actor-1", "Identificador");
    n.escribir(&id, "fiscalia-morona");

    // Four actions, one per objective; the first shows a diagnostic that goes when fixed.
    n.boton("Acciones");
    for i in 1..=4 {
        n.boton("Agregar acción");
        let item = format!("acciones.A{i}");
        let objetivo = n.campo(&item, "Objetivo");
        n.elegir(&objetivo, &format!("O{i}"));
        let d = n.campo(&item, "Qué se hará");
        n.escribir(&d, &format!("Acción {i}: talleres, charlas y visitas"));
        let ind = n.campo(&item, "Indicador");
        n.escribir(&ind, "Personas que reconocen las señales de la trata");
        let tipo = n.campo(&item, "Tipo de indicador");
        n.elegir(&tipo, "resultado");
        if i == 1 {
            n.esperar(
                "[...document.querySelectorAll('[data-ruta=\"acciones.A1.responsable\"] .diag')].length > 0",
                "the diagnostic of the missing responsible",
            );
            n.captura(&capturas.join("editor-diagnostico.png"));
        }
        let r = n.campo(&item, "Responsable");
        n.elegir(
            &r,
            if i == 3 {
                "fiscalia-morona"
            } else {
                "ccpd-sucua"
            },
        );
        if i == 1 {
            n.esperar(
                "document.querySelectorAll('[data-ruta=\"acciones.A1.responsable\"] .diag').length === 0",
                "the diagnostic to go",
            );
        }
        for (etiqueta, texto) in [
            ("Unidad", "personas"),
            ("Línea base", "0"),
            ("Meta", "4"),
            ("Medio de verificación", "Actas"),
            ("Presupuesto", "1.500,50"),
            ("Fuente de financiamiento", "GAD Municipal de Sucúa"),
        ] {
            let campo = n.campo(&item, etiqueta);
            n.escribir(&campo, texto);
        }
        if i == 1 {
            let riesgos = n.campo(&item, "Riesgos");
            n.elegir(&riesgos, "R1");
            let fines = n.campo(&item, "Fines de explotación");
            n.elegir(&fines, "explotacion_sexual");
            let poblaciones = n.campo(&item, "Poblaciones a las que");
            n.elegir(&poblaciones, "adolescentes");
        }
    }
    // Every text left «POR COMPLETAR», section by section, and a responsible for every stage.
    for seccion in [
        "Datos generales",
        "Diagnóstico",
        "Actores",
        "Objetivos",
        "Ruta de atención",
        "Seguimiento",
    ] {
        n.boton(seccion);
        n.js("document.querySelectorAll('#formulario .item .resumen[aria-expanded=\"false\"]').forEach((b) => b.click())");
        loop {
            let id = n.js("(() => { const e = [...document.querySelectorAll('#formulario input, #formulario textarea')].find((e) => e.value.toUpperCase().includes('POR COMPLETAR')); return e ? e.id : null; })()");
            let Some(id) = id.as_str() else { break };
            let valor = n.js(&format!("document.getElementById('{id}').value"));
            let limpio = valor
                .as_str()
                .unwrap()
                .replace("POR COMPLETAR: ", "")
                .replace("POR COMPLETAR", "(07) 270-0000");
            n.escribir(&format!("#{id}"), &limpio);
        }
        if seccion == "Ruta de atención" {
            let etapas = n.js(
                "[...document.querySelectorAll('#formulario .item')].map((i) => i.dataset.ruta)",
            );
            for ruta in etapas.as_array().unwrap() {
                let ruta = ruta.as_str().unwrap();
                let sel = n.campo(ruta, "Quién responde");
                let quien = if ruta.contains("denuncia") {
                    "fiscalia-morona"
                } else {
                    "gad-sucua"
                };
                n.elegir(&sel, quien);
            }
        }
    }
    n.esperar("document.querySelector('#resumen-conteo').textContent.startsWith('0 errores') || document.querySelector('#resumen-conteo').textContent.startsWith('Sin problemas')", "a plan without errors");
    n.esperar(
        "document.querySelectorAll('#vista img').length > 5",
        "the preview",
    );
    n.tecla_ctrl("s", 83);
    n.esperar(
        "document.querySelector('#estado-guardado').textContent === 'Guardado'",
        "the save",
    );
    n.boton("Acciones");
    n.captura(&capturas.join("editor-plan.png"));
    let guardado = dir.path().join("sucua.yaml");
    let (codigo, json) = common::validar_json(&guardado, &[]);
    assert_eq!(codigo, 0, "{json:#}");
    // Every stage has a competent institution: no warning about who answers.
    let codigos = common::codigos(&json);
    for c in ["A012", "A013", "C015", "C019"] {
        assert!(!codigos.contains(c), "{c} in {json:#}");
    }
    let texto = std::fs::read_to_string(&guardado).unwrap();
    assert!(texto.contains("tipo: resultado"), "{texto}");
    assert!(texto.contains("monto: 1500.5"), "{texto}");
    assert!(
        texto.contains("# Riesgos. Los riesgos de trata y de tráfico ilícito de migrantes del"),
        "the comments stay"
    );

    // Ibarra: one target changed through the form is one line changed in the file.
    let antes = std::fs::read_to_string(dir.path().join("ibarra.yaml")).unwrap();
    n.boton("Lista de planes");
    n.esperar("[...document.querySelectorAll('#tabla-planes tbody button')].some((b) => b.textContent === 'ibarra.yaml')", "the list");
    n.boton("ibarra.yaml");
    n.esperar(
        "document.querySelector('#titulo').textContent === 'Plan de Ibarra'",
        "Ibarra",
    );
    n.boton("Acciones");
    n.clic("[data-ruta=\"acciones.A3\"] .resumen");
    let meta = n.campo("acciones.A3", "Meta");
    n.escribir(&meta, "95");
    n.esperar(
        "document.querySelector('#estado-guardado').textContent === 'Cambios sin guardar'",
        "the unsaved mark",
    );
    n.esperar(
        "document.querySelectorAll('#vista img.destacada').length === 1",
        "the page of the edited action",
    );
    n.esperar(
        "document.querySelector('#panel').scrollTop > 0",
        "the preview scrolled to that page",
    );
    n.captura(&capturas.join("editor-ibarra.png"));
    n.clic("#btn-guardar");
    n.esperar(
        "document.querySelector('#estado-guardado').textContent === 'Guardado'",
        "the save",
    );
    let despues = std::fs::read_to_string(dir.path().join("ibarra.yaml")).unwrap();
    let cambiadas: Vec<(&str, &str)> = antes
        .lines()
        .zip(despues.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(antes.lines().count(), despues.lines().count());
    assert_eq!(cambiadas, [("      meta: 80", "      meta: 95")]);
    drop(n);
    servidor.detener();
}
