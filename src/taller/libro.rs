//! Opening a filled workshop workbook within limits, before any of it is read as cells.
//!
//! A workbook is a ZIP of XML parts, and both can be made to ask for far more memory than the
//! file's size: a part that inflates to gigabytes, or one cell at `XFD1048576`, which makes a
//! spreadsheet reader allocate the whole grid up to it. So: the file is at most [`MAX_BYTES`];
//! every part is inflated once, through a counter, and must stay under [`MAX_PARTE`] (the parts
//! together under [`MAX_TOTAL`]), whatever the ZIP declares; and no cell with content may lie
//! past row [`MAX_FILAS`] or column [`MAX_COLUMNAS`]. An XLSX is then read cell by cell
//! (`calamine`'s cell reader) into a sparse sheet, never as a grid; an ODS is scanned for its
//! cells' positions (repeated rows and columns counted) before `calamine` reads it. A workshop
//! workbook is a few hundred rows of about twenty columns: these limits are far above it.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Ods, Reader, Xlsx};

/// Largest workbook file read.
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;
/// Largest part of the workbook once inflated.
pub const MAX_PARTE: u64 = 64 * 1024 * 1024;
/// Largest sum of the inflated parts.
pub const MAX_TOTAL: u64 = 256 * 1024 * 1024;
/// Rows of a sheet that may hold content.
pub const MAX_FILAS: u32 = 10_000;
/// Columns of a sheet that may hold content.
pub const MAX_COLUMNAS: u32 = 100;

/// A sheet as the cells that hold something, by (row, column) from 0.
#[derive(Debug, Default)]
pub struct Hoja {
    celdas: HashMap<(u32, u32), Data>,
    fin: Option<(u32, u32)>,
}

impl Hoja {
    fn poner(&mut self, pos: (u32, u32), valor: Data) {
        if matches!(valor, Data::Empty) {
            return;
        }
        let (f, c) = self.fin.unwrap_or((0, 0));
        self.fin = Some((f.max(pos.0), c.max(pos.1)));
        self.celdas.insert(pos, valor);
    }

    /// The cell at (row, column), if it holds something.
    pub fn get_value(&self, pos: (u32, u32)) -> Option<&Data> {
        self.celdas.get(&pos)
    }

    /// The last row and column that hold something.
    pub fn end(&self) -> Option<(u32, u32)> {
        self.fin
    }
}

/// A workbook read within the limits.
#[derive(Debug, Default)]
pub struct Libro {
    hojas: BTreeMap<String, Hoja>,
}

impl Libro {
    /// The sheet called `nombre`.
    pub fn hoja(&self, nombre: &str) -> Option<&Hoja> {
        self.hojas.get(nombre)
    }

    /// Opens `archivo` (an XLSX or an ODS), or says in Spanish why it is not read.
    pub fn abrir(archivo: &Path) -> Result<Libro, String> {
        let bytes = leer(archivo)?;
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).map_err(|_| {
            "no es un libro .xlsx ni .ods (no se pudo abrir como tal); guárdelo en uno de esos formatos".to_owned()
        })?;
        revisar_partes(&mut zip)?;
        if zip.by_name("xl/workbook.xml").is_ok() {
            xlsx(bytes)
        } else if zip.by_name("content.xml").is_ok() {
            let contenido = parte(&mut zip, "content.xml")?;
            revisar_ods(&contenido)?;
            ods(bytes)
        } else {
            Err("no es un libro .xlsx ni .ods (le faltan sus partes); guárdelo en uno de esos formatos".into())
        }
    }
}

fn leer(archivo: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(archivo)
        .map_err(|e| format!("no se pudo leer: {}", crate::lectura::motivo(&e)))?;
    if !meta.is_file() {
        return Err("no es un archivo".into());
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "ocupa {} MB; un libro del taller ocupa unos pocos MB (el máximo es {} MB)",
            meta.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(archivo)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("no se pudo leer: {}", crate::lectura::motivo(&e)))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err("creció mientras se leía; vuelva a intentarlo".into());
    }
    Ok(bytes)
}

/// Inflates every part once through a counter: what the ZIP declares is not trusted.
fn revisar_partes(zip: &mut zip::ZipArchive<Cursor<&Vec<u8>>>) -> Result<(), String> {
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut parte = zip
            .by_index(i)
            .map_err(|_| "tiene una parte dañada; vuelva a guardarlo".to_owned())?;
        let nombre = parte.name().unwrap_or_default().into_owned();
        let demasiado = |nombre: &str| {
            format!(
                "su parte «{nombre}» descomprimida ocupa más de {} MB: no es un libro del taller (ocupa unos pocos MB)",
                MAX_PARTE / (1024 * 1024)
            )
        };
        if parte.size() > MAX_PARTE {
            return Err(demasiado(&nombre));
        }
        let leidos = std::io::copy(&mut (&mut parte).take(MAX_PARTE + 1), &mut std::io::sink())
            .map_err(|_| format!("su parte «{nombre}» está dañada; vuelva a guardarlo"))?;
        if leidos > MAX_PARTE {
            return Err(demasiado(&nombre));
        }
        total += leidos;
        if total > MAX_TOTAL {
            return Err(format!(
                "descomprimido ocupa más de {} MB: no es un libro del taller",
                MAX_TOTAL / (1024 * 1024)
            ));
        }
    }
    Ok(())
}

fn parte(zip: &mut zip::ZipArchive<Cursor<&Vec<u8>>>, nombre: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    zip.by_name(nombre)
        .map_err(|_| format!("le falta su parte «{nombre}»"))?
        .take(MAX_PARTE)
        .read_to_end(&mut out)
        .map_err(|_| format!("su parte «{nombre}» está dañada"))?;
    Ok(out)
}

/// The address of a cell as a spreadsheet shows it: `A1`, `XFD1048576`.
pub fn direccion(fila: u32, columna: u32) -> String {
    let mut letras = Vec::new();
    let mut c = columna + 1;
    while c > 0 {
        letras.push(char::from(b'A' + ((c - 1) % 26) as u8));
        c = (c - 1) / 26;
    }
    letras.iter().rev().collect::<String>() + &(fila + 1).to_string()
}

fn fuera(hoja: &str, fila: u32, columna: u32) -> String {
    format!(
        "la hoja «{hoja}» tiene contenido en la celda {}, más allá de la fila {MAX_FILAS} o de la columna {}: un libro del taller no llega tan lejos. Borre esa celda (o las filas y columnas vacías que la separan de la tabla) y vuelva a importar",
        direccion(fila, columna),
        direccion(0, MAX_COLUMNAS - 1).trim_end_matches('1')
    )
}

fn xlsx(bytes: Vec<u8>) -> Result<Libro, String> {
    let mut wb = Xlsx::new(Cursor::new(bytes)).map_err(|_| {
        "no se pudo leer como libro de Excel: vuelva a guardarlo como .xlsx".to_owned()
    })?;
    let mut libro = Libro::default();
    for nombre in wb.sheet_names() {
        let mut hoja = Hoja::default();
        let mut celdas = wb
            .worksheet_cells_reader(&nombre)
            .map_err(|_| format!("no se pudo leer la hoja «{nombre}»: está dañada"))?;
        while let Some(celda) = celdas
            .next_cell()
            .map_err(|_| format!("no se pudo leer la hoja «{nombre}»: está dañada"))?
        {
            let (fila, columna) = celda.get_position();
            let valor = Data::from(celda.get_value().clone());
            if matches!(valor, Data::Empty) {
                continue;
            }
            if fila >= MAX_FILAS || columna >= MAX_COLUMNAS {
                return Err(fuera(&nombre, fila, columna));
            }
            hoja.poner((fila, columna), valor);
        }
        drop(celdas);
        libro.hojas.insert(nombre, hoja);
    }
    Ok(libro)
}

/// Where the cells with content of an ODS lie, repeated rows and columns counted: the first one
/// past the limits, if any, is refused before the sheets are read.
fn revisar_ods(contenido: &[u8]) -> Result<(), String> {
    use quick_xml::events::{BytesStart, Event};
    let repeticiones = |e: &BytesStart, atributo: &str| -> u32 {
        e.try_get_attribute(atributo)
            .ok()
            .flatten()
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let mut lector = quick_xml::Reader::from_reader(contenido);
    let mut buf = Vec::new();
    let (mut hoja, mut fila, mut columna, mut filas_repetidas) = (String::new(), 0u32, 0u32, 1u32);
    loop {
        let evento = lector
            .read_event_into(&mut buf)
            .map_err(|_| "su contenido (content.xml) está dañado".to_owned())?;
        match evento {
            Event::Eof => return Ok(()),
            Event::Start(e) if e.name().as_ref() == "table:table" => {
                hoja = e
                    .try_get_attribute("table:name")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                fila = 0;
            }
            Event::Start(e) if e.name().as_ref() == "table:table-row" => {
                filas_repetidas = repeticiones(&e, "table:number-rows-repeated");
                columna = 0;
            }
            Event::Empty(e) if e.name().as_ref() == "table:table-row" => {
                fila = fila.saturating_add(repeticiones(&e, "table:number-rows-repeated"));
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                fila = fila.saturating_add(filas_repetidas);
            }
            Event::Empty(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let con_valor = e
                    .try_get_attribute("office:value-type")
                    .ok()
                    .flatten()
                    .is_some();
                let n = repeticiones(&e, "table:number-columns-repeated");
                if con_valor {
                    limite(&hoja, fila, filas_repetidas, columna, n)?;
                }
                columna = columna.saturating_add(n);
            }
            Event::Start(e)
                if matches!(
                    e.name().as_ref(),
                    "table:table-cell" | "table:covered-table-cell"
                ) =>
            {
                let n = repeticiones(&e, "table:number-columns-repeated");
                limite(&hoja, fila, filas_repetidas, columna, n)?;
                columna = columna.saturating_add(n);
            }
            _ => {}
        }
        buf.clear();
    }
}

/// A cell with content repeated over `columnas` columns, in a row repeated `filas` times.
fn limite(hoja: &str, fila: u32, filas: u32, columna: u32, columnas: u32) -> Result<(), String> {
    let ultima_fila = fila.saturating_add(filas.max(1) - 1);
    let ultima_columna = columna.saturating_add(columnas.max(1) - 1);
    if ultima_fila >= MAX_FILAS || ultima_columna >= MAX_COLUMNAS {
        return Err(fuera(
            hoja,
            ultima_fila.min(fila.max(MAX_FILAS)),
            ultima_columna.min(columna.max(MAX_COLUMNAS)),
        ));
    }
    Ok(())
}

fn ods(bytes: Vec<u8>) -> Result<Libro, String> {
    let mut wb = Ods::new(Cursor::new(bytes)).map_err(|_| {
        "no se pudo leer como libro de LibreOffice: vuelva a guardarlo como .ods".to_owned()
    })?;
    let mut libro = Libro::default();
    for nombre in wb.sheet_names() {
        let rango = wb
            .worksheet_range(&nombre)
            .map_err(|_| format!("no se pudo leer la hoja «{nombre}»: está dañada"))?;
        let mut hoja = Hoja::default();
        for (fila, columna, valor) in rango.used_cells() {
            let (f0, c0) = rango.start().unwrap_or((0, 0));
            hoja.poner((f0 + fila as u32, c0 + columna as u32), valor.clone());
        }
        libro.hojas.insert(nombre, hoja);
    }
    Ok(libro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_written_as_a_spreadsheet_shows_them() {
        assert_eq!(direccion(0, 0), "A1");
        assert_eq!(direccion(9, 25), "Z10");
        assert_eq!(direccion(0, 26), "AA1");
        assert_eq!(direccion(1_048_575, 16_383), "XFD1048576");
    }
}
