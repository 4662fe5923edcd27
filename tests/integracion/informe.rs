//! `cantonal informe`: the consolidated report over a folder. Fixtures with known gaps (a
//! mandatory axis without actions, a route stage without a responsible institution, a purpose
//! of exploitation without actions), an unreadable plan and observations without their plan:
//! every matrix cell is asserted, in JSON, as text, in the PDF and in the HTML.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::informe_html;
use crate::common::{base, cantonal_ok};
use cantonal::documento::informe::Informe;
use cantonal::informe::texto;
use cantonal::render::pdf::informe_pdf;
use cantonal::render::templates::Plantillas;
use cantonal::render::typst::text;
use cantonal::rules::Opciones;
use chrono::NaiveDate;

/// a-base.yaml: the base plan, with one open and one resolved observation.
/// b-brechas.yaml: the base plan moved to Otavalo, with its governance objective moved to
/// prevention (no governance action), its investigation action without budget (USD 0 on that
/// axis), no one responsible for health care, and no action for the begging risk. c-roto.yaml: cannot be read. d.observaciones.yaml: its plan is missing.
fn carpeta() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    w("a-base.yaml", &base());
    w(
        "a-base.observaciones.yaml",
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: acciones.A1, texto: Detallar los colegios. }\n  - { ruta: riesgos.R2, texto: Revisar la probabilidad., estado: resuelta }\n",
    );
    let b = base()
        .replace(
            "canton: { codigo: \"1001\", nombre: Ibarra, provincia: Imbabura }",
            "canton: { codigo: \"1004\", nombre: Otavalo, provincia: Imbabura }",
        )
        .replace("{ id: O4, eje: gobernanza,", "{ id: O4, eje: prevencion,")
        .replace(
            "{ etapa: atencion_salud, poblacion: todas, responsable: msp, plazo_horas: 12 }",
            "{ etapa: atencion_salud, poblacion: todas, plazo_horas: 12 }",
        )
        .replace("    riesgos: [R2]\n", "")
        .replace(
            "    presupuesto: { monto: 1500, fuente: GAD de Ibarra }\n",
            "",
        );
    w("b-brechas.yaml", &b);
    w("c-roto.yaml", "formato: 1\ncanton: [\n");
    w(
        "d.observaciones.yaml",
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones: []\n",
    );
    dir
}

fn informe_de(dir: &Path) -> Informe {
    cantonal::informe::informe(
        &[dir.to_path_buf()],
        Opciones::default(),
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .unwrap()
}

/// The report's PDF, and its text with white space folded.
fn pdf_de(i: &Informe) -> (cantonal::render::pdf::PdfCompilado, String) {
    let pdf = informe_pdf(
        i,
        Plantillas::default(),
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .unwrap();
    let t = common::plano(&text(&pdf.document));
    (pdf, t)
}

fn json_de(args: &[&str]) -> serde_json::Value {
    serde_json::from_slice(&cantonal_ok(args).stdout).unwrap()
}

fn columna<T: serde::de::DeserializeOwned>(
    v: &serde_json::Value,
    f: impl Fn(&serde_json::Value) -> &serde_json::Value,
) -> Vec<T> {
    v["planes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| serde_json::from_value(f(p).clone()).unwrap())
        .collect()
}

fn celdas<T: serde::de::DeserializeOwned>(
    v: &serde_json::Value,
    lista: &str,
    campo: &str,
) -> Vec<Vec<T>> {
    columna::<Vec<serde_json::Value>>(v, |p| &p[lista])
        .into_iter()
        .map(|fila| {
            fila.iter()
                .map(|c| serde_json::from_value(c[campo].clone()).unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn every_cell_of_the_json_report_is_known() {
    let dir = carpeta();
    let v = json_de(&["informe", dir.path().to_str().unwrap(), "--formato", "json"]);
    assert_eq!(v["version"], 1);
    let ejes: Vec<String> = v["ejes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        ejes,
        ["prevencion", "proteccion", "investigacion", "gobernanza"]
    );
    assert_eq!(
        columna::<String>(&v, |p| &p["canton"]),
        ["Ibarra", "Otavalo", "c-roto.yaml", "d.yaml"]
    );
    assert_eq!(
        columna::<String>(&v, |p| &p["estado_texto"]),
        [
            "Borrador",
            "Borrador",
            "No se pudo leer",
            "No existe el plan"
        ]
    );
    assert_eq!(
        columna::<bool>(&v, |p| &p["legible"]),
        [true, true, false, false]
    );
    // Plans with errors are there, with their counts.
    assert_eq!(columna::<usize>(&v, |p| &p["errores"]), [0, 2, 1, 1]);
    assert_eq!(columna::<usize>(&v, |p| &p["sugerencias"]), [0, 1, 0, 0]);
    assert_eq!(
        columna::<Option<usize>>(&v, |p| &p["observaciones_abiertas"]),
        [Some(1), None, None, Some(0)]
    );
    // The coverage matrix: actions per axis, gaps marked.
    assert_eq!(
        celdas::<usize>(&v, "por_eje", "acciones"),
        [
            vec![1, 1, 1, 1],
            vec![2, 1, 1, 0],
            vec![0, 0, 0, 0],
            vec![0, 0, 0, 0]
        ]
    );
    // Gaps: a mandatory axis without actions (Otavalo's governance), or whose actions have no
    // budget (USD 0: Otavalo's investigation).
    assert_eq!(
        celdas::<bool>(&v, "por_eje", "brecha"),
        [
            vec![false; 4],
            vec![false, false, true, true],
            vec![false; 4],
            vec![false; 4]
        ]
    );
    assert_eq!(
        celdas::<f64>(&v, "por_eje", "monto"),
        [
            vec![4500.0, 3000.0, 1500.0, 1200.0],
            vec![5700.0, 3000.0, 0.0, 0.0],
            vec![0.0; 4],
            vec![0.0; 4]
        ]
    );
    // The route: stage 3 (health care) has nobody in Otavalo; stage 6 (return) is optional.
    assert_eq!(
        celdas::<bool>(&v, "por_etapa", "cubierta")[..2],
        [
            vec![true, true, true, true, true, false, true, true],
            vec![true, true, false, true, true, false, true, true]
        ]
    );
    assert_eq!(
        celdas::<bool>(&v, "por_etapa", "brecha")[1],
        [false, false, true, false, false, false, false, false]
    );
    assert_eq!(
        columna::<usize>(&v, |p| &p["etapas_cubiertas"]),
        [7, 6, 0, 0]
    );
    assert_eq!(columna::<usize>(&v, |p| &p["brechas"]), [0, 3, 0, 0]);
    // Purposes: sexual exploitation (F1) and begging (F6) in both plans' risks.
    assert_eq!(
        celdas::<usize>(&v, "por_fin", "acciones")[..2],
        [vec![1, 0, 0, 0, 0, 1, 0, 0], vec![1, 0, 0, 0, 0, 0, 0, 0]]
    );
    assert_eq!(
        celdas::<bool>(&v, "por_fin", "brecha")[1],
        [false, false, false, false, false, true, false, false]
    );
    assert_eq!(
        columna::<Vec<String>>(&v, |p| &p["fines_sin_accion"]),
        [vec![], vec!["Mendicidad".to_owned()], vec![], vec![]]
    );
    let t = &v["totales"];
    assert_eq!(
        (
            t["planes"].as_u64(),
            t["con_errores"].as_u64(),
            t["ilegibles"].as_u64(),
            t["acciones"].as_u64()
        ),
        (Some(4), Some(3), Some(2), Some(8))
    );
    let por_eje: Vec<(u64, u64)> = t["por_eje"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["acciones"].as_u64().unwrap(),
                e["planes_sin_acciones"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(por_eje, [(3, 0), (2, 0), (2, 0), (1, 1)]);
    assert_eq!(t["por_etapa"], serde_json::json!([2, 2, 1, 2, 2, 0, 2, 2]));
    assert_eq!(t["presupuesto"], 18900.0);
    assert_eq!(t["presupuesto_texto"], "USD 18.900,00");
    assert_eq!(t["observaciones_abiertas"], 1);
    assert_eq!(t["por_fin"][0]["acciones"], 2);
    assert_eq!(t["por_fin"][5]["planes_con_riesgo"], 2);
}

#[test]
fn the_text_matrices_mark_gaps_and_unreadable_plans() {
    let dir = carpeta();
    let i = informe_de(dir.path());
    assert_eq!(
        texto::matriz_ejes(&i),
        "  Cantón       Prevención  Protección  Investigación  Gobernanza  Total
  ─────────────────────────────────────────────────────────────────────
  Ibarra                1           1              1           1      4
  Otavalo               2           1            1 ✗         0 ✗      4
  c-roto.yaml         s/d         s/d            s/d         s/d    s/d
  d.yaml              s/d         s/d            s/d         s/d    s/d
  Total                 3           2              2           1      8
"
    );
    assert_eq!(
        texto::matriz_ruta(&i),
        "  Cantón         1    2    3    4    5    6    7    8  Obligatorias
  ─────────────────────────────────────────────────────────────────
  Ibarra         ✓    ✓    ✓    ✓    ✓    ·    ✓    ✓           7/7
  Otavalo        ✓    ✓    ✗    ✓    ✓    ·    ✓    ✓           6/7
  c-roto.yaml  s/d  s/d  s/d  s/d  s/d  s/d  s/d  s/d           s/d
  d.yaml       s/d  s/d  s/d  s/d  s/d  s/d  s/d  s/d           s/d
"
    );
    // The command prints the same tables, and says how many plans have errors.
    let o = cantonal_ok(&["informe", dir.path().to_str().unwrap()]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains(&texto::matriz_ejes(&i)), "{out}");
    assert!(out.contains("3 planes con errores"), "{out}");
    assert!(
        out.contains("  Cantón        F1   F6\n  ─────────────────────\n  Ibarra         1    1\n  Otavalo        1  0 ✗\n"),
        "{out}"
    );
    assert!(
        out.contains("  F6 Mendicidad — 1 acción en 2 planes\n"),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "no colour when piped");
    // On request, gaps are red and covered stages green, columns unchanged.
    let o = cantonal_ok(&[
        "informe",
        dir.path().to_str().unwrap(),
        "--color",
        "siempre",
    ]);
    let coloreado = String::from_utf8(o.stdout).unwrap();
    assert!(coloreado.contains(
        "  Otavalo               2           1            1 \x1b[1;31m✗\x1b[0m         0 \x1b[1;31m✗\x1b[0m      4\n"
    ));
    assert!(coloreado.contains("\x1b[32m✓\x1b[0m"));
}

#[test]
fn the_pdf_and_html_reports_show_the_same_cells() {
    let dir = carpeta();
    let i = informe_de(dir.path());
    let (pdf, t) = pdf_de(&i);
    for s in [
        "Informe consolidado de planes cantonales",
        "Estado de los planes",
        "No se pudo leer",
        "No existe el plan",
        "3 planes tienen errores",
        "Cobertura de los ejes del PACTA 2019-2030",
        "Otavalo 2 1 1 ✗ 0 ✗ 4",
        "Ibarra 1 1 1 1 4",
        "c-roto.yaml s/d s/d s/d s/d",
        "Total 3 2 2 1 8",
        "Ruta de atención a víctimas",
        "Otavalo ✓ ✓ ✗ ✓ ✓ · ✓ ✓ 6 / 7",
        "Presupuesto por eje",
        "USD 18.900,00",
        "Acciones por fin de explotación",
        "Página 1 de",
    ] {
        assert!(t.contains(s), "PDF lacks `{s}`: {t}");
    }
    assert!(pdf.bytes.starts_with(b"%PDF-"));

    let html = informe_html(&i, &Plantillas::default()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Otavalo: an axis without actions, a purpose without actions, and an axis with one action
    // and no budget.
    assert_eq!(html.matches("<td class=\"n brecha\">0 ✗</td>").count(), 2);
    assert_eq!(html.matches("<td class=\"n brecha\">1 ✗</td>").count(), 1);
    assert_eq!(html.matches("<td class=\"n brecha\">✗</td>").count(), 1);
    assert_eq!(html.matches("<td class=\"n cubierta\">✓</td>").count(), 13);
    // Unreadable plans: 4 axes, 8 stages and the 2 purposes that some plan names.
    assert_eq!(
        html.matches("<td class=\"n sd\">s/d</td>").count(),
        2 * (4 + 8 + 2)
    );
    assert!(html.contains("<tr class=\"con-errores\"><th scope=\"row\">Otavalo</th>"));
    assert!(html.contains("sin acciones para Mendicidad"));
    assert!(!html.contains("<script"));

    // Through the command: the format follows the extension; the previous file is replaced.
    for ext in ["pdf", "html"] {
        let salida = dir.path().join(format!("informe.{ext}"));
        std::fs::write(&salida, "informe anterior").unwrap();
        cantonal_ok(&[
            "informe",
            dir.path().to_str().unwrap(),
            "-o",
            salida.to_str().unwrap(),
        ]);
        let bytes = std::fs::read(&salida).unwrap();
        assert!(if ext == "pdf" {
            bytes.starts_with(b"%PDF-")
        } else {
            bytes.starts_with(b"<!DOCTYPE html>")
        });
    }
}

#[test]
fn plan_names_are_data_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let hostil = "<script>alert(1)</script> #read(\"/etc/passwd\")";
    let plan = base().replace(
        "{ id: gad, nombre: GAD Municipal de Ibarra",
        "{ id: gad, nombre: GAD",
    );
    std::fs::write(dir.path().join("a.yaml"), plan).unwrap();
    // The canton name is checked against the catalogue (an error), yet it is shown as written.
    std::fs::write(
        dir.path().join("b.yaml"),
        base().replace("nombre: Ibarra,", &format!("nombre: '{hostil}',")),
    )
    .unwrap();
    let i = informe_de(dir.path());
    assert_eq!(i.planes[1].canton, hostil);
    assert!(i.planes[1].errores > 0);
    let html = informe_html(&i, &Plantillas::default()).unwrap();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let pdf = informe_pdf(
        &i,
        Plantillas::default(),
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .unwrap();
    let t = text(&pdf.document);
    assert!(t.contains("<script>alert(1)</script>"), "{t}");
    assert!(!t.contains("root:"));
}

#[test]
fn the_examples_and_a_modified_copy() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("plans").unwrap() {
        let p: PathBuf = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "yaml") {
            std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
        }
    }
    // A second draft of Guamote that lost its investigation objective and action.
    let guamote = std::fs::read_to_string("plans/guamote.yaml").unwrap();
    let inv = guamote
        .lines()
        .find(|l| l.contains("eje: investigacion"))
        .expect("Guamote has an investigation objective");
    let id = inv
        .split("id: ")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .trim();
    let mut copia = guamote.replace(&format!("{inv}\n"), "");
    copia = copia.replace(&format!("objetivo: {id}"), "objetivo: O1");
    std::fs::write(dir.path().join("guamote-2.yaml"), copia).unwrap();

    let v = json_de(&["informe", dir.path().to_str().unwrap(), "--formato", "json"]);
    let cantones: Vec<String> = columna(&v, |p| &p["etiqueta"]);
    assert_eq!(columna::<String>(&v, |p| &p["canton"])[2], "Guamote");
    assert_eq!(
        cantones,
        // guamote-2.yaml sorts before guamote.yaml; the two drafts are told apart by file.
        [
            "Colta",
            "Cotacachi",
            "Guamote (guamote-2.yaml)",
            "Guamote (guamote.yaml)",
            "Ibarra",
            "Lago Agrio",
            "Otavalo",
            "Santo Domingo"
        ]
    );
    assert_eq!(
        celdas::<usize>(&v, "por_eje", "acciones"),
        [
            vec![1, 1, 1, 1],
            vec![2, 1, 1, 1],
            vec![3, 1, 0, 1],
            vec![2, 1, 1, 1],
            vec![4, 4, 2, 3],
            vec![3, 1, 2, 1],
            vec![2, 1, 1, 1],
            vec![2, 1, 2, 1],
        ]
    );
    assert_eq!(
        columna::<usize>(&v, |p| &p["errores"]),
        [0, 0, 1, 0, 0, 0, 0, 0]
    );
    // The copy's one gap: the investigation axis has no actions left.
    assert_eq!(columna::<usize>(&v, |p| &p["brechas"])[2], 1);
    assert_eq!(
        celdas::<bool>(&v, "por_eje", "brecha")[2],
        [false, false, true, false]
    );
    assert_eq!(
        columna::<Option<usize>>(&v, |p| &p["observaciones_abiertas"])[6],
        Some(4)
    );
    assert_eq!(v["totales"]["con_errores"], 1);

    // The bundled examples alone.
    let v = json_de(&["informe", "plans/", "--formato", "json"]);
    let t = &v["totales"];
    assert_eq!(
        (
            t["planes"].as_u64(),
            t["con_errores"].as_u64(),
            t["acciones"].as_u64()
        ),
        (Some(7), Some(0), Some(45))
    );
    assert_eq!(t["presupuesto_texto"], "USD 429.700,00");
    assert_eq!(t["observaciones_abiertas"], 4);
}

#[test]
fn the_summary_line_counts_in_singular_and_plural() {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    w("a-base.yaml", &base());
    w(
        "a-base.observaciones.yaml",
        "revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n  - { ruta: acciones.A1, texto: Detallar los colegios. }\n",
    );
    let salida = dir.path().join("informe.html");
    let out = cantonal_ok(&[
        "informe",
        dir.path().to_str().unwrap(),
        "-o",
        salida.to_str().unwrap(),
    ]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!(
            "{}: informe de 1 plan (0 con errores, 1 observación abierta)\n",
            salida.display()
        )
    );
    w("b.yaml", &base());
    let out = cantonal_ok(&[
        "informe",
        dir.path().to_str().unwrap(),
        "-o",
        salida.to_str().unwrap(),
    ]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .ends_with(": informe de 2 planes (0 con errores, 1 observación abierta)\n")
    );
}

/// More plans than the printed report details (`DETALLE_IMPRESO_MAXIMO`): the PDF gives the same
/// tables province by province and lists the plans that need attention; JSON keeps every row and
/// the same province totals.
#[test]
fn a_large_folder_is_printed_province_by_province() {
    use cantonal::documento::informe::DETALLE_IMPRESO_MAXIMO;
    let dir = carpeta();
    cantonal::sintetico::write_all(dir.path(), DETALLE_IMPRESO_MAXIMO).unwrap();
    // The province rule accepts any case and accents: a plan writing «IMBABURA» is counted in the
    // one Imbabura row.
    let mayusculas = dir.path().join("1001-0098.yaml");
    let texto = std::fs::read_to_string(&mayusculas).unwrap();
    assert!(texto.contains("provincia: \"Imbabura\""));
    std::fs::write(
        &mayusculas,
        texto.replace("provincia: \"Imbabura\"", "provincia: \"IMBABURA\""),
    )
    .unwrap();
    let v = json_de(&["informe", dir.path().to_str().unwrap(), "--formato", "json"]);
    let n = DETALLE_IMPRESO_MAXIMO + 4;
    assert_eq!(v["planes"].as_array().unwrap().len(), n);
    assert!(v.get("resumen").is_none());

    // The province totals, counted here from the plans' own rows.
    let provincia: Vec<Option<String>> = columna::<Option<String>>(&v, |p| &p["provincia"])
        .into_iter()
        .map(|p| {
            p.map(|p| {
                if p == "IMBABURA" {
                    "Imbabura".into()
                } else {
                    p
                }
            })
        })
        .collect();
    let errores = columna::<usize>(&v, |p| &p["errores"]);
    let brechas = columna::<usize>(&v, |p| &p["brechas"]);
    let legible = columna::<bool>(&v, |p| &p["legible"]);
    let etapas = celdas::<bool>(&v, "por_etapa", "cubierta");
    let de = |nombre: Option<&str>| -> Vec<usize> {
        (0..n)
            .filter(|&i| provincia[i].as_deref() == nombre)
            .collect()
    };
    let imbabura = de(Some("Imbabura"));
    let sin_provincia = de(None);
    assert!(imbabura.len() > 2 && sin_provincia.len() == 2);
    let json_provincias = v["provincias"].as_array().unwrap();
    let nombres: Vec<&str> = json_provincias
        .iter()
        .map(|p| p["nombre"].as_str().unwrap())
        .collect();
    assert_eq!(nombres.iter().filter(|n| **n == "Imbabura").count(), 1);
    // Spanish order, accents aside: «Cañar» before «Carchi» (by bytes, «ñ» would come after «r»);
    // unread plans last.
    let orden = |a: &str| nombres.iter().position(|n| *n == a).unwrap();
    assert!(orden("Bolívar") < orden("Cañar") && orden("Cañar") < orden("Carchi"));
    assert_eq!(nombres.last(), Some(&"Sin provincia (plan ilegible)"));
    let json_imbabura = &json_provincias[orden("Imbabura")]["totales"];
    assert_eq!(json_imbabura["planes"], imbabura.len());
    assert_eq!(
        json_imbabura["con_errores"],
        imbabura.iter().filter(|&&i| errores[i] > 0).count()
    );
    assert_eq!(
        json_imbabura["con_brechas"],
        imbabura.iter().filter(|&&i| brechas[i] > 0).count()
    );

    // The printed report: a few pages, the province rows, and the plans that need attention.
    let i = informe_de(dir.path());
    // Its data keeps every row, so that a template of its own (`--plantillas`) that does not
    // know the summary still prints every plan.
    let impreso = serde_json::to_value(i.impreso()).unwrap();
    assert_eq!(impreso["planes"].as_array().unwrap().len(), n);
    // Otavalo (gaps and errors), the unreadable plan and the missing one.
    assert_eq!(impreso["resumen"]["atencion"].as_array().unwrap().len(), 3);
    let (pdf, t) = pdf_de(&i);
    assert!(
        pdf.document.pages().len() < 15,
        "{}",
        pdf.document.pages().len()
    );
    assert!(t.contains(&format!(
        "Informe resumido por provincia. La carpeta reúne {n} planes, más de los {DETALLE_IMPRESO_MAXIMO} que este informe detalla uno por uno"
    )));
    let con_errores = imbabura.iter().filter(|&&i| errores[i] > 0).count();
    let con_brechas = imbabura.iter().filter(|&&i| brechas[i] > 0).count();
    // Provincia, planes, con errores, advertencias, obs. abiertas, ilegibles, con brechas.
    let advertencias_por_plan = columna::<usize>(&v, |p| &p["advertencias"]);
    let advertencias: usize = imbabura.iter().map(|&i| advertencias_por_plan[i]).sum();
    let fila = format!(
        "Imbabura {} {con_errores} {advertencias} 1 0 {con_brechas}",
        imbabura.len()
    );
    assert!(t.contains(&fila), "PDF lacks `{fila}`: {t}");
    // Axes: the actions of Imbabura's plans in each axis, and how many of them leave it as a gap.
    let acciones = celdas::<usize>(&v, "por_eje", "acciones");
    let brecha_eje = celdas::<bool>(&v, "por_eje", "brecha");
    let mut fila_ejes = String::from("Imbabura");
    for e in 0..acciones[0].len() {
        let suma: usize = imbabura.iter().map(|&i| acciones[i][e]).sum();
        let con_brecha = imbabura.iter().filter(|&&i| brecha_eje[i][e]).count();
        fila_ejes.push_str(&format!(" {suma}"));
        if con_brecha > 0 {
            fila_ejes.push_str(&format!(" ✗ {con_brecha}"));
        }
    }
    let total: usize = imbabura
        .iter()
        .map(|&i| acciones[i].iter().sum::<usize>())
        .sum();
    fila_ejes.push_str(&format!(" {total}"));
    assert!(fila_ejes.contains('✗'), "{fila_ejes}");
    assert!(t.contains(&fila_ejes), "PDF lacks `{fila_ejes}`: {t}");
    // Route: plans of Imbabura covering health care, over its readable plans, and the gap.
    let salud = 2;
    let cubren = imbabura.iter().filter(|&&i| etapas[i][salud]).count();
    let legibles = imbabura.iter().filter(|&&i| legible[i]).count();
    assert_eq!(cubren + 1, legibles);
    assert!(t.contains(&format!("{cubren} / {legibles} ✗ 1")), "{t}");
    assert!(
        t.contains("Sin provincia (plan ilegible) 2 2 0 0 2 0"),
        "{t}"
    );
    // No plan of the folder has a monitoring file, and the chapter on execution says so.
    assert!(
        t.contains(
            "6. Seguimiento de la ejecución Ningún plan tiene junto a sí un archivo de seguimiento"
        ),
        "{t}"
    );
    // The plans that need attention, and only those: no synthetic plan is listed.
    assert!(
        t.contains("7. Planes que requieren atención 3 planes requieren atención:"),
        "{t}"
    );
    // (The synthetic plans include Ibarra and Otavalo: the rows carry their file names.)
    assert!(!t.contains("Ibarra (a-base.yaml)"), "{t}");
    for fila in [
        "Otavalo (b-brechas.yaml) Imbabura Borrador 2 3 Mendicidad b-brechas.yaml",
        "c-roto.yaml — No se pudo leer 1 — — c-roto.yaml",
        "d.yaml — No existe el plan 1 — — d.yaml",
    ] {
        assert!(t.contains(fila), "PDF lacks `{fila}`: {t}");
    }
    assert!(!t.contains("-0000.yaml"), "{t}");
}

/// When more plans need attention than the printed report lists, it says how many it shows.
#[test]
fn the_printed_list_of_plans_that_need_attention_says_when_it_is_cut() {
    use cantonal::documento::informe::DETALLE_IMPRESO_MAXIMO;
    let dir = tempfile::tempdir().unwrap();
    let n = DETALLE_IMPRESO_MAXIMO + 10;
    for k in 0..n {
        std::fs::write(
            dir.path().join(format!("roto-{k:03}.yaml")),
            "formato: 1\ncanton: [\n",
        )
        .unwrap();
    }
    let (_, t) = pdf_de(&informe_de(dir.path()));
    assert!(
        t.contains(&format!(
            "{n} planes requieren atención: tienen errores (no se pueden generar ni aprobar hasta corregirlos), dejan sin cubrir un eje o una etapa obligatoria, o no se pudieron leer. Se muestran los {DETALLE_IMPRESO_MAXIMO} primeros, en el orden de los archivos"
        )),
        "{t}"
    );
    let ultimo = DETALLE_IMPRESO_MAXIMO - 1;
    assert!(t.contains(&format!("roto-{ultimo:03}.yaml — No se pudo leer")));
    assert!(!t.contains(&format!("roto-{DETALLE_IMPRESO_MAXIMO:03}.yaml")));
    assert!(
        t.contains(&format!("Sin provincia (plan ilegible) {n} {n} 0 0 {n} 0")),
        "{t}"
    );
}
