//! The library entry point an editor or a server uses without the command line: text in,
//! located diagnostics, id paths ↔ positions, the document, and any output format of the
//! registry.

use std::path::Path;

use cantonal::render::{self, Opciones, Pieza};
use cantonal::rules::Opciones as Reglas;
use cantonal::{SinDocumento, validar_texto};

fn ibarra() -> String {
    std::fs::read_to_string("plans/ibarra.yaml").unwrap()
}

#[test]
fn id_paths_and_positions_map_both_ways() {
    let v = validar_texto(Path::new("plans/ibarra.yaml"), &ibarra(), Reglas::default());
    assert!(v.diagnostics.is_empty(), "{:?}", v.diagnostics);
    // `meta: 80` of action A3 is on line 227, its value at column 13.
    let region = v.posicion("acciones.A3.indicador.meta").unwrap();
    assert_eq!((region.start.line, region.start.col), (227, 13));
    assert_eq!(
        v.ruta_en(227, 14).as_deref(),
        Some("acciones.A3.indicador.meta")
    );
    // On the key, the same field; on the item's `id`, the id field; past the end of the
    // document, nothing.
    assert_eq!(
        v.ruta_en(227, 7).as_deref(),
        Some("acciones.A3.indicador.meta")
    );
    assert_eq!(v.ruta_en(217, 9).as_deref(), Some("acciones.A3.id"));
    assert_eq!(v.posicion("acciones.A99"), None);
    assert_eq!(v.ruta_en(100_000, 1), None);
}

#[test]
fn edited_text_gives_located_diagnostics_and_no_document() {
    let texto = ibarra().replace(
        "    responsable: mies-imbabura\n    corresponsables: [jcpd-ibarra, red-mujeres]",
        "    responsable: mies-imbabur\n    corresponsables: [jcpd-ibarra, red-mujeres]",
    );
    let v = validar_texto(Path::new("plans/ibarra.yaml"), &texto, Reglas::default());
    let d = v
        .diagnostics
        .iter()
        .find(|d| d.codigo == "R002")
        .expect("unknown actor");
    assert_eq!((d.linea, d.columna), (221, 18));
    assert_eq!(d.ruta, "acciones.A3.responsable");
    assert_eq!(
        v.posicion(&d.ruta).map(|r| (r.start.line, r.start.col)),
        Some((221, 18))
    );
    assert_eq!(v.documento().err(), Some(SinDocumento::ConErrores));
}

#[test]
fn the_document_renders_in_every_registered_format() {
    let v = validar_texto(Path::new("plans/ibarra.yaml"), &ibarra(), Reglas::default());
    let documento = v.documento().unwrap();
    let plan = v.plan().unwrap();
    let nombres: Vec<&str> = render::FORMATOS.iter().map(|f| f.nombre()).collect();
    assert_eq!(nombres, ["pdf", "html", "md", "json", "docx", "xlsx"]);
    for formato in render::FORMATOS {
        let p = formato
            .render(
                Pieza::Plan {
                    plan,
                    documento: &documento,
                },
                &Opciones::default(),
            )
            .unwrap();
        let inicio = &p.bytes[..20.min(p.bytes.len())];
        let esperado: &[u8] = match formato.extension() {
            "pdf" => b"%PDF-",
            "html" => b"<!DOCTYPE html>",
            "md" => b"# ",
            // Word and Excel files are ZIP packages.
            "docx" | "xlsx" => b"PK\x03\x04",
            _ => b"{",
        };
        assert!(
            inicio.starts_with(esperado),
            "{}: {:?}",
            formato.nombre(),
            String::from_utf8_lossy(inicio)
        );
        assert_eq!(
            render::por_extension(formato.extension()).map(|f| f.nombre()),
            Some(formato.nombre())
        );
    }
    // Markdown and Word do not print the consolidated report; the others do.
    let admiten: Vec<&str> = render::FORMATOS
        .iter()
        .filter(|f| f.admite_informe())
        .map(|f| f.nombre())
        .collect();
    assert_eq!(admiten, ["pdf", "html", "json", "xlsx"]);
}
