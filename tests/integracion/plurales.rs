//! Counts agree with their noun in every printed output: the review copy of a plan (PDF read
//! back with poppler's `pdftotext`, HTML, Markdown) and the consolidated report (PDF and HTML),
//! for one and for two of each thing. All of them take the phrase from the document model,
//! written once by `espanol::plural`.

use std::path::Path;
use std::process::Command;

use crate::common::{base, cantonal_ok, plano};

/// The text of a PDF as pdftotext reads it, white space folded; `None` without poppler.
fn pdf_texto(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .ok()?;
    assert!(out.status.success());
    Some(plano(&String::from_utf8(out.stdout).unwrap()))
}

/// The review copy of the base plan with `abiertas` open and `resueltas` resolved observations,
/// in each format (`None` for the PDF without poppler).
fn copia_de_revision(abiertas: usize, resueltas: usize) -> (Option<String>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, base()).unwrap();
    let mut obs = String::from("revisor: Asesoría\nfecha: 2026-03-10\nobservaciones:\n");
    for _ in 0..abiertas {
        obs.push_str("  - { ruta: acciones.A1, texto: Detallar los colegios. }\n");
    }
    for _ in 0..resueltas {
        obs.push_str(
            "  - { ruta: riesgos.R2, texto: Revisar la probabilidad., estado: resuelta }\n",
        );
    }
    let o = dir.path().join("plan.observaciones.yaml");
    std::fs::write(&o, obs).unwrap();
    let generar = |formato: &str| {
        let salida = dir.path().join(format!("copia.{formato}"));
        cantonal_ok(&[
            "generar",
            plan.to_str().unwrap(),
            "--observaciones",
            o.to_str().unwrap(),
            "--formato",
            formato,
            "-o",
            salida.to_str().unwrap(),
        ]);
        salida
    };
    let html = std::fs::read_to_string(generar("html")).unwrap();
    let md = std::fs::read_to_string(generar("md")).unwrap();
    (pdf_texto(&generar("pdf")), plano(&html), plano(&md))
}

#[test]
fn the_review_copy_counts_observations_in_singular_and_plural() {
    for (abiertas, resueltas, inicio, resumen) in [
        (
            1,
            1,
            "1 abierta, 1 resuelta.",
            "1 observación abierta y 1 resuelta.",
        ),
        (
            2,
            2,
            "2 abiertas, 2 resueltas.",
            "2 observaciones abiertas y 2 resueltas.",
        ),
        (
            1,
            2,
            "1 abierta, 2 resueltas.",
            "1 observación abierta y 2 resueltas.",
        ),
    ] {
        let (pdf, html, md) = copia_de_revision(abiertas, resueltas);
        let inicio = format!("Observaciones de Asesoría, 10 de marzo de 2026: {inicio}");
        let resumen = format!("Revisión de Asesoría, 10 de marzo de 2026: {resumen}");
        let mut salidas = vec![("html", html), ("md", md)];
        salidas.extend(pdf.map(|t| ("pdf", t)));
        for (formato, texto) in salidas {
            assert!(texto.contains(&inicio), "{formato}: `{inicio}` en {texto}");
            assert!(
                texto.contains(&resumen),
                "{formato}: `{resumen}` en {texto}"
            );
            assert!(!texto.contains("1 abiertas"), "{formato}");
            assert!(!texto.contains("1 resueltas"), "{formato}");
        }
    }
}

/// The report of a folder with `ok` readable plans and `rotos` plans with errors, as PDF text
/// (`None` without poppler) and HTML.
fn informe(ok: usize, rotos: usize) -> (Option<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..ok {
        std::fs::write(dir.path().join(format!("p{i}.yaml")), base()).unwrap();
    }
    for i in 0..rotos {
        std::fs::write(
            dir.path().join(format!("roto{i}.yaml")),
            "formato: 1\ncanton: [\n",
        )
        .unwrap();
    }
    let salidas = tempfile::tempdir().unwrap();
    let generar = |ext: &str| {
        let salida = salidas.path().join(format!("informe.{ext}"));
        cantonal_ok(&[
            "informe",
            dir.path().to_str().unwrap(),
            "-o",
            salida.to_str().unwrap(),
        ]);
        salida
    };
    let html = plano(&std::fs::read_to_string(generar("html")).unwrap());
    (pdf_texto(&generar("pdf")), html)
}

#[test]
fn the_report_counts_plans_in_singular_and_plural() {
    // One plan, with errors: "1 plan", "1 plan tiene errores", and the cards agree.
    let (pdf, html) = informe(0, 1);
    assert!(html.contains(" · 1 plan · alineación"), "{html}");
    assert!(html.contains("<li><strong>1</strong>plan</li>"), "{html}");
    assert!(
        html.contains("<strong>1 plan tiene errores</strong>. Un plan con errores no se puede generar ni aprobar hasta corregirlos"),
        "{html}"
    );
    if let Some(pdf) = pdf {
        assert!(pdf.contains(" · 1 plan · alineación"), "{pdf}");
        assert!(
            pdf.contains(
                "1 plan tiene errores. Un plan con errores no se puede generar ni aprobar"
            ),
            "{pdf}"
        );
        assert!(!pdf.contains("1 planes"), "{pdf}");
    }
    // Two readable plans, two with errors; one action against each purpose in each plan is
    // counted per purpose ("… acciones en 2 planes").
    let (pdf, html) = informe(2, 2);
    assert!(html.contains(" · 4 planes · alineación"), "{html}");
    assert!(html.contains("<li><strong>4</strong>planes</li>"), "{html}");
    assert!(
        html.contains("<strong>2 planes tienen errores</strong>."),
        "{html}"
    );
    assert!(html.contains(" en 2 planes</span>"), "{html}");
    assert!(!html.contains(" planes planes"), "{html}");
    if let Some(pdf) = pdf {
        assert!(pdf.contains(" · 4 planes · alineación"), "{pdf}");
        assert!(pdf.contains("2 planes tienen errores."), "{pdf}");
        assert!(pdf.contains(" en 2 planes"), "{pdf}");
    }
    // One readable plan: its purposes are counted "en 1 plan".
    let (pdf, html) = informe(1, 0);
    assert!(html.contains(" en 1 plan</span>"), "{html}");
    assert!(!html.contains(" 1 planes"), "{html}");
    if let Some(pdf) = pdf {
        assert!(pdf.contains(" en 1 plan"), "{pdf}");
        assert!(!pdf.contains("1 planes"), "{pdf}");
    }
}
