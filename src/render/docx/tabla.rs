//! Word tables: a title for screen readers, a header row that Word repeats on every page, rows
//! never split across pages and never left alone at the top of one, and columns wide enough for
//! their widest word ([`medida`]), so that neither Word nor LibreOffice breaks a word in two.

use docx_rs::{
    BreakType, Paragraph, ParagraphChild, Run, RunChild, Shading, Table, TableCell,
    TableCellContent, TableLayoutType, TableRow, WidthType,
};

use super::escritor::texto;
use super::medida::{MARGENES_CELDA, palabra_mas_ancha};
use super::{AZUL, GRIS, TAM};

/// A table cell with the width its widest word needs.
pub(super) struct Celda {
    celda: TableCell,
    /// Width of its widest word, margins included, in twentieths of a point.
    minimo: usize,
    /// Columns it spans.
    columnas: usize,
    /// Text copied as written (an e-mail address, a telephone): it fits its column whole even
    /// when the other words of the table cannot all fit.
    exacto: bool,
}

impl Celda {
    /// The cell with `shading` as its background.
    pub(super) fn shading(self, s: Shading) -> Celda {
        Celda {
            celda: self.celda.shading(s),
            ..self
        }
    }

    /// The cell spanning `n` columns (it sets no column's width).
    pub(super) fn grid_span(self, n: usize) -> Celda {
        Celda {
            celda: self.celda.grid_span(n),
            columnas: n,
            ..self
        }
    }
}

/// `celda` measured: the widest word of `textos`, each a text, its size in half-points and whether
/// it is bold.
fn medida(celda: TableCell, textos: &[(&str, usize, bool)]) -> Celda {
    let minimo = textos
        .iter()
        .map(|(t, tam, negrita)| palabra_mas_ancha(t, *tam, *negrita))
        .max()
        .unwrap_or(0);
    Celda {
        celda,
        minimo: minimo + MARGENES_CELDA,
        columnas: 1,
        exacto: false,
    }
}

/// The text of each run of `hijos` (links included), its size in half-points and whether it is
/// bold. `docx-rs` keeps a run's size private and gives it only as the number it serialises to.
fn runs(hijos: &[ParagraphChild], out: &mut Vec<(String, usize, bool)>) {
    for h in hijos {
        match h {
            ParagraphChild::Run(r) => out.push((
                r.children
                    .iter()
                    .filter_map(|c| match c {
                        RunChild::Text(t) => Some(t.text.as_str()),
                        _ => None,
                    })
                    .collect(),
                r.run_property
                    .sz
                    .as_ref()
                    .and_then(|s| serde_json::to_value(s).ok()?.as_u64())
                    .map_or(TAM, |s| s as usize),
                r.run_property.bold.is_some(),
            )),
            ParagraphChild::Hyperlink(l) => runs(&l.children, out),
            _ => {}
        }
    }
}

/// A table cell with paragraphs (an empty paragraph when there are none: Word needs one),
/// measured run by run.
pub(super) fn celda(ps: Vec<Paragraph>) -> Celda {
    let mut textos = Vec::new();
    for p in &ps {
        runs(&p.children, &mut textos);
    }
    let textos: Vec<(&str, usize, bool)> = textos
        .iter()
        .map(|(t, tam, negrita)| (t.as_str(), *tam, *negrita))
        .collect();
    let celda = if ps.is_empty() {
        TableCell::new().add_paragraph(Paragraph::new())
    } else {
        ps.into_iter()
            .fold(TableCell::new(), TableCell::add_paragraph)
    };
    medida(celda, &textos)
}

/// A table cell of contact data (telephones, e-mail addresses, street addresses), one a line, in
/// 8 pt: each fits the column whole.
pub(super) fn celda_contacto(t: &str) -> Celda {
    let p = Paragraph::new().add_run(texto(t).size(16));
    Celda {
        exacto: true,
        ..medida(TableCell::new().add_paragraph(p), &[(t, 16, false)])
    }
}

/// A table cell with plain text.
pub(super) fn celda_texto(t: &str) -> Celda {
    let p = Paragraph::new().add_run(texto(t));
    medida(TableCell::new().add_paragraph(p), &[(t, TAM, false)])
}

/// A table cell with bold text.
pub(super) fn celda_negrita(t: &str) -> Celda {
    let p = Paragraph::new().add_run(texto(t).bold());
    medida(TableCell::new().add_paragraph(p), &[(t, TAM, true)])
}

/// A table cell of an amount: "USD" and its figure never apart.
pub(super) fn celda_monto(t: &str, negrita: bool) -> Celda {
    let t = t.replacen("USD ", "USD\u{a0}", 1);
    let mut r = texto(&t);
    if negrita {
        r = r.bold();
    }
    let p = Paragraph::new().add_run(r);
    medida(TableCell::new().add_paragraph(p), &[(&t, TAM, negrita)])
}

/// A table cell with text of `tam` half-points and a smaller grey second line of `tam_detalle`
/// (when not empty).
pub(super) fn celda_con(t: &str, detalle: &str, tam: usize, tam_detalle: usize) -> Celda {
    let mut p = Paragraph::new().add_run(texto(t).size(tam));
    if !detalle.is_empty() {
        p = p
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(texto(detalle).size(tam_detalle).color(GRIS));
    }
    medida(
        TableCell::new().add_paragraph(p),
        &[(t, tam, false), (detalle, tam_detalle, false)],
    )
}

/// A table titled `titulo` (its caption for screen readers): a header row that Word repeats on
/// every page, then the rows; `anchos` are relative column widths over `ancho` twentieths of a
/// point.
pub(super) fn tabla(
    titulo: &str,
    encabezado: &[&str],
    filas: Vec<Vec<Celda>>,
    anchos: &[usize],
    ancho: usize,
) -> Table {
    construir(titulo, encabezado, filas, anchos, ancho, TAM, false)
}

/// A short table that stays on one page, as the PDF keeps them (the totals of the budget).
pub(super) fn tabla_entera(
    titulo: &str,
    encabezado: &[&str],
    filas: Vec<Vec<Celda>>,
    anchos: &[usize],
    ancho: usize,
) -> Table {
    construir(titulo, encabezado, filas, anchos, ancho, TAM, true)
}

/// A table whose header row is written in `tam` half-points (the action matrix's is small, so
/// that its narrow columns stay narrow).
pub(super) fn tabla_con(
    titulo: &str,
    encabezado: &[&str],
    filas: Vec<Vec<Celda>>,
    anchos: &[usize],
    ancho: usize,
    tam: usize,
) -> Table {
    construir(titulo, encabezado, filas, anchos, ancho, tam, false)
}

/// The table: a header row in `tam` half-points, then the rows; a row of one cell spans the whole
/// width.
///
/// Each column is as wide as its share of `anchos` says, and never narrower than its widest word
/// (of the header or of any cell): what a column needs beyond its share is taken from those that
/// have room to spare ([`anchos_de_columna`]). Rows are never split across pages, the last one is
/// never alone at the top of a page, and an `entera` table stays on one page.
fn construir(
    titulo: &str,
    encabezado: &[&str],
    filas: Vec<Vec<Celda>>,
    anchos: &[usize],
    ancho: usize,
    tam: usize,
    entera: bool,
) -> Table {
    let cabeza: Vec<usize> = encabezado
        .iter()
        .map(|h| palabra_mas_ancha(h, tam, true) + MARGENES_CELDA)
        .collect();
    let mut minimos = cabeza.clone();
    let mut exactos = cabeza.clone();
    for fila in filas.iter().filter(|f| f.len() == encabezado.len()) {
        for ((m, x), c) in minimos.iter_mut().zip(&mut exactos).zip(fila) {
            if c.columnas == 1 {
                *m = (*m).max(c.minimo);
                if c.exacto {
                    *x = (*x).max(c.minimo);
                }
            }
        }
    }
    let grid = anchos_de_columna(anchos, &exactos, &minimos, ancho);
    let cabecera = TableRow::new(
        encabezado
            .iter()
            .zip(&grid)
            .map(|(h, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .shading(Shading::new().fill(AZUL))
                    .add_paragraph(
                        Paragraph::new()
                            .keep_next(true)
                            .add_run(texto(h).bold().size(tam).color("FFFFFF")),
                    )
            })
            .collect(),
    )
    .table_header()
    .cant_split();
    let n = filas.len();
    let mut rows = vec![cabecera];
    rows.extend(filas.into_iter().enumerate().map(|(i, f)| {
        // Kept with the next row: every row of a table kept whole, and the last but one.
        let junto = i + 1 < n && (entera || i + 2 == n);
        let cells = if f.len() == 1 {
            f.into_iter()
                .map(|c| con_la_siguiente(c.celda, junto).width(ancho, WidthType::Dxa))
                .collect()
        } else {
            f.into_iter()
                .zip(&grid)
                .map(|(c, w)| con_la_siguiente(c.celda, junto).width(*w, WidthType::Dxa))
                .collect()
        };
        TableRow::new(cells).cant_split()
    }));
    Table::new(rows)
        .set_grid(grid)
        .width(ancho, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .caption(titulo)
}

/// The cell with its paragraphs kept with the next row when `junto`.
fn con_la_siguiente(mut c: TableCell, junto: bool) -> TableCell {
    if junto {
        for hijo in &mut c.children {
            if let TableCellContent::Paragraph(p) = hijo {
                **p = std::mem::take(&mut **p).keep_next(true);
            }
        }
    }
    c
}

/// Column widths that add up to `ancho`, in proportion to `relativos`, with no column narrower
/// than its widest word (`minimos`): what a column needs is taken from the others. When the words
/// cannot all fit, those of the header and the text copied as written still do (`cabeza`: each
/// column's widest of them); then, from the column that needs least beyond that to the one that
/// needs most, each gets its widest word while there is room, so that as few columns as possible
/// break a word; the rest share what is left in proportion, each up to what it needs.
fn anchos_de_columna(
    relativos: &[usize],
    cabeza: &[usize],
    minimos: &[usize],
    ancho: usize,
) -> Vec<usize> {
    if minimos.iter().sum::<usize>() <= ancho {
        return repartir(relativos, minimos, None, ancho);
    }
    let total: usize = cabeza.iter().sum();
    if total >= ancho {
        return cabeza.iter().map(|c| c * ancho / total.max(1)).collect();
    }
    let mut piso = cabeza.to_vec();
    let mut resto = ancho - total;
    let mut orden: Vec<usize> = (0..minimos.len()).collect();
    orden.sort_by_key(|i| minimos[*i] - cabeza[*i]);
    for i in orden {
        let falta = minimos[i] - cabeza[i];
        if falta <= resto {
            piso[i] = minimos[i];
            resto -= falta;
        }
    }
    repartir(relativos, &piso, Some(minimos), ancho)
}

/// `ancho` shared in proportion to `relativos`, no column below its `piso` nor above its
/// `techo`: a column that would fall outside is given its bound, and the rest is shared again
/// among the others.
fn repartir(
    relativos: &[usize],
    piso: &[usize],
    techo: Option<&[usize]>,
    ancho: usize,
) -> Vec<usize> {
    let n = relativos.len();
    let mut fijo: Vec<Option<usize>> = vec![None; n];
    loop {
        let libre = ancho.saturating_sub(fijo.iter().flatten().sum::<usize>());
        let peso: usize = (0..n)
            .filter(|i| fijo[*i].is_none())
            .map(|i| relativos[i])
            .sum::<usize>()
            .max(1);
        let parte = |i: usize| relativos[i] * libre / peso;
        let bajo: Vec<usize> = (0..n)
            .filter(|i| fijo[*i].is_none() && parte(*i) < piso[*i])
            .collect();
        let alto: Vec<usize> = (0..n)
            .filter(|i| fijo[*i].is_none() && techo.is_some_and(|t| parte(*i) > t[*i]))
            .collect();
        if !bajo.is_empty() {
            for i in bajo {
                fijo[i] = Some(piso[i]);
            }
        } else if let (false, Some(t)) = (alto.is_empty(), techo) {
            for i in alto {
                fijo[i] = Some(t[i]);
            }
        } else {
            return (0..n)
                .map(|i| fijo[i].unwrap_or_else(|| parte(i)))
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::anchos_de_columna;

    #[test]
    fn a_column_gets_its_widest_word_from_the_others() {
        // In proportion when every column has room.
        assert_eq!(
            anchos_de_columna(&[1, 3], &[100, 100], &[100, 100], 4000),
            [1000, 3000]
        );
        // The narrow column takes what it needs; the other keeps the rest.
        assert_eq!(
            anchos_de_columna(&[1, 9], &[900, 100], &[1500, 100], 5000),
            [1500, 3500]
        );
        // Too many wide words: the header's and the narrow column's fit, and the others share
        // the rest in proportion, each up to what it needs.
        assert_eq!(
            anchos_de_columna(&[1, 3, 1], &[400, 500, 500], &[600, 3000, 3000], 4000),
            [600, 2550, 850]
        );
        // Not even the header's fit: in proportion to them.
        assert_eq!(
            anchos_de_columna(&[1, 1], &[3000, 1000], &[3000, 1000], 2000),
            [1500, 500]
        );
    }
}
