//! Plan text never reaches the terminal as commands: a canton name with an escape sequence and a
//! bell is printed as visible escapes by `validar`, `comparar` and `informe`.

use crate::common::{base, cantonal};

/// The base plan with an escape sequence (red text) and a bell in the canton's name, written as
/// YAML escapes so that the file itself is valid.
fn hostil() -> String {
    base().replace("nombre: Ibarra,", "nombre: \"Ibarra\\e[31m\\a\",")
}

fn stdout_of(args: &[&str]) -> String {
    let out = cantonal(args);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "a raw control character reached the terminal: {text:?}"
    );
    text
}

#[test]
fn validar_shows_control_characters_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, hostil()).unwrap();
    let text = stdout_of(&["validar", plan.to_str().unwrap()]);
    // The name does not match the DPA catalogue (C001), so it is quoted in the message too.
    assert!(
        text.contains("el código `1001` corresponde a Ibarra, no a `Ibarra\\u{1b}[31m\\u{7}`"),
        "{text}"
    );
    assert!(
        text.ends_with(&format!(
            "{} (Ibarra\\u{{1b}}[31m\\u{{7}}): 1 error, 0 advertencias, 0 sugerencias\n",
            plan.display()
        )),
        "{text}"
    );
}

#[test]
fn comparar_shows_control_characters_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    std::fs::write(&a, base()).unwrap();
    std::fs::write(&b, hostil()).unwrap();
    let text = stdout_of(&["comparar", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(
        text.starts_with("~ canton.nombre: Ibarra → Ibarra\\u{1b}[31m\\u{7}\n"),
        "{text:?}"
    );
}

#[test]
fn informe_shows_control_characters_as_escapes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ibarra.yaml"), hostil()).unwrap();
    let text = stdout_of(&["informe", dir.path().to_str().unwrap()]);
    let fila = text
        .lines()
        .find(|l| l.contains("ibarra.yaml"))
        .expect("the plan's row");
    assert!(fila.starts_with("  Ibarra\\u{1b}[31m\\u{7}  "), "{fila:?}");
}

#[test]
fn generar_shows_control_characters_of_file_names_as_escapes() {
    // A plan whose file name carries a terminal title sequence and a bell: the name of the
    // document written beside it is printed escaped.
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("x\u{1b}]0;hola\u{7}.yaml");
    std::fs::write(&plan, base()).unwrap();
    let text = stdout_of(&["generar", plan.to_str().unwrap(), "--formato", "md"]);
    let carpeta = dir.path().display();
    assert!(
        text.starts_with(&format!("{carpeta}/x\\u{{1b}}]0;hola\\u{{7}}.md: ")),
        "{text:?}"
    );
    assert!(dir.path().join("x\u{1b}]0;hola\u{7}.md").is_file());
    // The same name in a refusal, on standard error.
    std::fs::write(&plan, base().replace("estado: borrador", "estado: nada")).unwrap();
    let out = cantonal(&["generar", plan.to_str().unwrap(), "--formato", "md"]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert_eq!(
        err,
        format!(
            "error: no se generó el documento: {carpeta}/x\\u{{1b}}]0;hola\\u{{7}}.yaml tiene 1 error. Corríjalo y vuelva a intentarlo.\n"
        )
    );
}

#[test]
fn a_batch_counts_its_plans_in_singular_and_plural() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), base()).unwrap();
    let salida = tempfile::tempdir().unwrap();
    let args = |d: &std::path::Path| {
        cantonal(&[
            "generar",
            d.to_str().unwrap(),
            "--formato",
            "md",
            "-o",
            salida.path().to_str().unwrap(),
            "--quiet",
        ])
    };
    std::fs::write(
        dir.path().join("b.yaml"),
        base().replace("estado: borrador", "estado: nada"),
    )
    .unwrap();
    let out = args(dir.path());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "\nResumen: 2 planes; 1 generado, 1 no generado.\n"
    );
}
