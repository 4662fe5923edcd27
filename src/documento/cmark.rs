//! CommonMark fields of a plan (`presentacion`, `descripcion`, …) as a document tree.
//!
//! Plan text is data: the tree holds text, never markup, so the Typst template lays it out with
//! its own functions and no plan string is ever parsed as Typst. Raw HTML is kept as literal
//! text; links keep their target only for `http`, `https` and `mailto` (any other scheme, such as
//! `javascript:` or a file path, becomes plain text).
//!
//! Nesting is bounded: validation refuses a text nested deeper than [`MAX_ANIDAMIENTO`] levels
//! (rule S008, with [`demasiado_anidado`], in `plan::marcado`), and the tree itself never grows deeper than
//! [`MAX_PROFUNDIDAD`] whatever it is given: what lies deeper joins the innermost level kept. A
//! hundred thousand `>` would otherwise make a tree that no printer can walk without running out
//! of stack, and nested lists a JSON document quadratic in the size of the plan.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use crate::plan::marcado::parser;
pub use crate::plan::marcado::{MAX_ANIDAMIENTO, demasiado_anidado};
use serde::{Deserialize, Serialize};

/// A block of a Markdown field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Bloque {
    /// A paragraph.
    Parrafo {
        /// Its inline content.
        c: Vec<Linea>,
    },
    /// A heading inside a field (level 1–6).
    Titulo {
        /// Level.
        nivel: u8,
        /// Its inline content.
        c: Vec<Linea>,
    },
    /// A list.
    Lista {
        /// Numbered.
        ordenada: bool,
        /// Items, each a list of blocks.
        items: Vec<Vec<Bloque>>,
    },
    /// A block quote.
    Cita {
        /// Its blocks.
        c: Vec<Bloque>,
    },
    /// Preformatted text.
    Codigo {
        /// The text.
        v: String,
    },
    /// A horizontal rule.
    Separador,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum Linea {
    /// Literal text.
    Texto {
        /// The text.
        v: String,
    },
    /// Emphasis.
    Enfasis {
        /// Content.
        c: Vec<Linea>,
    },
    /// Strong emphasis.
    Fuerte {
        /// Content.
        c: Vec<Linea>,
    },
    /// Inline code.
    Codigo {
        /// The text.
        v: String,
    },
    /// A link with a safe target.
    Enlace {
        /// Target (http, https or mailto).
        url: String,
        /// Content.
        c: Vec<Linea>,
    },
    /// A line break.
    Salto,
}

/// Whether a link target may be kept.
pub fn enlace_seguro(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

enum Open {
    Block(Vec<Bloque>),
    Inline(Vec<Linea>),
    Item(Vec<Bloque>),
}

/// Deepest tree that [`parse`] builds, whatever text it is given.
pub const MAX_PROFUNDIDAD: usize = 32;

/// Parses a Markdown field into blocks.
pub fn parse(markdown: &str) -> Vec<Bloque> {
    let mut builder = Builder::default();
    for event in parser(markdown) {
        builder.event(event);
    }
    builder.finish()
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Bloque>,
    /// Open containers: block lists (quotes, list items) and inline runs (paragraphs, emphasis).
    stack: Vec<(Frame, Open)>,
    /// Containers opened below [`MAX_PROFUNDIDAD`] and not closed yet: they are not built, and
    /// their content joins the deepest open container.
    sobrantes: usize,
}

enum Frame {
    Parrafo,
    Titulo(u8),
    Lista(bool, Vec<Vec<Bloque>>),
    Item,
    Cita,
    Enfasis,
    Fuerte,
    Enlace(Option<String>),
    Codigo(String),
}

impl Builder {
    fn push_block(&mut self, b: Bloque) {
        for (_, open) in self.stack.iter_mut().rev() {
            match open {
                Open::Block(v) | Open::Item(v) => {
                    v.push(b);
                    return;
                }
                Open::Inline(_) => {}
            }
        }
        self.blocks.push(b);
    }

    fn push_inline(&mut self, l: Linea) {
        let aplanando = self.sobrantes > 0;
        match self.stack.last_mut() {
            Some((_, Open::Inline(v))) => merge(v, l),
            // Below the deepest level kept, the text of every level goes on in one paragraph.
            Some((_, Open::Block(blocks))) if aplanando => match blocks.last_mut() {
                Some(Bloque::Parrafo { c }) => merge(c, l),
                _ => blocks.push(Bloque::Parrafo { c: vec![l] }),
            },
            // Inline content of a tight list item: continue the item's paragraph.
            Some((_, Open::Item(blocks))) => match blocks.last_mut() {
                Some(Bloque::Parrafo { c }) => merge(c, l),
                _ => blocks.push(Bloque::Parrafo { c: vec![l] }),
            },
            // Inline content outside any paragraph: wrap it in one.
            Some((_, Open::Block(_))) | None => {
                self.push_block(Bloque::Parrafo { c: vec![l] });
            }
        }
    }

    fn text(&mut self, s: &str) {
        if let Some((Frame::Codigo(buf), _)) = self.stack.last_mut() {
            buf.push_str(s);
            return;
        }
        self.push_inline(Linea::Texto { v: s.to_owned() });
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => {
                let frame = match tag {
                    Tag::Paragraph => (Frame::Parrafo, Open::Inline(Vec::new())),
                    Tag::Heading { level, .. } => {
                        (Frame::Titulo(heading(level)), Open::Inline(Vec::new()))
                    }
                    Tag::List(start) => (
                        Frame::Lista(start.is_some(), Vec::new()),
                        Open::Block(Vec::new()),
                    ),
                    Tag::Item => (Frame::Item, Open::Item(Vec::new())),
                    Tag::BlockQuote(_) => (Frame::Cita, Open::Block(Vec::new())),
                    Tag::CodeBlock(_) => (Frame::Codigo(String::new()), Open::Block(Vec::new())),
                    Tag::Emphasis => (Frame::Enfasis, Open::Inline(Vec::new())),
                    Tag::Strong => (Frame::Fuerte, Open::Inline(Vec::new())),
                    Tag::Link { dest_url, .. } => (
                        Frame::Enlace(enlace_seguro(&dest_url).then(|| dest_url.to_string())),
                        Open::Inline(Vec::new()),
                    ),
                    // Anything else (images, tables, footnotes, HTML blocks) contributes only
                    // its text, through the events inside it.
                    _ => return,
                };
                // One level is kept for the paragraph that text outside any gets.
                if self.stack.len() + 1 >= MAX_PROFUNDIDAD {
                    self.sobrantes += 1;
                    if matches!(frame.0, Frame::Parrafo | Frame::Titulo(_) | Frame::Item) {
                        // Keep the words of separate paragraphs and items apart.
                        self.text(" ");
                    }
                    return;
                }
                self.stack.push(frame);
            }
            Event::End(end) => {
                if !closes_frame(&end) {
                    return;
                }
                if self.sobrantes > 0 {
                    self.sobrantes -= 1;
                    return;
                }
                let Some((frame, open)) = self.stack.pop() else {
                    return;
                };
                let content = match open {
                    Open::Block(v) | Open::Item(v) => Content::Blocks(v),
                    Open::Inline(v) => Content::Inline(v),
                };
                match (frame, content) {
                    (Frame::Parrafo, Content::Inline(c)) => self.push_block(Bloque::Parrafo { c }),
                    (Frame::Titulo(nivel), Content::Inline(c)) => {
                        self.push_block(Bloque::Titulo { nivel, c })
                    }
                    (Frame::Cita, Content::Blocks(c)) => self.push_block(Bloque::Cita { c }),
                    (Frame::Codigo(v), _) => self.push_block(Bloque::Codigo { v }),
                    (Frame::Item, Content::Blocks(item)) => {
                        if let Some((Frame::Lista(_, items), _)) = self.stack.last_mut() {
                            items.push(item);
                        }
                    }
                    (Frame::Lista(ordenada, mut items), content) => {
                        // Content outside any item (from levels beyond the deepest kept) becomes
                        // one more item, so that no text is lost.
                        if let Content::Blocks(suelto) = content
                            && !suelto.is_empty()
                        {
                            items.push(suelto);
                        }
                        self.push_block(Bloque::Lista { ordenada, items })
                    }
                    (Frame::Enfasis, Content::Inline(c)) => self.push_inline(Linea::Enfasis { c }),
                    (Frame::Fuerte, Content::Inline(c)) => self.push_inline(Linea::Fuerte { c }),
                    (Frame::Enlace(Some(url)), Content::Inline(c)) => {
                        self.push_inline(Linea::Enlace { url, c })
                    }
                    (Frame::Enlace(None), Content::Inline(c)) => {
                        for l in c {
                            self.push_inline(l);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => self.text(&t),
            Event::Code(t) => self.push_inline(Linea::Codigo { v: t.to_string() }),
            Event::Html(t) | Event::InlineHtml(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push_inline(Linea::Salto),
            Event::Rule => self.push_block(Bloque::Separador),
            Event::FootnoteReference(t) => self.text(&t),
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn finish(mut self) -> Vec<Bloque> {
        // Unbalanced input cannot happen with pulldown-cmark, but never lose text.
        while let Some((_, open)) = self.stack.pop() {
            match open {
                Open::Inline(c) => self.push_block(Bloque::Parrafo { c }),
                Open::Block(v) | Open::Item(v) => v.into_iter().for_each(|b| self.push_block(b)),
            }
        }
        self.blocks
    }
}

/// Appends inline content, joining adjacent text.
fn merge(line: &mut Vec<Linea>, l: Linea) {
    if let (Linea::Texto { v: new }, Some(Linea::Texto { v: prev })) = (&l, line.last_mut()) {
        prev.push_str(new);
    } else {
        line.push(l);
    }
}

enum Content {
    Blocks(Vec<Bloque>),
    Inline(Vec<Linea>),
}

fn closes_frame(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Link
    )
}

fn heading(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// The plain text of blocks, for places that show a field as one line.
pub fn plain(blocks: &[Bloque]) -> String {
    fn inline(out: &mut String, ls: &[Linea]) {
        for l in ls {
            match l {
                Linea::Texto { v } | Linea::Codigo { v } => out.push_str(v),
                Linea::Enfasis { c } | Linea::Fuerte { c } | Linea::Enlace { c, .. } => {
                    inline(out, c)
                }
                Linea::Salto => out.push(' '),
            }
        }
    }
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push(' ');
        }
        match b {
            Bloque::Parrafo { c } | Bloque::Titulo { c, .. } => inline(&mut out, c),
            Bloque::Lista { items, .. } => items.iter().for_each(|i| out.push_str(&plain(i))),
            Bloque::Cita { c } => out.push_str(&plain(c)),
            Bloque::Codigo { v } => out.push_str(v),
            Bloque::Separador => {}
        }
    }
    out
}

/// Escapes text so that CommonMark shows it literally, on one line (safe inside table cells).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texto(v: &str) -> Linea {
        Linea::Texto { v: v.into() }
    }

    #[test]
    fn paragraphs_emphasis_lists_and_links() {
        let blocks =
            parse("Hola *mundo* y **todos**.\n\n- uno\n- [dos](https://ejemplo.org)\n\n## Sub");
        assert_eq!(
            blocks,
            vec![
                Bloque::Parrafo {
                    c: vec![
                        texto("Hola "),
                        Linea::Enfasis {
                            c: vec![texto("mundo")]
                        },
                        texto(" y "),
                        Linea::Fuerte {
                            c: vec![texto("todos")]
                        },
                        texto("."),
                    ]
                },
                Bloque::Lista {
                    ordenada: false,
                    items: vec![
                        vec![Bloque::Parrafo {
                            c: vec![texto("uno")]
                        }],
                        vec![Bloque::Parrafo {
                            c: vec![Linea::Enlace {
                                url: "https://ejemplo.org".into(),
                                c: vec![texto("dos")]
                            }]
                        }],
                    ]
                },
                Bloque::Titulo {
                    nivel: 2,
                    c: vec![texto("Sub")]
                },
            ]
        );
    }

    #[test]
    fn tight_list_items_keep_their_inline_content_together() {
        let blocks = parse("- un **terminal** de paso;\n- otro");
        assert_eq!(
            blocks,
            vec![Bloque::Lista {
                ordenada: false,
                items: vec![
                    vec![Bloque::Parrafo {
                        c: vec![
                            texto("un "),
                            Linea::Fuerte {
                                c: vec![texto("terminal")]
                            },
                            texto(" de paso;")
                        ]
                    }],
                    vec![Bloque::Parrafo {
                        c: vec![texto("otro")]
                    }],
                ]
            }]
        );
    }

    fn profundidad(blocks: &[Bloque]) -> usize {
        fn linea(l: &Linea) -> usize {
            match l {
                Linea::Enfasis { c } | Linea::Fuerte { c } | Linea::Enlace { c, .. } => {
                    1 + c.iter().map(linea).max().unwrap_or(0)
                }
                _ => 0,
            }
        }
        blocks
            .iter()
            .map(|b| match b {
                Bloque::Parrafo { c } | Bloque::Titulo { c, .. } => {
                    1 + c.iter().map(linea).max().unwrap_or(0)
                }
                Bloque::Lista { items, .. } => {
                    1 + items.iter().map(|i| profundidad(i)).max().unwrap_or(0)
                }
                Bloque::Cita { c } => 1 + profundidad(c),
                _ => 1,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn hostile_nesting_gives_a_bounded_tree_and_a_linear_json() {
        let hostiles = [
            format!("{} x", ">".repeat(100_000)),
            format!("{}x{}", "*".repeat(20_000), "*".repeat(20_000)),
            format!("{}x", "- ".repeat(12_000)),
            format!("{}x", "1. ".repeat(5_000)),
            format!("{}**_x_**", "> - ".repeat(5_000)),
            (0..150)
                .map(|i| format!("{}- x", "  ".repeat(i)))
                .collect::<Vec<_>>()
                .join("\n"),
        ];
        for md in &hostiles {
            assert!(demasiado_anidado(md), "{}", &md[..20]);
            let blocks = parse(md);
            let p = profundidad(&blocks);
            assert!(p <= MAX_PROFUNDIDAD, "{p}: {}", &md[..20]);
            // The words are kept.
            assert!(plain(&blocks).contains('x'), "{}", &md[..20]);
            let json = serde_json::to_string_pretty(&blocks).unwrap();
            assert!(
                json.len() < 4 * md.len() + 10_000,
                "{} bytes: {}",
                json.len(),
                &md[..20]
            );
        }
    }

    #[test]
    fn ordinary_texts_are_not_deep() {
        let md = "Texto con *énfasis*, **fuerza** y [enlace](https://a.org).\n\n- uno\n  - dos\n    - tres **y *cuatro***\n\n> cita\n> > dentro\n\n1. a\n2. b";
        assert!(!demasiado_anidado(md));
        assert!(!demasiado_anidado(&md.repeat(50)));
        // A text at the limit is accepted and built whole; one level more is not.
        let md = format!("{}x", "> ".repeat(MAX_ANIDAMIENTO - 1));
        assert!(!demasiado_anidado(&md));
        assert_eq!(profundidad(&parse(&md)), MAX_ANIDAMIENTO);
        assert!(demasiado_anidado(&format!("> {md}")));
    }

    #[test]
    fn raw_html_is_text_and_unsafe_links_lose_their_target() {
        let blocks =
            parse("Hola <script>alert(1)</script> [x](javascript:alert(1)) <b>negrita</b>");
        assert_eq!(
            plain(&blocks),
            "Hola <script>alert(1)</script> x <b>negrita</b>"
        );
        // A line that starts with HTML is an HTML block: kept whole, as text.
        let block = parse("<img src=x onerror=alert(1)>");
        assert_eq!(plain(&block), "<img src=x onerror=alert(1)>");
        let json = serde_json::to_string(&blocks).unwrap();
        assert!(!json.contains("javascript"), "{json}");
    }
}
