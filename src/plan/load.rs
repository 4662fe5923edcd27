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

use super::campos::{Campo, Requerido, Tipo};
use super::decodificar::{AYUDA_GRANDE, decode, demasiado_grande};
use super::marcado;
use super::model::Plan;
use super::montos;
use super::ruta::{Nombres, ruta_con};
use super::sintaxis::syntax_error;
use super::spans::{NodePath, Seg, SpanIndex, ultima_clave};
use super::tipo::TipoArchivo;
use crate::diagnostics::{Diagnostic, Region, Severidad};
use crate::lectura::{motivo, no_regular, read_limited};

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
    /// The names of the items of its lists, found on first use (for id paths).
    nombres: OnceLock<Nombres>,
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
        ruta_con(path, self.nombres.get_or_init(|| Nombres::de(&self.valor)))
    }

    /// Where the item or field named by an id path (`acciones.A3.indicador.meta`,
    /// `cortes.2026-06-30.acciones.A1.valor`) is written.
    pub fn posicion(&self, ruta: &str) -> Option<Region> {
        let path = super::ruta::resolver(&self.valor, ruta)?;
        self.spans().get(&path).map(|n| n.value)
    }

    /// The id path of what is written at `linea`, `columna` (1-based, columns in characters):
    /// the innermost item or field there.
    pub fn ruta_en(&self, linea: usize, columna: usize) -> Option<String> {
        let pos = crate::diagnostics::Pos {
            line: linea,
            col: columna,
        };
        let path = self.spans().at(pos)?;
        Some(self.ruta(path))
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
        nombres: OnceLock::new(),
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
    loaded.nombres = OnceLock::new();
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
        let explicados = check_montos(&mut loaded, T::MONTOS);
        check_anidamiento(&mut loaded);
        check_vacios(&mut loaded, T::campos());
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

/// S007: every amount (a field named in `claves`: `monto`, a monitoring file's `ejecutado`) as
/// written in the file (see [`montos`]). Returns the paths whose structure problems these
/// diagnostics already explain: the amount itself when YAML read it as text (`1.500,50`), and
/// the field `50` that a comma inside `{ … }` split off it.
fn check_montos<T>(loaded: &mut Loaded<T>, claves: &[&str]) -> Vec<NodePath> {
    let mut encontrados = Vec::new();
    collect_montos(&loaded.valor, claves, &mut Vec::new(), &mut encontrados);
    if encontrados.is_empty() || bien_escritos(&loaded.texto, claves, encontrados.len()) {
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

/// Whether the text shows, at a glance, that each of its `n` amounts is written as the format
/// wants it (`4500` or `4500.50`): every place where one of the `claves` is written as a key
/// (comments aside) holds such a number, or nothing at all (an amount not given yet), and `n`
/// of them hold a number. Then no amount can be S007 and the file's positions (a second reading
/// of the YAML, most of the time of a long monitoring file) are not needed. Anything else (an
/// amount on the next line, in quotes, through an alias or an escape, a key's name inside a
/// text) is left to the full check: this only ever skips work, never a diagnostic.
fn bien_escritos(texto: &str, claves: &[&str], n: usize) -> bool {
    if texto.contains('\\') || texto.contains("<<") {
        return false;
    }
    let mut vistos = 0;
    for clave in claves {
        for (i, _) in texto.match_indices(clave) {
            if texto[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
            {
                continue;
            }
            // In a comment (the comments the program writes name the fields).
            let inicio = texto[..i].rfind('\n').map_or(0, |j| j + 1);
            let linea = &texto[inicio..i];
            if linea.starts_with('#') || linea.contains(" #") || linea.contains("\t#") {
                continue;
            }
            let resto = texto[i + clave.len()..].trim_start_matches(['"', '\'', ' ']);
            let Some(valor) = resto.strip_prefix(':') else {
                continue;
            };
            let (valor, siguientes) = valor.split_once('\n').unwrap_or((valor, ""));
            let valor = valor.trim_start_matches([' ', '\t']);
            let fin = valor
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(valor.len());
            let (escrito, despues) = valor.split_at(fin);
            // What may follow a number: the end of the line or a comment, the end of a `{ … }`,
            // or a comma before the next field (a comma then a digit is `1500,50` split by YAML).
            let resto = despues.trim_start_matches([' ', '\t', '\r']);
            let termina = resto.is_empty()
                || resto.starts_with('#') && resto.len() < despues.len()
                || resto.starts_with('}')
                || resto
                    .strip_prefix(',')
                    .is_some_and(|r| !r.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            if escrito.is_empty() {
                // Nothing on the line: no amount, unless the value goes on below, further in.
                let columna = i - inicio;
                let abajo = siguientes
                    .lines()
                    .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
                    .map(|l| l.len() - l.trim_start().len());
                if !(linea.trim().is_empty() || linea.trim() == "-")
                    || !(resto.is_empty() || resto.starts_with('#') && resto.len() < despues.len())
                    || abajo.is_some_and(|a| a > columna)
                {
                    return false;
                }
                continue;
            }
            if !termina || montos::revisar(escrito).is_some() {
                return false;
            }
            vistos += 1;
        }
    }
    vistos == n
}

/// S008: texts nested deeper than any printer can follow (see [`marcado::MAX_ANIDAMIENTO`]). Every
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
                marcado::MAX_ANIDAMIENTO
            ),
            "Un texto del plan usa pocos niveles: revise los `>`, `-`, `*` y `_` del comienzo de las líneas; si son parte del texto, escríbalos con `\\` delante (`\\>`).".into(),
        );
    }
}

/// S009: a required text written empty (`nombre: ""`), which the structure accepts: the
/// catalogue of fields says which texts are required.
fn check_vacios<T>(loaded: &mut Loaded<T>, campos: &'static [Campo]) {
    fn recorrer(
        valor: &Value,
        campos: &'static [Campo],
        path: &mut NodePath,
        out: &mut Vec<(NodePath, &'static Campo)>,
    ) {
        for c in campos {
            let Some(v) = valor.get(c.clave) else {
                continue;
            };
            path.push(Seg::Key(c.clave.to_owned()));
            match (&c.tipo, v) {
                (Tipo::Grupo { campos }, _) => recorrer(v, campos, path, out),
                (Tipo::Lista { lista }, Value::Array(items)) => {
                    for (i, item) in items.iter().enumerate() {
                        path.push(Seg::Index(i));
                        recorrer(item, lista.campos, path, out);
                        path.pop();
                    }
                }
                (_, Value::String(s)) if c.requerido == Requerido::Si && s.trim().is_empty() => {
                    out.push((path.clone(), c));
                }
                _ => {}
            }
            path.pop();
        }
    }
    let mut vacios = Vec::new();
    recorrer(&loaded.valor, campos, &mut Vec::new(), &mut vacios);
    for (path, c) in vacios {
        let region = loaded.spans().locate(&path);
        let donde = loaded.ruta(&path[..path.len() - 1]);
        let donde = if donde.is_empty() {
            "el plan".to_owned()
        } else {
            format!("`{donde}`")
        };
        loaded.error(
            "S009",
            region,
            &path,
            format!("el campo obligatorio `{}` está vacío en {donde}", c.clave),
            format!("Escriba «{}»: {}", c.etiqueta, c.ayuda),
        );
    }
}

fn collect_hondos(value: &Value, path: &mut NodePath, out: &mut Vec<NodePath>) {
    match value {
        Value::String(s) if marcado::demasiado_anidado(s) => out.push(path.clone()),
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

/// The paths of every amount (a field named in `claves`) of the document whose value is a
/// number or a text.
fn collect_montos(value: &Value, claves: &[&str], path: &mut NodePath, out: &mut Vec<NodePath>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                path.push(Seg::Key(k.clone()));
                if claves.contains(&k.as_str()) && (v.is_number() || v.is_string()) {
                    out.push(path.clone());
                }
                collect_montos(v, claves, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                collect_montos(v, claves, path, out);
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

#[cfg(test)]
mod tests {
    use super::bien_escritos;

    const CLAVES: &[&str] = &["monto", "ejecutado"];

    #[test]
    fn amounts_written_as_the_format_wants_skip_the_positions() {
        let t = "# ejecutado: Monto ejecutado. Los dólares gastados: 1.500\nacciones:\n  - { accion: A1, monto: 4500.00 }\n  - accion: A2\n    ejecutado: 120 # hasta junio\n  - accion: A3\n    ejecutado:\n    evidencias: []\n";
        assert!(bien_escritos(t, CLAVES, 2));
    }

    #[test]
    fn anything_else_is_left_to_the_full_check() {
        for (t, n) in [
            ("monto: 1.500\n", 1),
            ("monto: 1500\nejecutado: 2\n", 1),
            ("monto: '1500'\n", 1),
            ("monto:\n  1.500\n", 1),
            ("- accion: A1\n  ejecutado:\n    # nota\n    1.500\n", 0),
            ("monto: *a\n", 1),
            ("monto: -5\n", 1),
            ("- { accion: A1, monto: 1500,50 }\n", 1),
            ("- { accion: A1, monto: , meta: 1.500 }\n", 0),
            ("monto: 1500 USD\n", 1),
            ("monto: 1500#x\n", 1),
            ("\"mont\\u006f\": 1.500\nmonto: 5\n", 1),
            ("descripcion: >-\n  el monto: 1500\nmonto: 5\n", 1),
            ("base: &b { monto: 5 }\notra:\n  <<: *b\n", 2),
        ] {
            assert!(!bien_escritos(t, CLAVES, n), "{t}");
        }
    }
}
