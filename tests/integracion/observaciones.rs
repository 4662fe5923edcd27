//! Review observations (`docs/revision.md`): the file beside a plan is checked against it (unknown paths
//! located at the observation's `ruta`, with a suggestion), `validar` counts the open ones, and
//! `generar --observaciones` lays each one beside the item it addresses, in PDF and HTML, with
//! the table of all of them at the end. Observation text is data, like plan text.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::{Formato, hbs_text, pdf};
use crate::common::{base, cantonal, cantonal_ok, validar_json};
use cantonal::reference::nacional::Referencia;
use cantonal::render::templates::Plantillas;
use cantonal::render::typst::{PdfConfig, text};
use cantonal::rules::Opciones;
use cantonal::rules::revision::Revision;

/// A folder holding `plan.yaml` (the base plan) and `plan.observaciones.yaml` with `obs`.
fn review(obs: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    let obs_path = dir.path().join("plan.observaciones.yaml");
    std::fs::write(&plan, base()).unwrap();
    std::fs::write(&obs_path, obs).unwrap();
    (dir, plan, obs_path)
}

const CABECERA: &str = "revisor: Asesoría técnica\nfecha: 2026-03-10\nobservaciones:\n";

/// (codigo, severidad, linea, columna, ruta, mensaje, ayuda) of each diagnostic of entry `i`.
fn entradas(json: &serde_json::Value, i: usize) -> Vec<[String; 7]> {
    json["archivos"][i]["diagnosticos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            [
                d["codigo"].as_str().unwrap().to_owned(),
                d["severidad"].as_str().unwrap().to_owned(),
                d["linea"].to_string(),
                d["columna"].to_string(),
                d["ruta"].as_str().unwrap().to_owned(),
                d["mensaje"].as_str().unwrap().to_owned(),
                d["ayuda"].as_str().unwrap().to_owned(),
            ]
        })
        .collect()
}

#[test]
fn unknown_paths_are_located_at_the_observation_with_a_suggestion() {
    let obs = format!(
        "{CABECERA}{}",
        r#"  - ruta: acciones.A1.indicador.meta
    texto: La meta es alta.
  - ruta: acciones.A3.indicador.mta
    texto: Revisar.
  - ruta: acciones.A2.presupuesto
    texto: La acogida no tiene presupuesto.
  - ruta: riesgos.R7
    texto: Riesgo duplicado.
    estado: resuelta
  - ruta: ""
    texto: Sin destino.
  - ruta: metas.A1
    texto: Otra sección.
"#
    );
    let (_dir, plan, _) = review(&obs);
    let (code, json) = validar_json(&plan, &[]);
    assert_eq!(code, 1, "{json:#}");
    let archivos = json["archivos"].as_array().unwrap();
    assert_eq!(archivos.len(), 2);
    assert!(
        archivos[1]["archivo"]
            .as_str()
            .unwrap()
            .ends_with("plan.observaciones.yaml")
    );
    assert_eq!(archivos[0]["errores"], 0);
    assert_eq!(archivos[1]["observaciones_abiertas"], 5);
    let s = |x: &str| x.to_owned();
    assert_eq!(
        entradas(&json, 1),
        vec![
            [
                s("O001"),
                s("error"),
                s("6"),
                s("11"),
                s("observaciones[2].ruta"),
                s(
                    "la observación 2 se refiere a `acciones.A3.indicador.mta`, que no existe en el plan"
                ),
                s(
                    "¿Quiso decir `acciones.A3.indicador.meta`? En `acciones.A3.indicador` existen: `nombre`, `tipo`, `unidad`, `linea_base`, `meta`, `medio_verificacion`. Las rutas usan los id del plan, por ejemplo `acciones.A3.indicador.meta`."
                ),
            ],
            [
                s("O002"),
                s("advertencia"),
                s("10"),
                s("11"),
                s("observaciones[4].ruta"),
                s(
                    "la observación resuelta 4 se refiere a `riesgos.R7`, que ya no existe en el plan"
                ),
                s(
                    "¿Quiso decir `riesgos.R2`? En `riesgos` existen: `R1`, `R2`. Las rutas usan los id del plan, por ejemplo `acciones.A3.indicador.meta`."
                ),
            ],
            [
                s("O001"),
                s("error"),
                s("13"),
                s("11"),
                s("observaciones[5].ruta"),
                s("la observación 5 no dice qué elemento observa"),
                s(
                    "En el plan existen: `formato`, `plan_nacional`, `canton`, `periodo`, `estado`, `diagnostico`, `riesgos`, `actores`, `objetivos`, `acciones`, `ruta_atencion`, `seguimiento`. Las rutas usan los id del plan, por ejemplo `acciones.A3.indicador.meta`."
                ),
            ],
            [
                s("O001"),
                s("error"),
                s("15"),
                s("11"),
                s("observaciones[6].ruta"),
                s("la observación 6 se refiere a `metas.A1`, que no existe en el plan"),
                s(
                    "En el plan existen: `formato`, `plan_nacional`, `canton`, `periodo`, `estado`, `diagnostico`, `riesgos`, `actores`, `objetivos`, `acciones`, `ruta_atencion`, `seguimiento`. Las rutas usan los id del plan, por ejemplo `acciones.A3.indicador.meta`."
                ),
            ],
        ]
    );
    assert_eq!(json["resumen"]["observaciones_abiertas"], 5);
}

#[test]
fn the_observations_file_is_read_like_a_plan() {
    let obs = format!(
        "{CABECERA}{}",
        r#"  - ruta: acciones.A1
    texto: Bien.
    estdo: abierta
  - ruta: acciones.A2
    texto: Bien.
    estado: cerrada
  - ruta: acciones.A3
"#
    );
    let (_dir, plan, _) = review(&obs);
    let (code, json) = validar_json(&plan, &[]);
    assert_eq!(code, 1);
    let d = entradas(&json, 1);
    let resumen: Vec<(&str, &str, &str, &str)> = d
        .iter()
        .map(|e| (e[0].as_str(), e[2].as_str(), e[3].as_str(), e[4].as_str()))
        .collect();
    assert_eq!(
        resumen,
        [
            ("S002", "6", "5", "observaciones[1].estdo"),
            ("S005", "9", "13", "observaciones[2].estado"),
            ("S004", "10", "5", "observaciones[3]"),
        ]
    );
    assert_eq!(
        d[0][6],
        "¿Quiso decir `estado`? Campos válidos aquí: `ruta`, `texto`, `estado`, `valor_inicial`, `valor_al_resolver`."
    );
    assert_eq!(d[1][6], "Valores posibles: `abierta`, `resuelta`.");
    assert!(
        d[2][5].contains("falta el campo obligatorio `texto`"),
        "{:?}",
        d[2]
    );
}

#[test]
fn observations_without_their_plan_and_named_directly() {
    let dir = tempfile::tempdir().unwrap();
    let huerfano = dir.path().join("sin-plan.observaciones.yaml");
    std::fs::write(
        &huerfano,
        format!("{CABECERA}  - {{ ruta: acciones.A1, texto: x }}\n"),
    )
    .unwrap();
    let (code, json) = validar_json(dir.path(), &[]);
    assert_eq!(code, 1, "{json:#}");
    let d = entradas(&json, 0);
    assert_eq!(d.len(), 1);
    assert_eq!(
        (d[0][0].as_str(), d[0][2].as_str(), d[0][3].as_str()),
        ("O001", "1", "1")
    );
    assert!(d[0][5].starts_with("no existe el plan"), "{}", d[0][5]);
    assert!(d[0][5].contains("sin-plan.yaml"), "{}", d[0][5]);

    // Naming an observations file checks it as the review of its plan, plan included.
    let (_dir, _plan, obs) = review(&format!(
        "{CABECERA}  - {{ ruta: acciones.A1, texto: x }}\n"
    ));
    let (code, json) = validar_json(&obs, &[]);
    assert_eq!(code, 0, "{json:#}");
    let archivos: Vec<&str> = json["archivos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["archivo"].as_str().unwrap())
        .collect();
    assert_eq!(archivos.len(), 2);
    assert!(archivos[0].ends_with("plan.yaml") && archivos[1].ends_with("plan.observaciones.yaml"));
}

#[test]
fn validar_counts_the_open_observations_of_the_example() {
    let out = cantonal(&["validar", "plans/otavalo.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout,
        "plans/otavalo.yaml (Otavalo): sin problemas\n\
         plans/otavalo.observaciones.yaml (observaciones abiertas: 4 de 6): sin problemas\n\
         plans/otavalo.seguimiento.yaml (seguimiento: 2 cortes, el último del 30 de septiembre de 2026): sin problemas\n\
         \n\
         Resumen: 3 archivos; 0 errores, 0 advertencias, 0 sugerencias; 4 observaciones abiertas\n"
    );
}

fn otavalo() -> (cantonal::plan::model::Plan, Revision) {
    let v = cantonal::validar(Path::new("plans/otavalo.yaml"), Opciones::default())
        .con_observaciones(Path::new("plans/otavalo.observaciones.yaml"));
    assert!(
        !v.tiene_errores(),
        "{:?}",
        v.revision.as_ref().map(|r| &r.diagnostics)
    );
    let plan = v.loaded.datos.clone().unwrap();
    (plan, v.revision.unwrap())
}

fn fold(t: &str) -> String {
    t.replace(['\u{200b}', '\u{2060}'], "")
        .replace("\u{ad} ", "")
        .replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_review_copy_pdf_puts_each_note_on_the_page_of_its_item() {
    let (plan, revision) = otavalo();
    let doc = pdf(
        &plan,
        Referencia::pacta(),
        Some(&revision),
        Plantillas::default(),
        PdfConfig::default(),
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let pages: Vec<String> = text(&doc.document).split('\u{c}').map(fold).collect();
    assert!(pages[0].contains("COPIA DE REVISIÓN"), "{}", pages[0]);
    assert!(pages[0].contains("4 abiertas, 2 resueltas"), "{}", pages[0]);
    let indice = pages
        .iter()
        .rposition(|p| p.contains("Observaciones de revisión Revisión de"))
        .expect("final index of observations");
    // (note text, text of its item that must be on the same page)
    let casos = [
        (
            "La investigación de redes no tiene presupuesto",
            "Investigación de redes de traslado",
        ),
        (
            "La meta de 150 niñas y niños parece alta",
            "Centro de cuidado diario",
        ),
        (
            "Diga quién da la contención en kichwa",
            "Contención y apoyo psicológico inmediato",
        ),
        (
            "Falta una acción propia para la explotación sexual",
            "Explotación sexual vinculada al turismo",
        ),
        (
            "Agregue un teléfono de contacto para la federación",
            "Federación de cabildos",
        ),
        (
            "Observación 6 · Resuelta. Cite la fuente oficial",
            "Casos registrados",
        ),
    ];
    for (i, (nota, item)) in casos.iter().enumerate() {
        let en: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(n, p)| *n != indice && p.contains(nota))
            .map(|(n, _)| n)
            .collect();
        assert_eq!(en.len(), 1, "note {} on pages {en:?}", i + 1);
        assert!(
            pages[en[0]].contains(item),
            "note {} is not beside `{item}`",
            i + 1
        );
        // The final index gives that observation's state, page and text, in one entry.
        let estado = if i < 4 { "Abierta" } else { "Resuelta" };
        let texto = nota.trim_start_matches("Observación 6 · Resuelta. ");
        let pagina = format!("{estado} pág. {} {texto}", en[0] + 1);
        assert!(
            pages[indice].contains(&pagina),
            "observation {} should say `{pagina}`: {}",
            i + 1,
            pages[indice]
        );
    }
    assert!(pages[indice].contains("Acción A4 — presupuesto acciones.A4.presupuesto"));
    assert!(pages[indice].contains("Etapa de la ruta: Intervención en crisis"));
    assert!(pages[indice].contains("Diagnóstico — casos diagnostico.casos"));
    // Every page of the review copy says so in its header.
    assert!(
        pages[1..pages.len() - 1]
            .iter()
            .all(|p| p.contains("Copia de revisión"))
    );
}

#[test]
fn the_review_copy_html_links_each_marker_to_its_row_and_back() {
    let (plan, revision) = otavalo();
    let html = hbs_text(
        &plan,
        Referencia::pacta(),
        Some(&revision),
        &Plantillas::default(),
        Formato::Html,
    )
    .unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for n in 1..=5 {
        assert_eq!(
            html.matches(&format!("id=\"nota-{n}\" href=\"#obs-{n}\""))
                .count(),
            1,
            "{n}"
        );
    }
    assert!(html.contains("<h3>Intervención en crisis · Todas las víctimas<a class=\"marca-obs\" id=\"nota-3\" href=\"#obs-3\" aria-label=\"Observación 3 (Abierta)\">3</a>"));
    assert!(html.contains("<th scope=\"row\">A4<a class=\"marca-obs\" id=\"nota-1\""));
    assert!(html.contains("<aside class=\"observacion resuelta\" id=\"nota-6\"><a href=\"#obs-6\"><strong>Observación 6</strong></a> · <strong>Resuelta.</strong> <p>Cite la fuente oficial"));
    for n in 1..=6 {
        assert!(
            html.contains(&format!(
                "<tr id=\"obs-{n}\"><th scope=\"row\"><a href=\"#nota-{n}\">{n}</a></th>"
            )),
            "{n}"
        );
    }
    assert!(html.contains("<a href=\"#observaciones\">Observaciones de revisión</a>"));
    // Without observations, none of it.
    let limpio = hbs_text(
        &plan,
        Referencia::pacta(),
        None,
        &Plantillas::default(),
        Formato::Html,
    )
    .unwrap();
    assert!(!limpio.contains("marca-obs\" id") && !limpio.contains("id=\"observaciones\""));
}

#[test]
fn observation_text_is_data_not_code() {
    let hostil = "#read(\"/etc/passwd\") <script>alert(1)</script> {{revisor}} $x$ = Título";
    let obs = format!(
        "revisor: \"<img src=x onerror=alert(1)> #panic()\"\nfecha: 2026-03-10\nobservaciones:\n  - ruta: acciones.A1\n    texto: '{hostil}'\n  - ruta: presentacion\n    texto: '{hostil}'\n"
    );
    let (dir, plan, obs_path) = review(&obs);
    let pdf_out = dir.path().join("copia.pdf");
    let html_out = dir.path().join("copia.html");
    for (salida, formato) in [(&pdf_out, "pdf"), (&html_out, "html")] {
        cantonal_ok(&[
            "generar",
            plan.to_str().unwrap(),
            "--observaciones",
            obs_path.to_str().unwrap(),
            "--formato",
            formato,
            "-o",
            salida.to_str().unwrap(),
        ]);
    }
    let html = std::fs::read_to_string(&html_out).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert_eq!(
        html.matches("#read(&quot;/etc/passwd&quot;) &lt;script&gt;alert(1)&lt;/script&gt; {{revisor}} $x$ &#x3D; Título").count(),
        3,
        "the chapter note and the two table rows (an item's marker carries only its number)"
    );
    assert!(html.contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; #panic()"));
    let v = cantonal::validar(&plan, Opciones::default()).con_observaciones(&obs_path);
    let doc = pdf(
        v.loaded.datos.as_ref().unwrap(),
        Referencia::pacta(),
        v.revision.as_ref(),
        Plantillas::default(),
        PdfConfig::default(),
    )
    .unwrap();
    let t = fold(&text(&doc.document));
    assert_eq!(
        t.matches("#read(\"/etc/passwd\") <script>alert(1)</script> {{revisor}} $x$ = Título")
            .count(),
        4,
        "{t}"
    );
    assert!(t.contains("<img src=x onerror=alert(1)> #panic()"));
    assert!(!t.contains("root:"));
}

#[test]
fn generar_refuses_a_review_copy_with_bad_observations_and_names_its_file() {
    let (dir, plan, obs) = review(&format!(
        "{CABECERA}  - {{ ruta: acciones.A9, texto: x }}\n"
    ));
    let o = cantonal(&[
        "generar",
        plan.to_str().unwrap(),
        "--observaciones",
        obs.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stdout.contains("error[O001]") && stdout.contains("plan.observaciones.yaml:4:"),
        "{stdout}"
    );
    assert!(
        stderr.contains("no se generó la copia de revisión") && stderr.contains("1 error"),
        "{stderr}"
    );
    assert!(!dir.path().join("plan.revision.pdf").exists());

    // Fixed: the review copy gets its own name and the plain document is left alone.
    std::fs::write(
        &obs,
        format!("{CABECERA}  - {{ ruta: acciones.A4, texto: x }}\n"),
    )
    .unwrap();
    let o = cantonal_ok(&[
        "generar",
        plan.to_str().unwrap(),
        "--observaciones",
        obs.to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("copia de revisión (observaciones: 1; abiertas: 1)")
    );
    assert!(dir.path().join("plan.revision.pdf").exists());
    assert!(!dir.path().join("plan.pdf").exists());

    // The observations file is not a plan.
    let o = cantonal(&["generar", obs.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("es un archivo de observaciones, no un plan"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // One review copy at a time.
    let o = cantonal(&[
        "generar",
        "plans/",
        "--observaciones",
        obs.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("un solo plan"));
}

#[test]
fn markdown_review_copy_marks_items_and_lists_observations() {
    let (plan, revision) = otavalo();
    let md = hbs_text(
        &plan,
        Referencia::pacta(),
        Some(&revision),
        &Plantillas::default(),
        Formato::Markdown,
    )
    .unwrap();
    assert!(md.starts_with("# Plan cantonal"));
    assert!(md.contains("| A4 (obs. 1) |"));
    assert!(md.contains("### 4. Intervención en crisis · Todas las víctimas (obs. 3)"));
    assert!(md.contains("> **Observación 6 · Resuelta.** Cite la fuente oficial"));
    assert!(md.contains("## 21. Observaciones de revisión"));
    assert!(md.contains(
        "3. **Etapa de la ruta: Intervención en crisis (Todas las víctimas)** — Abierta"
    ));
}

/// A long review of a plan whose actions run over several pages of the landscape matrix: the
/// review copy is made, and its PDF text has every observation, the first and the last included.
/// (Footnotes in a table row split between pages made Typst's PDF export fail with «internal
/// error: parent group»: see docs/robustez.md.)
#[test]
fn a_review_copy_with_many_observations_on_long_actions_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let larga: Vec<String> = (0..600).map(|i| format!("palabra{}", i % 97)).collect();
    let mut plan = std::fs::read_to_string("plans/colta.yaml").unwrap();
    for a in ["A1", "A2", "A3"] {
        let inicio = plan.find(&format!("  - id: {a}\n")).unwrap();
        let campo = inicio + plan[inicio..].find("    descripcion: ").unwrap();
        let fin = campo + plan[campo..].find('\n').unwrap();
        plan.insert_str(fin, &format!(". {}", larga.join(" ")));
    }
    let plan_path = dir.path().join("plan.yaml");
    std::fs::write(&plan_path, plan).unwrap();
    let n = 150;
    let mut obs = CABECERA.to_owned();
    for i in 1..=n {
        obs.push_str(&format!(
            "  - ruta: acciones.A{}\n    texto: Observación número {i} sobre la acción.\n",
            (i - 1) % 3 + 1
        ));
    }
    let obs_path = dir.path().join("plan.observaciones.yaml");
    std::fs::write(&obs_path, obs).unwrap();
    let pdf = dir.path().join("revision.pdf");
    cantonal_ok(&[
        "generar",
        plan_path.to_str().unwrap(),
        "--observaciones",
        obs_path.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    if !common::poppler() {
        return;
    }
    let paginas = common::paginas_pdf(&pdf);
    let texto = fold(&paginas.join(" "));
    for i in 1..=n {
        let nota = format!("Observación número {i} sobre la acción.");
        // Beside its action, and again in the final table.
        assert_eq!(texto.matches(&nota).count(), 2, "{nota}");
    }
    assert!(texto.contains(&format!("{n} abiertas, 0 resueltas")));
}
