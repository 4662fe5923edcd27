//! HTML, Markdown and JSON outputs: structure and accessibility of the HTML, exact escaping of
//! hostile plan text in every kind of field, strict templates, and a real headless browser that
//! opens the HTML of every example plan.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::Formato;
use crate::common::{base, cantonal, write_plan};
use crate::common::{hbs_text, json};
use cantonal::reference::nacional::Referencia;
use cantonal::render::templates::Plantillas;
use cantonal::rules::Opciones;

fn plan_of(path: &Path) -> cantonal::plan::model::Plan {
    let v = cantonal::validar(path, Opciones::default());
    assert!(!v.tiene_errores(), "{:?}", v.diagnostics);
    v.loaded.datos.unwrap()
}

fn html_of(path: &Path) -> String {
    hbs_text(
        &plan_of(path),
        Referencia::pacta(),
        None,
        &Plantillas::default(),
        Formato::Html,
    )
    .unwrap()
}

fn md_of(path: &Path) -> String {
    hbs_text(
        &plan_of(path),
        Referencia::pacta(),
        None,
        &Plantillas::default(),
        Formato::Markdown,
    )
    .unwrap()
}

fn examples() -> Vec<PathBuf> {
    let v = cantonal::carpeta::plan_files(&[PathBuf::from("plans")]).unwrap();
    assert_eq!(v.len(), 7);
    v
}

#[test]
fn html_is_self_contained_semantic_and_accessible() {
    for path in examples() {
        let html = html_of(&path);
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
        // Nothing external, nothing executable.
        for forbidden in [
            "<script", "src=", "<link", "url(", "@import", "<iframe", "<object", " on",
        ] {
            assert!(
                !html.to_lowercase().contains(forbidden),
                "{}: contains {forbidden}",
                path.display()
            );
        }
        assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
        // Headings in order: one h1, then h2 sections, h3 only inside them.
        let levels: Vec<u8> = html
            .match_indices("<h")
            .filter_map(|(i, _)| html[i + 2..].chars().next()?.to_digit(10).map(|d| d as u8))
            .collect();
        assert_eq!(levels.first(), Some(&1));
        assert_eq!(levels.iter().filter(|l| **l == 1).count(), 1);
        assert!(levels.windows(2).all(|w| w[1] <= w[0] + 1), "{levels:?}");
        // Every table has a header row with scoped header cells.
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<thead>").count()
        );
        assert!(!html.contains("<th>"), "header cells without scope");
        // The table of contents points at existing anchors.
        for (i, _) in html.match_indices("href=\"#") {
            let id = &html[i + 7..i + 7 + html[i + 7..].find('"').unwrap()];
            assert!(
                html.contains(&format!("id=\"{id}\"")),
                "dangling anchor #{id}"
            );
        }
        // Print stylesheet for A4.
        assert!(html.contains("@media print") && html.contains("size: A4"));
    }
}

#[test]
fn all_formats_exist_for_every_example() {
    let dir = tempfile::tempdir().unwrap();
    for path in examples() {
        for formato in ["html", "md", "json"] {
            let out = dir.path().join(format!(
                "{}.{formato}",
                path.file_stem().unwrap().to_string_lossy()
            ));
            let o = cantonal(&[
                "generar",
                path.to_str().unwrap(),
                "--formato",
                formato,
                "-o",
                out.to_str().unwrap(),
            ]);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{}",
                String::from_utf8_lossy(&o.stderr)
            );
            assert!(std::fs::metadata(&out).unwrap().len() > 1000);
        }
    }
}

#[test]
fn markdown_has_the_matrices_as_tables() {
    let md = md_of(Path::new("plans/ibarra.yaml"));
    assert!(
        md.starts_with("# Plan cantonal contra la trata de personas — Cantón Ibarra (2026-2028)\n")
    );
    assert!(md.contains("| Probabilidad | Impacto bajo | Impacto medio | Impacto alto |"));
    assert!(
        md.contains("| **Alta** |  |  | R1, R2 |"),
        "risk matrix row"
    );
    assert!(md.contains("| A1 | Prevención y promoción de derechos | O1 | Talleres sobre captación en línea en colegios fiscales del área urbana | GAD Municipal de Ibarra |"));
    assert!(md.contains("### 1. Identificación y detección"));
    // Every table row has as many cells as its header.
    let mut cols = 0;
    for line in md.lines() {
        if line.starts_with("|---") || line.starts_with("|:--") || line.starts_with("|--") {
            continue;
        }
        if let Some(rest) = line.strip_prefix('|') {
            let n = rest.replace("\\|", "").matches('|').count();
            if cols == 0 {
                cols = n;
            }
            assert_eq!(n, cols, "row with a different number of cells: {line}");
        } else {
            cols = 0;
        }
    }
}

#[test]
fn json_is_the_normalised_plan() {
    let v: serde_json::Value = serde_json::from_str(&json(
        &plan_of(Path::new("plans/ibarra.yaml")),
        Referencia::pacta(),
        None,
    ))
    .unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["plan"]["canton"]["codigo"], "1001");
    let a1 = &v["documento"]["acciones"][0];
    assert_eq!(a1["id"], "A1");
    assert_eq!(a1["eje"], "prevencion");
    assert_eq!(a1["responsable"], "GAD Municipal de Ibarra");
    assert_eq!(v["documento"]["presupuesto"]["total"], 128000.0);
    let ejes = v["documento"]["ejes"].as_array().unwrap();
    assert!(ejes.iter().all(|e| e["cubierto"] == true));
    // One entry per stage and population; every one of the 8 national stages is there.
    let ruta = v["documento"]["ruta"].as_array().unwrap();
    let mut etapas: Vec<&str> = ruta.iter().map(|e| e["id"].as_str().unwrap()).collect();
    etapas.dedup();
    assert_eq!(etapas.len(), 8);
    assert!(ruta.len() > 8, "entries per population");
}

/// Hostile strings and the exact text each must become in the HTML.
const HOSTILE: &[(&str, &str)] = &[
    (
        "<script>alert(1)</script>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ),
    (
        "<img src=x onerror=alert(1)>",
        "&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;",
    ),
    (
        "\"><svg onload=alert(1)>",
        "&quot;&gt;&lt;svg onload&#x3D;alert(1)&gt;",
    ),
    (
        "{{canton.nombre}} {{{presentacion}}}",
        "{{canton.nombre}} {{{presentacion}}}",
    ),
    ("' onmouseover='x", "&#x27; onmouseover&#x3D;&#x27;x"),
];

#[test]
fn hostile_text_is_escaped_exactly_in_every_kind_of_field() {
    for (hostile, escaped) in HOSTILE {
        let q = serde_json::to_string(hostile).unwrap();
        let yaml = base()
            .replace(
                "descripcion: Talleres en colegios",
                &format!("descripcion: {q}"),
            )
            .replace("nombre: GAD Municipal de Ibarra", &format!("nombre: {q}"))
            .replace(
                "titulo: Mendicidad infantil",
                &format!("titulo: {q}\n    zonas: [{q}]"),
            )
            .replace("fuente: Fiscalía }", &format!("fuente: {q} }}"))
            .replace(
                "estado: borrador\n",
                &format!("estado: borrador\npresentacion: {q}\n"),
            );
        let (_dir, path) = write_plan("plan.yaml", &yaml);
        let html = html_of(&path);
        // Action description (matrix, schedule), actor name (map, matrix, route), risk title and
        // zone, case source, and a Markdown field.
        assert!(
            html.matches(escaped).count() >= 6,
            "`{hostile}` -> {} times",
            html.matches(escaped).count()
        );
        assert!(
            !html.contains(hostile) || hostile == escaped,
            "`{hostile}` appears unescaped"
        );
        // In Markdown every `<` of plan text is escaped, so viewers show it as text.
        let md = md_of(&path);
        let bare = md
            .match_indices('<')
            .filter(|(i, _)| !md[..*i].ends_with('\\'))
            .count();
        assert_eq!(bare, 0, "unescaped `<` in Markdown for `{hostile}`");
    }
}

#[test]
fn only_safe_links_survive_in_markdown_fields() {
    let text = "[uno](javascript:alert(1)) [dos](https://example.org/a) [tres](mailto:ccpd@example.org) [cuatro](file:///etc/passwd) <a href=\"javascript:x\">cinco</a>";
    let yaml = base().replace(
        "estado: borrador\n",
        &format!(
            "estado: borrador\npresentacion: {}\n",
            serde_json::to_string(text).unwrap()
        ),
    );
    let (_dir, path) = write_plan("plan.yaml", &yaml);
    let html = html_of(&path);
    assert!(html.contains("<p>uno <a href=\"https://example.org/a\">dos</a> <a href=\"mailto:ccpd@example.org\">tres</a> cuatro &lt;a href&#x3D;&quot;javascript:x&quot;&gt;cinco&lt;/a&gt;</p>"), "{}", &html[html.find("<p>uno").unwrap_or(0)..][..300.min(html.len())]);
    let md = md_of(&path);
    assert!(md.contains("uno [dos](<https://example.org/a>) [tres](<mailto:ccpd@example.org>) cuatro \\<a href=\"javascript:x\"\\>cinco\\</a\\>"), "{md}");
}

#[test]
fn strict_templates_fail_loudly_with_name_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.html.hbs"),
        "<html>\n<p>{{canton.nombre}}</p>\n<p>{{canton.alcalde}}</p>\n</html>\n",
    )
    .unwrap();
    let plantillas = Plantillas::new(Some(dir.path().to_path_buf())).unwrap();
    let err = hbs_text(
        &plan_of(Path::new("plans/ibarra.yaml")),
        Referencia::pacta(),
        None,
        &plantillas,
        Formato::Html,
    )
    .unwrap_err();
    assert!(err.contains("plan.html.hbs:3:"), "{err}");
    assert!(err.contains("canton.alcalde"), "{err}");
    // The Markdown template is still the embedded one.
    assert!(
        hbs_text(
            &plan_of(Path::new("plans/ibarra.yaml")),
            Referencia::pacta(),
            None,
            &plantillas,
            Formato::Markdown
        )
        .is_ok()
    );
}

/// Debian's Chromium, when installed (see [`common::herramienta`]).
fn chromium() -> Option<&'static str> {
    common::herramienta("chromium", "chromium").then_some("chromium")
}

/// Runs headless Chromium on `html` with `action` (`--screenshot=…`, `--print-to-pdf=…` or
/// `--dump-dom`) and returns its stdout and the URLs of the network log.
fn browse(browser: &str, html: &Path, work: &Path, action: &str) -> (String, Vec<String>) {
    let netlog = work.join(format!("net-{}.json", action.len()));
    let out = Command::new(browser)
        .args(common::CHROMIUM)
        .args([
            "--disable-domain-reliability",
            "--no-pings",
            "--window-size=1280,2400",
        ])
        .arg(format!("--user-data-dir={}", work.join("perfil").display()))
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg(action)
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&netlog).unwrap_or_default()).unwrap_or_default();
    let urls = log["events"]
        .as_array()
        .map(|events| {
            events
                .iter()
                .filter_map(|e| e["params"]["url"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (String::from_utf8_lossy(&out.stdout).into_owned(), urls)
}

/// Requests that the page itself made: the browser's own service hosts (updates, clock) are not
/// the page's doing and are left out.
fn page_requests(urls: &[String]) -> Vec<&String> {
    const BROWSER_SERVICES: [&str; 4] = [
        "google.com/",
        "googleapis.com/",
        "gstatic.com/",
        "gvt1.com/",
    ];
    urls.iter()
        .filter(|u| u.starts_with("http") && !BROWSER_SERVICES.iter().any(|h| u.contains(h)))
        .collect()
}

#[test]
fn a_real_browser_renders_every_example_without_scripts_or_requests() {
    let Some(browser) = chromium() else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    // Every example plus a hostile plan that would run a script and fetch an image if escaping
    // failed.
    let hostile = serde_json::to_string("<script>document.body.setAttribute('data-pwned','1')</script><img src=\"http://cantonal-prueba.invalid/x.png\">").unwrap();
    let yaml = base().replace(
        "descripcion: Talleres en colegios",
        &format!("descripcion: {hostile}"),
    );
    let hostile_plan = work.path().join("hostil.yaml");
    std::fs::write(&hostile_plan, yaml).unwrap();
    let mut pages: Vec<(String, String)> = examples()
        .into_iter()
        .chain([hostile_plan])
        .map(|plan| {
            let name = plan.file_stem().unwrap().to_string_lossy().into_owned();
            (name, html_of(&plan))
        })
        .collect();
    // The review copy of Otavalo and the consolidated report of the examples.
    let v = cantonal::validar(Path::new("plans/otavalo.yaml"), Opciones::default())
        .con_observaciones(Path::new("plans/otavalo.observaciones.yaml"));
    let revision = hbs_text(
        v.loaded.datos.as_ref().unwrap(),
        Referencia::pacta(),
        v.revision.as_ref(),
        &Plantillas::default(),
        Formato::Html,
    )
    .unwrap();
    pages.push(("otavalo.revision".into(), revision));
    let informe = cantonal::informe::informe(
        &[PathBuf::from("plans")],
        Opciones::default(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    )
    .unwrap();
    pages.push((
        "informe".into(),
        common::informe_html(&informe, &Plantillas::default()).unwrap(),
    ));
    for (name, html) in pages {
        let html_path = work.path().join(format!("{name}.html"));
        std::fs::write(&html_path, html).unwrap();

        let shot = work.path().join(format!("{name}.png"));
        let (_, urls_shot) = browse(
            browser,
            &html_path,
            work.path(),
            &format!("--screenshot={}", shot.display()),
        );
        let decoder =
            png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let pixels = &buf[..info.buffer_size()];
        let non_white = pixels
            .chunks(info.color_type.samples())
            .filter(|px| px.iter().take(3).any(|c| *c < 200))
            .count();
        assert!(
            non_white > 20_000,
            "{name}: screenshot looks blank ({non_white} dark pixels)"
        );

        let printed = work.path().join(format!("{name}.pdf"));
        let (_, urls_pdf) = browse(
            browser,
            &html_path,
            work.path(),
            &format!("--print-to-pdf={}", printed.display()),
        );
        assert!(
            std::fs::metadata(&printed).unwrap().len() > 10_000,
            "{name}: empty print"
        );

        let (dom, urls_dom) = browse(browser, &html_path, work.path(), "--dump-dom");
        assert!(
            dom.contains("cantonales contra la trata de personas")
                || dom.contains("Plan cantonal contra la trata de personas"),
            "{name}: DOM without content"
        );
        assert!(
            !dom.contains("<script") && !dom.contains("data-pwned=\"1\""),
            "{name}: a script ran"
        );

        for urls in [&urls_shot, &urls_pdf, &urls_dom] {
            let page = page_requests(urls);
            assert!(
                page.is_empty(),
                "{name}: the page made network requests: {page:?}"
            );
            assert!(
                !urls.iter().any(|u| u.contains("cantonal-prueba")),
                "{name}: image fetched"
            );
        }
    }
}
