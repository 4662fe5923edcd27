//! The progress report of a plan at the latest cut of its monitoring file (`cantonal generar
//! PLAN --seguimiento ARCHIVO`): each action's state, progress and executed amount printed as
//! the library computes them, in every format, read back by real clients (pdftotext,
//! LibreOffice); plan and monitoring text always data; the consolidated report's execution
//! added up from the cantons' figures.

use std::path::{Path, PathBuf};

use cantonal::espanol::usd;
use cantonal::plan::seguimiento::calculo::Figura;
use cantonal::rules::Opciones;

use crate::common::{self, cantonal_ok, paginas_pdf, plano};
use crate::seguimiento::{base_seguimiento, cantonal_hoy, plan_con_seguimiento};

/// The example plan of Ibarra with its monitoring file.
fn ibarra() -> cantonal::Validado {
    cantonal::validar(Path::new("plans/ibarra.yaml"), Opciones::default()).con_seguimiento(
        Path::new("plans/ibarra.seguimiento.yaml"),
        Opciones::default(),
    )
}

/// The progress report of Ibarra in `formato`, written by the binary in `dir`.
fn generar(dir: &Path, formato: &str) -> PathBuf {
    let salida = dir.join(format!("avance.{formato}"));
    cantonal_ok(&[
        "generar",
        "plans/ibarra.yaml",
        "--seguimiento",
        "plans/ibarra.seguimiento.yaml",
        "--formato",
        formato,
        "-o",
        salida.to_str().unwrap(),
    ]);
    salida
}

/// What the report must say of each action of Ibarra at its latest cut, as the library
/// computes it: (id, state, progress, executed).
fn esperado() -> Vec<(String, String, String, String)> {
    let v = ibarra();
    let plan = v.plan().unwrap();
    let registro = v.seguimiento.as_ref().unwrap().registro().unwrap();
    let corte = registro.ultimo().unwrap();
    plan.acciones
        .iter()
        .map(|a| {
            let f = Figura::de(a, registro, corte);
            let estado = f.reporte.unwrap().estado.nombre().to_owned();
            let avance = f.progreso.porcentaje.map_or("—".to_owned(), |p| {
                cantonal::espanol::porcentaje(p / 100.0)
            });
            (a.id.clone(), estado, avance, usd(f.ejecutado))
        })
        .collect()
}

#[test]
fn the_pdf_shows_each_action_with_its_state_progress_and_executed_amount_as_computed() {
    if !common::poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = generar(dir.path(), "pdf");
    let paginas = paginas_pdf(&pdf);
    // The table of the actions, over its pages (its header repeats on each).
    let tabla = plano(
        &paginas
            .iter()
            .filter(|p| p.contains("Situación"))
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
    );
    let acciones = esperado();
    // A filled action with every figure: A1 is «cumplida» at 100 % with USD 4.400,00.
    assert!(
        acciones.iter().any(|(id, e, a, x)| id == "A1"
            && e == "Cumplida"
            && a == "100 %"
            && x == "USD 4.400,00")
    );
    for (i, (id, estado, avance, ejecutado)) in acciones.iter().enumerate() {
        // The row of the action: from its id to the next action's.
        let desde = tabla
            .find(&format!("{id} "))
            .unwrap_or_else(|| panic!("{id}"));
        let hasta = acciones
            .get(i + 1)
            .and_then(|(s, ..)| tabla[desde..].find(&format!("{s} ")).map(|n| desde + n))
            .unwrap_or(tabla.len());
        let fila = &tabla[desde..hasta];
        for que in [estado, avance, ejecutado] {
            assert!(fila.contains(que.as_str()), "{id}: «{que}» not in «{fila}»");
        }
    }
    // The summary states its traffic-light rule, and the report is marked as an example.
    let todo = plano(&paginas.join(" "));
    assert!(todo.contains("Cómo se lee el semáforo"));
    assert!(todo.contains("al menos el 80 % de las acciones"));
    assert!(todo.contains("EJEMPLO"));
    assert!(todo.contains("Rendición de cuentas"));
    assert!(todo.contains("cifras de la ruta de atención son agregadas"));
    assert!(
        paginas.iter().all(|p| p.contains("EJEMPLO")),
        "every page says EJEMPLO"
    );
}

#[test]
fn the_json_carries_each_actions_progress_with_how_it_was_computed() {
    let dir = tempfile::tempdir().unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(generar(dir.path(), "json")).unwrap())
            .unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["seguimiento"]["cortes"].as_array().unwrap().len(), 3);
    let acciones = json["avance"]["acciones"].as_array().unwrap();
    for ((id, _, avance, ejecutado), a) in esperado().iter().zip(acciones) {
        assert_eq!(a["id"], id.as_str());
        assert_eq!(a["avance"]["texto"], avance.as_str());
        assert_eq!(a["ejecutado_texto"], ejecutado.as_str());
        assert!(a["estado"].is_string());
        let p = &a["avance"]["porcentaje"];
        assert!(
            p.is_null() || (0.0..=100.0).contains(&p.as_f64().unwrap()),
            "{a}"
        );
        assert!(
            ["indicador", "estado", "sin_dato"].contains(&a["avance"]["como"].as_str().unwrap())
        );
    }
    let a2 = &acciones[1];
    assert_eq!(a2["avance"]["como"], "indicador");
    assert_eq!(a2["avance"]["calculo"], "(31 − 20) ÷ (60 − 20) = 27,5 %");
}

#[test]
fn libreoffice_reads_the_word_and_excel_progress_reports() {
    let dir = tempfile::tempdir().unwrap();
    let Some(soffice) = common::soffice(&dir.path().join("perfil")) else {
        return;
    };
    let word = generar(dir.path(), "docx");
    let excel = generar(dir.path(), "xlsx");
    let salida = dir.path().join("leido");
    std::fs::create_dir_all(&salida).unwrap();
    common::convertir(soffice, "pdf", &salida, &[&word]);
    let Some(soffice) = common::soffice(&dir.path().join("perfil")) else {
        return;
    };
    // Every sheet to CSV, UTF-8, with the values stored (not as shown).
    common::convertir(
        soffice,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        &salida,
        &[&excel],
    );
    let texto = plano(&paginas_pdf(&salida.join("avance.pdf")).join(" "));
    for (id, estado, avance, ejecutado) in esperado() {
        for que in [&id, &estado, &avance, &ejecutado] {
            assert!(texto.contains(que.as_str()), "Word: {que}");
        }
    }
    for capitulo in ["Resumen", "Rendición de cuentas", "Cortes del seguimiento"] {
        assert!(texto.contains(capitulo), "Word: {capitulo}");
    }
    // The sheet «Acciones»: amounts and progress as numbers.
    let leer =
        |hoja: &str| std::fs::read_to_string(salida.join(format!("avance-{hoja}.csv"))).unwrap();
    let acciones = leer("Acciones");
    let a1 = acciones.lines().find(|l| l.starts_with("A1,")).unwrap();
    assert!(
        a1.contains(",Cumplida,") && a1.contains(",100,") && a1.contains(",4500,4400,"),
        "{a1}"
    );
    // The CPCCS block: one row per objective with its accumulated progress.
    let rendicion = leer("Rendición de cuentas");
    let objetivos = ibarra().plan().unwrap().objetivos.len();
    assert_eq!(rendicion.lines().count(), 1 + objetivos, "{rendicion}");
}

#[test]
fn the_word_report_has_the_chapters_of_the_pdf_and_alternative_texts() {
    let dir = tempfile::tempdir().unwrap();
    let word = std::fs::read(generar(dir.path(), "docx")).unwrap();
    let documento = common::partes(&word)["word/document.xml"].clone();
    let capitulos: Vec<&str> = documento
        .split("w:val=\"Heading1\"")
        .skip(1)
        .filter_map(|p| {
            let t = p.split("<w:t xml:space=\"preserve\">").nth(1)?;
            t.split("</w:t>").next()
        })
        .collect();
    let esperados: Vec<String> = [
        "Resumen",
        "Avance de las acciones",
        "Ejecución del presupuesto",
        "Acciones atrasadas",
        "Evidencias",
        "Rendición de cuentas",
        "Ruta de atención a víctimas",
        "Cortes del seguimiento",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| format!("{}. {t}", i + 1))
    .collect();
    assert_eq!(capitulos, esperados);
    if common::poppler() {
        let pdf = generar(dir.path(), "pdf");
        let pdf_capitulos: Vec<String> = common::esquema_pdf(&pdf)
            .into_iter()
            .map(|(c, _)| c)
            .filter(|c| c != "Índice")
            .collect();
        assert_eq!(pdf_capitulos, esperados);
    }
    // Every chart is a picture with its data as alternative text, and every table has a title.
    let figuras: Vec<&str> = documento.split("descr=\"").skip(1).collect();
    assert_eq!(figuras.len(), 2, "two charts");
    assert!(figuras.iter().all(|f| f.starts_with("Gráfico de barras")));
    assert!(documento.matches("<w:tblCaption").count() >= 8);
}

#[test]
fn plan_and_monitoring_text_is_data_in_every_format() {
    let hostil = "=1+1 <script>alert(1)</script> #read(\"/etc/passwd\") *x* | {{x}}";
    let texto = base_seguimiento().replace(
        "La capacitación se movió a agosto.",
        &serde_json::to_string(hostil).unwrap(),
    );
    let (dir, plan) = plan_con_seguimiento(&texto);
    let seguimiento = dir.path().join("plan.seguimiento.yaml");
    for formato in ["pdf", "html", "md", "docx", "xlsx", "json"] {
        let salida = dir.path().join(format!("avance.{formato}"));
        let out = cantonal_hoy(&[
            "generar",
            plan.to_str().unwrap(),
            "--seguimiento",
            seguimiento.to_str().unwrap(),
            "--formato",
            formato,
            "-o",
            salida.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{formato}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let bytes = std::fs::read(&salida).unwrap();
        match formato {
            "html" => {
                let html = String::from_utf8(bytes).unwrap();
                assert!(!html.contains("<script>"));
                assert!(html.contains("&lt;script&gt;"));
            }
            "md" => assert!(String::from_utf8(bytes).unwrap().contains("\\<script\\>")),
            "pdf" if common::poppler() => {
                let t = plano(&paginas_pdf(&salida).join(" "));
                assert!(t.contains("#read(\"/etc/passwd\")"), "{t}");
            }
            "xlsx" => {
                // A text that starts like a formula is stored as text, with the quote prefix
                // that keeps a spreadsheet from reading it as one when the cell is edited.
                let partes = common::partes(&bytes);
                assert!(partes["xl/sharedStrings.xml"].contains("=1+1 &lt;script&gt;"));
                assert!(partes["xl/styles.xml"].contains("quotePrefix=\"1\""));
                assert!(
                    partes
                        .iter()
                        .filter(|(n, _)| n.starts_with("xl/worksheets/"))
                        .all(|(_, x)| !x.contains("<f>")),
                    "no formula"
                );
            }
            _ => {}
        }
    }
}

#[test]
fn no_report_is_written_from_a_monitoring_file_with_errors() {
    let texto = base_seguimiento().replace("{ accion: A4,", "{ accion: A40,");
    let (dir, plan) = plan_con_seguimiento(&texto);
    let salida = dir.path().join("avance.pdf");
    let out = cantonal_hoy(&[
        "generar",
        plan.to_str().unwrap(),
        "--seguimiento",
        dir.path().join("plan.seguimiento.yaml").to_str().unwrap(),
        "-o",
        salida.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no se generó el informe de avance"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[M002]"));
    assert!(!salida.exists());
}

#[test]
fn the_report_totals_are_added_up_from_the_cantons_figures() {
    let out = cantonal_ok(&["informe", "plans/", "--formato", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let filas: Vec<&serde_json::Value> = json["planes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.get("seguimiento").filter(|s| !s.is_null()))
        .collect();
    // Every example plan whose period has begun (Colta's begins in 2027).
    assert_eq!(filas.len(), 6);
    let suma = |k: &str| filas.iter().map(|f| f[k].as_f64().unwrap()).sum::<f64>();
    let t = &json["totales"]["seguimiento"];
    for k in ["acciones", "a_tiempo", "presupuesto", "ejecutado"] {
        assert!((t[k].as_f64().unwrap() - suma(k)).abs() < 0.005, "{k}");
    }
    let atrasadas: usize = filas
        .iter()
        .map(|f| f["atrasadas"].as_array().unwrap().len())
        .sum();
    assert_eq!(t["atrasadas"], atrasadas);
    // The provinces too, and together they are the whole.
    let provincias = json["provincias"].as_array().unwrap();
    let por_provincia: f64 = provincias
        .iter()
        .map(|p| p["totales"]["seguimiento"]["ejecutado"].as_f64().unwrap())
        .sum();
    assert!((por_provincia - t["ejecutado"].as_f64().unwrap()).abs() < 0.005);
    // Each canton's figures are its progress report's.
    let v = ibarra();
    let avance = v.avance().unwrap();
    let fila = json["planes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["canton"] == "Ibarra")
        .unwrap();
    let s = &fila["seguimiento"];
    assert_eq!(
        s["ejecutado_texto"],
        avance.ejecucion.total.ejecutado_texto.as_str()
    );
    assert_eq!(
        s["a_tiempo"],
        avance.resumen.plan.as_ref().unwrap().a_tiempo
    );
    assert_eq!(s["semaforo"], avance.resumen.plan.as_ref().unwrap().nombre);
}

#[test]
fn the_report_pdf_shows_each_cantons_execution_and_the_total() {
    if !common::poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("informe.pdf");
    cantonal_ok(&["informe", "plans/", "-o", pdf.to_str().unwrap()]);
    let json: serde_json::Value =
        serde_json::from_slice(&cantonal_ok(&["informe", "plans/", "--formato", "json"]).stdout)
            .unwrap();
    let texto = plano(&paginas_pdf(&pdf).join(" "));
    let seccion = &texto[texto
        .find("Seguimiento de la ejecución")
        .expect("the section")..];
    for p in json["planes"].as_array().unwrap() {
        let s = &p["seguimiento"];
        if s.is_null() {
            continue;
        }
        let etiqueta = p["etiqueta"].as_str().unwrap();
        // The canton's row: its name, then its latest cut, share on time and executed amount.
        let desde = seccion
            .find(etiqueta)
            .unwrap_or_else(|| panic!("{etiqueta}"));
        let fila = &seccion[desde..];
        let mut resto = fila;
        for que in [
            s["ultimo_corte"].as_str().unwrap().to_owned(),
            format!("({} / {})", s["a_tiempo"], s["acciones"]),
            s["ejecutado_texto"].as_str().unwrap().to_owned(),
        ] {
            let i = resto
                .find(&que)
                .unwrap_or_else(|| panic!("{etiqueta}: {que}"));
            resto = &resto[i + que.len()..];
        }
    }
    let t = &json["totales"]["seguimiento"];
    let total = &seccion[seccion.find("Total").unwrap()..];
    assert!(
        total.contains(t["ejecutado_texto"].as_str().unwrap()),
        "{total}"
    );
    assert!(
        total.contains(&format!("({} / {})", t["a_tiempo"], t["acciones"])),
        "{total}"
    );
}
