//! A plan's monitoring file in the editor, over real HTTP: opened with its own form and the
//! plan's actions to choose from, checked with the same diagnostics as `validar` (said in words
//! of the file), previewed and downloaded as the progress report, saved changing only the
//! edited line; a new cut added from the page as `cantonal seguimiento` adds it, refused for a
//! plan that is not approved unless the page asks to practise, and never over a file changed
//! on disk. The browser walk through the same is in `editor_navegador.rs`.

use std::path::Path;

use crate::cliente::{Cliente, avisos, servidor};
use crate::common;

use serde_json::{Value, json};

/// A folder with Ibarra's plan and its monitoring file, and Otavalo's plan (not approved).
fn carpeta() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for p in ["ibarra.yaml", "ibarra.seguimiento.yaml", "otavalo.yaml"] {
        std::fs::copy(Path::new("plans").join(p), dir.path().join(p)).unwrap();
    }
    dir
}

/// The diagnostic with `codigo` of an answer.
fn con_codigo(respuesta: &Value, codigo: &str) -> Option<Value> {
    avisos(respuesta)
        .into_iter()
        .find(|d| d["codigo"] == codigo)
}

#[test]
fn a_monitoring_file_opens_with_its_own_form_and_the_plan_s_actions() {
    let dir = carpeta();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    // The list of plans lists plans: a monitoring file is reached from its plan.
    let planes = c.get("/api/planes").json();
    let archivos: Vec<&str> = planes["planes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["archivo"].as_str().unwrap())
        .collect();
    assert_eq!(archivos, ["ibarra.yaml", "otavalo.yaml"]);
    // The format has both forms.
    let formato = c.get("/api/formato").json();
    assert_eq!(formato["plan"]["id"], "plan");
    assert_eq!(formato["seguimiento"]["id"], "seguimiento");
    assert_eq!(formato["seguimiento"]["secciones"][0]["id"], "cortes");
    let r = c.plan("ibarra.seguimiento.yaml");
    assert_eq!(r["forma"], "seguimiento");
    assert_eq!(r["plan"], "ibarra.yaml");
    assert_eq!(r["descarga"], "ibarra.avance");
    assert_eq!(r["valor"]["cortes"].as_array().unwrap().len(), 3);
    // The actions to choose from are the plan's, each with what the official needs to report
    // on it (indicator, target, term, budget).
    let acciones = r["listas"]["acciones"].as_array().unwrap();
    assert_eq!(acciones[0]["id"], "A1");
    assert!(
        acciones[0]["descripcion"]
            .as_str()
            .unwrap()
            .contains("Talleres sobre captación en línea")
    );
    let detalle = acciones[0]["detalle"].to_string();
    assert!(detalle.contains("meta 1.200"), "{detalle}");
    assert!(detalle.contains("USD 4.500,00"), "{detalle}");
    // The example is valid: no errors.
    assert!(
        avisos(&r).iter().all(|d| d["severidad"] != "error"),
        "{:?}",
        avisos(&r)
    );
    // A plan's page and a monitoring page never mix: the plan still opens as a plan.
    assert_eq!(c.plan("ibarra.yaml")["forma"], "plan");
    s.detener();
}

#[test]
fn monitoring_diagnostics_follow_the_edits_and_a_save_changes_one_line() {
    let dir = carpeta();
    let archivo = dir.path().join("ibarra.seguimiento.yaml");
    let original = std::fs::read_to_string(&archivo).unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let r = c.plan("ibarra.seguimiento.yaml");
    let version = r["version"].clone();
    let mut valor = r["valor"].clone();
    // The accumulated executed amount of A1 goes down from one cut to the next: M009, an error,
    // placed at the last cut's entry for A1 and said in words of the monitoring file.
    assert_eq!(valor["cortes"][2]["acciones"][0]["accion"], "A1");
    valor["cortes"][2]["acciones"][0]["ejecutado"] = json!(1000);
    let r = c
        .post(
            "/api/validar",
            &json!({"archivo": "ibarra.seguimiento.yaml", "version": version, "valor": valor}),
        )
        .json();
    let d = con_codigo(&r, "M009").unwrap_or_else(|| panic!("{r}"));
    assert_eq!(d["severidad"], "error");
    assert_eq!(d["seccion"], "cortes");
    assert_eq!(
        d["camino"],
        json!(["cortes", 2, "acciones", 0, "ejecutado"]),
        "{d}"
    );
    assert_eq!(
        d["lugar"],
        "Cortes › 30 de septiembre de 2026 — Unidad de Planificación del GAD Municipal de Ibarra › Avance de las acciones › A1 — Talleres sobre captación en línea en colegios fiscales del área urbana — Cumplida › Monto ejecutado"
    );
    assert!(!d["mensaje"].as_str().unwrap().is_empty());
    // The counts per section name the monitoring file's sections.
    assert!(
        r["resumen"]["secciones"]["cortes"]["errores"]
            .as_u64()
            .unwrap()
            >= 1
    );
    // Fixed, it goes; a state changed and saved touches that line alone.
    valor["cortes"][2]["acciones"][0]["ejecutado"] = json!(4400);
    assert_eq!(valor["cortes"][2]["acciones"][1]["estado"], "en_curso");
    valor["cortes"][2]["acciones"][1]["estado"] = json!("retrasada");
    let r = c
        .post(
            "/api/validar",
            &json!({"archivo": "ibarra.seguimiento.yaml", "version": version, "valor": valor}),
        )
        .json();
    assert!(con_codigo(&r, "M009").is_none(), "{r}");
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.seguimiento.yaml", "version": version, "valor": valor}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let guardado = std::fs::read_to_string(&archivo).unwrap();
    let cambiadas = common::lineas_cambiadas(&original, &guardado);
    assert_eq!(
        cambiadas,
        [("        estado: en_curso", "        estado: retrasada")]
    );
    // The same as `validar` from the command line sees in the saved file.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .arg("validar")
        .arg(dir.path().join("ibarra.yaml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    s.detener();
}

#[test]
fn the_preview_and_downloads_of_a_monitoring_file_are_the_progress_report() {
    let dir = carpeta();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let r = c.plan("ibarra.seguimiento.yaml");
    let pedido =
        json!({"archivo": "ibarra.seguimiento.yaml", "version": r["version"], "valor": r["valor"]});
    let vista = c.post("/api/vista", &pedido).json();
    assert_eq!(vista["borrador"], false, "{vista}");
    let paginas = vista["paginas"].as_array().unwrap();
    let texto: String = paginas
        .iter()
        .map(|p| p["texto"].as_str().unwrap_or(""))
        .collect();
    assert!(texto.contains("Informe de avance"), "{texto}");
    assert!(texto.contains("30 de septiembre de 2026"));
    assert!(texto.contains("EJEMPLO"));
    for (formato, inicio) in [
        ("pdf", &b"%PDF"[..]),
        ("docx", b"PK\x03\x04"),
        ("html", b"<!DOCTYPE html"),
    ] {
        let mut p = pedido.clone();
        p["formato"] = json!(formato);
        let r = c.post("/api/descargar", &p);
        assert_eq!(r.status, 200, "{formato}");
        assert!(r.body.starts_with(inicio), "{formato}");
        assert!(
            r.header("content-disposition")
                .unwrap()
                .contains(&format!("filename=\"ibarra.avance.{formato}\"")),
            "{formato}"
        );
    }
    // With an error, the preview is a draft of what is readable, marked as such, and the
    // download is refused with the monitoring file's own words.
    let mut roto = r["valor"].clone();
    roto["cortes"][2]["acciones"][0]["ejecutado"] = json!(1000);
    let p = json!({"archivo": "ibarra.seguimiento.yaml", "version": r["version"], "valor": roto});
    let vista = c.post("/api/vista", &p).json();
    assert_eq!(vista["borrador"], true, "{vista}");
    assert!(!vista["paginas"].as_array().unwrap().is_empty());
    let mut p = p.clone();
    p["formato"] = json!("pdf");
    let r = c.post("/api/descargar", &p);
    assert_eq!(r.status, 422);
    assert!(
        r.json()["mensaje"]
            .as_str()
            .unwrap()
            .contains("informe de avance")
    );
    s.detener();
}

#[test]
fn a_cut_added_from_the_page_is_the_one_the_command_adds() {
    let dir = carpeta();
    let archivo = dir.path().join("ibarra.seguimiento.yaml");
    let original = std::fs::read_to_string(&archivo).unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let info = c.get("/api/seguimiento?archivo=ibarra.yaml").json();
    assert_eq!(info["archivo"], "ibarra.seguimiento.yaml");
    assert_eq!(info["existe"], true);
    assert_eq!(
        info["cortes"],
        json!([
            "31 de marzo de 2026",
            "30 de junio de 2026",
            "30 de septiembre de 2026"
        ])
    );
    assert_eq!(info["motivo"], Value::Null);
    // A page that has the file open at an older version adds nothing.
    let r = c.post(
        "/api/seguimiento",
        &json!({"archivo": "ibarra.yaml", "fecha": "2026-11-30", "version": "otra"}),
    );
    assert_eq!(r.status, 409);
    assert_eq!(std::fs::read_to_string(&archivo).unwrap(), original);
    // A date that is not a date, or not yet come: a Spanish message, nothing written.
    for (fecha, dice) in [
        ("30/11/2026", "Elija la fecha"),
        ("2099-12-31", "todavía no llega"),
    ] {
        let r = c.post(
            "/api/seguimiento",
            &json!({"archivo": "ibarra.yaml", "fecha": fecha}),
        );
        assert_eq!(r.status, 422, "{fecha}");
        let m = r.json()["mensaje"].as_str().unwrap().to_owned();
        assert!(m.contains(dice), "{m}");
    }
    assert_eq!(std::fs::read_to_string(&archivo).unwrap(), original);
    let version = c.plan("ibarra.seguimiento.yaml")["version"].clone();
    let r = c.post(
        "/api/seguimiento",
        &json!({"archivo": "ibarra.yaml", "fecha": "2026-11-30", "version": version}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let r = r.json();
    assert_eq!(r["archivo"], "ibarra.seguimiento.yaml");
    assert_eq!(r["fecha"], "30 de noviembre de 2026");
    // The page's file is the command's: the same plan, the same cut, the same bytes.
    let por_pagina = std::fs::read_to_string(&archivo).unwrap();
    assert!(
        por_pagina.starts_with(&original),
        "the earlier cuts are kept byte for byte"
    );
    let otra = tempfile::tempdir().unwrap();
    for p in ["ibarra.yaml", "ibarra.seguimiento.yaml"] {
        std::fs::copy(Path::new("plans").join(p), otra.path().join(p)).unwrap();
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .arg("seguimiento")
        .arg(otra.path().join("ibarra.yaml"))
        .args(["--corte", "2026-11-30"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(otra.path().join("ibarra.seguimiento.yaml")).unwrap(),
        por_pagina
    );
    // Opened, the new cut is there with one entry per action of the plan, to be filled.
    let abierto = c.plan("ibarra.seguimiento.yaml");
    assert_eq!(abierto["version"], r["version"]);
    let cortes = abierto["valor"]["cortes"].as_array().unwrap();
    assert_eq!(cortes.len(), 4);
    assert_eq!(
        cortes[3]["acciones"].as_array().unwrap().len(),
        abierto["listas"]["acciones"].as_array().unwrap().len()
    );
    // The same date twice is refused.
    let r = c.post(
        "/api/seguimiento",
        &json!({"archivo": "ibarra.yaml", "fecha": "2026-11-30"}),
    );
    assert_eq!(r.status, 422);
    s.detener();
}

#[test]
fn a_plan_not_approved_is_followed_only_to_practise() {
    let dir = carpeta();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let info = c.get("/api/seguimiento?archivo=otavalo.yaml").json();
    assert_eq!(info["existe"], false);
    assert_eq!(info["archivo"], "otavalo.seguimiento.yaml");
    let motivo = info["motivo"].as_str().unwrap();
    assert!(motivo.contains("no está aprobado"), "{motivo}");
    let r = c.post(
        "/api/seguimiento",
        &json!({"archivo": "otavalo.yaml", "fecha": "2026-11-30"}),
    );
    assert_eq!(r.status, 422);
    assert!(
        r.json()["mensaje"]
            .as_str()
            .unwrap()
            .contains("Practicar con un plan sin aprobar")
    );
    assert!(!dir.path().join("otavalo.seguimiento.yaml").exists());
    // Practising: the file and its schema are created; the report is a draft.
    let r = c.post(
        "/api/seguimiento",
        &json!({"archivo": "otavalo.yaml", "fecha": "2026-11-30", "borrador": true}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert!(dir.path().join("otavalo.seguimiento.yaml").is_file());
    assert!(
        dir.path()
            .join("esquema")
            .join("seguimiento.schema.json")
            .is_file()
    );
    // A monitoring file, or a missing plan, is not where a cut is added.
    for archivo in ["ibarra.seguimiento.yaml", "nadie.yaml", "../ibarra.yaml"] {
        let r = c.post(
            "/api/seguimiento",
            &json!({"archivo": archivo, "fecha": "2026-11-30"}),
        );
        assert!(
            [400, 403, 404].contains(&r.status),
            "{archivo}: {}",
            r.status
        );
        assert!(!r.json()["mensaje"].as_str().unwrap().is_empty());
    }
    s.detener();
}

#[test]
fn the_adviser_annotates_a_cut_of_a_monitoring_file() {
    let dir = carpeta();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let r = c
        .get("/api/observaciones?archivo=ibarra.seguimiento.yaml")
        .json();
    assert_eq!(r["existe"], false);
    // The adviser observes the state of A2 in the last cut, from the page (keys and positions).
    let r = c.post(
        "/api/observaciones",
        &json!({
            "archivo": "ibarra.seguimiento.yaml", "accion": "agregar",
            "revisor": "Asesoría técnica, OIM Ecuador",
            "camino": ["cortes", 2, "acciones", 1, "estado"],
            "texto": "¿En curso sin evidencias?",
        }),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let j = r.json();
    let o = &j["observaciones"][0];
    // Stored by the ids of the file (the cut's date, the action's id), shown in its words.
    assert_eq!(o["ruta"], "cortes.2026-09-30.acciones.A2.estado", "{o}");
    assert_eq!(o["camino"], json!(["cortes", 2, "acciones", 1, "estado"]));
    assert_eq!(o["seccion"], "cortes");
    let lugar = o["lugar"].as_str().unwrap();
    assert!(
        lugar.starts_with("Cortes › 30 de septiembre de 2026 — ") && lugar.contains("› A2 — "),
        "{lugar}"
    );
    let obs = dir.path().join("ibarra.seguimiento.observaciones.yaml");
    let texto = std::fs::read_to_string(&obs).unwrap();
    assert!(
        texto.contains("Observaciones de revisión de ibarra.seguimiento.yaml"),
        "{texto}"
    );
    assert!(texto.contains("valor_inicial: en_curso"), "{texto}");
    // Opened again, the monitoring file comes with its observation.
    let r = c
        .get("/api/observaciones?archivo=ibarra.seguimiento.yaml")
        .json();
    assert_eq!(
        r["observaciones"][0]["ruta"],
        "cortes.2026-09-30.acciones.A2.estado"
    );
    s.detener();
}
