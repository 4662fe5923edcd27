//! Bad input never panics, hangs or exhausts memory: every case of `docs/robustez.md` gets a located
//! S001 (or another clear structural error) and a non-zero exit, and well-formed variants of the
//! base plan (BOM, CRLF) are read as the same plan.

mod common;

use common::{base, diagnosticos, validar_json, write_plan};

/// Runs `validar` on `bytes` and returns the first diagnostic, checking exit code 1 and that it
/// is the only file-level problem reported.
fn first(bytes: &[u8]) -> serde_json::Value {
    let (_dir, path) = write_plan("plan.yaml", bytes);
    let (code, json) = validar_json(&path, &[]);
    assert_eq!(code, 1, "{json}");
    diagnosticos(&json)
        .into_iter()
        .next()
        .expect("a diagnostic")
}

fn pos(d: &serde_json::Value) -> (&str, u64, u64) {
    (
        d["codigo"].as_str().unwrap(),
        d["linea"].as_u64().unwrap(),
        d["columna"].as_u64().unwrap(),
    )
}

#[test]
fn tab_indentation_is_pointed_at() {
    let text = base().replace("    impacto: alto", "\timpacto: alto");
    let d = first(text.as_bytes());
    assert_eq!(pos(&d), ("S001", 16, 1));
    assert!(d["mensaje"].as_str().unwrap().contains("tabulación"));
}

#[test]
fn bom_and_crlf_are_read_as_the_same_plan() {
    let text = format!("\u{feff}{}", base().replace('\n', "\r\n"));
    let (_dir, path) = write_plan("plan.yaml", text);
    let (code, json) = validar_json(&path, &[]);
    assert_eq!((code, diagnosticos(&json).len()), (0, 0), "{json}");
    // Positions are still right with both: break a field on line 6.
    let text = format!(
        "\u{feff}{}",
        base()
            .replace("estado: borrador", "estado: borador")
            .replace('\n', "\r\n")
    );
    assert_eq!(pos(&first(text.as_bytes())), ("S005", 6, 9));
}

#[test]
fn latin1_file_is_named_as_such_at_its_first_accent() {
    let text = base();
    let mut bytes = Vec::new();
    for c in text.chars() {
        // Encode as Latin-1: every char of the base plan is below U+0100.
        bytes.push(u32::from(c) as u8);
    }
    let d = first(&bytes);
    // The first non-ASCII character is the "á" of "Plan mínimo" on line 1.
    assert_eq!(pos(&d), ("S001", 1, 9));
    assert!(d["mensaje"].as_str().unwrap().contains("Latin-1"), "{d}");
}

#[test]
fn alias_bomb_is_refused_quickly() {
    let mut text = String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    let mut prev = 'a';
    for name in "bcdefghijklmnopq".chars() {
        text.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
        prev = name;
    }
    let d = first(text.as_bytes());
    assert_eq!(d["codigo"], "S001");
    assert!(d["mensaje"].as_str().unwrap().contains("anclas"), "{d}");
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("formato: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let d = first(text.as_bytes());
    assert_eq!(d["codigo"], "S001");
    assert!(d["mensaje"].as_str().unwrap().contains("anidado"), "{d}");
    assert_eq!(d["linea"], 1);
}

#[test]
fn huge_file_is_refused_without_reading_it_whole() {
    let mut text = base().into_bytes();
    text.resize(50 * 1024 * 1024, b'#');
    let d = first(&text);
    assert_eq!(pos(&d), ("S001", 1, 1));
    assert!(d["mensaje"].as_str().unwrap().contains("demasiado grande"));
}

#[test]
fn binary_garbage_is_refused_at_the_first_nul() {
    let mut bytes = b"formato: 1\nplan".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7919 % 251) as u8));
    let d = first(&bytes);
    assert_eq!(pos(&d), ("S001", 2, 5));
    assert!(d["mensaje"].as_str().unwrap().contains("no es de texto"));
}

#[test]
fn random_bytes_without_nul_still_get_a_position() {
    let bytes: Vec<u8> = (1..20000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8 | 1)
        .collect();
    let d = first(&bytes);
    assert_eq!(d["codigo"], "S001");
    assert!(d["linea"].as_u64().unwrap() >= 1 && d["columna"].as_u64().unwrap() >= 1);
}

#[test]
fn empty_file_scalar_root_and_several_documents() {
    let d = first(b"");
    assert_eq!(pos(&d), ("S003", 1, 1));
    assert!(d["mensaje"].as_str().unwrap().contains("vacío"));
    let d = first(b"solo un texto\n");
    assert_eq!(d["codigo"], "S003");
    let d = first(format!("{}---\nformato: 1\n", base()).as_bytes());
    assert_eq!(d["codigo"], "S001");
    assert!(
        d["mensaje"]
            .as_str()
            .unwrap()
            .contains("más de un documento"),
        "{d}"
    );
}

#[test]
fn a_folder_with_a_bad_file_still_checks_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), base()).unwrap();
    std::fs::write(dir.path().join("b.yaml"), b"\x00\x01").unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        base().replace("estado: borrador", "estado: x"),
    )
    .unwrap();
    std::fs::write(dir.path().join("c.observaciones.yaml"), "no es un plan").unwrap();
    let (code, json) = validar_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let archivos = json["archivos"].as_array().unwrap();
    let names: Vec<&str> = archivos
        .iter()
        .map(|a| a["archivo"].as_str().unwrap())
        .collect();
    // The observations file is checked as the review of c.yaml, right after it.
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(names[3].ends_with("c.observaciones.yaml"), "{names:?}");
    let errores: Vec<u64> = archivos
        .iter()
        .map(|a| a["errores"].as_u64().unwrap())
        .collect();
    assert_eq!(errores, [0, 1, 1, 1]);
    let d = &archivos[3]["diagnosticos"][0];
    assert_eq!(
        (
            d["codigo"].as_str(),
            d["linea"].as_u64(),
            d["columna"].as_u64()
        ),
        (Some("S003"), Some(1), Some(1))
    );
    assert!(
        d["mensaje"]
            .as_str()
            .unwrap()
            .contains("las observaciones deben ser un conjunto de campos"),
        "{d}"
    );
    assert_eq!(json["resumen"]["archivos"], 4);
    assert_eq!(json["resumen"]["errores"], 3);
}

#[test]
fn missing_path_cannot_run() {
    let out = common::cantonal(&["validar", "no-existe.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no existe"));
}
