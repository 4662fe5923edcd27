//! Word tables: cells of text, and tables whose header row Word repeats on every page and whose
//! rows are never split across pages.

use docx_rs::{BreakType, Paragraph, Run, Shading, Table, TableCell, TableRow, WidthType};

use super::escritor::texto;
use super::{AZUL, GRIS, TAM};

/// A table cell with paragraphs (an empty paragraph when there are none: Word needs one).
pub(super) fn celda(ps: Vec<Paragraph>) -> TableCell {
    if ps.is_empty() {
        return TableCell::new().add_paragraph(Paragraph::new());
    }
    ps.into_iter()
        .fold(TableCell::new(), TableCell::add_paragraph)
}

/// A table cell with plain text.
pub(super) fn celda_texto(t: &str) -> TableCell {
    celda(vec![Paragraph::new().add_run(texto(t))])
}

/// A table cell with bold text.
pub(super) fn celda_negrita(t: &str) -> TableCell {
    celda(vec![Paragraph::new().add_run(texto(t).bold())])
}

/// A table cell with text of `tam` half-points and a smaller grey second line of `tam_detalle`
/// (when not empty).
pub(super) fn celda_con(t: &str, detalle: &str, tam: usize, tam_detalle: usize) -> TableCell {
    let mut p = Paragraph::new().add_run(texto(t).size(tam));
    if !detalle.is_empty() {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(texto(detalle).size(tam_detalle).color(GRIS));
    }
    celda(vec![p])
}

/// A table: a header row that Word repeats on every page, then the rows; `anchos` are relative
/// column widths over `ancho` twentieths of a point.
pub(super) fn tabla(
    encabezado: &[&str],
    filas: Vec<Vec<TableCell>>,
    anchos: &[usize],
    ancho: usize,
) -> Table {
    tabla_con(encabezado, filas, anchos, ancho, TAM)
}

/// A table whose header row is written in `tam` half-points (the action matrix's is small, so
/// that its narrow columns never break a word). A row of one cell spans the whole width.
pub(super) fn tabla_con(
    encabezado: &[&str],
    filas: Vec<Vec<TableCell>>,
    anchos: &[usize],
    ancho: usize,
    tam: usize,
) -> Table {
    let total: usize = anchos.iter().sum::<usize>().max(1);
    let grid: Vec<usize> = anchos.iter().map(|a| a * ancho / total).collect();
    let cabecera = TableRow::new(
        encabezado
            .iter()
            .zip(&grid)
            .map(|(h, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(Shading::new().fill(AZUL))
                    .add_paragraph(
                        Paragraph::new().add_run(texto(h).bold().size(tam).color("FFFFFF")),
                    )
            })
            .collect(),
    )
    .table_header()
    .cant_split();
    let mut rows = vec![cabecera];
    rows.extend(filas.into_iter().map(|f| {
        let cells = if f.len() == 1 {
            f.into_iter()
                .map(|c| c.width(ancho, WidthType::Dxa))
                .collect()
        } else {
            f.into_iter()
                .zip(&grid)
                .map(|(c, w)| c.width(*w, WidthType::Dxa))
                .collect()
        };
        TableRow::new(cells).cant_split()
    }));
    Table::new(rows).set_grid(grid).width(ancho, WidthType::Dxa)
}
