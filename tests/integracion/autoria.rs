//! Authoring comfort: `nuevo`, the JSON Schema for editors, `vigilar`, completions and the man
//! page, and the whole sequence nuevo → edit → validar → generar for a canton without example.

use crate::common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{cantonal, validar_json};

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn nuevo_finds_cantons_by_code_or_name_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["nuevo", "--canton", "1004"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("otavalo.yaml")).unwrap();
    assert!(
        text.starts_with("# yaml-language-server: $schema=esquema/plan-cantonal.schema.json\n")
    );
    // Each field's comment is its label, help and requirement from the catalogue of fields.
    assert!(text.contains(
        "  # Nombre del cantón. El nombre corto del cantón, como se usa a diario. Obligatorio.\n  nombre: Otavalo\n"
    ), "{text}");
    assert!(text.contains("  codigo: \"1004\"\n") && text.contains("  provincia: Imbabura\n"));
    let valor: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(valor["canton"]["codigo"].as_str(), Some("1004"));
    assert!(
        dir.path()
            .join("esquema/plan-cantonal.schema.json")
            .is_file()
    );
    // Every field is explained and says whether it is mandatory.
    assert!(text.matches("Obligatorio").count() >= 8 && text.matches("Opcional").count() >= 4);

    // The same canton by name, without accents and in another case: refuses to overwrite.
    let o = run_in(dir.path(), &["nuevo", "--canton", "OTAVALO"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("ya existe"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("otavalo.yaml")).unwrap(),
        text
    );

    let o = run_in(
        dir.path(),
        &["new", "--canton", "giron", "-o", "plan-giron.yaml"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(dir.path().join("plan-giron.yaml"))
            .unwrap()
            .contains("  nombre: Girón\n  # Provincia. La provincia a la que pertenece el cantón. Obligatorio.\n  provincia: Azuay\n")
    );

    let o = run_in(dir.path(), &["nuevo", "--canton", "Otabalo"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Los más parecidos: Otavalo (1004, Imbabura)")
    );
    let o = run_in(dir.path(), &["nuevo", "--canton", "Bolívar"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("Bolívar de Carchi (código 0402)")
            && err.contains("Bolívar de Manabí (código 1302)"),
        "{err}"
    );
}

#[test]
fn a_fresh_plan_reports_only_what_is_left_to_fill_in() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["nuevo", "--canton", "0101"]);
    let path = dir.path().join("cuenca.yaml");
    let (code, json) = validar_json(&path, &[]);
    assert_eq!(code, 1);
    let diags = common::diagnosticos(&json);
    // The fresh route already says whom each stage serves (`todas`), the reference's response
    // time and where the risk assessment before reintegration goes (a text to fill in, C009):
    // only what the official must write is reported, the case figures of the diagnosis (C016)
    // among them.
    assert_eq!(
        common::codigos(&json),
        ["A001", "A002", "C008", "C009", "C016"]
            .into_iter()
            .map(String::from)
            .collect()
    );
    // One A001 per mandatory axis and one A002 per mandatory stage, each at its own line.
    let count = |c: &str| diags.iter().filter(|d| d["codigo"] == c).count();
    assert_eq!((count("A001"), count("A002")), (4, 7));
    let text = std::fs::read_to_string(&path).unwrap();
    for d in &diags {
        let line = text
            .lines()
            .nth(d["linea"].as_u64().unwrap() as usize - 1)
            .unwrap();
        match d["codigo"].as_str().unwrap() {
            "C009" => assert!(line.contains("POR COMPLETAR"), "{line}"),
            "A002" => assert!(line.contains("- etapa:"), "{line}"),
            "A001" => assert!(line.contains("eje:"), "{line}"),
            _ => {}
        }
    }
}

#[test]
fn any_sentence_can_replace_a_placeholder_of_a_fresh_plan() {
    let dir = tempfile::tempdir().unwrap();
    run_in(dir.path(), &["nuevo", "--canton", "Otavalo"]);
    let path = dir.path().join("otavalo.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Every text the official writes sits alone on its line, below its field.
    let huecos = text
        .lines()
        .filter(|l| l.contains("POR COMPLETAR") && !l.trim_start().starts_with('#'))
        .count();
    assert!(huecos >= 12, "{huecos}");
    for l in text.lines().filter(|l| l.contains("POR COMPLETAR")) {
        let l = l.trim_start();
        assert!(l.starts_with('#') || l.starts_with("POR COMPLETAR"), "{l}");
    }
    let frase = "Coordinación: GAD, CCPD y \"la Junta\"; el 'plan' # 1 - {a} [b] & *c* @d % |e >f";
    let llenado: String = text
        .lines()
        .map(|l| {
            if l.contains("POR COMPLETAR") && !l.trim_start().starts_with('#') {
                let sangria = &l[..l.len() - l.trim_start().len()];
                format!("{sangria}{frase}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&path, &llenado).unwrap();
    let (_, json) = validar_json(&path, &[]);
    // Only what is still to do: actions, route responsibles and case figures; no structure
    // error, no placeholder left.
    assert_eq!(
        common::codigos(&json),
        ["A001", "A002", "C008", "C016"]
            .into_iter()
            .map(String::from)
            .collect(),
        "{json:#}"
    );
    // The sentence arrives whole, quotes and `#` included.
    let plan = cantonal::validar(&path, cantonal::rules::Opciones::default());
    let plan = plan.loaded.datos.unwrap();
    assert_eq!(plan.objetivos[0].descripcion, frase);
    assert_eq!(
        plan.actores[0]
            .contacto
            .as_ref()
            .unwrap()
            .telefono
            .as_deref(),
        Some(frase)
    );
    assert_eq!(
        plan.presentacion.as_deref(),
        Some(format!("{frase}\n").as_str())
    );
}

/// Fills a fresh plan in as an official would: real text, one action per objective, a
/// responsible actor with contact for every stage.
fn fill_in(text: &str, s: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = if line.trim_start().starts_with('#') {
            line.to_owned()
        } else if line.trim() == "POR COMPLETAR" {
            // The telephone and e-mail of the three cantonal bodies.
            line.replace("POR COMPLETAR", "(07) 000-0000")
        } else {
            line.replace("POR COMPLETAR: ", "")
        };
        let line = if line.trim() == "responsable:" {
            line.replace("responsable:", &format!("responsable: jcpd-{s}"))
        } else if line.starts_with("  inicio: ") {
            "  inicio: 2026-01-01".to_owned()
        } else if line.starts_with("  fin: ") {
            "  fin: 2028-12-31".to_owned()
        } else {
            line
        };
        out.push_str(&line);
        out.push('\n');
    }
    let acciones: String = (1..=4)
        .map(|i| {
            format!(
                "  - id: A{i}\n    objetivo: O{i}\n    descripcion: Acción {i}\n    responsable: {}\n    indicador: {{ nombre: Sesiones, unidad: sesiones, linea_base: 0, meta: 4, medio_verificacion: Actas }}\n    plazo: {{ inicio: 2026-03-01, fin: 2026-11-30 }}\n",
                if i == 3 { format!("gad-{s}") } else { format!("ccpd-{s}") }
            )
        })
        .collect();
    out.replace("acciones: []", &format!("acciones:\n{acciones}"))
}

#[test]
fn nuevo_edit_validar_generar_for_a_canton_without_example() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_in(dir.path(), &["nuevo", "--canton", "Cuenca"]);
    assert_eq!(o.status.code(), Some(0));
    let path = dir.path().join("cuenca.yaml");
    let filled = fill_in(&std::fs::read_to_string(&path).unwrap(), "cuenca");
    std::fs::write(&path, filled).unwrap();
    let (code, json) = validar_json(&path, &[]);
    assert_eq!(code, 0, "{json:#}");
    assert_eq!(json["archivos"][0]["errores"], 0);
    let o = run_in(dir.path(), &["generar", "cuenca.yaml"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        std::fs::metadata(dir.path().join("cuenca.pdf"))
            .unwrap()
            .len()
            > 20_000
    );
}

fn plan_as_json(path: &Path) -> serde_json::Value {
    let yaml: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    serde_json::to_value(yaml).unwrap()
}

fn schema_validator() -> jsonschema::Validator {
    validator_of(&["esquema"])
}

fn validator_of(args: &[&str]) -> jsonschema::Validator {
    let out = cantonal(args);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

#[test]
fn every_example_is_valid_against_the_schema_and_bad_plans_are_not() {
    let validator = schema_validator();
    let observaciones = validator_of(&["esquema", "--observaciones"]);
    let seguimiento = validator_of(&["esquema", "--seguimiento"]);
    for entry in std::fs::read_dir("plans").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let validator = if cantonal::plan::observaciones::es_archivo(&path) {
                &observaciones
            } else if cantonal::plan::seguimiento::es_archivo(&path) {
                &seguimiento
            } else {
                &validator
            };
            let errors: Vec<String> = validator
                .iter_errors(&plan_as_json(&path))
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        }
    }
    let base = plan_as_json(&common::fixture("base.yaml"));
    type Breaks = fn(&mut serde_json::Value);
    let bad: [(&str, Breaks); 6] = [
        ("unknown key", |p| {
            p["acciones"][0]["responsble"] = "gad".into()
        }),
        ("purpose outside the catalogue", |p| {
            p["riesgos"][0]["fines"][0] = "explotacion_sexaul".into()
        }),
        ("malformed date", |p| {
            p["periodo"]["fin"] = "31/12/2028".into()
        }),
        ("missing field", |p| {
            p["acciones"][0]
                .as_object_mut()
                .unwrap()
                .remove("indicador");
        }),
        ("unknown axis", |p| {
            p["objetivos"][0]["eje"] = "prevension".into()
        }),
        ("code as number", |p| p["canton"]["codigo"] = 1001.into()),
    ];
    assert!(validator.is_valid(&base));
    for (what, breaks) in bad {
        let mut plan = base.clone();
        breaks(&mut plan);
        assert!(
            !validator.is_valid(&plan),
            "schema accepts a plan with {what}"
        );
    }
}

#[test]
fn committed_schema_and_format_reference_are_up_to_date() {
    common::al_dia(
        "plans/esquema/plan-cantonal.schema.json",
        &cantonal::generados::esquema_plan(),
    );
    common::al_dia(
        "plans/esquema/observaciones.schema.json",
        &cantonal::generados::esquema_observaciones(),
    );
    common::al_dia("docs/formato.md", &cantonal::generados::formato_markdown());
    common::al_dia(
        "plans/esquema/seguimiento.schema.json",
        &cantonal::generados::esquema_seguimiento(),
    );
    common::al_dia(
        "docs/formato-seguimiento.md",
        &cantonal::generados::formato_seguimiento_markdown(),
    );
}

#[test]
fn completions_and_manual_come_from_the_clap_definitions() {
    let o = cantonal(&["completions", "bash"]);
    assert_eq!(o.status.code(), Some(0));
    let bash = String::from_utf8(o.stdout).unwrap();
    for sub in [
        "validar", "generar", "nuevo", "vigilar", "esquema", "comparar", "informe",
    ]
    .iter()
    .take(5)
    {
        assert!(bash.contains(sub), "completion without {sub}");
    }
    let o = cantonal(&["manual"]);
    let man = String::from_utf8(o.stdout).unwrap();
    assert!(
        man.starts_with(".ie") || man.contains(".TH cantonal"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(man.contains("validar"));
}

fn wait_for(what: &str, timeout: Duration, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts `cantonal vigilar` with `args`, its output captured.
fn vigilar(args: &[&std::ffi::OsStr]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_cantonal"))
        .arg("vigilar")
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Sends Ctrl-C to `child` and waits (at most 10 s) for it to stop.
fn interrumpir(child: &mut std::process::Child) -> std::process::ExitStatus {
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "vigilar did not stop on Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn vigilar_rebuilds_on_save_and_survives_bad_saves() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    let html = dir.path().join("plan.html");
    let base = std::fs::read_to_string(common::fixture("base.yaml")).unwrap();
    std::fs::write(&plan, &base).unwrap();
    let mut child = vigilar(&["--formato".as_ref(), "html".as_ref(), plan.as_os_str()]);
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    wait_for("first build", Duration::from_secs(30), || {
        read(&html).contains("Talleres en colegios")
    });

    // A save by rename, as many editors do.
    let tmp = dir.path().join(".plan.yaml.swp");
    std::fs::write(
        &tmp,
        base.replace("Talleres en colegios", "Talleres en escuelas rurales"),
    )
    .unwrap();
    std::fs::rename(&tmp, &plan).unwrap();
    wait_for("rebuild after a save", Duration::from_secs(30), || {
        read(&html).contains("Talleres en escuelas rurales")
    });

    // A bad save: the last good output stays, and the watcher keeps running.
    std::fs::write(
        &plan,
        base.replace(
            "responsable: ccpd\n    indicador: { nombre: Sesiones",
            "responsable: cpd\n    indicador: { nombre: Sesiones",
        ),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert!(read(&html).contains("Talleres en escuelas rurales"));
    assert!(
        child.try_wait().unwrap().is_none(),
        "vigilar exited on a bad save"
    );

    // Fixed again: rebuilt.
    std::fs::write(
        &plan,
        base.replace("Talleres en colegios", "Talleres corregidos"),
    )
    .unwrap();
    wait_for("rebuild after the fix", Duration::from_secs(30), || {
        read(&html).contains("Talleres corregidos")
    });

    // Ctrl-C stops it cleanly.
    let status = interrumpir(&mut child);
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(status.success(), "{stdout}");
    assert!(
        stdout.contains("error[R002]: el actor `cpd` no existe"),
        "{stdout}"
    );
    assert!(stdout.contains("[vigilar] terminado."));
    // A status line after every build: the time, whether it was generated, and what is missing.
    let estados: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("[vigilar] ") && l.contains(" · "))
        .collect();
    assert!(estados.len() >= 4, "{stdout}");
    let hora = &estados[0]["[vigilar] ".len()..][..8];
    assert!(
        hora.chars().filter(|c| *c == ':').count() == 2,
        "{}",
        estados[0]
    );
    assert!(
        estados[0].contains(" · generado en ")
            && estados[0].contains(" · falta: nada: el plan no tiene problemas."),
        "{}",
        estados[0]
    );
    assert!(
        estados
            .iter()
            .any(|l| l.contains(" · no generado en ") && l.contains("falta: 1 error, ")),
        "{stdout}"
    );
    // Not on a terminal: the screen is never cleared, so a log keeps every build.
    assert!(!stdout.contains("\x1b[2J"));
    let leftovers = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn help_is_spanish_for_every_command() {
    let mut ayudas = vec![cantonal(&["--help"])];
    for sub in [
        "nuevo",
        "validar",
        "generar",
        "vigilar",
        "esquema",
        "explicar",
        "comparar",
        "informe",
        "reglas",
        "completions",
    ] {
        ayudas.push(cantonal(&[sub, "--help"]));
        ayudas.push(cantonal(&[sub, "-h"]));
    }
    for o in ayudas {
        assert_eq!(o.status.code(), Some(0));
        let t = String::from_utf8(o.stdout).unwrap();
        assert!(t.contains("Uso: cantonal"), "{t}");
        for ingles in [
            "Usage",
            "Options",
            "Arguments",
            "Possible values",
            "possible values",
            "default:",
            "OPTIONS",
            "COMMAND",
            "Colour",
            "people",
        ] {
            assert!(!t.contains(ingles), "`{ingles}` in:\n{t}");
        }
    }
}

#[test]
fn vigilar_rebuilds_the_review_copy_when_the_observations_change() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    let obs = dir.path().join("plan.observaciones.yaml");
    let html = dir.path().join("plan.revision.html");
    std::fs::write(&plan, common::base()).unwrap();
    let cabecera = "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n";
    std::fs::write(
        &obs,
        format!("{cabecera}  - {{ ruta: acciones.A1, texto: Primera nota. }}\n"),
    )
    .unwrap();
    let mut child = vigilar(&[
        "--formato".as_ref(),
        "html".as_ref(),
        "--observaciones".as_ref(),
        obs.as_os_str(),
        plan.as_os_str(),
    ]);
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    wait_for("first review copy", Duration::from_secs(30), || {
        read(&html).contains("Primera nota.")
    });
    std::fs::write(
        &obs,
        format!("{cabecera}  - {{ ruta: acciones.A1, texto: Primera nota. }}\n  - {{ ruta: acciones.A2, texto: Segunda nota. }}\n"),
    )
    .unwrap();
    wait_for(
        "rebuild after the observations changed",
        Duration::from_secs(30),
        || read(&html).contains("Segunda nota."),
    );
    assert!(interrumpir(&mut child).success());
    assert!(
        !dir.path().join("plan.html").exists(),
        "the plain document is not written"
    );
}
