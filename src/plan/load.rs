//! From the bytes of a plan file to a typed [`Plan`], or to located diagnostics saying why not.
//! Review observations files go through the same stages with their own schema: see
//! [`TipoArchivo`].
//!
//! The stages, each stopping the next when it fails:
//! 1. bytes → text: size limit, binary files, UTF-8 (a Latin-1 file is named as such), BOM, CRLF;
//! 2. text → YAML value with `serde_yaml` (syntax errors, tabs, alias bombs, deep nesting: S001);
//! 3. `formato` version (S006);
//! 4. structure against the schema derived from the model (S002–S005, all of them at once), and
//!    the amounts as written in the file (S007) and the nesting of texts (S008);
//! 5. value → [`Plan`].
//!
//! The span index is built alongside, so that every later diagnostic can be located.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use super::model::Plan;
use super::montos;
use super::ruta::{Repetidos, ruta_con};
use super::schema::COMILLAS_TIPOGRAFICAS;
use super::spans::{
    NodePath, Region, Seg, SpanIndex, first_duplicate_key, second_document, ultima_clave,
};
use super::tipo::TipoArchivo;
use crate::diagnostics::{Diagnostic, Severidad};
use crate::documento::cmark;
use crate::lectura::{MAX_BYTES, motivo, no_regular, read_limited};

/// The only `formato` this version reads.
pub const FORMATO: u64 = 1;

/// A plan file after loading.
pub type LoadedPlan = Loaded<Plan>;

/// A file after loading: its text, where each node is, and its typed content if it could be read.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The file, as named by the user.
    pub archivo: PathBuf,
    /// The text (BOM removed, line ends normalised to `\n`).
    pub texto: String,
    /// Positions of every node, indexed on first use: a plan without diagnostics never needs
    /// them.
    spans: OnceLock<SpanIndex>,
    /// The document as a JSON value (`Null` when it could not be read).
    pub valor: Value,
    /// The repeated ids of its lists, indexed on first use (for id paths).
    repetidos: OnceLock<Repetidos>,
    /// The typed content, when the document is structurally valid.
    pub datos: Option<T>,
    /// Diagnostics found while loading (all errors).
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Loaded<T> {
    /// Where each node of the document is written.
    pub fn spans(&self) -> &SpanIndex {
        self.spans.get_or_init(|| SpanIndex::build(&self.texto))
    }

    /// The id path of `path`.
    pub fn ruta(&self, path: &[Seg]) -> String {
        let repetidos = self.repetidos.get_or_init(|| Repetidos::de(&self.valor));
        ruta_con(&self.valor, path, repetidos)
    }

    /// The folder the plan lives in (for references and images next to it).
    pub fn carpeta(&self) -> PathBuf {
        self.archivo
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    fn error(&mut self, codigo: &'static str, region: Region, path: &[Seg], m: String, a: String) {
        let ruta = self.ruta(path);
        self.diagnostics.push(Diagnostic::new(
            codigo,
            Severidad::Error,
            region,
            ruta,
            m,
            a,
        ));
    }
}

/// Reads and loads the file at `archivo`. Failing to open it is an S001 diagnostic of that file,
/// so that one unreadable file in a folder does not stop the others.
pub fn load_file<T: TipoArchivo>(archivo: &Path) -> Loaded<T> {
    match read_limited(archivo) {
        Ok(bytes) => load_bytes(archivo, &bytes),
        Err(e) => {
            let mut loaded = empty(archivo, String::new());
            let (mensaje, ayuda) = match no_regular(archivo) {
                Some(que) => (
                    format!("no se lee: es {que}, no un archivo de texto"),
                    "Indique el plan guardado como archivo .yaml en el disco.",
                ),
                None if e.kind() == std::io::ErrorKind::FileTooLarge => {
                    (demasiado_grande(), AYUDA_GRANDE)
                }
                None => (
                    format!("no se pudo leer el archivo: {}", motivo(&e)),
                    "Compruebe que el archivo existe y que tiene permiso para leerlo.",
                ),
            };
            loaded.error("S001", Region::point(1, 1), &[], mensaje, ayuda.into());
            loaded
        }
    }
}

fn empty<T>(archivo: &Path, texto: String) -> Loaded<T> {
    Loaded {
        archivo: archivo.to_path_buf(),
        texto,
        spans: OnceLock::new(),
        valor: Value::Null,
        repetidos: OnceLock::new(),
        datos: None,
        diagnostics: Vec::new(),
    }
}

/// Loads a document from its bytes; `archivo` names it in messages and locates files next to it.
pub fn load_bytes<T: TipoArchivo>(archivo: &Path, bytes: &[u8]) -> Loaded<T> {
    let texto = match decode(bytes) {
        Ok(texto) => texto,
        Err(e) => {
            // Only the text before the problem is shown, and never binary content.
            let mut loaded = empty(archivo, e.mostrado);
            loaded.error("S001", e.region, &[], e.mensaje, e.ayuda);
            return loaded;
        }
    };
    let mut loaded = empty(archivo, texto);
    let yaml: serde_yaml::Value = match serde_yaml::from_str(&loaded.texto) {
        Ok(v) => v,
        Err(e) => {
            let (codigo, region, mensaje, ayuda) = syntax_error(&loaded.texto, &e);
            loaded.error(codigo, region, &[], mensaje, ayuda);
            return loaded;
        }
    };
    let mut invalid = Vec::new();
    loaded.valor = to_json(&yaml, &mut Vec::new(), &mut invalid);
    loaded.repetidos = OnceLock::new();
    for (path, mensaje, ayuda) in invalid {
        let region = loaded.spans().locate_key(&path);
        loaded.error("S003", region, &path, mensaje, ayuda);
    }
    if !loaded.diagnostics.is_empty() {
        return loaded;
    }
    if !loaded.valor.is_object() {
        let (mensaje, ayuda) = if loaded.valor.is_null() {
            (
                "el archivo está vacío".to_owned(),
                T::AYUDA_VACIO.to_owned(),
            )
        } else {
            (T::SIN_CAMPOS.0.to_owned(), T::SIN_CAMPOS.1.to_owned())
        };
        let region = loaded.spans().locate(&[]);
        loaded.error("S003", region, &[], mensaje, ayuda);
        return loaded;
    }
    if !T::VERSIONADO || check_formato(&mut loaded) {
        let explicados = check_montos(&mut loaded);
        check_anidamiento(&mut loaded);
        for p in T::esquema().check(&loaded.valor) {
            if explicados.contains(&p.path) {
                continue;
            }
            let region = if p.en_clave {
                loaded.spans().locate_key(&p.path)
            } else {
                loaded.spans().locate(&p.path)
            };
            loaded.error(p.codigo, region, &p.path, p.mensaje, p.ayuda);
        }
    }
    if loaded.diagnostics.is_empty() {
        match serde_json::from_value::<T>(loaded.valor.clone()) {
            Ok(datos) => loaded.datos = Some(datos),
            Err(_) => {
                // The schema is derived from the same types, so this is not expected; still, say
                // something useful rather than nothing.
                let region = loaded.spans().locate(&[]);
                loaded.error(
                    "S003",
                    region,
                    &[],
                    "el archivo no tiene la forma esperada".into(),
                    "Compare el archivo con `cantonal esquema` o con plans/ibarra.yaml.".into(),
                );
            }
        }
    }
    loaded
}

/// S007: every `monto` as written in the file (see [`montos`]). Returns the paths whose
/// structure problems these diagnostics already explain: the amount itself when YAML read it as
/// text (`1.500,50`), and the field `50` that a comma inside `{ … }` split off it.
fn check_montos<T>(loaded: &mut Loaded<T>) -> Vec<NodePath> {
    let mut encontrados = Vec::new();
    collect_montos(&loaded.valor, &mut Vec::new(), &mut encontrados);
    if encontrados.is_empty() {
        return Vec::new();
    }
    let lineas: Vec<&str> = loaded.texto.split('\n').collect();
    let mut explicados = Vec::new();
    let mut problemas = Vec::new();
    for path in encontrados {
        let Some(region) = loaded.spans().get(&path).map(|n| n.value) else {
            continue;
        };
        let Some((escalar, resto)) = fuente(&lineas, region) else {
            continue;
        };
        if escalar.starts_with(['"', '\'', '|', '>']) {
            continue;
        }
        // Inside `{ … }`, YAML ends the value at a comma: `1.500,50` arrives as `1.500` and a
        // field `50`.
        let cortado = resto.strip_prefix(',').map(|r| {
            let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            &r[..n]
        });
        let mut region = region;
        let escrito = match cortado {
            Some(cifras) if !cifras.is_empty() => {
                region.end.col += 1 + cifras.len();
                let mut campo = path[..path.len() - 1].to_vec();
                campo.push(Seg::Key(cifras.to_owned()));
                explicados.push(campo);
                format!("{escalar},{cifras}")
            }
            _ => escalar.to_owned(),
        };
        if let Some(p) = montos::revisar(&escrito) {
            explicados.push(path.clone());
            problemas.push((region, path, p));
        }
    }
    for (region, path, p) in problemas {
        loaded.error("S007", region, &path, p.mensaje, p.ayuda);
    }
    explicados
}

/// S008: texts nested deeper than any printer can follow (see [`cmark::MAX_ANIDAMIENTO`]). Every
/// text is checked, since most of them are Markdown and a deep one is never meaningful.
fn check_anidamiento<T>(loaded: &mut Loaded<T>) {
    let mut hondos = Vec::new();
    collect_hondos(&loaded.valor, &mut Vec::new(), &mut hondos);
    for path in hondos {
        let region = loaded.spans().locate(&path);
        let campo = ultima_clave(&path).unwrap_or("texto").to_owned();
        loaded.error(
            "S008",
            region,
            &path,
            format!(
                "el texto de `{campo}` anida más de {} niveles de listas, citas o énfasis",
                cmark::MAX_ANIDAMIENTO
            ),
            "Un texto del plan usa pocos niveles: revise los `>`, `-`, `*` y `_` del comienzo de las líneas; si son parte del texto, escríbalos con `\\` delante (`\\>`).".into(),
        );
    }
}

fn collect_hondos(value: &Value, path: &mut NodePath, out: &mut Vec<NodePath>) {
    match value {
        Value::String(s) if cmark::demasiado_anidado(s) => out.push(path.clone()),
        Value::Object(map) => {
            for (k, v) in map {
                path.push(Seg::Key(k.clone()));
                collect_hondos(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                collect_hondos(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The paths of every `monto` of the document whose value is a number or a text.
fn collect_montos(value: &Value, path: &mut NodePath, out: &mut Vec<NodePath>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                path.push(Seg::Key(k.clone()));
                if k == "monto" && (v.is_number() || v.is_string()) {
                    out.push(path.clone());
                }
                collect_montos(v, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                collect_montos(v, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The source text of a one-line node at `region`, and the rest of its line.
fn fuente<'a>(lineas: &[&'a str], region: Region) -> Option<(&'a str, &'a str)> {
    if region.start.line != region.end.line {
        return None;
    }
    let linea = lineas.get(region.start.line.checked_sub(1)?)?;
    let byte = |col: usize| {
        linea
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(linea.len(), |(b, _)| b)
    };
    let (inicio, fin) = (byte(region.start.col), byte(region.end.col));
    Some((linea.get(inicio..fin)?, &linea[fin.max(inicio)..]))
}

/// S006: checks the `formato` version before anything else, since another version may have
/// another structure. Returns whether loading can go on.
fn check_formato<T>(loaded: &mut Loaded<T>) -> bool {
    let path = vec![Seg::Key("formato".into())];
    match loaded.valor.get("formato") {
        Some(Value::Number(n)) if n.as_u64() == Some(FORMATO) => true,
        Some(Value::Number(n)) => {
            let region = loaded.spans().locate(&path);
            loaded.error(
                "S006",
                region,
                &path,
                format!("versión de formato no admitida: {n}"),
                format!(
                    "Esta versión de cantonal lee `formato: {FORMATO}`. Si el plan viene de una versión más nueva, actualice cantonal."
                ),
            );
            false
        }
        // Missing or of the wrong type: the schema check says so.
        _ => true,
    }
}

/// Why the bytes of a file are not a text: where, what, the hint, and what of the file can be
/// shown next to the message.
struct NoEsTexto {
    region: Region,
    mensaje: String,
    ayuda: String,
    mostrado: String,
}

impl NoEsTexto {
    /// The problem at byte `at`, showing the text that precedes it; when that text is itself
    /// binary (a PDF, an image), nothing is shown and the problem is placed at the start.
    fn en(bytes: &[u8], at: usize, mensaje: impl Into<String>, ayuda: impl Into<String>) -> Self {
        let antes = String::from_utf8_lossy(&bytes[..at]);
        let (region, mostrado) = if antes.chars().any(|c| c == '\u{fffd}' || no_imprimible(c)) {
            (Region::point(1, 1), String::new())
        } else {
            (position_of_byte(bytes, at), antes.into_owned())
        };
        NoEsTexto {
            region,
            mensaje: mensaje.into(),
            ayuda: ayuda.into(),
            mostrado,
        }
    }
}

/// The message of a file over the size limit.
fn demasiado_grande() -> String {
    format!(
        "el archivo es demasiado grande (más de {} MB)",
        MAX_BYTES / (1024 * 1024)
    )
}

const AYUDA_GRANDE: &str =
    "Un plan cantonal ocupa normalmente menos de 1 MB. Compruebe que eligió el archivo correcto.";

const GUARDAR_UTF8: &str = "Guárdelo con codificación UTF-8 (en el Bloc de notas: Archivo › Guardar como › Codificación: UTF-8).";

/// Bytes → text, or the located reason why not. UTF-8 (with or without BOM) and UTF-16 with its
/// byte order mark (as the Windows Notepad saves «Unicode») are read.
fn decode(bytes: &[u8]) -> Result<String, NoEsTexto> {
    if bytes.len() as u64 > MAX_BYTES {
        let primera = bytes.iter().position(|&b| b == b'\n').unwrap_or(0).min(200);
        let mut e = NoEsTexto::en(bytes, primera, demasiado_grande(), AYUDA_GRANDE);
        e.region = Region::point(1, 1);
        return Err(e);
    }
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(bytes, rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(bytes, rest, u16::from_be_bytes)?,
        _ => utf8(bytes)?,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    // YAML reads CRLF and a lone CR as line breaks: so does every position reported here.
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_owned()
    })
}

fn utf8(bytes: &[u8]) -> Result<String, NoEsTexto> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        // ASCII text with a zero byte after (or before) every character is UTF-16 without its
        // byte order mark.
        let pares = &bytes[..bytes.len().min(64) & !1];
        let utf16 = pares.len() >= 4
            && (pares.chunks(2).all(|p| p[1] == 0 && p[0] != 0)
                || pares.chunks(2).all(|p| p[0] == 0 && p[1] != 0));
        return Err(if utf16 {
            let mut e = NoEsTexto::en(
                bytes,
                0,
                "el archivo parece estar en UTF-16 sin marca de orden de bytes (BOM)",
                GUARDAR_UTF8,
            );
            e.region = Region::point(1, 1);
            e
        } else {
            NoEsTexto::en(
                bytes,
                nul,
                "el archivo no es de texto (contiene bytes nulos)",
                "Un plan es un archivo de texto YAML; compruebe que no eligió un PDF, una imagen o un documento de Word.",
            )
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let mensaje = if looks_latin1(&bytes[at..]) {
                "el archivo no está en UTF-8: parece guardado como Latin-1 (ANSI / Windows-1252)"
            } else {
                "el archivo no está en UTF-8"
            };
            Err(NoEsTexto::en(bytes, at, mensaje, GUARDAR_UTF8))
        }
    }
}

/// Decodes UTF-16 (`rest` follows the byte order mark, `unit` reads one code unit in the file's
/// byte order).
fn utf16(bytes: &[u8], rest: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, NoEsTexto> {
    let units = rest.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(rest.len() / 2);
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(NoEsTexto::en(
                    text.as_bytes(),
                    text.len(),
                    "el archivo UTF-16 contiene un carácter mal formado",
                    GUARDAR_UTF8,
                ));
            }
        }
    }
    if rest.len() % 2 == 1 {
        return Err(NoEsTexto::en(
            bytes,
            0,
            "el archivo UTF-16 está incompleto (termina en medio de un carácter)",
            GUARDAR_UTF8,
        ));
    }
    Ok(text)
}

/// A character that YAML does not admit in a file: control characters other than tab and line
/// breaks, and the non-characters U+FFFE and U+FFFF.
fn no_imprimible(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// A byte ≥ 0xA0 not followed by UTF-8 continuation bytes is typical of Latin-1 accents.
fn looks_latin1(rest: &[u8]) -> bool {
    match rest {
        [b, next, ..] => *b >= 0xA0 && !(0x80..0xC0).contains(next),
        [b] => *b >= 0xA0,
        [] => false,
    }
}

/// Line and column (in characters) of byte `at`, decoding what precedes it leniently.
fn position_of_byte(bytes: &[u8], at: usize) -> Region {
    let before = String::from_utf8_lossy(&bytes[..at]);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Region::point(line, col)
}

/// Translates a `serde_yaml` error into a located Spanish message with a hint.
fn syntax_error(text: &str, e: &serde_yaml::Error) -> (&'static str, Region, String, String) {
    let (line, col) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let raw = e.to_string();
    // A tab in the indentation of this line or of an earlier one is the usual cause.
    if let Some((tab_line, tab_col)) = first_indent_tab(text, line) {
        return (
            "S001",
            Region::point(tab_line, tab_col),
            "tabulación usada para sangrar: YAML solo admite espacios".into(),
            "Reemplace las tabulaciones del inicio de la línea por espacios (configure su editor para insertar espacios al pulsar Tab).".into(),
        );
    }
    if let Some(r) = special_syntax_error(text, &raw, line, col) {
        return r;
    }
    let known: &[(&str, &str, &str)] = &[
        (
            "repetition limit exceeded",
            "el documento repite demasiadas veces sus anclas (`&`) y alias (`*`)",
            "Escriba los valores directamente en lugar de usar anclas y alias anidados.",
        ),
        (
            "recursion limit exceeded",
            "el documento está anidado demasiado profundamente",
            "Un plan tiene pocos niveles de sangría; revise los corchetes y la sangría.",
        ),
        (
            "unknown anchor",
            "alias (`*`) a un ancla que no existe",
            "Defina el ancla con `&nombre` antes de usar `*nombre`, o escriba el valor directamente.",
        ),
        (
            "mapping values are not allowed",
            "no se esperaba `:` aquí",
            "Si el texto contiene `: `, escríbalo entre comillas; si es un campo nuevo, revise la sangría de la línea.",
        ),
        (
            "did not find expected key",
            "la sangría de esta línea no corresponde a la estructura",
            "Alinee el campo con los demás campos del mismo nivel (usando espacios).",
        ),
        (
            "did not find expected '-' indicator",
            "se esperaba un elemento de lista (`- `) en esta línea",
            "Alinee los guiones de la lista a la misma columna.",
        ),
        (
            "could not find expected ':'",
            "falta `:` después del nombre del campo",
            "Cada campo se escribe `nombre: valor`.",
        ),
        (
            "found unexpected end of stream",
            "el archivo termina de forma inesperada",
            "Revise que las comillas y los corchetes abiertos estén cerrados.",
        ),
        (
            "found character that cannot start any token",
            "carácter no permitido al comienzo de un valor",
            "Los valores que empiezan con `@`, `` ` ``, `%` o `|` deben ir entre comillas.",
        ),
        (
            "found duplicate key",
            "campo repetido en el mismo nivel",
            "Cada campo puede aparecer una sola vez; borre o renombre el repetido.",
        ),
        (
            "duplicate entry with key",
            "campo repetido en el mismo nivel",
            "Cada campo puede aparecer una sola vez; borre o renombre el repetido.",
        ),
        (
            "did not find expected",
            "estructura YAML incompleta",
            "Revise esta línea y la anterior: comillas, corchetes `[ ]` o llaves `{ }` sin cerrar.",
        ),
    ];
    let (mensaje, ayuda) = known
        .iter()
        .find(|(needle, ..)| raw.contains(needle))
        .map(|(_, m, a)| ((*m).to_owned(), (*a).to_owned()))
        .unwrap_or_else(|| {
            (
                format!("sintaxis YAML no válida ({})", strip_location(&raw)),
                "Revise la sangría (solo espacios) y las comillas de esta línea.".into(),
            )
        });
    ("S001", clamp(text, line, col), mensaje, ayuda)
}

/// The syntax errors whose cause is found by looking at the text rather than at the parser's
/// message: an invisible control character, a value between typographic quotes, a repeated key,
/// a second document, a number too large for any field.
fn special_syntax_error(
    text: &str,
    raw: &str,
    line: usize,
    col: usize,
) -> Option<(&'static str, Region, String, String)> {
    if raw.contains("control characters are not allowed")
        && let Some((at, c)) = text.char_indices().find(|(_, c)| no_imprimible(*c))
    {
        return Some((
            "S001",
            position_of_byte(text.as_bytes(), at),
            format!(
                "el archivo contiene un carácter de control invisible (U+{:04X})",
                u32::from(c)
            ),
            "Borre ese carácter: no se ve en la mayoría de los editores y suele llegar al copiar y pegar desde otro programa.".into(),
        ));
    }
    if let Some((region, comilla)) = typographic_quote(text, line, col) {
        return Some((
            "S001",
            region,
            format!("el valor empieza con una comilla tipográfica ({comilla}), que YAML no reconoce como comilla"),
            "Use comillas rectas \" o quite las comillas (los procesadores de texto cambian \" por “ ”).".into(),
        ));
    }
    if raw.contains("duplicate entry with key") || raw.contains("found duplicate key") {
        let (key, region) = first_duplicate_key(text)?;
        return Some((
            "S001",
            region,
            format!("el campo `{key}` está repetido en el mismo nivel"),
            "Cada campo puede aparecer una sola vez; borre o renombre el repetido.".into(),
        ));
    }
    if raw.contains("more than one document") {
        return Some((
            "S001",
            second_document(text).unwrap_or(Region::point(1, 1)),
            "el archivo contiene más de un documento YAML (separados por `---`)".into(),
            "Un archivo contiene un solo plan: borre esta línea `---` y lo que le sigue, o sepárelo en otro archivo.".into(),
        ));
    }
    if raw.contains(" as u128") || raw.contains(" as i128") {
        let numero = raw.split('`').nth(1).unwrap_or("");
        // The message starts with the path of the value: `acciones[0].presupuesto.monto: …`.
        if raw.split(": ").next().is_some_and(|p| p.ends_with("monto"))
            && let Some(p) = montos::revisar(numero)
        {
            return Some(("S007", clamp(text, line, col), p.mensaje, p.ayuda));
        }
        return Some((
            "S003",
            clamp(text, line, col),
            format!("el número `{numero}` es demasiado grande"),
            "Revise la cifra: ningún campo del plan admite un número de tantas cifras.".into(),
        ));
    }
    None
}

/// A value that starts with a typographic quote on the line of a syntax error at `line`:`col`,
/// or on an earlier line when its text goes on to the error (the closing quote is not on that
/// line).
fn typographic_quote(text: &str, line: usize, col: usize) -> Option<(Region, char)> {
    let lines: Vec<&str> = text.split('\n').collect();
    let first = line.saturating_sub(3).max(1);
    (first..=line.min(lines.len())).rev().find_map(|n| {
        let l = lines[n - 1];
        let chars: Vec<char> = l.chars().collect();
        (0..chars.len()).rev().find_map(|i| {
            let c = chars[i];
            let before = chars[..i].iter().rev().find(|c| **c != ' ');
            let starts_value = matches!(before, None | Some(':' | '-' | '[' | '{' | ','));
            let on_error_line = n == line && i < col.max(1);
            let goes_on = n < line && !chars[i + 1..].contains(&cierre(c));
            (COMILLAS_TIPOGRAFICAS.contains(&c) && starts_value && (on_error_line || goes_on))
                .then(|| (Region::point(n, i + 1), c))
        })
    })
}

/// The quote that closes one opened by `c`.
fn cierre(c: char) -> char {
    match c {
        '“' => '”',
        '‘' => '’',
        '«' => '»',
        other => other,
    }
}

/// A point inside `text`: the parser may report the position just past the end of the file.
fn clamp(text: &str, line: usize, col: usize) -> Region {
    let lines: Vec<&str> = text.split('\n').collect();
    let line = line.clamp(1, lines.len());
    let width = lines[line - 1].chars().count();
    Region::point(line, col.clamp(1, width + 1))
}

fn strip_location(raw: &str) -> &str {
    raw.split(" at line ").next().unwrap_or(raw)
}

/// The first tab in the leading whitespace of lines up to `line`.
fn first_indent_tab(text: &str, line: usize) -> Option<(usize, usize)> {
    text.lines().take(line).enumerate().find_map(|(i, l)| {
        let indent: String = l.chars().take_while(|c| *c == ' ' || *c == '\t').collect();
        let rest = &l[indent.len()..];
        (indent.contains('\t') && !rest.is_empty() && !rest.starts_with('#')).then(|| {
            (
                i + 1,
                indent.chars().position(|c| c == '\t').unwrap_or(0) + 1,
            )
        })
    })
}

/// A number as JSON: a whole number written with decimals (`24.0`, `-0.0`) becomes an integer,
/// so that it is accepted where the format asks for one, as its schema already does, and no
/// negative zero reaches a total.
fn json_number(f: f64) -> Option<serde_json::Number> {
    const EXACTO: f64 = 9_007_199_254_740_992.0; // 2^53: larger floats are not exact integers
    if f.fract() == 0.0 && f.abs() < EXACTO {
        Some(serde_json::Number::from(f as i64))
    } else {
        serde_json::Number::from_f64(f)
    }
}

/// Converts the YAML value to JSON, collecting what JSON cannot hold (mapping keys that are not
/// text, NaN) as S003 problems at their path.
fn to_json(
    value: &serde_yaml::Value,
    path: &mut NodePath,
    invalid: &mut Vec<(NodePath, String, String)>,
) -> Value {
    use serde_yaml::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(*b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                match n.as_f64().and_then(json_number) {
                    Some(f) => Value::Number(f),
                    None => {
                        invalid.push((
                            path.clone(),
                            format!("número no válido: {n}"),
                            "Escriba un número decimal, por ejemplo `1500.50`.".into(),
                        ));
                        Value::Null
                    }
                }
            }
        }
        Y::String(s) => Value::String(s.clone()),
        Y::Sequence(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    path.push(Seg::Index(i));
                    let v = to_json(item, path, invalid);
                    path.pop();
                    v
                })
                .collect(),
        ),
        Y::Mapping(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                let key = match k {
                    Y::String(s) => s.clone(),
                    Y::Number(n) => n.to_string(),
                    Y::Bool(b) => b.to_string(),
                    Y::Null => "null".to_owned(),
                    _ => {
                        invalid.push((
                            path.clone(),
                            "un nombre de campo debe ser texto, no una lista ni un conjunto de campos"
                                .into(),
                            "Escriba cada campo como `nombre: valor`.".into(),
                        ));
                        continue;
                    }
                };
                path.push(Seg::Key(key.clone()));
                let v = to_json(v, path, invalid);
                path.pop();
                out.insert(key, v);
            }
            Value::Object(out)
        }
        Y::Tagged(tagged) => to_json(&tagged.value, path, invalid),
    }
}
