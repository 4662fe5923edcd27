//! Latencies of `cantonal editar` (section «Editor» of `docs/rendimiento.md`), printed, not
//! asserted: what the server does after each change of the page, measured in process over
//! repeated edits of one indicator target.
//!
//! 1. validation: the edited data written into the file's text (span edits) and validated, for
//!    Ibarra and for a synthetic plan of 1 000 actions and 200 actors;
//! 2. preview: the same, plus the document laid out by Typst and every page as SVG (Ibarra).

use std::path::Path;
use std::time::{Duration, Instant};

use cantonal::documento::fecha_documento;
use cantonal::editor::vista;
use cantonal::plan::yaml_edit;
use cantonal::reference::dpa::Dpa;
use cantonal::reference::nacional::Referencia;
use cantonal::render::templates::Plantillas;
use cantonal::render::typst::{PlanWorld, compile};
use cantonal::rules::Opciones;
use cantonal::sintetico::{Tamano, plan};
use serde_json::{Value, json};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// `n` edits of the target of the third action, from `desde`: each the value the page would
/// send (each value new, so that no compilation is a repeat of an earlier one).
fn ediciones(texto: &str, desde: usize, n: usize) -> Vec<Value> {
    let base = yaml_edit::leer(texto).unwrap();
    (0..n)
        .map(|i| {
            let mut v = base.clone();
            v["acciones"][2]["indicador"]["meta"] = json!(desde + i);
            v
        })
        .collect()
}

fn validacion(archivo: &Path, texto: &str, n: usize) -> Duration {
    let tiempos = ediciones(texto, 100, n)
        .iter()
        .map(|v| {
            let inicio = Instant::now();
            let editado = yaml_edit::guardar(texto, v).unwrap().texto;
            let validado = cantonal::validar_texto(archivo, &editado, Opciones::default());
            assert!(!validado.tiene_errores());
            inicio.elapsed()
        })
        .collect();
    median(tiempos)
}

fn main() {
    let ibarra = Path::new("plans/ibarra.yaml");
    let texto = std::fs::read_to_string(ibarra).unwrap();
    println!("Editor (mediana de 30 ediciones de una meta, en proceso):");
    println!(
        "  validación de Ibarra tras un cambio: {}",
        ms(validacion(ibarra, &texto, 30))
    );
    let grande = plan(
        Dpa::get().by_code("1001").unwrap(),
        Referencia::pacta(),
        Tamano {
            acciones: 1000,
            actores: 200,
            ..Tamano::default()
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let archivo = dir.path().join("sintetico.yaml");
    std::fs::write(&archivo, &grande).unwrap();
    println!(
        "  validación de un plan de 1 000 acciones y 200 actores: {}",
        ms(validacion(&archivo, &grande, 10))
    );
    // The first preview loads fonts and fills Typst's caches, as the editor's first one does.
    let primera = Instant::now();
    let v = cantonal::validar_texto(ibarra, &texto, Opciones::default());
    let paginas = vista::paginas(&v).unwrap().0.len();
    println!(
        "  primera vista previa de Ibarra ({paginas} páginas): {}",
        ms(primera.elapsed())
    );
    let mut tiempos = Vec::new();
    let mut typst = Vec::new();
    let mut cambiadas = Vec::new();
    let mut anteriores: Vec<String> = Vec::new();
    for v in ediciones(&texto, 200, 30) {
        let inicio = Instant::now();
        let editado = yaml_edit::guardar(&texto, &v).unwrap().texto;
        let validado = cantonal::validar_texto(ibarra, &editado, Opciones::default());
        let antes = Instant::now();
        let paginas = vista::paginas(&validado).unwrap().0;
        typst.push(antes.elapsed());
        tiempos.push(inicio.elapsed());
        cambiadas.push(
            paginas
                .iter()
                .filter(|p| !anteriores.contains(&p.hash))
                .count(),
        );
        anteriores = paginas.into_iter().map(|p| p.hash).collect();
    }
    cambiadas.remove(0);
    // The same edits laid out by Typst alone, without SVG: what the SVG pages add.
    let mut solo_typst = Vec::new();
    for v in ediciones(&texto, 300, 30) {
        let editado = yaml_edit::guardar(&texto, &v).unwrap().texto;
        let validado = cantonal::validar_texto(ibarra, &editado, Opciones::default());
        let documento = validado.documento().unwrap();
        let plan = validado.plan().unwrap();
        let world = PlanWorld::new(&documento, Plantillas::default(), fecha_documento(plan));
        let antes = Instant::now();
        compile(&world).unwrap();
        solo_typst.push(antes.elapsed());
    }
    // The same document composed again: what Typst's caches leave when nothing changed.
    let validado = cantonal::validar_texto(ibarra, &texto, Opciones::default());
    let documento = validado.documento().unwrap();
    let plan = validado.plan().unwrap();
    let mut sin_cambios = Vec::new();
    for _ in 0..10 {
        let world = PlanWorld::new(&documento, Plantillas::default(), fecha_documento(plan));
        let antes = Instant::now();
        compile(&world).unwrap();
        sin_cambios.push(antes.elapsed());
    }
    cambiadas.sort_unstable();
    println!(
        "  vista previa de Ibarra tras un cambio (validación + Typst + SVG): {} (de ello Typst y SVG: {}; la composición Typst sola: {}; el mismo documento otra vez: {}; páginas nuevas por cambio: {})",
        ms(median(tiempos)),
        ms(median(typst)),
        ms(median(solo_typst)),
        ms(median(sin_cambios)),
        cambiadas[cambiadas.len() / 2]
    );
}
