//! The text being edited, with an index of its lines: byte offsets from positions, the lines
//! and indentation around a node, and where the content of a node really ends.

use crate::diagnostics::{Pos, Region};

/// The text with an index of its lines, to turn positions into byte offsets.
pub(super) struct Texto<'a> {
    pub(super) s: &'a str,
    lineas: Vec<usize>,
}

impl<'a> Texto<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        let lineas = std::iter::once(0)
            .chain(s.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Texto { s, lineas }
    }

    /// Byte offset of a position (1-based line, 1-based column in characters).
    pub(super) fn offset(&self, p: Pos) -> usize {
        let Some(&inicio) = self.lineas.get(p.line.saturating_sub(1)) else {
            return self.s.len();
        };
        let linea = &self.s[inicio..];
        linea
            .char_indices()
            .nth(p.col.saturating_sub(1))
            .map_or(self.s.len(), |(i, _)| inicio + i)
    }

    pub(super) fn inicio_linea(&self, off: usize) -> usize {
        self.s[..off].rfind('\n').map_or(0, |i| i + 1)
    }

    /// Offset of the newline that ends the line of `off` (or the end of the text).
    pub(super) fn fin_linea(&self, off: usize) -> usize {
        self.s[off..].find('\n').map_or(self.s.len(), |i| off + i)
    }

    /// Spaces at the start of the line of `off`.
    pub(super) fn sangria(&self, off: usize) -> usize {
        let ls = self.inicio_linea(off);
        self.s[ls..].chars().take_while(|c| *c == ' ').count()
    }

    pub(super) fn es_comentario(&self, ls: usize) -> bool {
        self.s[ls..self.fin_linea(ls)].trim_start().starts_with('#')
    }

    /// Where the content of a node really ends: block scalars and collections report their end
    /// at the next token, past blank lines and the comments that belong to what follows.
    pub(super) fn fin_contenido(&self, region: Region) -> usize {
        let start = self.offset(region.start);
        let mut e = self.offset(region.end).max(start);
        loop {
            while e > start && self.s[..e].ends_with(char::is_whitespace) {
                e -= self.s[..e].chars().next_back().map_or(1, char::len_utf8);
            }
            let ls = self.inicio_linea(e);
            if ls > start && e > ls && self.es_comentario(ls) {
                e = ls;
            } else {
                return e;
            }
        }
    }

    /// End of the content of a block scalar (`|` or `>`) whose header is at `off`: its last
    /// line indented deeper than the line of the header.
    pub(super) fn fin_escalar_bloque(&self, off: usize) -> usize {
        let padre = self.sangria(off);
        let mut fin = self.fin_linea(off);
        let mut ls = fin + 1;
        while ls < self.s.len() {
            let le = self.fin_linea(ls);
            let linea = &self.s[ls..le];
            if !linea.trim().is_empty() {
                if self.sangria(ls) <= padre {
                    break;
                }
                fin = le;
            }
            ls = le + 1;
        }
        fin
    }

    /// Offset of the first non-space character at or after `off`.
    pub(super) fn salta_espacios(&self, off: usize) -> usize {
        off + self.s[off..].len() - self.s[off..].trim_start_matches([' ', '\t']).len()
    }

    /// Whether the text between `start` and `end` holds a comment (a `#` at the start of a line or
    /// after a space, outside quotes).
    pub(super) fn hay_comentarios(&self, start: usize, end: usize) -> bool {
        self.s[start..end].lines().any(|linea| {
            let (mut simple, mut doble, mut antes) = (false, false, ' ');
            for c in linea.chars() {
                match c {
                    '\'' if !doble => simple = !simple,
                    '"' if !simple && antes != '\\' => doble = !doble,
                    '#' if !simple && !doble && antes.is_whitespace() => return true,
                    _ => {}
                }
                antes = c;
            }
            false
        })
    }

    /// Past the anchor (`&base`) and tag (`!!str`) written at `off` before a value, if any.
    pub(super) fn tras_propiedades(&self, mut off: usize) -> usize {
        while self.s[off..].starts_with(['&', '!']) {
            let fin = self.s[off..]
                .find(char::is_whitespace)
                .map_or(self.s.len(), |i| off + i);
            let siguiente = self.salta_espacios(fin);
            if siguiente == fin || self.s[siguiente..].starts_with(['\n', '#']) {
                break;
            }
            off = siguiente;
        }
        off
    }

    /// End of the quoted scalar that starts at `off` (past its closing quote): `\"` escapes a
    /// double quote, `''` a single one.
    pub(super) fn fin_comillas(&self, off: usize) -> usize {
        let mut chars = self.s[off..].char_indices();
        let Some((_, abre)) = chars.next() else {
            return off;
        };
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' if abre == '"' => {
                    chars.next();
                }
                c if c == abre => {
                    if abre == '\'' && self.s[off + i + 1..].starts_with('\'') {
                        chars.next();
                    } else {
                        return off + i + 1;
                    }
                }
                _ => {}
            }
        }
        self.s.len()
    }
}
