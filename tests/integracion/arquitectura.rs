//! The invariants of `docs/arquitectura.md` that the compiler does not keep: no two modules of
//! the library import each other (directly or around a circle), and no file is longer than 700
//! lines.
//!
//! A module is a file of `src/`; its imports are the `use` declarations and the `crate::`,
//! `super::` and `self::` paths of its code, resolved to the module file they name. A folder's
//! `mod.rs` and the files under it are one unit (the folder's face and its parts): imports
//! between a module and its own ancestors are not counted, as `use super::Estado` in a part and
//! `pub use parte::f` in its face are how a folder is put together.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The module of each `.rs` file under `src/`, by its path of names (`["render", "docx",
/// "indice"]`); `lib.rs` is the root (`[]`).
fn modulos() -> BTreeMap<Vec<String>, PathBuf> {
    let mut out = BTreeMap::new();
    let mut pendientes = vec![PathBuf::from("src")];
    while let Some(dir) = pendientes.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                pendientes.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") || p == Path::new("src/main.rs") {
                continue;
            }
            let rel = p.strip_prefix("src").unwrap().with_extension("");
            let mut nombres: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(nombres.last().map(String::as_str), Some("mod" | "lib")) {
                nombres.pop();
            }
            out.insert(nombres, p);
        }
    }
    out
}

/// The text of a Rust file without its comments and the contents of its strings.
fn codigo(texto: &str) -> String {
    let b: Vec<char> = texto.chars().collect();
    let mut out = String::with_capacity(texto.len());
    let mut i = 0;
    while i < b.len() {
        match (b[i], b.get(i + 1).copied()) {
            ('/', Some('/')) => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            ('/', Some('*')) => {
                let mut hondura = 0;
                while i < b.len() {
                    if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                        hondura += 1;
                        i += 2;
                    } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                        hondura -= 1;
                        i += 2;
                        if hondura == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            ('r', Some('"' | '#'))
                if i == 0 || !(b[i - 1].is_alphanumeric() || b[i - 1] == '_') =>
            {
                // A raw string: r"…", r#"…"#.
                let mut j = i + 1;
                let mut almohadillas = 0;
                while b.get(j) == Some(&'#') {
                    almohadillas += 1;
                    j += 1;
                }
                if b.get(j) != Some(&'"') {
                    out.push(b[i]);
                    i += 1;
                    continue;
                }
                j += 1;
                while j < b.len() {
                    if b[j] == '"' && (0..almohadillas).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + almohadillas;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            ('"', _) => {
                i += 1;
                while i < b.len() && b[i] != '"' {
                    if b[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            ('\'', _) if b.get(i + 2) == Some(&'\'') || (b.get(i + 1) == Some(&'\\')) => {
                // A character literal ('"', '\n'); a lifetime has no closing quote.
                let fin = b[i + 1..]
                    .iter()
                    .position(|c| *c == '\'')
                    .map(|p| i + 2 + p);
                i = fin.unwrap_or(i + 1);
                out.push_str("' '");
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The paths of a `use` tree (`a::{b, c::{d, e as f}}`), each as its segments.
fn arbol(texto: &str) -> Vec<Vec<String>> {
    fn leer(t: &str, prefijo: &[String], out: &mut Vec<Vec<String>>) {
        let t = t.trim();
        if t.is_empty() {
            return;
        }
        if let Some(i) = t.find('{') {
            let cabeza: Vec<String> = t[..i]
                .split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            let mut base = prefijo.to_vec();
            base.extend(cabeza);
            let cuerpo = &t[i + 1..t.rfind('}').unwrap_or(t.len())];
            let mut hondura = 0;
            let mut desde = 0;
            for (j, c) in cuerpo.char_indices() {
                match c {
                    '{' => hondura += 1,
                    '}' => hondura -= 1,
                    ',' if hondura == 0 => {
                        leer(&cuerpo[desde..j], &base, out);
                        desde = j + 1;
                    }
                    _ => {}
                }
            }
            leer(&cuerpo[desde..], &base, out);
            return;
        }
        let sin_alias = t.split(" as ").next().unwrap_or(t);
        let mut p = prefijo.to_vec();
        p.extend(sin_alias.split("::").map(|s| s.trim().to_owned()));
        out.push(p);
    }
    let mut out = Vec::new();
    leer(texto, &[], &mut out);
    out
}

/// Every path a module's code names, and whether it comes from a `pub use` (a re-export).
fn caminos(codigo: &str) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut resto = codigo;
    // `use` declarations (their trees).
    while let Some(i) = resto.find("use ") {
        let antes = &resto[..i];
        let inicio_ok = antes
            .chars()
            .last()
            .is_none_or(|c| c.is_whitespace() || c == ';' || c == '{' || c == '}' || c == ')');
        let fin = resto[i..].find(';').map(|f| i + f);
        if inicio_ok && let Some(fin) = fin {
            let publico = antes.trim_end().ends_with("pub") || antes.trim_end().ends_with(')');
            for c in arbol(&resto[i + 4..fin]) {
                out.push((c, publico));
            }
            resto = &resto[fin..];
        } else {
            resto = &resto[i + 4..];
        }
    }
    // Paths in code: crate::a::b, super::super::c, self::d.
    let b = codigo.as_bytes();
    for raiz in ["crate::", "super::", "self::"] {
        let mut desde = 0;
        while let Some(i) = codigo[desde..].find(raiz).map(|i| desde + i) {
            desde = i + raiz.len();
            if i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_' || b[i - 1] == b':') {
                continue;
            }
            let fin = codigo[i..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .map_or(codigo.len(), |f| i + f);
            let c: Vec<String> = codigo[i..fin]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            out.push((c, false));
        }
    }
    out
}

/// The module a path names from module `desde`: the longest prefix that is a module file.
fn destino(
    desde: &[String],
    camino: &[String],
    modulos: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<Vec<String>> {
    let mut base: Vec<String>;
    let mut segmentos = camino.iter().peekable();
    match segmentos.peek().map(|s| s.as_str()) {
        Some("crate") => {
            base = Vec::new();
            segmentos.next();
        }
        Some("super" | "self") => {
            // A `mod.rs` stands for its folder's module; `super` climbs from it.
            base = desde.to_vec();
            while let Some(s) = segmentos.peek() {
                match s.as_str() {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segmentos.next();
            }
        }
        _ => {
            // A sibling or child named without a prefix (`use parte::f` in a face).
            let mut hijo = desde.to_vec();
            hijo.push(camino.first()?.clone());
            if !modulos.contains_key(&hijo) {
                return None;
            }
            base = desde.to_vec();
        }
    }
    let mut mejor = base.clone();
    for s in segmentos {
        base.push(s.clone());
        if modulos.contains_key(&base) {
            mejor = base.clone();
        } else {
            break;
        }
    }
    Some(mejor)
}

#[test]
fn no_module_imports_another_that_imports_it_back() {
    let modulos = modulos();
    let mut aristas: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (m, archivo) in &modulos {
        let texto = codigo(&std::fs::read_to_string(archivo).unwrap());
        for (camino, _) in caminos(&texto) {
            let Some(d) = destino(m, &camino, &modulos) else {
                continue;
            };
            // A module and its own ancestors are one folder: not counted.
            if d.starts_with(m) || m.starts_with(&d) {
                continue;
            }
            aristas.entry(m.clone()).or_default().insert(d);
        }
    }
    // Strongly connected components (Tarjan).
    struct Estado<'a> {
        aristas: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        indice: BTreeMap<Vec<String>, usize>,
        bajo: BTreeMap<Vec<String>, usize>,
        pila: Vec<Vec<String>>,
        en_pila: BTreeSet<Vec<String>>,
        componentes: Vec<Vec<Vec<String>>>,
    }
    fn visitar(e: &mut Estado, v: &Vec<String>) {
        let n = e.indice.len();
        e.indice.insert(v.clone(), n);
        e.bajo.insert(v.clone(), n);
        e.pila.push(v.clone());
        e.en_pila.insert(v.clone());
        let vecinos: Vec<Vec<String>> = e.aristas.get(v).into_iter().flatten().cloned().collect();
        for w in &vecinos {
            if !e.indice.contains_key(w) {
                visitar(e, w);
                let b = e.bajo[v].min(e.bajo[w]);
                e.bajo.insert(v.clone(), b);
            } else if e.en_pila.contains(w) {
                let b = e.bajo[v].min(e.indice[w]);
                e.bajo.insert(v.clone(), b);
            }
        }
        if e.bajo[v] == e.indice[v] {
            let mut c = Vec::new();
            while let Some(w) = e.pila.pop() {
                e.en_pila.remove(&w);
                let fin = &w == v;
                c.push(w);
                if fin {
                    break;
                }
            }
            e.componentes.push(c);
        }
    }
    let mut e = Estado {
        aristas: &aristas,
        indice: BTreeMap::new(),
        bajo: BTreeMap::new(),
        pila: Vec::new(),
        en_pila: BTreeSet::new(),
        componentes: Vec::new(),
    };
    for m in modulos.keys() {
        if !e.indice.contains_key(m) {
            visitar(&mut e, m);
        }
    }
    let circulos: Vec<String> = e
        .componentes
        .iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let nombres: BTreeSet<String> = c.iter().map(|m| m.join("::")).collect();
            let dentro: Vec<String> = c
                .iter()
                .flat_map(|m| {
                    aristas[m]
                        .iter()
                        .filter(|d| c.contains(d))
                        .map(move |d| format!("{} -> {}", m.join("::"), d.join("::")))
                })
                .collect();
            format!("{nombres:?}: {}", dentro.join(", "))
        })
        .collect();
    assert!(
        circulos.is_empty(),
        "import cycles:\n{}",
        circulos.join("\n")
    );
    // The test reads imports at all: the known edges are there.
    let render = vec!["render".to_owned()];
    let documento = vec!["documento".to_owned()];
    assert!(aristas[&render].contains(&documento), "{aristas:?}");
}

/// No file of the project is longer than 700 lines: a longer one holds more than one thing.
#[test]
fn no_source_file_is_longer_than_700_lines() {
    let mut largos = Vec::new();
    let mut pendientes: Vec<PathBuf> = ["src", "tests", "templates", "benches", "scripts", ".ci"]
        .iter()
        .map(PathBuf::from)
        .collect();
    while let Some(p) = pendientes.pop() {
        if p.is_dir() {
            if p.ends_with("snapshots") || p.ends_with("fixtures") {
                continue;
            }
            pendientes.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let Ok(texto) = std::fs::read_to_string(&p) else {
            continue;
        };
        let lineas = texto.lines().count();
        if lineas > 700 {
            largos.push(format!("{} ({lineas})", p.display()));
        }
    }
    largos.sort();
    assert!(largos.is_empty(), "files over 700 lines: {largos:?}");
}
