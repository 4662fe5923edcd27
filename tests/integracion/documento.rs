//! A document a Concejo can approve, read back from the PDF file with a real PDF text extractor
//! (poppler's `pdftotext`, installed by `.ci/run`): illustrative plans marked EJEMPLO on every
//! page, no caveat of the reference in the body, contacts that copy exactly, decimal commas, the
//! approval block, the crest (`pdfimages -list`), and the chapters an approvable plan has.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{base, cantonal, cantonal_ok, mutate, plano, png, poppler, write_plan};
use cantonal::reference::nacional::Referencia;

/// Renders `plan` to PDF with the binary and returns the text of each page, as pdftotext reads
/// it.
fn paginas(plan: &Path) -> Vec<String> {
    let pdf = plan.with_extension("pdf");
    cantonal_ok(&[
        "generar",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    common::paginas_pdf(&pdf)
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect()
}

/// The whole text of the PDF of `plan`, white space folded.
fn texto_de(plan: &Path) -> String {
    plano(&paginas(plan).join(" "))
}

fn ejemplos() -> Vec<PathBuf> {
    cantonal::carpeta::plan_files(&[PathBuf::from("plans")]).unwrap()
}

/// A copy of an example plan in a temporary folder (the PDF goes there, not into `plans/`).
fn copia(ejemplo: &Path) -> (tempfile::TempDir, PathBuf) {
    write_plan(
        ejemplo.file_name().unwrap().to_str().unwrap(),
        std::fs::read(ejemplo).unwrap(),
    )
}

#[test]
fn every_page_of_every_example_says_ejemplo_and_no_caveat_is_printed() {
    if !poppler() {
        return;
    }
    let notas: Vec<String> = Referencia::pacta()
        .fuentes
        .iter()
        .filter_map(|f| f.nota.clone())
        .chain(
            Referencia::pacta()
                .ejes
                .valores
                .iter()
                .filter_map(|e| e.nota.clone()),
        )
        .collect();
    assert!(!notas.is_empty(), "the reference has caveats to keep out");
    for ejemplo in ejemplos() {
        let (_dir, plan) = copia(&ejemplo);
        let pags = paginas(&plan);
        for (i, p) in pags.iter().enumerate() {
            assert!(
                p.contains("EJEMPLO"),
                "{}: page {} without EJEMPLO",
                ejemplo.display(),
                i + 1
            );
        }
        let todo = plano(&pags.join(" "));
        for nota in &notas {
            assert!(
                !todo.contains(&plano(nota)),
                "{}: the caveat «{nota}» is printed",
                ejemplo.display()
            );
        }
        for frase in [
            "redacción de prensa",
            "no se ha verificado",
            "criterio de `cantonal`",
        ] {
            assert!(!todo.contains(frase), "{}: «{frase}»", ejemplo.display());
        }
        // Every source is in the annex instead (its first words: a title may wrap in its cell,
        // and pdftotext reads a table row by row).
        let fuentes = &todo[todo.rfind("Anexo: Fuentes").expect("annex")..];
        for f in &Referencia::pacta().fuentes {
            let inicio: String = plano(&f.titulo).chars().take(24).collect();
            assert!(fuentes.contains(&inicio), "{}", f.titulo);
        }
    }
}

#[test]
fn contacts_copy_exactly_and_numbers_use_decimal_commas() {
    if !poppler() {
        return;
    }
    let (_dir, plan) = copia(Path::new("plans/ibarra.yaml"));
    let texto = paginas(&plan).join("\n");
    let yaml = std::fs::read_to_string(&plan).unwrap();
    let contactos: Vec<&str> = yaml
        .split('"')
        .filter(|s| s.contains("@example.org") || s.starts_with("(06)"))
        .collect();
    assert!(contactos.len() >= 10, "{contactos:?}");
    for c in contactos {
        assert!(
            texto.contains(c),
            "`{c}` does not copy exactly from the PDF"
        );
    }
    assert!(!texto.contains('\u{200b}'));
    // Percentages and money with a decimal comma; months "de" year.
    let sin_coma = regex_lite(&texto);
    assert!(sin_coma.is_empty(), "decimal points: {sin_coma:?}");
    assert!(texto.contains(" %"));
    assert!(plano(&texto).contains("USD 128.000,00"));
    assert!(plano(&texto).contains("marzo de 2026"), "month and year");
    // The official name on the cover.
    assert!(plano(&texto).contains("Municipal del cantón San Miguel de Ibarra"));
}

/// Numbers written with a decimal point before a percent sign or in a USD amount.
fn regex_lite(t: &str) -> Vec<String> {
    let palabras: Vec<&str> = t.split_whitespace().collect();
    palabras
        .windows(2)
        .filter(|w| {
            let numero = w[0].trim_start_matches('(');
            let punto_decimal = numero.split_once('.').is_some_and(|(a, b)| {
                !a.is_empty()
                    && a.chars().all(|c| c.is_ascii_digit())
                    && (1..=2).contains(&b.len())
                    && b.chars().all(|c| c.is_ascii_digit())
            });
            punto_decimal && (w[1].starts_with('%'))
        })
        .map(|w| w.join(" "))
        .collect()
}

#[test]
fn the_approval_section_has_its_signature_block() {
    if !poppler() {
        return;
    }
    // Without signatories: the roles that sign, with lines, and no name made up.
    let (_dir, plan) = write_plan("plan.yaml", base());
    let texto = texto_de(&plan);
    let aprobacion = &texto[texto.rfind("Aprobación").unwrap()..];
    // The legal basis: norms only, with their articles; never press, policy or renaming decrees.
    assert!(aprobacion.contains(
        "Base legal. El Concejo Municipal aprueba este plan vistas las siguientes normas:"
    ));
    for norma in [
        "Constitución de la República del Ecuador, arts.",
        "Ley Orgánica contra Trata de Personas y Tráfico Ilícito de Migrantes",
        "Código Orgánico Integral Penal (COIP), arts. 91, 92 y 213",
        "Ley Orgánica de Movilidad Humana, art. 167",
        "Código Orgánico de Organización Territorial, Autonomía y Descentralización (COOTAD), arts. 54 lit. j, 57 y 598",
        "Código de la Niñez y Adolescencia, art. 205",
        "Ley Orgánica Integral para Prevenir y Erradicar la Violencia contra las Mujeres",
        "Protocolo contra el tráfico ilícito de migrantes",
    ] {
        assert!(aprobacion.contains(norma), "missing {norma}");
    }
    // The whole approval page, up to the glossary that follows it, names no outlet.
    let base = &aprobacion[..aprobacion.find("Glosario").unwrap()];
    for no in [
        "El Universo",
        "El Comercio",
        "Teleamazonas",
        "EFE",
        "Infobae",
        "Expreso",
        "Boletín",
        "Decreto",
        "PACTA",
        "Protocolo Nacional Unificado",
    ] {
        assert!(!base.contains(no), "the legal basis cites «{no}»: {base}");
    }
    // The mayor presides the CCPD and signs once: no separate signature for its presidency.
    for rol in [
        "Alcalde o alcaldesa del cantón Ibarra",
        "Secretario o secretaria del Concejo Municipal",
    ] {
        assert!(aprobacion.contains(rol), "missing {rol}");
    }
    assert!(!aprobacion.contains("Presidencia del Consejo Cantonal"));
    // A draft has no ordinance certificates.
    assert!(!aprobacion.contains("Certificado de discusión"));
    // With them: their names and roles, as written.
    let yaml = mutate(
        "estado: borrador\n",
        "estado: aprobado\naprobacion:\n  instrumento: ordenanza\n  numero: \"GADI-2026-014\"\n  fecha: 2026-03-15\n  organo: Concejo Municipal de Ibarra\n  firmantes:\n    - { nombre: Nombre Apellido Uno, cargo: Alcaldesa del cantón Ibarra }\n    - { nombre: Nombre Apellido Dos, cargo: Secretario del Concejo Municipal }\n",
    );
    let (_dir2, plan) = write_plan("plan.yaml", yaml);
    let texto = texto_de(&plan);
    let aprobacion = &texto[texto.rfind("Aprobación").unwrap()..];
    for s in [
        "aprobó este plan mediante ordenanza N.º GADI-2026-014, el 15 de marzo de 2026",
        "Nombre Apellido Uno Alcaldesa del cantón Ibarra",
        "Nombre Apellido Dos Secretario del Concejo Municipal",
        // An ordinance: its two debates, its sanction and its publication, with blanks for the
        // dates the plan does not give.
        "Certificado de discusión. Certifico que la ordenanza N.º GADI-2026-014 fue discutida y aprobada por el Concejo Municipal de Ibarra en dos debates, en sesiones del ____________ y del 15 de marzo de 2026.",
        "Sanción. Sanciono la ordenanza N.º GADI-2026-014 el ____________",
        "Publicación. Publicada en ____________",
    ] {
        assert!(aprobacion.contains(s), "missing «{s}» in {aprobacion:.400}");
    }
    assert!(!aprobacion.contains("Alcalde o alcaldesa"));
}

#[test]
fn chapters_of_an_approvable_plan() {
    if !poppler() {
        return;
    }
    let yaml = mutate(
        "estado: borrador\n",
        "estado: borrador\nintroduccion: El cantón elaboró este plan en talleres con la mesa de movilidad humana.\npdot:\n  nombre: PDOT de Ibarra 2023-2027\n  objetivos:\n    - { objetivo: Garantizar los derechos de los grupos de atención prioritaria, contribuyen: [O1] }\n",
    );
    let (_dir, plan) = write_plan("plan.yaml", yaml);
    let texto = texto_de(&plan);
    // Abbreviations come before the presentation.
    let siglas = texto
        .find("1. Siglas y abreviaturas Siglas Significado")
        .expect("no abbreviations chapter");
    let presentacion = texto
        .find("2. Presentación El GAD Municipal")
        .expect("no presentation chapter");
    assert!(siglas < presentacion);
    assert!(texto.contains("talleres con la mesa de movilidad humana"));
    // The conceptual framework explains the forms of exploitation of the plan's risks only.
    let conceptual = &texto[texto
        .find("Marco conceptual 4.1. La trata de personas")
        .unwrap()..];
    let conceptual = &conceptual[..conceptual.find("Marco normativo Este plan").unwrap()];
    assert!(conceptual.contains("Explotación sexual"));
    assert!(conceptual.contains("Mendicidad"));
    assert!(!conceptual.contains("Explotación laboral"));
    // Alignment with the PDOT, financing per year, and the Gantt legend by axis.
    assert!(texto.contains("Alineación con el PDOT de Ibarra 2023-2027"));
    assert!(texto.contains("Garantizar los derechos de los grupos de atención prioritaria"));
    let financiamiento = &texto[texto.rfind("Financiamiento por año").unwrap()..];
    for anio in ["2026", "2027", "2028"] {
        assert!(financiamiento.contains(anio), "{anio}");
    }
    let cronograma = &texto[texto.rfind("Cronograma Ejecución").unwrap()..];
    for eje in [
        "Prevención y promoción de derechos",
        "Protección integral a las víctimas",
        "Gobernanza y coordinación interinstitucional",
    ] {
        assert!(cronograma.contains(eje), "legend without {eje}");
    }
}

#[test]
fn the_crest_is_embedded_in_pdf_and_html_and_only_that_file_is_read() {
    let (dir, plan) = write_plan(
        "plan.yaml",
        mutate(
            "provincia: Imbabura }",
            "provincia: Imbabura, escudo: escudo.png }",
        ),
    );
    std::fs::write(dir.path().join("escudo.png"), png(64, 80)).unwrap();
    let pdf = dir.path().join("plan.pdf");
    cantonal_ok(&[
        "generar",
        plan.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    if common::poppler() {
        let lista = Command::new("pdfimages")
            .args(["-list", pdf.to_str().unwrap()])
            .output()
            .unwrap();
        let lista = String::from_utf8_lossy(&lista.stdout);
        let del_escudo = lista
            .lines()
            .filter(|l| {
                let c: Vec<&str> = l.split_whitespace().collect();
                c.len() > 4 && c[3] == "64" && c[4] == "80"
            })
            .count();
        // On the cover and in the header of every other page (Typst embeds the image once).
        assert!(del_escudo >= 1, "no 64×80 image in the PDF:\n{lista}");
    }
    let html = dir.path().join("plan.html");
    cantonal_ok(&[
        "generar",
        plan.to_str().unwrap(),
        "--formato",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("<img class=\"escudo\" src=\"data:image/png;base64,iVBORw0KGgo"));
    assert!(html.contains("img-src data:"), "CSP unchanged");

    // A crest that cannot be printed is a located error, and nothing is generated.
    type Preparar = Box<dyn Fn(&Path)>;
    let casos: Vec<(&str, Preparar, &str)> = vec![
        (
            "falta.png",
            Box::new(|_| {}),
            "no existe el archivo del escudo",
        ),
        (
            "grande.png",
            Box::new(|d: &Path| {
                let mut b = png(8, 8);
                b.resize(2 * 1024 * 1024 + 1, 0);
                std::fs::write(d.join("grande.png"), b).unwrap();
            }),
            "ocupa 2,0 MB; el máximo es 2 MB",
        ),
        (
            "fuera.png",
            Box::new(|d: &Path| {
                #[cfg(unix)]
                std::os::unix::fs::symlink("/etc/hostname", d.join("fuera.png")).unwrap();
                #[cfg(windows)]
                std::os::windows::fs::symlink_file(r"C:\Windows\win.ini", d.join("fuera.png"))
                    .unwrap();
            }),
            "fuera de la carpeta del plan",
        ),
        (
            "enlaza.svg",
            Box::new(|d: &Path| {
                std::fs::write(
                    d.join("enlaza.svg"),
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"file:///etc/passwd\"/></svg>",
                )
                .unwrap();
            }),
            "enlaza otros archivos",
        ),
        (
            "texto.png",
            Box::new(|d: &Path| std::fs::write(d.join("texto.png"), "no soy una imagen").unwrap()),
            "no es una imagen PNG, JPEG ni SVG",
        ),
    ];
    for (nombre, preparar, mensaje) in casos {
        let (dir, plan) = write_plan(
            "plan.yaml",
            mutate(
                "provincia: Imbabura }",
                &format!("provincia: Imbabura, escudo: {nombre} }}"),
            ),
        );
        preparar(dir.path());
        let (codigo, json) = common::validar_json(&plan, &[]);
        assert_eq!(codigo, 1, "{nombre}");
        let d = &common::diagnosticos(&json)[0];
        assert_eq!(d["codigo"], "C020", "{nombre}");
        assert_eq!(d["ruta"], "canton.escudo", "{nombre}");
        assert_eq!(d["linea"], 4, "{nombre}");
        assert!(
            d["mensaje"].as_str().unwrap().contains(mensaje),
            "{nombre}: {}",
            d["mensaje"]
        );
        let o = cantonal(&["generar", plan.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{nombre}");
        assert!(!plan.with_extension("pdf").exists(), "{nombre}");
    }
}

#[test]
fn a_review_copy_is_never_dated_before_its_review() {
    if !poppler() {
        return;
    }
    let (dir, plan) = write_plan("plan.yaml", base());
    let obs = dir.path().join("plan.observaciones.yaml");
    std::fs::write(
        &obs,
        "revisor: Asesoría técnica\nfecha: 2026-11-20\nobservaciones:\n  - ruta: presentacion\n    texto: Falta la presentación.\n",
    )
    .unwrap();
    let pdf = dir.path().join("revision.pdf");
    cantonal_ok(&[
        "generar",
        plan.to_str().unwrap(),
        "--observaciones",
        obs.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let texto = plano(&String::from_utf8_lossy(&out.stdout));
    assert!(
        texto.contains("Documento generado por cantonal el 20 de noviembre de 2026"),
        "{}",
        &texto[texto.len().saturating_sub(300)..]
    );
}

#[test]
fn valid_plans_never_fail_in_the_typesetter() {
    // A 30 000-character word (pasted by mistake) is laid out whole, broken across lines.
    let largo = "a".repeat(30_000);
    let (_d1, plan) = write_plan(
        "plan.yaml",
        mutate(
            "descripcion: Talleres en colegios",
            &format!("descripcion: {largo}"),
        ),
    );
    let o = cantonal(&["generar", plan.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Quotes nested as deep as validation allows are printed; deeper ones are refused by
    // validation (S008), never by the typesetter in English.
    let citas = |n: usize| {
        let texto = format!("{} x", ">".repeat(n));
        mutate(
            "estado: borrador\n",
            &format!(
                "estado: borrador\npresentacion: {}\n",
                serde_json::to_string(&texto).unwrap()
            ),
        )
    };
    let (_d2, plan) = write_plan(
        "plan.yaml",
        citas(cantonal::documento::cmark::MAX_ANIDAMIENTO - 1),
    );
    let o = cantonal(&["generar", plan.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (_d3, plan) = write_plan("plan.yaml", citas(18));
    let o = cantonal(&["generar", plan.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let salida = String::from_utf8_lossy(&o.stdout);
    assert!(salida.contains("error[S008]"), "{salida}");
    assert!(!String::from_utf8_lossy(&o.stderr).contains("error en la plantilla"));
}
