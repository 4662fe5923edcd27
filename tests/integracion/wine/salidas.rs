//! The command line of the Windows build: its version, `validar` and `generar` of every example
//! plan in every format (the same bytes as the Linux build), and plans as Windows users keep
//! them: in folders with accents and spaces, written by Notepad (CRLF and a BOM), named in
//! capitals.

use std::path::Path;

use super::{errores, linux, mismos_archivos, ok, texto, windows, z};
use crate::common::plano;

/// The formats of `generar` (the registry of `src/render/mod.rs`).
const FORMATOS: [&str; 6] = ["pdf", "html", "md", "json", "docx", "xlsx"];

#[test]
fn the_windows_build_says_the_same_version_as_the_linux_one() {
    let Some(w) = windows() else { return };
    let o = w.ejecutar(&[], &["--version"]);
    ok(&o);
    assert_eq!(
        texto(&o),
        format!("cantonal {}\n", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(o.stdout, ok(&linux(&["--version"])).stdout);
}

/// Paths as the Windows build prints them, with `/` as the Linux build does.
fn barras(t: &str) -> String {
    t.replace('\\', "/")
}

#[test]
fn validar_finds_the_same_in_every_example_plan_on_windows_and_linux() {
    let Some(w) = windows() else { return };
    let args = ["validar", "plans"];
    let (win, lin) = (w.ejecutar(&[], &args), linux(&args));
    assert_eq!(win.status.code(), lin.status.code(), "{}", errores(&win));
    assert_eq!(barras(&texto(&win)), texto(&lin));
    assert_eq!(errores(&win), errores(&lin));
    let args = ["validar", "--formato", "json", "plans"];
    let (win, lin) = (w.ejecutar(&[], &args), linux(&args));
    assert_eq!(win.status.code(), lin.status.code(), "{}", errores(&win));
    let mut win: serde_json::Value = serde_json::from_slice(&win.stdout).unwrap();
    let lin: serde_json::Value = serde_json::from_slice(&lin.stdout).unwrap();
    for a in win["archivos"].as_array_mut().unwrap() {
        let archivo = a["archivo"].as_str().unwrap();
        assert!(archivo.starts_with(r"plans\"), "{archivo}");
        a["archivo"] = barras(archivo).into();
    }
    assert_eq!(win, lin);
    // Every example plan is in it.
    let mut archivos: Vec<&str> = lin["archivos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["archivo"].as_str().unwrap())
        .collect();
    let mut ejemplos: Vec<String> = std::fs::read_dir("plans")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    ejemplos.sort();
    archivos.sort();
    assert_eq!(archivos, ejemplos);
}

#[test]
fn every_example_plan_in_every_format_has_the_same_bytes_as_on_linux() {
    let Some(w) = windows() else { return };
    let dir = tempfile::tempdir().unwrap();
    for formato in FORMATOS {
        let (win, lin) = (
            dir.path().join("windows").join(formato),
            dir.path().join("linux").join(formato),
        );
        let o = w.ejecutar(
            &[dir.path()],
            &["generar", "--formato", formato, "plans", "-o", &z(&win)],
        );
        ok(&o);
        ok(&linux(&[
            "generar",
            "--formato",
            formato,
            "plans",
            "-o",
            lin.to_str().unwrap(),
        ]));
        // Every plan of the folder (the observations file is not a plan).
        assert_eq!(super::archivos(&win).len(), 7, "{formato}: {}", texto(&o));
        mismos_archivos(&win, &lin);
    }
    // The review copy of Otavalo, in the formats that show observations, and a PDF/A.
    let obs = "plans/otavalo.observaciones.yaml";
    for (formato, extra) in [
        ("pdf", None),
        ("docx", None),
        ("html", None),
        ("pdf", Some("--pdf-a")),
    ] {
        let nombre = format!("otavalo-revision{}.{formato}", extra.unwrap_or(""));
        let (win, lin) = (
            dir.path().join("windows").join(&nombre),
            dir.path().join("linux").join(&nombre),
        );
        let mut args = vec![
            "generar",
            "plans/otavalo.yaml",
            "--formato",
            formato,
            "--observaciones",
            obs,
        ];
        args.extend(extra);
        let win_z = z(&win);
        ok(&w.ejecutar(&[dir.path()], &[&args[..], &["-o", &win_z]].concat()));
        ok(&linux(
            &[&args[..], &["-o", lin.to_str().unwrap()]].concat(),
        ));
        assert!(
            std::fs::read(&win).unwrap() == std::fs::read(&lin).unwrap(),
            "{nombre}"
        );
    }
}

/// The DOCX archive is the same file on both systems, not only the same XML: its entries carry
/// no date or system of their own.
#[test]
fn the_word_archive_is_identical_entry_by_entry() {
    let Some(w) = windows() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (win, lin) = (dir.path().join("w.docx"), dir.path().join("l.docx"));
    ok(&w.ejecutar(
        &[dir.path()],
        &[
            "generar",
            "plans/ibarra.yaml",
            "--formato",
            "docx",
            "-o",
            &z(&win),
        ],
    ));
    ok(&linux(&[
        "generar",
        "plans/ibarra.yaml",
        "--formato",
        "docx",
        "-o",
        lin.to_str().unwrap(),
    ]));
    let (wb, lb) = (std::fs::read(&win).unwrap(), std::fs::read(&lin).unwrap());
    let entradas = |b: &[u8]| {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(b.to_vec())).unwrap();
        (0..zip.len())
            .map(|i| {
                let f = zip.by_index(i).unwrap();
                (
                    f.name().unwrap().into_owned(),
                    format!("{:?}", f.last_modified()),
                    f.unix_mode(),
                    f.crc32(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(entradas(&wb), entradas(&lb));
    assert!(wb == lb);
}

/// Writes `texto` as `carpeta/nombre` and gives the Linux build's PDF of it (written beside
/// the plan in a folder of its own, `linux/`).
fn pdf_linux(carpeta: &Path, nombre: &str, texto: &[u8]) -> Vec<u8> {
    let d = carpeta.join("linux");
    std::fs::create_dir_all(&d).unwrap();
    let plan = d.join(nombre);
    std::fs::write(&plan, texto).unwrap();
    ok(&linux(&["generar", plan.to_str().unwrap()]));
    std::fs::read(plan.with_extension("pdf")).unwrap()
}

#[test]
fn a_plan_in_the_users_documents_with_accents_and_spaces() {
    let Some(w) = windows() else { return };
    let _documentos = super::documentos();
    let carpeta_win = r"C:\Users\José Ñauta\Documents\Planes cantonales";
    let carpeta = w.ruta(carpeta_win);
    super::quitar(&carpeta);
    std::fs::create_dir_all(&carpeta).unwrap();
    let ibarra = std::fs::read("plans/ibarra.yaml").unwrap();
    let nombre = "Plan de Cañar 2025.yaml";
    std::fs::write(carpeta.join(nombre), &ibarra).unwrap();
    // Named relative to the folder, as `cmd` opened there would.
    let o = w
        .cantonal(carpeta_win, &[], &["validar", nombre])
        .output()
        .unwrap();
    ok(&o);
    assert!(
        texto(&o).contains("Plan de Cañar 2025.yaml (Ibarra): sin problemas"),
        "{}",
        texto(&o)
    );
    // By its whole path (C:\Users as Windows writes it, Wine's folder is C:\users).
    let plan_win = format!(r"{carpeta_win}\{nombre}");
    let o = w.ejecutar(&[], &["generar", &plan_win]);
    ok(&o);
    let pdf_win = format!(r"{carpeta_win}\Plan de Cañar 2025.pdf");
    assert!(
        plano(&texto(&o)).starts_with(&format!("{pdf_win}: ")),
        "{}",
        texto(&o)
    );
    let dir = tempfile::tempdir().unwrap();
    let pdf = std::fs::read(carpeta.join("Plan de Cañar 2025.pdf")).unwrap();
    assert!(pdf == pdf_linux(dir.path(), nombre, &ibarra));
    std::fs::remove_dir_all(&carpeta).unwrap();

    // A host folder with the same kind of name, reached as Z:\…
    let host = dir.path().join("José Ñauta").join("Planes cantonales");
    std::fs::create_dir_all(&host).unwrap();
    std::fs::write(host.join(nombre), &ibarra).unwrap();
    let o = w.ejecutar(
        &[dir.path()],
        &["generar", "--formato", "docx", &z(&host.join(nombre))],
    );
    ok(&o);
    ok(&linux(&[
        "generar",
        "--formato",
        "docx",
        dir.path().join("linux").join(nombre).to_str().unwrap(),
    ]));
    assert!(
        std::fs::read(host.join("Plan de Cañar 2025.docx")).unwrap()
            == std::fs::read(dir.path().join("linux/Plan de Cañar 2025.docx")).unwrap()
    );
}

#[test]
fn a_plan_saved_by_notepad_with_crlf_and_a_bom() {
    let Some(w) = windows() else { return };
    let dir = tempfile::tempdir().unwrap();
    let lf = std::fs::read_to_string("plans/otavalo.yaml").unwrap();
    let bloc = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let plan = dir.path().join("otavalo.yaml");
    std::fs::write(&plan, &bloc).unwrap();
    let p = z(&plan);
    let args = ["validar", "--formato", "json", &p];
    let win = w.ejecutar(&[dir.path()], &args);
    ok(&win);
    // The same plan with LF and no BOM, alone in its folder as the Windows one is (in plans/ the
    // monitoring file beside it would be checked too, against this run's date).
    let solo = tempfile::tempdir().unwrap();
    let plano = solo.path().join("otavalo.yaml");
    std::fs::write(&plano, &lf).unwrap();
    let lin = ok(&linux(&[
        "validar",
        "--formato",
        "json",
        plano.to_str().unwrap(),
    ]))
    .stdout
    .clone();
    let (win, lin): (serde_json::Value, serde_json::Value) = (
        serde_json::from_slice(&win.stdout).unwrap(),
        serde_json::from_slice(&lin).unwrap(),
    );
    // The same diagnostics, at the same lines and columns, as the plan with LF and no BOM.
    assert_eq!(
        win["archivos"][0]["diagnosticos"],
        lin["archivos"][0]["diagnosticos"]
    );
    assert_eq!(win["archivos"][0]["canton"], "Otavalo");
    ok(&w.ejecutar(&[dir.path()], &["generar", &p]));
    let pdf = std::fs::read(plan.with_extension("pdf")).unwrap();
    assert!(pdf == pdf_linux(dir.path(), "otavalo.yaml", bloc.as_bytes()));
    // Line ends and the BOM do not change the document.
    assert!(pdf == pdf_linux(&dir.path().join("lf"), "otavalo.yaml", lf.as_bytes()));
}

#[test]
fn plans_named_in_capitals_are_found_in_their_folder() {
    let Some(w) = windows() else { return };
    let dir = tempfile::tempdir().unwrap();
    let carpeta = dir.path().join("Planes");
    std::fs::create_dir_all(&carpeta).unwrap();
    std::fs::copy("plans/otavalo.yaml", carpeta.join("OTAVALO.YAML")).unwrap();
    std::fs::copy("plans/colta.yaml", carpeta.join("Colta.Yaml")).unwrap();
    std::fs::write(carpeta.join("LEEME.TXT"), "no es un plan").unwrap();
    let o = w.ejecutar(&[dir.path()], &["validar", &z(&carpeta)]);
    ok(&o);
    let t = texto(&o);
    assert!(
        t.contains(r"Planes\OTAVALO.YAML (Otavalo): sin problemas"),
        "{t}"
    );
    assert!(
        t.contains(r"Planes\Colta.Yaml (Colta): sin problemas"),
        "{t}"
    );
    assert!(t.contains("Resumen: 2 archivos"), "{t}");
    let salida = dir.path().join("pdf");
    ok(&w.ejecutar(&[dir.path()], &["generar", &z(&carpeta), "-o", &z(&salida)]));
    let linux_salida = dir.path().join("linux");
    ok(&linux(&[
        "generar",
        carpeta.to_str().unwrap(),
        "-o",
        linux_salida.to_str().unwrap(),
    ]));
    assert_eq!(
        super::archivos(&salida).keys().collect::<Vec<_>>(),
        ["Colta.pdf", "OTAVALO.pdf"]
    );
    mismos_archivos(&salida, &linux_salida);
}
