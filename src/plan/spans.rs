//! Where every node of a plan file is written.
//!
//! `serde_yaml` reports positions only for syntax errors; once a plan is deserialised the positions
//! are gone. Every diagnostic must still point at the exact line and column of the node it speaks
//! of, so this module walks the YAML event stream (`saphyr-parser`) once and records, for every
//! path in the document, where its key and its value start and end. Rules then ask for a path
//! and get a position; a path that is absent (a missing field) resolves to its nearest ancestor.

use rustc_hash::FxHashMap;

use saphyr_parser::{Event, Parser, Span};

use crate::diagnostics::{Pos, Region};

/// One step of a path inside the document: a mapping key or a sequence index (0-based).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A key of a mapping.
    Key(String),
    /// A position in a sequence, counted from 0.
    Index(usize),
}

impl Seg {
    /// The key, when this step is one.
    pub fn clave(&self) -> Option<&str> {
        match self {
            Seg::Key(k) => Some(k),
            Seg::Index(_) => None,
        }
    }
}

/// The last key of a path: the name of the field it ends in (`meta` in `acciones[2].indicador.meta`
/// and in `riesgos[0].zonas[1]`).
pub fn ultima_clave(path: &[Seg]) -> Option<&str> {
    path.iter().rev().find_map(Seg::clave)
}

impl From<&str> for Seg {
    fn from(key: &str) -> Self {
        Seg::Key(key.to_owned())
    }
}

impl From<usize> for Seg {
    fn from(index: usize) -> Self {
        Seg::Index(index)
    }
}

/// A path from the root of the document.
pub type NodePath = Vec<Seg>;

/// Builds a [`NodePath`] from keys and indices: `path!["acciones", 2, "responsable"]`.
#[macro_export]
macro_rules! path {
    ($($seg:expr),* $(,)?) => {
        vec![$($crate::plan::spans::Seg::from($seg)),*]
    };
}

/// The region of a span of the YAML parser.
fn region_de(span: &Span) -> Region {
    let pos = |m: &saphyr_parser::Marker| Pos {
        line: m.line(),
        col: m.col() + 1,
    };
    Region {
        start: pos(&span.start),
        end: pos(&span.end),
    }
}

/// Where a node is written: its key (for mapping entries) and its value.
#[derive(Debug, Clone, Copy)]
pub struct NodeSpan {
    /// The key of the entry, when the node is the value of a mapping entry.
    pub key: Option<Region>,
    /// The value itself (for mappings and sequences, from their first to their last character).
    pub value: Region,
}

/// Positions of every node of a document, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    nodes: FxHashMap<NodePath, NodeSpan>,
}

enum Frame {
    Map {
        path: NodePath,
        key: Option<(String, Region)>,
    },
    Seq {
        path: NodePath,
        next: usize,
    },
}

impl SpanIndex {
    /// Indexes `text`. Parsing stops quietly at the first syntax error: syntax errors are reported
    /// by the loader, and what was indexed before them is still useful.
    pub fn build(text: &str) -> Self {
        let mut index = SpanIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut open: Vec<(NodePath, Option<Region>, Pos)> = Vec::new();
        for event in Parser::new_from_str(text) {
            let Ok((event, span)) = event else { break };
            let region = region_de(&span);
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Map {
                        key: key @ None, ..
                    }) = stack.last_mut()
                    {
                        *key = Some((value.into_owned(), region));
                        continue;
                    }
                    if let Some((path, key)) = child_path(&mut stack) {
                        index.insert(path, key, region);
                    }
                }
                Event::Alias(_) => {
                    if let Some((path, key)) = child_path(&mut stack) {
                        index.insert(path, key, region);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let (path, key) = match child_path(&mut stack) {
                        Some(found) => found,
                        None if stack.is_empty() => (Vec::new(), None),
                        // A mapping or sequence used as a key: not part of the plan format.
                        None => (vec![Seg::Key(String::from("?"))], None),
                    };
                    open.push((path.clone(), key, region.start));
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map { path, key: None }
                    } else {
                        Frame::Seq { path, next: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    if let Some((path, key, start)) = open.pop() {
                        let end = region.end.max(start);
                        index.insert(path, key, Region { start, end });
                    }
                }
                _ => {}
            }
        }
        index
    }

    fn insert(&mut self, path: NodePath, key: Option<Region>, value: Region) {
        self.nodes.entry(path).or_insert(NodeSpan { key, value });
    }

    /// Every written node with its path, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&NodePath, &NodeSpan)> {
        self.nodes.iter()
    }

    /// The node at `path`, if it is written in the document.
    pub fn get(&self, path: &[Seg]) -> Option<&NodeSpan> {
        self.nodes.get(path)
    }

    /// The value region of `path`, or of its nearest written ancestor; `1:1` for an empty index.
    pub fn locate(&self, path: &[Seg]) -> Region {
        (0..=path.len())
            .rev()
            .find_map(|n| self.nodes.get(&path[..n]).map(|node| node.value))
            .unwrap_or(Region::point(1, 1))
    }

    /// The key region of `path` when it is a mapping entry, else its value region (or its nearest
    /// ancestor's).
    pub fn locate_key(&self, path: &[Seg]) -> Region {
        match self.nodes.get(path).and_then(|node| node.key) {
            Some(key) => key,
            None => self.locate(path),
        }
    }
}

impl SpanIndex {
    /// The innermost node written at `pos` (its key or its value), if any: what an editor's
    /// cursor is on.
    pub fn at(&self, pos: Pos) -> Option<&NodePath> {
        self.nodes
            .iter()
            .filter(|(_, n)| n.value.contains(pos) || n.key.is_some_and(|k| k.contains(pos)))
            .max_by_key(|(p, _)| p.len())
            .map(|(p, _)| p)
    }
}

/// The first key written twice in the same mapping, with where the second one is: the parser of
/// plans refuses such a file but only names the mapping.
pub fn first_duplicate_key(text: &str) -> Option<(String, Region)> {
    // For each open collection: the keys seen so far and whether a key comes next (mappings),
    // or `None` (sequences).
    let mut stack: Vec<Option<(std::collections::HashSet<String>, bool)>> = Vec::new();
    let done = |stack: &mut Vec<Option<(std::collections::HashSet<String>, bool)>>| {
        if let Some(Some((_, key_next))) = stack.last_mut() {
            *key_next = !*key_next;
        }
    };
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        match event {
            Event::Scalar(value, ..) => {
                if let Some(Some((keys, true))) = stack.last_mut()
                    && !keys.insert(value.to_string())
                {
                    return Some((value.into_owned(), region_de(&span)));
                }
                done(&mut stack);
            }
            Event::Alias(_) => done(&mut stack),
            Event::MappingStart(..) => stack.push(Some((Default::default(), true))),
            Event::SequenceStart(..) => stack.push(None),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                done(&mut stack);
            }
            _ => {}
        }
    }
    None
}

/// Where a second YAML document starts (its `---`), if the text has one.
pub fn second_document(text: &str) -> Option<Region> {
    Parser::new_from_str(text)
        .map_while(Result::ok)
        .filter(|(event, _)| matches!(event, Event::DocumentStart(_)))
        .nth(1)
        .map(|(_, span)| region_de(&span))
}

/// The path of the next child node of the innermost open collection, with its key region.
fn child_path(stack: &mut [Frame]) -> Option<(NodePath, Option<Region>)> {
    match stack.last_mut()? {
        Frame::Map { path, key } => {
            let (name, region) = key.take()?;
            let mut child = path.clone();
            child.push(Seg::Key(name));
            Some((child, Some(region)))
        }
        Frame::Seq { path, next } => {
            let mut child = path.clone();
            child.push(Seg::Index(*next));
            *next += 1;
            Some((child, None))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_keys_values_and_items() {
        let text = "a: 1\nlista:\n  - id: X\n    ref: Y\n  - [p, q]\n";
        let index = SpanIndex::build(text);
        let (item, nested, absent): (NodePath, NodePath, NodePath) = (
            path!["lista", 0, "ref"],
            path!["lista", 1, 1],
            path!["lista", 0, "falta"],
        );
        let node = index.get(&item).unwrap();
        assert_eq!(node.key.unwrap().start, Pos { line: 4, col: 5 });
        assert_eq!(node.value.start, Pos { line: 4, col: 10 });
        assert_eq!(
            index.get(&nested).unwrap().value.start,
            Pos { line: 5, col: 9 }
        );
        // An absent path resolves to its nearest ancestor.
        assert_eq!(index.locate(&absent).start, Pos { line: 3, col: 5 });
    }

    #[test]
    fn finds_the_repeated_key_and_the_second_document() {
        let text = "a: 1\nl:\n  - { x: 1, y: 2 }\n  - x: 1\n    k: [a, a]\n    x: 2\n";
        let (key, at) = first_duplicate_key(text).unwrap();
        assert_eq!((key.as_str(), at.start), ("x", Pos { line: 6, col: 5 }));
        assert!(first_duplicate_key("a: {b: 1}\nb: {a: 1}\n").is_none());
        assert_eq!(
            second_document("a: 1\n---\nb: 2\n").unwrap().start,
            Pos { line: 2, col: 1 }
        );
        assert!(second_document("---\na: 1\n").is_none());
    }
}
