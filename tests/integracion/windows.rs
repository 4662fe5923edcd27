//! Files and folders as Windows leaves them: user folders with accents and spaces
//! (`C:\Users\José Ñauta\Documents`), extensions in capitals, and the Windows-only code checked
//! where it is pure logic (`cfg(windows)` unit tests in `src/escritura.rs` and
//! `src/cli/escritorio.rs`, type-checked by `.ci/run` for the Windows target).

use crate::common;

use crate::common::{base, cantonal, cantonal_ok};

/// A Documents folder as Windows names it for a user with accents and a space.
fn documentos() -> (tempfile::TempDir, std::path::PathBuf) {
    let raiz = tempfile::tempdir().unwrap();
    let carpeta = raiz
        .path()
        .join("Users")
        .join("José Ñauta")
        .join("Documents")
        .join("Planes cantonales");
    std::fs::create_dir_all(&carpeta).unwrap();
    (raiz, carpeta)
}

#[test]
fn a_plan_in_a_folder_with_accents_and_spaces_is_checked_and_printed_beside_itself() {
    let (_raiz, carpeta) = documentos();
    let plan = carpeta.join("Plan de Cañar 2025.yaml");
    std::fs::write(&plan, base()).unwrap();
    let p = plan.to_str().unwrap();
    let salida = cantonal_ok(&["validar", p]);
    assert!(
        String::from_utf8_lossy(&salida.stdout).contains("Plan de Cañar 2025.yaml"),
        "{salida:?}"
    );
    let generado = cantonal_ok(&["generar", p]);
    let documento = carpeta.join("Plan de Cañar 2025.pdf");
    assert!(
        String::from_utf8_lossy(&generado.stdout).contains(documento.to_str().unwrap()),
        "{generado:?}"
    );
    // .ci/run installs poppler-utils: the text is read from the written file.
    if !common::poppler() {
        return;
    }
    let texto = std::process::Command::new("pdftotext")
        .arg(&documento)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(String::from_utf8_lossy(&texto.stdout).contains("Ibarra"));
}

#[test]
fn plans_saved_with_a_capital_extension_are_found_in_their_folder() {
    let (_raiz, carpeta) = documentos();
    std::fs::write(carpeta.join("OTAVALO.YAML"), base()).unwrap();
    let salida = cantonal(&["validar", carpeta.to_str().unwrap()]);
    assert_eq!(salida.status.code(), Some(0), "{salida:?}");
    assert!(
        String::from_utf8_lossy(&salida.stdout).contains("OTAVALO.YAML"),
        "{salida:?}"
    );
}
