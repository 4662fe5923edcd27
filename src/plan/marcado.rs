//! The Markdown of the plan's text fields, as far as checking it needs: the parser's options
//! (the same ones the document is built with, `documento::cmark`) and the nesting limit of rule
//! S008, so that the loader can refuse a text no printer can follow without knowing the
//! document.

use pulldown_cmark::{Event, Options, Parser};

/// Deepest nesting of lists, quotes, emphasis and links that a text of the plan may have.
pub const MAX_ANIDAMIENTO: usize = 12;

/// The parser of a text field, with the options the whole program uses.
pub fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH)
}

/// Whether `markdown` nests its elements deeper than [`MAX_ANIDAMIENTO`] (a paragraph is one
/// level, a paragraph in a list item three). A hostile text is walked only until that is known.
pub fn demasiado_anidado(markdown: &str) -> bool {
    // Each level needs a marker (`>`, `-`, `*`, `_`, `+`, `~`, `[`, `#`, or a number followed
    // by `.` or `)`): a text with few of them needs no parsing.
    let bytes = markdown.as_bytes();
    let marcas = bytes
        .iter()
        .enumerate()
        .filter(|&(i, b)| {
            b"<>-*_+~[#".contains(b)
                || (matches!(b, b'.' | b')') && i > 0 && bytes[i - 1].is_ascii_digit())
        })
        .count();
    if marcas < MAX_ANIDAMIENTO {
        return false;
    }
    let mut actual = 0usize;
    for event in parser(markdown) {
        match event {
            Event::Start(_) => {
                actual += 1;
                if actual > MAX_ANIDAMIENTO {
                    return true;
                }
            }
            Event::End(_) => actual = actual.saturating_sub(1),
            _ => {}
        }
    }
    false
}
