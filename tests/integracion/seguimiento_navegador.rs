//! The monitoring of a plan in a real headless Chromium, as the official who reports a quarter
//! meets it: from the approved plan of Ibarra to its monitoring file with one button, a new cut
//! added from the page with its date, the state of an action chosen in the form, the save whose
//! diff is that line alone, and the preview that is the progress report; and a plan that is not
//! approved, offered its first cut only to practise. axe-core finds nothing on any of these
//! views. The screenshot of the guide's monitoring section comes from here
//! (`CANTONAL_ACTUALIZAR_DOCS=1`).

use crate::cliente::{Cliente, servidor};
use crate::common;
use crate::editor_navegador::{abrir_plan, carpeta_capturas, id};
use crate::vistas::{foco, revisar};

use serde_json::json;

#[test]
fn an_official_reports_a_quarter_of_an_approved_plan() {
    let dir = tempfile::tempdir().unwrap();
    for p in ["ibarra.yaml", "ibarra.seguimiento.yaml"] {
        std::fs::copy(format!("plans/{p}"), dir.path().join(p)).unwrap();
    }
    let archivo = dir.path().join("ibarra.seguimiento.yaml");
    let servidor = servidor(dir.path());
    let capturas = carpeta_capturas(dir.path());
    let Some(mut n) = abrir_plan(&servidor, "ibarra.yaml", "Plan de Ibarra") else {
        return;
    };
    // The plan's toolbar offers its monitoring; it opens with its own sections and title.
    n.clic("#btn-seguimiento");
    n.esperar(
        "document.querySelector('#titulo')?.textContent === 'Seguimiento del plan de Ibarra' && !!document.querySelector('#seccion-cortes')",
        "the monitoring file of Ibarra",
    );
    assert_eq!(
        n.js("[document.querySelector('#btn-seguimiento').offsetParent === null, document.querySelector('#btn-plan').offsetParent !== null]"),
        json!([true, true])
    );
    n.clic("#seccion-cortes");
    n.esperar(
        "!!document.querySelector('#corte-agregar')",
        "the form of a new cut in the list of cuts",
    );
    revisar(&mut n, "seguimiento");
    // A new cut, at the end of November.
    n.js("(() => { const f = document.querySelector('#corte-fecha'); f.value = '2026-11-30'; f.dispatchEvent(new Event('input', { bubbles: true })); })()");
    n.clic("#corte-agregar");
    let estado = id("cortes.3.acciones.0.estado");
    n.esperar(
        &format!("!!document.querySelector('{estado}') && document.activeElement === document.querySelector('{estado}')"),
        "the new cut opened on its first action's state",
    );
    foco(&mut n, "adding a cut", |f| {
        f == estado.trim_start_matches('#')
    });
    let aviso = n.js("document.querySelector('#aviso').textContent");
    assert!(
        aviso
            .as_str()
            .unwrap()
            .contains("Se agregó el corte del 30 de noviembre de 2026"),
        "{aviso}"
    );
    // The action's indicator, target and budget are shown beside it, as the file's comments say.
    let texto = n.js("document.querySelector('#formulario').innerText");
    assert!(texto.as_str().unwrap().contains("meta 1.200"), "{texto}");
    revisar(&mut n, "corte nuevo");
    let creado = std::fs::read_to_string(&archivo).unwrap();
    assert!(creado.contains("fecha_corte: 2026-11-30"));
    // The state of A2 in the new cut, chosen in the form, then saved: one line changes.
    n.clic(&id("cortes.3.acciones.1.abrir"));
    n.elegir(&id("cortes.3.acciones.1.estado"), "retrasada");
    n.esperar(
        "document.querySelector('#estado-guardado').textContent === 'Cambios sin guardar'",
        "the unsaved mark",
    );
    n.clic("#btn-guardar");
    n.esperar(
        "document.querySelector('#estado-guardado').textContent === 'Guardado'",
        "the save",
    );
    let guardado = std::fs::read_to_string(&archivo).unwrap();
    let cambiadas = common::lineas_cambiadas(&creado, &guardado);
    assert_eq!(cambiadas.len(), 1, "{cambiadas:?}");
    assert_eq!(cambiadas[0].1, "        estado: retrasada");
    // The preview is a draft of the progress report (eleven actions have no state yet): as many
    // pages as the server's report of the saved file, which says so.
    n.esperar(
        "document.querySelector('#vista-aviso').textContent.includes('El informe de avance final sale cuando el seguimiento no tenga errores')",
        "the draft of the progress report",
    );
    let c = Cliente::new(&servidor);
    let abierto = c.plan("ibarra.seguimiento.yaml");
    let informe = c
        .post(
            "/api/vista",
            &json!({"archivo": "ibarra.seguimiento.yaml", "version": abierto["version"], "valor": abierto["valor"]}),
        )
        .json();
    let paginas = informe["paginas"].as_array().unwrap();
    assert!(
        paginas[0]["texto"]
            .as_str()
            .unwrap()
            .contains("Informe de avance"),
        "{}",
        paginas[0]["texto"]
    );
    n.esperar(
        &format!(
            "document.querySelectorAll('#vista img').length === {}",
            paginas.len()
        ),
        "every page of the report",
    );
    n.captura(&capturas.join("editor-seguimiento.png"));
    // Back to the plan, with nothing left unsaved.
    n.clic("#btn-plan");
    n.esperar(
        "document.querySelector('#titulo')?.textContent === 'Plan de Ibarra'",
        "back to the plan",
    );
    drop(n);
    servidor.detener();
}

#[test]
fn a_plan_not_approved_offers_its_first_cut_only_to_practise() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("plans/otavalo.yaml", dir.path().join("otavalo.yaml")).unwrap();
    let servidor = servidor(dir.path());
    let Some(mut n) = abrir_plan(&servidor, "otavalo.yaml", "Plan de Otavalo") else {
        return;
    };
    n.clic("#btn-seguimiento");
    n.esperar(
        "document.querySelector('#sin-seguimiento').offsetParent !== null && !!document.querySelector('#corte-agregar')",
        "the offer of a first cut",
    );
    foco(&mut n, "opening a monitoring that does not exist", |f| {
        f == "t-sin-seguimiento"
    });
    let motivo = n.js("document.querySelector('#corte-motivo').textContent");
    assert!(
        motivo.as_str().unwrap().contains("no está aprobado"),
        "{motivo}"
    );
    revisar(&mut n, "sin seguimiento");
    // Without ticking the practice box, the server says why, and nothing is written.
    n.js("document.querySelector('#corte-fecha').value = '2026-11-30'");
    n.clic("#corte-agregar");
    n.esperar(
        "document.querySelector('#corte-mensaje').textContent.includes('Practicar con un plan sin aprobar')",
        "the refusal",
    );
    assert!(!dir.path().join("otavalo.seguimiento.yaml").exists());
    foco(&mut n, "a refused cut", |f| f == "corte-fecha");
    revisar(&mut n, "corte rechazado");
    n.clic("#corte-borrador");
    n.clic("#corte-agregar");
    n.esperar(
        "document.querySelector('#titulo')?.textContent === 'Seguimiento del plan de Otavalo' && !!document.querySelector('#seccion-cortes')",
        "the new monitoring file, open",
    );
    assert!(dir.path().join("otavalo.seguimiento.yaml").is_file());
    drop(n);
    servidor.detener();
}
