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

/// The 1-based line of the first line of `texto` after line `desde` that starts with `inicio`
/// (ignoring indentation), and the column where `inicio` starts.
fn linea(texto: &str, desde: usize, inicio: &str) -> (usize, usize) {
    texto
        .lines()
        .enumerate()
        .skip(desde)
        .find(|(_, l)| l.trim_start().starts_with(inicio))
        .map(|(i, l)| (i + 1, l.len() - l.trim_start().len() + 1))
        .unwrap()
}

#[test]
fn id_paths_and_positions_map_both_ways() {
    let texto = ibarra();
    let v = validar_texto(Path::new("plans/ibarra.yaml"), &texto, Reglas::default());
    assert!(v.diagnostics.is_empty(), "{:?}", v.diagnostics);
    // Where action A3 and its indicator's target are written in the file.
    let (a3, col_id) = linea(&texto, 0, "- id: A3");
    let (meta, col_meta) = linea(&texto, a3, "meta:");
    let region = v.posicion("acciones.A3.indicador.meta").unwrap();
    assert_eq!(
        (region.start.line, region.start.col),
        (meta, col_meta + "meta: ".len())
    );
    assert_eq!(
        v.ruta_en(meta, col_meta + "meta: ".len() + 1).as_deref(),
        Some("acciones.A3.indicador.meta")
    );
    // On the key, the same field; on the item's `id`, the id field; past the end of the
    // document, nothing.
    assert_eq!(
        v.ruta_en(meta, col_meta + 1).as_deref(),
        Some("acciones.A3.indicador.meta")
    );
    assert_eq!(
        v.ruta_en(a3, col_id + "- id: ".len()).as_deref(),
        Some("acciones.A3.id")
    );
    assert_eq!(v.posicion("acciones.A99"), None);
    assert_eq!(v.ruta_en(100_000, 1), None);
}

#[test]
fn edited_text_gives_located_diagnostics_and_no_document() {
    let original = ibarra();
    let (a3, _) = linea(&original, 0, "- id: A3");
    let (responsable, col) = linea(&original, a3, "responsable:");
    let texto: String = original
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == responsable {
                format!("{}responsable: no-existe\n", " ".repeat(col - 1))
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let v = validar_texto(Path::new("plans/ibarra.yaml"), &texto, Reglas::default());
    let d = v
        .diagnostics
        .iter()
        .find(|d| d.codigo == "R002")
        .expect("unknown actor");
    let valor = col + "responsable: ".len();
    assert_eq!((d.linea, d.columna), (responsable, valor));
    assert_eq!(d.ruta, "acciones.A3.responsable");
    assert_eq!(
        v.posicion(&d.ruta).map(|r| (r.start.line, r.start.col)),
        Some((responsable, valor))
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
