//! Plan text never reaches the terminal as commands: a canton name with an escape sequence and a
//! bell is printed as visible escapes by `validar`, `comparar` and `informe`.

mod common;

use common::{base, cantonal};

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
