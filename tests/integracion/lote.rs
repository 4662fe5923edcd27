//! Batch generation: several plans or a folder, in parallel; a plan with errors is reported and
//! skipped while the rest build; exit 1 when any failed.

use crate::common::{base, cantonal, mutate};

#[test]
fn a_folder_is_rendered_and_bad_plans_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let planes = dir.path().join("planes");
    cantonal::sintetico::write_all(&planes, 5).unwrap();
    std::fs::write(
        planes.join("roto.yaml"),
        mutate("estado: borrador", "estado: borador"),
    )
    .unwrap();
    std::fs::write(planes.join("bueno.yaml"), base()).unwrap();
    let salida = dir.path().join("html");
    let o = cantonal(&[
        "generar",
        planes.to_str().unwrap(),
        "--formato",
        "html",
        "-o",
        salida.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stdout.contains("Resumen: 7 planes; 6 generados, 1 no generado."),
        "{stdout}"
    );
    assert!(
        stdout.contains("error[S005]: `borador` no es un valor válido para `estado`"),
        "{stdout}"
    );
    assert!(stderr.contains("roto.yaml tiene 1 error"), "{stderr}");
    let mut made: Vec<String> = std::fs::read_dir(&salida)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    made.sort();
    assert_eq!(made.len(), 6, "{made:?}");
    assert!(made.contains(&"bueno.html".to_owned()) && !made.iter().any(|m| m.starts_with("roto")));
    // No progress bar when the output is not a terminal.
    assert!(!stderr.contains("planes ·"), "{stderr}");
}

#[test]
fn several_files_are_rendered_as_a_batch() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.yaml");
    let b = dir.path().join("b.yaml");
    std::fs::write(&a, base()).unwrap();
    std::fs::write(&b, base()).unwrap();
    let o = cantonal(&[
        "generar",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--formato",
        "md",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(dir.path().join("a.md").is_file() && dir.path().join("b.md").is_file());
    // Written through a private temporary file, but readable like any saved document.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("a.md"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}
