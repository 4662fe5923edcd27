//! The pictures and marks of the Word output: the crest on the cover and in every header (PNG
//! kept, JPEG and SVG turned into PNG of the right size, with its alternative text), and the
//! EJEMPLO and BORRADOR marks large on every page as in the PDF, read back through LibreOffice.

use crate::common;

use std::path::Path;
use std::process::Command;

use crate::common::{partes, soffice};
use crate::word::{docx, es, generar, palabras_grandes, texto};
use cantonal::rules::Opciones;

/// The pixel size of a PNG.
fn tam_png(bytes: &[u8]) -> (u32, u32) {
    let info = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    (info.info().width, info.info().height)
}

/// The targets of the pictures of an XML part, through its relationships.
fn imagenes_de(p: &std::collections::BTreeMap<String, String>, parte: &str) -> Vec<String> {
    let (carpeta, archivo) = parte.rsplit_once('/').unwrap();
    let rels = &p[&format!("{carpeta}/_rels/{archivo}.rels")];
    let rels = roxmltree::Document::parse(rels).unwrap();
    let xml = roxmltree::Document::parse(&p[parte]).unwrap();
    xml.descendants()
        .filter(|n| n.tag_name().name() == "blip")
        .map(|b| {
            let id = b
                .attributes()
                .find(|a| a.name() == "embed")
                .unwrap()
                .value();
            let rel = rels
                .descendants()
                .find(|r| r.attribute("Id") == Some(id))
                .unwrap_or_else(|| panic!("{parte}: no relationship {id}"));
            format!("{carpeta}/{}", rel.attribute("Target").unwrap())
        })
        .collect()
}

#[test]
fn the_crest_is_a_picture_on_the_cover_and_in_every_header() {
    let dir = tempfile::tempdir().unwrap();
    let png = common::png(64, 80);
    let mut jpeg = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_fn(64, 80, |x, y| image::Rgb([x as u8 * 3, y as u8 * 3, 90]))
        .write_to(&mut jpeg, image::ImageFormat::Jpeg)
        .unwrap();
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 50"><rect width="40" height="50" fill="#1f4e79"/></svg>"##;
    // PNG bytes are kept; a JPEG becomes a PNG of its size; an SVG is drawn 600 pixels high.
    let casos: [(&str, &[u8], (u32, u32)); 3] = [
        ("escudo.png", &png, (64, 80)),
        ("escudo.jpg", jpeg.get_ref(), (64, 80)),
        ("escudo.svg", svg, (480, 600)),
    ];
    for (archivo, contenido, tam) in casos {
        std::fs::write(dir.path().join(archivo), contenido).unwrap();
        let plan = dir.path().join("plan.yaml");
        std::fs::write(
            &plan,
            common::mutate(
                "provincia: Imbabura }",
                &format!("provincia: Imbabura, escudo: {archivo} }}"),
            ),
        )
        .unwrap();
        let bytes = docx(&plan, None);
        let archivos = common::archivos_zip(&bytes);
        let media: Vec<&String> = archivos
            .keys()
            .filter(|n| n.starts_with("word/media/"))
            .collect();
        // One image file, shared by the cover and the headers.
        assert_eq!(media.len(), 1, "{archivo}: {media:?}");
        let imagen = &archivos[media[0]];
        assert_eq!(tam_png(imagen), tam, "{archivo}");
        if archivo.ends_with(".png") {
            assert_eq!(imagen, &png);
        }
        let p = partes(&bytes);
        assert_eq!(imagenes_de(&p, "word/document.xml"), [media[0].clone()]);
        // On the cover, 2.4 cm high (in EMU), as in the PDF.
        let doc = roxmltree::Document::parse(&p["word/document.xml"]).unwrap();
        let extent = doc
            .descendants()
            .find(|n| n.tag_name().name() == "extent")
            .unwrap();
        assert_eq!(extent.attribute("cy"), Some("864000"));
        let cabeceras: Vec<&String> = p
            .keys()
            .filter(|k| k.starts_with("word/header") && k.ends_with(".xml"))
            .collect();
        assert_eq!(cabeceras.len(), 3);
        for c in cabeceras {
            assert_eq!(imagenes_de(&p, c), [media[0].clone()], "{c}");
        }
        std::fs::remove_file(dir.path().join(archivo)).unwrap();
        // LibreOffice opens it and prints the crest.
        if archivo.ends_with(".png") && common::poppler() {
            let perfil = dir.path().join("perfil");
            let Some(soffice) = soffice(&perfil) else {
                continue;
            };
            let d = dir.path().join("escudo.docx");
            std::fs::write(&d, &bytes).unwrap();
            common::convertir(soffice, "pdf", dir.path(), &[&d]);
            let lista = Command::new("pdfimages")
                .arg("-list")
                .arg(d.with_extension("pdf"))
                .output()
                .unwrap();
            let lista = String::from_utf8_lossy(&lista.stdout);
            assert!(
                lista.lines().any(|l| {
                    let c: Vec<&str> = l.split_whitespace().collect();
                    c.len() > 4 && c[3] == "64" && c[4] == "80"
                }),
                "no 64×80 image in LibreOffice's PDF:\n{lista}"
            );
        }
    }
}

#[test]
fn the_marks_are_large_on_every_page_as_in_the_pdf() {
    // The marks of each plan, from the document model: EJEMPLO for an illustrative plan,
    // BORRADOR for one not approved.
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("base.yaml");
    std::fs::write(&base, common::base()).unwrap();
    let planes = [
        base,
        Path::new("plans/colta.yaml").to_owned(),
        Path::new("plans/ibarra.yaml").to_owned(),
    ];
    let mut vistos = std::collections::BTreeSet::new();
    let mut casos = Vec::new();
    for plan in &planes {
        let d = cantonal::validar(plan, Opciones::default())
            .documento()
            .unwrap();
        let marcas: Vec<&str> = [
            d.marca_ejemplo.then_some("EJEMPLO"),
            d.marca_borrador.then_some("BORRADOR"),
        ]
        .into_iter()
        .flatten()
        .collect();
        vistos.extend(marcas.iter().copied());
        // In every header: a paragraph in a frame centred on the page, with the marks alone.
        let p = partes(&docx(plan, None));
        let cabeceras: Vec<&String> = p
            .iter()
            .filter(|(k, _)| k.starts_with("word/header"))
            .map(|(_, v)| v)
            .collect();
        assert_eq!(cabeceras.len(), 3);
        for c in cabeceras {
            let x = roxmltree::Document::parse(c).unwrap();
            let enmarcados: Vec<String> = x
                .descendants()
                .filter(|n| es(n, "p") && n.descendants().any(|f| es(&f, "framePr")))
                .map(|n| texto(&n))
                .collect();
            if marcas.is_empty() {
                assert!(enmarcados.is_empty());
            } else {
                assert_eq!(enmarcados, [marcas.concat()], "{}", plan.display());
            }
        }
        casos.push((plan.clone(), marcas));
    }
    assert_eq!(vistos.len(), 2, "both marks are tried");
    // LibreOffice prints them large (60 pt) on every page.
    let perfil = dir.path().join("perfil");
    let Some(soffice) = soffice(&perfil) else {
        return;
    };
    if !common::poppler() {
        return;
    }
    let word = dir.path().join("word");
    std::fs::create_dir(&word).unwrap();
    let archivos: Vec<_> = casos
        .iter()
        .map(|(plan, _)| {
            let d = word.join(plan.with_extension("docx").file_name().unwrap());
            generar(plan, None, "docx", &d);
            d
        })
        .collect();
    common::convertir(soffice, "pdf", &word, &archivos);
    for ((_, marcas), d) in casos.iter().zip(&archivos) {
        let paginas = palabras_grandes(&d.with_extension("pdf"), 40.0);
        assert!(paginas.len() > 10);
        for (i, grandes) in paginas.iter().enumerate() {
            assert_eq!(grandes, marcas, "{} page {}", d.display(), i + 1);
        }
        eprintln!(
            "LibreOffice: {} → {:?} en grande en sus {} páginas",
            d.file_name().unwrap().to_string_lossy(),
            marcas,
            paginas.len()
        );
    }
}
