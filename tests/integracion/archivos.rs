//! Files that are not what they seem: named pipes given as plans, observations or templates
//! (reading one would wait forever), links that lead out of a folder of templates, of plans or
//! of a plan's national reference, and templates too large to be templates. Each is refused with
//! a Spanish message, never followed nor waited on.

#![cfg(unix)]

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::{base, diagnosticos};
use cantonal::plan::model::Plan;
use cantonal::reference::nacional::Referencia;
use cantonal::render::templates::Plantillas;
use cantonal::render::typst::PdfConfig;
use cantonal::rules::Opciones;

/// Runs `cantonal` and fails the test, instead of hanging it, when it has not finished after a
/// few seconds.
fn cantonal_a_tiempo(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("cantonal {args:?} is still waiting after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

fn texto(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn plan_of(path: &Path) -> Plan {
    let v = cantonal::validar(path, Opciones::default());
    assert!(!v.tiene_errores(), "{:?}", v.diagnostics);
    v.loaded.datos.unwrap()
}

const FIFO: &str = "no se lee: es una tubería con nombre (FIFO), no un archivo de texto";

#[test]
fn a_named_pipe_given_as_a_plan_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.yaml");
    mkfifo(&fifo);
    let out = cantonal_a_tiempo(&["validar", "--formato", "json", texto(&fifo)]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &diagnosticos(&json)[0];
    assert_eq!(
        (
            d["codigo"].as_str(),
            d["linea"].as_u64(),
            d["columna"].as_u64(),
            d["mensaje"].as_str(),
            d["ayuda"].as_str()
        ),
        (
            Some("S001"),
            Some(1),
            Some(1),
            Some(FIFO),
            Some("Indique el plan guardado como archivo .yaml en el disco.")
        )
    );
    // In a folder, it is reported among the plans, which are still checked.
    std::fs::write(dir.path().join("ibarra.yaml"), base()).unwrap();
    let out = cantonal_a_tiempo(&["validar", "--formato", "json", texto(dir.path())]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errores: Vec<(&str, u64)> = json["archivos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["archivo"].as_str().unwrap().rsplit('/').next().unwrap(),
                a["errores"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(errores, [("ibarra.yaml", 0), ("plan.yaml", 1)]);
    // `generar` on the pipe, and `informe` over the folder, finish too.
    let out = cantonal_a_tiempo(&["generar", "--formato", "md", texto(&fifo)]);
    assert_eq!(out.status.code(), Some(1));
    let out = cantonal_a_tiempo(&["informe", texto(dir.path())]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("plan.yaml"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_named_pipe_given_as_observations_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, base()).unwrap();
    let fifo = dir.path().join("plan.observaciones.yaml");
    mkfifo(&fifo);
    let out = cantonal_a_tiempo(&["validar", "--formato", "json", texto(&fifo)]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["archivos"][1]["diagnosticos"][0]["mensaje"], FIFO);
    let salida = dir.path().join("revision.html");
    let out = cantonal_a_tiempo(&[
        "generar",
        "--formato",
        "html",
        texto(&plan),
        "--observaciones",
        texto(&fifo),
        "-o",
        texto(&salida),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!salida.exists());
}

#[test]
fn a_named_pipe_among_the_templates_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, base()).unwrap();
    let plantillas = dir.path().join("plantillas");
    std::fs::create_dir(&plantillas).unwrap();
    mkfifo(&plantillas.join("plan.md.hbs"));
    let err = Plantillas::new(Some(plantillas.clone()))
        .unwrap()
        .get("plan.md.hbs")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "la plantilla {} no se lee: es una tubería con nombre (FIFO), no un archivo",
            plantillas.join("plan.md.hbs").display()
        )
    );
    let out = cantonal_a_tiempo(&[
        "generar",
        "--formato",
        "md",
        texto(&plan),
        "--plantillas",
        texto(&plantillas),
    ]);
    assert_ne!(out.status.code(), Some(0));
}

/// A folder of templates with a file outside it, `secreto.txt`, linked from inside.
fn plantillas_con_enlace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let afuera = dir.path().join("secreto.txt");
    std::fs::write(&afuera, "SECRETO DEL SERVIDOR").unwrap();
    let plantillas = dir.path().join("plantillas");
    std::fs::create_dir(&plantillas).unwrap();
    std::os::unix::fs::symlink(&afuera, plantillas.join("secreto.txt")).unwrap();
    (dir, plantillas)
}

#[test]
fn templates_linked_out_of_their_folder_are_refused() {
    let (dir, plantillas) = plantillas_con_enlace();
    let t = Plantillas::new(Some(plantillas.clone())).unwrap();
    let err = t.get("secreto.txt").unwrap_err().to_string();
    assert!(
        err.starts_with(&format!(
            "la plantilla {} es un enlace a un archivo fuera de la carpeta de plantillas (",
            plantillas.join("secreto.txt").display()
        )),
        "{err}"
    );
    assert!(!err.contains("SECRETO"));
    // Typst's `read` goes through the same door.
    std::fs::write(plantillas.join("plan.typ"), "#read(\"secreto.txt\")").unwrap();
    let plan_path = dir.path().join("plan.yaml");
    std::fs::write(&plan_path, base()).unwrap();
    let plan = plan_of(&plan_path);
    let err = common::pdf(
        &plan,
        Referencia::pacta(),
        None,
        Plantillas::new(Some(plantillas.clone())).unwrap(),
        PdfConfig::default(),
    )
    .err()
    .expect("the linked file must not be read");
    let todo: String = err.iter().map(ToString::to_string).collect();
    assert!(todo.contains("fuera de la carpeta de plantillas"), "{todo}");
    assert!(!todo.contains("SECRETO"), "{todo}");
    // A Handlebars template linked to a file outside is not used either.
    std::os::unix::fs::symlink(dir.path().join("plan.yaml"), plantillas.join("plan.md.hbs"))
        .unwrap();
    let md = common::hbs_text(
        &plan,
        Referencia::pacta(),
        None,
        &Plantillas::new(Some(plantillas.clone())).unwrap(),
        common::Formato::Markdown,
    );
    assert!(
        md.as_ref()
            .is_err_and(|e| e.contains("fuera de la carpeta de plantillas")),
        "{md:?}"
    );
    // A link that stays inside the folder is an ordinary template.
    std::fs::write(plantillas.join("base.md.hbs"), "# {{canton.nombre}}\n").unwrap();
    std::os::unix::fs::symlink(
        plantillas.join("base.md.hbs"),
        plantillas.join("otra.md.hbs"),
    )
    .unwrap();
    assert_eq!(
        t.get("otra.md.hbs").unwrap().unwrap().texto,
        "# {{canton.nombre}}\n"
    );
}

#[test]
fn oversized_templates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let grande = dir.path().join("estilos.typ");
    std::fs::write(&grande, "/".repeat(2 * 1024 * 1024)).unwrap();
    let err = Plantillas::new(Some(dir.path().to_path_buf()))
        .unwrap()
        .get("estilos.typ")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "la plantilla {} es demasiado grande (más de 1 MB)",
            grande.display()
        )
    );
}

#[test]
fn a_national_reference_linked_out_of_the_plan_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let afuera = dir.path().join("afuera.yaml");
    std::fs::write(&afuera, "root:x:0:0:SECRETO:/root:/bin/bash\n").unwrap();
    let carpeta = dir.path().join("plan");
    std::fs::create_dir_all(carpeta.join("nacional")).unwrap();
    let enlace = carpeta.join("nacional").join("otra-referencia.yaml");
    std::os::unix::fs::symlink(&afuera, &enlace).unwrap();
    let plan = carpeta.join("plan.yaml");
    std::fs::write(
        &plan,
        base().replace(
            "plan_nacional: pacta-2019-2030",
            "plan_nacional: otra-referencia",
        ),
    )
    .unwrap();
    let out = cantonal_a_tiempo(&["validar", "--formato", "json", texto(&plan)]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &diagnosticos(&json)[0];
    assert_eq!(
        (d["codigo"].as_str(), d["mensaje"].as_str()),
        (
            Some("R003"),
            Some(
                format!(
                    "la referencia nacional no se pudo leer: {} es un enlace a un archivo fuera de la carpeta del plan; no se lee",
                    enlace.display()
                )
                .as_str()
            )
        )
    );
    // A reference too large to be one.
    std::fs::remove_file(&enlace).unwrap();
    std::fs::write(&enlace, "#".repeat(9 * 1024 * 1024)).unwrap();
    let out = cantonal_a_tiempo(&["validar", "--formato", "json", texto(&plan)]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        diagnosticos(&json)[0]["mensaje"],
        format!(
            "la referencia nacional no se pudo leer: {}: es demasiado grande (más de 8 MB)",
            enlace.display()
        )
    );
}

#[test]
fn a_folder_scan_does_not_follow_links_out_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let afuera = dir.path().join("otro");
    std::fs::create_dir(&afuera).unwrap();
    std::fs::write(afuera.join("ajeno.yaml"), "root:x:0:0:SECRETO\n").unwrap();
    let planes = dir.path().join("planes");
    std::fs::create_dir(&planes).unwrap();
    std::fs::write(planes.join("ibarra.yaml"), base()).unwrap();
    std::os::unix::fs::symlink(afuera.join("ajeno.yaml"), planes.join("ajeno.yaml")).unwrap();
    std::os::unix::fs::symlink(planes.join("ibarra.yaml"), planes.join("copia.yaml")).unwrap();
    let out = cantonal_a_tiempo(&["validar", "--formato", "json", texto(&planes)]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let archivos: Vec<&str> = json["archivos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["archivo"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    // The link inside the folder is a plan like any other; the one out of it is not read.
    assert_eq!(archivos, ["copia.yaml", "ibarra.yaml"]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("SECRETO"));
    // Named on the command line, the same link is read: the user chose that file.
    let out = cantonal_a_tiempo(&["validar", texto(&planes.join("ajeno.yaml"))]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_malformed_national_reference_is_explained_in_spanish_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("nacional")).unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(
        &plan,
        base().replace("plan_nacional: pacta-2019-2030", "plan_nacional: otra"),
    )
    .unwrap();
    let pacta = std::fs::read_to_string("plans/nacional/pacta-2019-2030.yaml")
        .unwrap()
        .replace("id: pacta-2019-2030\n", "id: otra\n");
    let referencia = dir.path().join("nacional").join("otra.yaml");
    let mensaje = |contenido: String| {
        std::fs::write(&referencia, contenido).unwrap();
        let out = cantonal_a_tiempo(&["validar", "--formato", "json", texto(&plan)]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = &diagnosticos(&json)[0];
        assert_eq!(d["codigo"], "R003");
        d["mensaje"].as_str().unwrap().to_owned()
    };
    let linea = |buscado: &str| pacta.lines().position(|l| l.starts_with(buscado)).unwrap() + 1;
    let archivo = referencia.display();
    // A misspelled field of an axis: located at it, with the valid fields.
    let n = linea("      nombre: Prevención");
    assert_eq!(
        mensaje(pacta.replacen("      nombre: Prevención", "      nombr: Prevención", 1)),
        format!(
            "la referencia nacional no se pudo leer: {archivo}, línea {n}, columna 7: el campo `nombr` no es de una referencia nacional (campos válidos: `id`, `nombre`, `descripcion`, `obligatorio`, `responsables_requeridos`, `fuentes`, `origen`, `nota`) en `ejes.valores[0]`"
        )
    );
    // A missing field.
    let n = linea("id: otra");
    assert_eq!(
        mensaje(pacta.replacen("nombre_corto: PACTA 2019-2030\n", "", 1)),
        format!(
            "la referencia nacional no se pudo leer: {archivo}, línea {n}, columna 1: falta el campo `nombre_corto`"
        )
    );
    // A value of the wrong kind.
    let n = linea("vigencia:");
    assert_eq!(
        mensaje(pacta.replacen("fin: 2030-12-31", "fin: [2030]", 1)),
        format!(
            "la referencia nacional no se pudo leer: {archivo}, línea {n}, columna 38: un valor no es del tipo que corresponde (por ejemplo, un texto donde va una lista) en `vigencia.fin`"
        )
    );
    // Broken YAML.
    let n = linea("ejes:") + 2;
    assert_eq!(
        mensaje(pacta.replacen("ejes:\n", "ejes: [\n", 1)),
        format!(
            "la referencia nacional no se pudo leer: {archivo}, línea {n}, columna 3: no es YAML válido (revise la sangría, los dos puntos y las comillas)"
        )
    );
}
