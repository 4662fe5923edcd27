//! Nothing is lost when writing outputs: an output that is one of the inputs is refused, special
//! files are written into (or refused) and never replaced by a regular file, two plans of a batch
//! never share an output, and an interrupted write leaves no temporary file behind. These are
//! Unix cases (links, device nodes, FIFOs, signals); the Windows replacement of a file another
//! program holds is tested in `src/escritura.rs`.

#![cfg(unix)]

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{base, cantonal};

/// A folder with the base plan as `plan.yaml`.
fn carpeta_con_plan() -> (tempfile::TempDir, std::path::PathBuf) {
    common::write_plan("plan.yaml", base())
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_is_kept() {
    let (dir, plan) = carpeta_con_plan();
    let antes = std::fs::read(&plan).unwrap();
    // The plan itself, through a symbolic link, and as the default name of a plan whose
    // extension is the output's.
    let enlace = dir.path().join("enlace.pdf");
    std::os::unix::fs::symlink(&plan, &enlace).unwrap();
    let como_json = dir.path().join("plan.json");
    std::fs::write(&como_json, base()).unwrap();
    let casos: Vec<Vec<&str>> = vec![
        vec!["generar", s(&plan), "-o", s(&plan)],
        vec!["generar", s(&plan), "-o", s(&enlace)],
        vec!["generar", s(&como_json), "--formato", "json"],
        vec!["informe", s(dir.path()), "-o", s(&plan)],
        vec!["vigilar", s(&plan), "-o", s(&plan)],
    ];
    for args in casos {
        let o = cantonal(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("es el archivo de entrada")
                && stderr(&o).contains("no se sobrescribe"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert_eq!(std::fs::read(&plan).unwrap(), antes, "{args:?}");
    }
    assert_eq!(std::fs::read(&como_json).unwrap(), base().as_bytes());
    // The observations file named as the output of its own review copy.
    let obs = dir.path().join("plan.observaciones.yaml");
    let texto_obs = "revisor: OIM\nfecha: 2026-03-01\nobservaciones:\n  - ruta: presentacion\n    texto: Falta.\n";
    std::fs::write(&obs, texto_obs).unwrap();
    let o = cantonal(&[
        "generar",
        s(&plan),
        "--observaciones",
        s(&obs),
        "-o",
        s(&obs),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&obs).unwrap(), texto_obs);
    assert!(
        !std::fs::read_dir(dir.path()).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .ends_with(".tmp")),
        "a temporary file was left"
    );
}

#[test]
fn special_files_are_written_into_never_replaced() {
    let (dir, plan) = carpeta_con_plan();
    // A character device made here (1:3 is the null device), not the machine's /dev/null.
    let nulo = dir.path().join("nulo");
    let made = Command::new("mknod")
        .args([s(&nulo), "c", "1", "3"])
        .status()
        .unwrap();
    if made.success() {
        let o = cantonal(&["generar", s(&plan), "--formato", "md", "-o", s(&nulo)]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::metadata(&nulo)
                .unwrap()
                .file_type()
                .is_char_device(),
            "the device was replaced by a regular file"
        );
    } else {
        eprintln!("mknod not permitted here: the device case was not exercised");
    }
    // A FIFO without a reader: an error at once, not a hang; the FIFO stays a FIFO.
    let fifo = dir.path().join("tubo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let start = Instant::now();
    let o = cantonal(&["generar", s(&plan), "--formato", "md", "-o", s(&fifo)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("nadie está leyendo esa tubería"),
        "{}",
        stderr(&o)
    );
    assert!(start.elapsed() < Duration::from_secs(20));
    // With a reader, the document goes through the FIFO.
    let lector = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let mut escrito = None;
    for _ in 0..100 {
        // The reader may not have opened the FIFO yet: try again briefly.
        let o = cantonal(&["generar", s(&plan), "--formato", "md", "-o", s(&fifo)]);
        if o.status.code() == Some(0) {
            escrito = Some(o);
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(escrito.is_some(), "the FIFO was never written");
    let leido = lector.join().unwrap();
    assert!(leido.starts_with("# Plan cantonal"), "{leido}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A folder named as the output file is refused.
    let o = cantonal(&["generar", s(&plan), "-o", s(dir.path())]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("es una carpeta"), "{}", stderr(&o));
}

#[test]
fn two_plans_of_a_batch_never_share_an_output() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("x.yaml"), base()).unwrap();
    }
    let salida = dir.path().join("out");
    let a = dir.path().join("a/x.yaml");
    let b = dir.path().join("b/x.yaml");
    let o = cantonal(&["generar", s(&a), s(&b), "--formato", "md", "-o", s(&salida)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o).trim(),
        format!(
            "error: {} y {} se escribirían en el mismo archivo {}: no se generó nada. Genérelos en carpetas distintas o cambie el nombre de uno.",
            a.display(),
            b.display(),
            salida.join("x.md").display()
        )
    );
    assert!(!salida.join("x.md").exists());
}

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    let (dir, plan) = carpeta_con_plan();
    let salida = dir.path().join("plan.md");
    for senal in ["-INT", "-TERM"] {
        let mut hijo = Command::new(env!("CARGO_BIN_EXE_cantonal"))
            .args(["generar", s(&plan), "--formato", "md", "-o", s(&salida)])
            .env("CANTONAL_PAUSA_ESCRITURA_MS", "20000")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the temporary file to exist, then interrupt.
        let start = Instant::now();
        let temporales = || -> Vec<String> {
            std::fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".cantonal-") && n.ends_with(".tmp"))
                .collect()
        };
        while temporales().is_empty() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "no temporary file"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Command::new("kill")
            .args([senal, &hijo.id().to_string()])
            .status()
            .unwrap();
        let estado = hijo.wait().unwrap();
        assert_eq!(estado.code(), Some(130), "{senal}");
        assert_eq!(temporales(), Vec::<String>::new(), "{senal}");
        assert!(!salida.exists(), "{senal}");
    }
}

#[test]
fn a_reader_that_goes_away_ends_the_command_quietly() {
    // `cantonal validar plans/ | head -1`: the reader closes the pipe before the command writes.
    let plans = concat!(env!("CARGO_MANIFEST_DIR"), "/plans");
    let base = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/base.yaml");
    let ibarra = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/ibarra.yaml");
    let casos: Vec<Vec<&str>> = vec![
        vec!["validar", plans],
        vec!["validar", plans, "--formato", "json"],
        vec!["comparar", base, ibarra],
        vec!["informe", plans],
        vec!["reglas"],
        vec!["esquema"],
        vec!["explicar", "C008"],
        vec!["completions", "bash"],
        vec!["manual"],
    ];
    for args in casos {
        let mut hijo = Command::new(env!("CARGO_BIN_EXE_cantonal"))
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(hijo.stdout.take());
        let o = hijo.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
    }
}
