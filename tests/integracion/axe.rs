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

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::navegador::Navegador;

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
    let mut n = Navegador::abrir(url)?;
    n.esperar_carga();
    n.violaciones()
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
