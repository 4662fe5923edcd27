//! A document or a plan that another program holds open while `cantonal.exe` replaces it, as a
//! PDF reader or Word holds the file they show: Windows refuses the rename, `src/escritura.rs`
//! retries for about two seconds and then says in Spanish what may hold the file, and the file
//! stays as it was. The other program is `examples/retener.rs`, which opens the file allowing
//! others to read it but not to replace it and starts `cantonal.exe` itself: Wine enforces such
//! sharing rules only among the processes of one wineserver, as Windows does in one session.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use serde_json::json;

use super::{EnMarcha, Windows, linux, ok, windows, z};
use cantonal::escritura::RETENIDO;

/// `retener.exe ARCHIVO cantonal.exe ARGS` under Wine, with its input piped (a line `soltar`
/// lets the file go; the end of the input ends `cantonal.exe`).
fn retener(w: &Windows, carpeta: &Path, archivo: &Path, args: &[&str]) -> EnMarcha {
    let mut todos = vec![z(archivo), z(&w.exe)];
    todos.extend(args.iter().map(|a| a.to_string()));
    let todos: Vec<&str> = todos.iter().map(String::as_str).collect();
    let compartir = [carpeta, w.exe.parent().unwrap()];
    EnMarcha::iniciar(
        w.programa(&w.retener, carpeta.to_str().unwrap(), &compartir, &todos),
        Stdio::piped(),
    )
}

/// The temporary files of writes left in `carpeta`.
fn temporales(carpeta: &Path) -> Vec<String> {
    std::fs::read_dir(carpeta)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".cantonal-"))
        .collect()
}

/// A folder with the Ibarra plan and an older `ibarra.pdf` beside it.
fn carpeta_con_pdf() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("ibarra.yaml");
    std::fs::copy("plans/ibarra.yaml", &plan).unwrap();
    let pdf = dir.path().join("ibarra.pdf");
    std::fs::write(&pdf, b"%PDF la version anterior").unwrap();
    (dir, plan, pdf)
}

#[test]
fn a_pdf_held_open_the_whole_time_is_left_as_it_was_with_a_spanish_message() {
    let Some(w) = windows() else { return };
    let (dir, plan, pdf) = carpeta_con_pdf();
    let retenedor = retener(&w, dir.path(), &pdf, &["generar", &z(&plan)]);
    // The input stays open (the file stays held) until `generar` gives up.
    let (codigo, salida, errores) = retenedor.terminar();
    assert_eq!(codigo, Some(2), "{salida}\n{errores}");
    assert!(errores.contains("retener: "), "{errores}");
    assert!(
        errores.contains(&format!("no se pudo escribir {}: {RETENIDO}", z(&pdf))),
        "{errores}"
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF la version anterior");
    assert_eq!(temporales(dir.path()), Vec::<String>::new());
}

#[test]
fn a_pdf_let_go_while_generar_retries_is_replaced() {
    let Some(w) = windows() else { return };
    let (dir, plan, pdf) = carpeta_con_pdf();
    let mut retenedor = retener(&w, dir.path(), &pdf, &["generar", &z(&plan)]);
    // The new document waits in its temporary file while the PDF is held: the first attempt at
    // replacing it has failed. The holder lets go a moment later, well within the retries.
    while temporales(dir.path()).is_empty() {
        assert_eq!(
            retenedor.hijo.try_wait().unwrap(),
            None,
            "generar ended before writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut entrada = retenedor.hijo.stdin.take().unwrap();
    entrada.write_all(b"soltar\n").unwrap();
    let (codigo, salida, errores) = retenedor.terminar();
    drop(entrada);
    assert_eq!(codigo, Some(0), "{salida}\n{errores}");
    assert!(errores.contains("retener: soltado"), "{errores}");
    let linux_pdf = dir.path().join("linux.pdf");
    ok(&linux(&[
        "generar",
        plan.to_str().unwrap(),
        "-o",
        linux_pdf.to_str().unwrap(),
    ]));
    assert!(std::fs::read(&pdf).unwrap() == std::fs::read(&linux_pdf).unwrap());
    assert_eq!(temporales(dir.path()), Vec::<String>::new());
}

#[test]
fn the_editor_does_not_save_over_a_plan_another_program_holds_and_says_why() {
    let Some(w) = windows() else { return };
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("ibarra.yaml");
    std::fs::copy("plans/ibarra.yaml", &plan).unwrap();
    let original = std::fs::read(&plan).unwrap();
    let mut editor = retener(
        &w,
        dir.path(),
        &plan,
        &["editar", "--no-abrir", &z(dir.path())],
    );
    let (puerto, token, _) = editor.direccion();
    let c = super::editor::cliente(puerto, &token);
    // Held for writing, still readable: the page opens it.
    let p = c.plan("ibarra.yaml");
    let mut valor = p["valor"].clone();
    valor["acciones"][2]["indicador"]["meta"] = json!(95);
    let pedido = json!({"archivo": "ibarra.yaml", "version": p["version"], "valor": valor});
    let r = c.post("/api/guardar", &pedido);
    assert_eq!(r.status, 409, "{}", String::from_utf8_lossy(&r.body));
    let mensaje = r.json()["mensaje"].as_str().unwrap().to_owned();
    assert!(
        mensaje.starts_with("No se guardó: no se pudo escribir"),
        "{mensaje}"
    );
    assert!(mensaje.contains(RETENIDO), "{mensaje}");
    assert!(
        mensaje.contains("El archivo anterior sigue intacto"),
        "{mensaje}"
    );
    assert_eq!(std::fs::read(&plan).unwrap(), original);
    assert_eq!(temporales(dir.path()), Vec::<String>::new());
    // Once the other program lets go, the same save goes through.
    let mut entrada = editor.hijo.stdin.take().unwrap();
    entrada.write_all(b"soltar\n").unwrap();
    entrada.flush().unwrap();
    let mut intentos = 0;
    let r = loop {
        // `soltar` is read by the holder in its own time: the save is asked again until the
        // holder has let go (at most a few times; each attempt is a full round of retries).
        let r = c.post("/api/guardar", &pedido);
        intentos += 1;
        if r.status != 409 || intentos == 5 {
            break r;
        }
    };
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .contains("      meta: 95\n")
    );
    // The end of the input ends the editor.
    drop(entrada);
    let (_, _, e) = editor.terminar();
    assert!(e.contains("retener: soltado"), "{e}");
}
