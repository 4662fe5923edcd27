//! The third hardening round (docs/robustez.md): what destroyed a plan, stopped the editor, or
//! let a bomb through. Each test failed on the build before its fix.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::cliente::{Cliente, carpeta_con_ejemplos, crudo, servidor};
use crate::common::{self, base, cantonal, write_plan};

/// Ibarra's plan padded with a comment past the 8 MiB read limit: the last lines (everything a
/// cut read would lose) are real plan content.
fn plan_enorme() -> String {
    let ibarra = std::fs::read_to_string("plans/ibarra.yaml").unwrap();
    let (cabeza, resto) = ibarra.split_at(ibarra.find("\nactores:").unwrap() + 1);
    let relleno: String = (0..160_000)
        .map(|i| format!("# relleno {i:06} para pasar el límite de lectura del editor\n"))
        .collect();
    format!("{cabeza}{relleno}{resto}")
}

#[test]
fn a_plan_over_the_read_limit_is_never_opened_nor_written_back_cut() {
    let texto = plan_enorme();
    assert!(texto.len() > 9_000_000);
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("grande.yaml");
    std::fs::write(&plan, &texto).unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let r = c.get("/api/plan?archivo=grande.yaml");
    assert_eq!(r.status, 413, "{}", String::from_utf8_lossy(&r.body));
    assert!(
        r.json()["mensaje"]
            .as_str()
            .unwrap()
            .contains("demasiado grande"),
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    // Opened while small, grown past the limit on disk before the save: nothing is written.
    std::fs::copy("plans/ibarra.yaml", &plan).unwrap();
    let abierto = c.plan("grande.yaml");
    std::fs::write(&plan, &texto).unwrap();
    let mut valor = abierto["valor"].clone();
    valor["canton"]["nombre"] = json!("Ibarra cambiada");
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "grande.yaml", "version": abierto["version"], "valor": valor}),
    );
    assert_eq!(r.status, 409, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), texto);
    // The command line says the same, located, and exits 1.
    let (codigo, json) = common::validar_json(&plan, &[]);
    assert_eq!(codigo, 1);
    let d = &common::diagnosticos(&json)[0];
    assert_eq!(d["codigo"], "S001");
    assert!(d["mensaje"].as_str().unwrap().contains("demasiado grande"));
    s.detener();
}

#[cfg(unix)]
#[test]
fn a_read_only_plan_is_never_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = carpeta_con_ejemplos();
    let plan = dir.path().join("ibarra.yaml");
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let abierto = c.plan("ibarra.yaml");
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o444)).unwrap();
    let antes = std::fs::read(&plan).unwrap();
    let mut valor = abierto["valor"].clone();
    valor["canton"]["nombre"] = json!("San Miguel de Ibarra");
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.yaml", "version": abierto["version"], "valor": valor}),
    );
    assert_eq!(r.status, 409, "{}", String::from_utf8_lossy(&r.body));
    assert!(
        r.json()["mensaje"]
            .as_str()
            .unwrap()
            .contains("solo lectura")
    );
    assert_eq!(std::fs::read(&plan).unwrap(), antes);
    assert_eq!(
        std::fs::metadata(&plan).unwrap().permissions().mode() & 0o777,
        0o444
    );
    // Every output is written the same way: a read-only PDF is not replaced either.
    let pdf = dir.path().join("ibarra.pdf");
    std::fs::write(&pdf, b"anterior").unwrap();
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o444)).unwrap();
    let o = cantonal(&["generar", "plans/ibarra.yaml", "-o", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("solo lectura"));
    assert_eq!(std::fs::read(&pdf).unwrap(), b"anterior");
    s.detener();
}

#[test]
fn a_malformed_observations_file_is_refused_where_it_is_wrong_and_the_editor_goes_on() {
    let dir = carpeta_con_ejemplos();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let obs = dir.path().join("otavalo.observaciones.yaml");
    for (texto, accion) in [
        (
            "- una lista\n- en lugar de campos\n",
            json!({"accion": "agregar", "ruta": "presentacion", "texto": "x"}),
        ),
        (
            "solo un texto\n",
            json!({"accion": "agregar", "ruta": "presentacion", "texto": "x"}),
        ),
        (
            "revisor: Asesoría\nfecha: 2026-01-01\nobservaciones:\n  - una observación sin campos\n",
            json!({"accion": "resolver", "indice": 0}),
        ),
    ] {
        std::fs::write(&obs, texto).unwrap();
        let mut pedido = accion.clone();
        pedido["archivo"] = json!("otavalo.yaml");
        let r = c.post("/api/observaciones", &pedido);
        assert_eq!(
            r.status,
            422,
            "{texto}: {}",
            String::from_utf8_lossy(&r.body)
        );
        let m = r.json()["mensaje"].as_str().unwrap().to_owned();
        assert!(m.starts_with("otavalo.observaciones.yaml:"), "{m}");
        assert_eq!(std::fs::read_to_string(&obs).unwrap(), texto);
        let r = c.get("/api/observaciones?archivo=otavalo.yaml");
        assert_eq!(r.status, 422);
    }
    // The next requests are served: a save, a new plan, an observation of another plan.
    let plan = c.plan("ibarra.yaml");
    let mut valor = plan["valor"].clone();
    valor["canton"]["nombre"] = json!("Ibarra");
    let r = c.post(
        "/api/guardar",
        &json!({"archivo": "ibarra.yaml", "version": plan["version"], "valor": valor}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let r = c.post("/api/observaciones", &json!({"archivo": "ibarra.yaml", "accion": "agregar", "revisor": "OIM", "ruta": "presentacion", "texto": "Bien."}));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    s.detener();
}

#[test]
fn idle_and_half_sent_connections_are_closed_and_capped() {
    let dir = carpeta_con_ejemplos();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let limite = cantonal::editor::servidor::ESPERA_CABECERAS;
    // More half-sent requests than the server serves at once.
    let mut lentas: Vec<TcpStream> = (0..cantonal::editor::servidor::MAX_CONEXIONES + 40)
        .filter_map(|_| {
            let mut t = TcpStream::connect(("127.0.0.1", c.port)).ok()?;
            t.write_all(format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", c.port).as_bytes())
                .ok()?;
            Some(t)
        })
        .collect();
    let inicio = Instant::now();
    // A real request is answered once the slow ones are timed out.
    let r = c.get("/api/planes");
    assert_eq!(r.status, 200);
    assert!(inicio.elapsed() < limite * 3, "{:?}", inicio.elapsed());
    // The server closed the half-sent requests: a read ends instead of waiting forever.
    let t = &mut lentas[0];
    t.set_read_timeout(Some(limite * 3)).unwrap();
    let mut resto = Vec::new();
    let leido = t.read_to_end(&mut resto);
    assert!(
        leido.is_ok(),
        "the server kept a half-sent request open: {leido:?}"
    );
    // A kept-alive connection that goes quiet is closed too.
    let mut viva = TcpStream::connect(("127.0.0.1", c.port)).unwrap();
    viva.write_all(
        format!(
            "GET /api/planes HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Cantonal-Clave: {}\r\n\r\n",
            c.port, c.token
        )
        .as_bytes(),
    )
    .unwrap();
    viva.set_read_timeout(Some(limite * 3)).unwrap();
    let leido = viva.read_to_end(&mut Vec::new());
    assert!(
        leido.is_ok(),
        "an idle kept-alive connection stayed open: {leido:?}"
    );
    s.detener();
}

#[test]
fn two_editors_keep_their_own_keys_and_give_none_to_other_services() {
    let a = carpeta_con_ejemplos();
    let b = carpeta_con_ejemplos();
    let (sa, sb) = (servidor(a.path()), servidor(b.path()));
    let (ca, cb) = (Cliente::new(&sa), Cliente::new(&sb));
    // Each page goes on working after the other opened.
    assert_eq!(ca.get("/api/planes").status, 200);
    assert_eq!(cb.get("/api/planes").status, 200);
    // One editor's key opens nothing of the other.
    let r = crudo(
        cb.port,
        &format!(
            "GET /api/planes HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Cantonal-Clave: {}\r\nConnection: close\r\n\r\n",
            cb.port, ca.token
        ),
        b"",
    );
    assert_eq!(r.status, 403);
    sa.detener();
    sb.detener();
}

/// A PNG whose header declares `ancho` × `alto` pixels, followed by a few bytes of data.
fn png_que_dice(ancho: u32, alto: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend(ancho.to_be_bytes());
    ihdr.extend(alto.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    let crc = crc32(&ihdr);
    png.extend(13u32.to_be_bytes());
    png.extend(&ihdr);
    png.extend(crc.to_be_bytes());
    let idat = b"IDAT\x78\x9c\x63\x00\x00\x00\x01\x00\x01".to_vec();
    png.extend(((idat.len() - 4) as u32).to_be_bytes());
    png.extend(&idat);
    png.extend(crc32(&idat).to_be_bytes());
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A JPEG whose frame header declares `lado` × `lado` pixels.
fn jpeg_que_dice(lado: u16) -> Vec<u8> {
    let mut j = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0B, 0x08];
    j.extend(lado.to_be_bytes());
    j.extend(lado.to_be_bytes());
    j.extend([0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9]);
    j
}

#[test]
fn a_crest_that_declares_huge_dimensions_is_refused_before_it_is_decoded() {
    for (nombre, bytes) in [
        ("bomba.png", png_que_dice(1 << 30, 1 << 30)),
        ("grande.png", png_que_dice(60_000, 60_000)),
        ("bomba.jpg", jpeg_que_dice(65_500)),
    ] {
        let plan = base().replace(
            "provincia: Imbabura }",
            &format!("provincia: Imbabura, escudo: {nombre} }}"),
        );
        let (dir, archivo) = write_plan("plan.yaml", plan);
        std::fs::write(dir.path().join(nombre), &bytes).unwrap();
        let (codigo, json) = common::validar_json(&archivo, &[]);
        assert_eq!(codigo, 1, "{nombre}: {json}");
        let d = common::diagnosticos(&json)
            .into_iter()
            .find(|d| d["codigo"] == "C020")
            .unwrap_or_else(|| panic!("{nombre}: {json}"));
        assert_eq!(d["ruta"], "canton.escudo");
        assert!(
            d["mensaje"].as_str().unwrap().contains("píxeles"),
            "{nombre}: {d}"
        );
        let o = cantonal(&["generar", archivo.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{nombre}: {o:?}");
        // The editor opens it, previews nothing and goes on serving.
        let s = servidor(dir.path());
        let c = Cliente::new(&s);
        let p = c.plan("plan.yaml");
        let r = c.post(
            "/api/vista",
            &json!({"archivo": "plan.yaml", "version": p["version"], "valor": p["valor"]}),
        );
        assert_eq!(r.status, 200);
        assert_eq!(c.get("/api/planes").status, 200);
        s.detener();
    }
}

/// A filled workshop workbook for Ibarra, made by the command, in `dir`.
fn libro_del_taller(dir: &Path) -> std::path::PathBuf {
    let libro = dir.join("ibarra-taller.xlsx");
    common::cantonal_ok(&[
        "plantilla-taller",
        "--desde",
        "plans/ibarra.yaml",
        "-o",
        libro.to_str().unwrap(),
    ]);
    libro
}

#[test]
fn a_workbook_that_would_allocate_a_huge_grid_or_inflate_to_gigabytes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let libro = libro_del_taller(dir.path());
    // One cell at XFD1048576 of a valid workbook.
    let lejano = dir.path().join("lejano.xlsx");
    common::copia_de_libro(&libro, ("Acciones", 1_048_575, 16_383, "x"), &lejano);
    let inicio = Instant::now();
    let o = cantonal(&[
        "importar",
        lejano.to_str().unwrap(),
        "-o",
        dir.path().join("a.yaml").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let salida = String::from_utf8_lossy(&o.stdout);
    assert!(
        salida.contains("T001") && salida.contains("XFD1048576"),
        "{salida}"
    );
    assert!(inicio.elapsed() < Duration::from_secs(30));
    // A sheet that inflates far beyond what a workshop writes.
    let inflado = dir.path().join("inflado.xlsx");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&inflado).unwrap());
        let opciones = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let original = common::archivos_zip(&std::fs::read(&libro).unwrap());
        for (nombre, bytes) in &original {
            zip.start_file(nombre.as_str(), opciones).unwrap();
            zip.write_all(bytes).unwrap();
            if nombre == "xl/worksheets/sheet1.xml" {
                zip.write_all(&vec![b' '; 80 * 1024 * 1024]).unwrap();
            }
        }
        zip.finish().unwrap();
    }
    assert!(std::fs::metadata(&inflado).unwrap().len() < 3 * 1024 * 1024);
    let o = cantonal(&[
        "importar",
        inflado.to_str().unwrap(),
        "-o",
        dir.path().join("b.yaml").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    let salida = String::from_utf8_lossy(&o.stdout);
    assert!(salida.contains("descomprimida ocupa más de"), "{salida}");
    // An ODS whose repeated rows put content a million rows down.
    let ods = dir.path().join("repetido.ods");
    {
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&ods).unwrap());
        let guardado = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", guardado).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", guardado).unwrap();
        zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Acciones"><table:table-row table:number-rows-repeated="1048576"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#).unwrap();
        zip.finish().unwrap();
    }
    let o = cantonal(&[
        "importar",
        ods.to_str().unwrap(),
        "-o",
        dir.path().join("c.yaml").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("T001"));
    for p in ["a.yaml", "b.yaml", "c.yaml"] {
        assert!(!dir.path().join(p).exists());
    }
}

#[test]
fn a_reviewer_name_with_xml_characters_makes_a_valid_review_copy() {
    for revisor in [
        "Ministerio de la Mujer & DDHH",
        "Asesor \"externo\" <OIM> l'équipe",
        "x\" w:id=\"9\"><w:r><w:fldSimple w:instr=\"INCLUDEPICTURE http://ejemplo.invalid/x.png\"/></w:r><w:comment w:author=\"y",
    ] {
        let (dir, plan) = write_plan("plan.yaml", base());
        let obs = dir.path().join("plan.observaciones.yaml");
        std::fs::write(
            &obs,
            format!(
                "revisor: {}\nfecha: 2026-02-01\nobservaciones:\n  - ruta: acciones.A1\n    texto: Revisar la meta.\n",
                serde_json::to_string(revisor).unwrap()
            ),
        )
        .unwrap();
        let docx = common::generado("docx", &plan, Some(&obs));
        let partes = common::partes(&docx);
        let comentarios = roxmltree::Document::parse(&partes["word/comments.xml"])
            .unwrap_or_else(|e| panic!("{revisor}: {e}"));
        let autores: Vec<&str> = comentarios
            .descendants()
            .filter_map(|n| {
                n.attribute((
                    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    "author",
                ))
            })
            .collect();
        assert!(
            !autores.is_empty() && autores.iter().all(|a| *a == revisor),
            "{autores:?}"
        );
        assert!(
            comentarios.descendants().all(|n| !n.has_tag_name((
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                "fldSimple"
            ))),
            "{revisor}"
        );
        if let Some(soffice) = common::soffice(&dir.path().join("perfil")) {
            let archivo = dir.path().join("copia.docx");
            std::fs::write(&archivo, &docx).unwrap();
            common::convertir(soffice, "txt:Text", dir.path(), &[&archivo]);
            assert!(dir.path().join("copia.txt").exists());
        }
    }
}

#[test]
fn control_characters_of_a_plan_never_reach_the_word_file() {
    let plan = common::plan_hostil("uno\u{1}dos\u{b}tres &#11; cuatro &#x1; cinco");
    let (_dir, archivo) = write_plan("plan.yaml", plan);
    let docx = common::generado("docx", &archivo, None);
    let documento = &common::partes(&docx)["word/document.xml"];
    roxmltree::Document::parse(documento).expect("a well-formed document.xml");
    assert!(!documento.contains(['\u{1}', '\u{b}']));
    assert!(!documento.contains("&#11;") && !documento.contains("&#x1;"));
    assert!(
        documento.contains("unodostres"),
        "the rest of the text stays"
    );
    let html = String::from_utf8(common::generado("html", &archivo, None)).unwrap();
    assert!(!html.contains(['\u{1}', '\u{b}']));
    assert!(html.contains("unodostres"));
}

#[test]
fn a_workbook_or_a_plan_is_never_replaced_by_its_own_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let libro = libro_del_taller(dir.path());
    let antes = std::fs::read(&libro).unwrap();
    let o = cantonal(&[
        "importar",
        libro.to_str().unwrap(),
        "-o",
        libro.to_str().unwrap(),
        "--forzar",
    ]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stderr).contains("es el archivo de entrada"));
    assert_eq!(std::fs::read(&libro).unwrap(), antes);
    let plan = dir.path().join("p.yaml");
    std::fs::copy("plans/ibarra.yaml", &plan).unwrap();
    let antes = std::fs::read(&plan).unwrap();
    let o = cantonal(&[
        "plantilla-taller",
        "--desde",
        plan.to_str().unwrap(),
        "-o",
        plan.to_str().unwrap(),
        "--forzar",
    ]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert_eq!(std::fs::read(&plan).unwrap(), antes);
}

#[cfg(unix)]
#[test]
fn a_file_name_with_a_line_break_stays_inside_its_comment() {
    let dir = tempfile::tempdir().unwrap();
    let libro = libro_del_taller(dir.path());
    let raro = dir.path().join("libro\nzz: 1.xlsx");
    std::fs::rename(&libro, &raro).unwrap();
    let plan = dir.path().join("importado.yaml");
    let o = cantonal(&[
        "importar",
        raro.to_str().unwrap(),
        "-o",
        plan.to_str().unwrap(),
    ]);
    assert!(plan.exists(), "{o:?}");
    let texto = std::fs::read_to_string(&plan).unwrap();
    assert!(texto.contains("libro\\u{a}zz: 1.xlsx"), "{texto}");
    let valor: serde_yaml::Value = serde_yaml::from_str(&texto).unwrap();
    assert!(valor.get("zz").is_none());
    // The same for the plan's name in a new observations file.
    let (guardado, _) = cantonal::plan::observar::cambiar(
        &dir.path().join("x.observaciones.yaml"),
        None,
        "plan\nrevisor: otro.yaml",
        Some("OIM"),
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
        cantonal::plan::observar::Cambio::Agregar {
            ruta: "presentacion".into(),
            texto: "Bien.".into(),
        },
    )
    .unwrap();
    let valor: serde_yaml::Value = serde_yaml::from_str(&guardado.texto).unwrap();
    assert_eq!(valor["revisor"].as_str(), Some("OIM"), "{}", guardado.texto);
}

#[cfg(unix)]
#[test]
fn a_download_of_a_plan_with_quotes_or_line_breaks_in_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let nombre = "plan \"nuevo\"\ny ñ.yaml";
    std::fs::copy("plans/ibarra.yaml", dir.path().join(nombre)).unwrap();
    let s = servidor(dir.path());
    let c = Cliente::new(&s);
    let codificado = nombre
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect::<String>();
    let p = c.plan(&codificado);
    let r = c.post(
        "/api/descargar",
        &json!({"archivo": nombre, "version": p["version"], "valor": p["valor"], "formato": "pdf"}),
    );
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let d = r.header("content-disposition").unwrap();
    assert!(
        d.contains("filename*=UTF-8''plan%20%22nuevo%22%0Ay%20%C3%B1.pdf"),
        "{d}"
    );
    s.detener();
}

#[test]
fn a_report_of_one_plan_says_one_plan() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("plans/ibarra.yaml", dir.path().join("ibarra.yaml")).unwrap();
    let o = cantonal(&[
        "informe",
        dir.path().to_str().unwrap(),
        "--formato",
        "texto",
    ]);
    let texto = String::from_utf8_lossy(&o.stdout);
    assert!(texto.contains(" · 1 plan · "), "{texto}");
}
