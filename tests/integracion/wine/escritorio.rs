//! The double-click start of the Windows build (`src/cli/escritorio.rs`): started with a console
//! of its own and no arguments, as the Explorer starts it, `cantonal.exe` recognises it itself
//! (the console has no other process), makes `Documents\Planes cantonales` with the example
//! plans the first time, leaves the folder as the user keeps it after, and, when it cannot
//! start, waits for Enter so that the window does not close before its message is read.
//!
//! `examples/doble_clic.rs` starts it so, with the window's input and output on pipes: the
//! console of its own is real (that is what the program checks); what a real console window
//! shows is not, see docs/distribucion.md.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;

use super::{EnMarcha, Windows, archivos, quitar, windows, z};

/// The user's Documents folder, as Windows names it.
const DOCUMENTOS: &str = r"C:\users\José Ñauta\Documents";

/// `cantonal.exe` started as by a double-click, from its own folder as the Explorer does.
fn doble_clic(w: &Windows) -> EnMarcha {
    let carpeta = w.exe.parent().unwrap();
    EnMarcha::iniciar(
        w.programa(&w.doble_clic, carpeta.to_str().unwrap(), &[], &[&z(&w.exe)]),
        Stdio::piped(),
    )
}

/// Closes the window (the end of its input): `doble_clic.exe` ends the program.
fn cerrar(mut m: EnMarcha) {
    drop(m.hijo.stdin.take());
    let _ = m.terminar();
}

/// The example plans of the source tree, by path inside `plans/`.
fn ejemplos() -> std::collections::BTreeMap<String, Vec<u8>> {
    archivos(Path::new("plans"))
        .into_iter()
        .filter(|(n, _)| {
            (n.ends_with(".yaml") && !n.starts_with("nacional/")) || n.starts_with("esquema/")
        })
        .collect()
}

#[test]
fn a_double_click_makes_the_plans_folder_with_the_examples_once_and_then_leaves_it_alone() {
    let Some(w) = windows() else { return };
    let _documentos = super::documentos();
    let documentos = w.ruta(DOCUMENTOS);
    let carpeta = documentos.join("Planes cantonales");
    quitar(&carpeta);

    let mut primera = doble_clic(&w);
    let (puerto, token, aviso) = primera.direccion();
    let aviso = aviso.join("\n");
    assert!(
        aviso.contains(&format!("\n    {DOCUMENTOS}\\Planes cantonales\n")),
        "{aviso}"
    );
    assert!(
        aviso.contains("Ahí se copiaron planes de ejemplo"),
        "{aviso}"
    );
    assert!(
        aviso.contains("Para cerrar el editor, cierre esta ventana"),
        "{aviso}"
    );
    // Every example, whole, and nothing else (no half-copied temporary folder).
    assert_eq!(archivos(&carpeta), ejemplos());
    let junto: Vec<String> = std::fs::read_dir(&documentos)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(junto, ["Planes cantonales"]);
    // The editor serves that folder.
    let c = super::editor::cliente(puerto, &token);
    assert_eq!(c.plan("colta.yaml")["valor"]["canton"]["nombre"], "Colta");
    cerrar(primera);

    // The user changes one example and deletes another; the next start keeps both.
    std::fs::write(carpeta.join("otavalo.yaml"), "# mi borrador\n").unwrap();
    std::fs::remove_file(carpeta.join("colta.yaml")).unwrap();
    let antes = archivos(&carpeta);
    let mut segunda = doble_clic(&w);
    let (puerto, token, aviso) = segunda.direccion();
    let aviso = aviso.join("\n");
    assert!(
        aviso.contains(&format!("{DOCUMENTOS}\\Planes cantonales")),
        "{aviso}"
    );
    assert!(!aviso.contains("ejemplo"), "{aviso}");
    let c = super::editor::cliente(puerto, &token);
    assert_eq!(c.plan("ibarra.yaml")["valor"]["canton"]["nombre"], "Ibarra");
    cerrar(segunda);
    assert_eq!(archivos(&carpeta), antes);
    assert!(!carpeta.join("colta.yaml").exists());
    std::fs::remove_dir_all(&carpeta).unwrap();
}

#[test]
fn a_double_click_that_cannot_start_waits_for_enter_before_its_window_closes() {
    let Some(w) = windows() else { return };
    let _documentos = super::documentos();
    let documentos = w.ruta(DOCUMENTOS);
    let estorbo = documentos.join("Planes cantonales");
    quitar(&estorbo);
    std::fs::write(&estorbo, "").unwrap();

    let mut m = doble_clic(&w);
    let mut errores = BufReader::new(m.hijo.stderr.take().unwrap());
    let mut mensaje = String::new();
    while !mensaje.contains("Pulse Intro para cerrar esta ventana.") {
        let mut l = String::new();
        assert_ne!(errores.read_line(&mut l).unwrap(), 0, "{mensaje}");
        mensaje.push_str(&l);
    }
    assert!(
        mensaje.contains(&format!(
            "error: {DOCUMENTOS}\\Planes cantonales existe pero no es una carpeta."
        )),
        "{mensaje}"
    );
    assert!(mensaje.contains("ayuda: cámbiele el nombre"), "{mensaje}");
    // The window stays: the program is still there a while after asking.
    std::thread::sleep(std::time::Duration::from_secs(1));
    assert_eq!(
        m.hijo.try_wait().unwrap(),
        None,
        "the window closed without Enter"
    );
    m.hijo.stdin.as_mut().unwrap().write_all(b"\n").unwrap();
    m.hijo.stdin.as_mut().unwrap().flush().unwrap();
    let mut resto = String::new();
    std::io::Read::read_to_string(&mut errores, &mut resto).unwrap();
    let (codigo, salida, _) = m.terminar();
    assert_eq!(codigo, Some(2), "{resto}");
    assert!(resto.contains("doble_clic: el programa terminó"), "{resto}");
    assert_eq!(salida, "", "no editor, no notice");
    assert!(estorbo.is_file(), "the user's file is left alone");
    std::fs::remove_file(&estorbo).unwrap();
}
