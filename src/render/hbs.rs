//! The Handlebars renderers (HTML and Markdown), built like mdBook's: embedded templates that
//! `--plantillas DIR` overrides one file at a time, strict mode on, so that a template naming a
//! field that does not exist fails with the template's name, line and column instead of printing
//! nothing.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason,
    handlebars_helper,
};

use super::TemplateError;
use super::templates::Plantillas;
use crate::documento::cmark::Bloque;

/// The language a template writes: how plan text is escaped in it and how Markdown fields are
/// written in it. Each format that renders through Handlebars gives its own.
#[derive(Debug, Clone, Copy)]
pub struct Lenguaje {
    /// Escapes plan text.
    pub escape: fn(&str) -> String,
    /// Writes a Markdown field from its tree.
    pub bloques: fn(&[Bloque]) -> String,
}

/// `{{md campo}}`: a Markdown field, written by the format's own safe renderer.
struct Md(fn(&[Bloque]) -> String);

impl HelperDef for Md {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let value = h
            .param(0)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("md", 0))?
            .value();
        if value.is_null() {
            return Ok(());
        }
        let blocks: Vec<Bloque> = serde_json::from_value(value.clone())
            .map_err(|e| RenderErrorReason::Other(format!("`md` espera un campo Markdown: {e}")))?;
        out.write(&(self.0)(&blocks))?;
        Ok(())
    }
}

handlebars_helper!(pct: |x: f64| format!("{:.2}", (x * 100.0).clamp(0.0, 100.0)));
handlebars_helper!(inc: |i: u64| i + 1);
handlebars_helper!(join: |xs: array| xs.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", "));
handlebars_helper!(ancho: |desde: f64, hasta: f64| format!("{:.2}", ((hasta - desde) * 100.0).clamp(0.5, 100.0)));
handlebars_helper!(ratio: |a: f64, b: f64| format!("{:.2}", if b > 0.0 { (a / b * 100.0).clamp(0.0, 100.0) } else { 0.0 }));

/// Renders `data` with the template `name`, escaping and writing Markdown fields as `lenguaje`
/// does.
pub fn render(
    name: &str,
    data: &impl serde::Serialize,
    lenguaje: Lenguaje,
    plantillas: &Plantillas,
) -> Result<String, TemplateError> {
    let plantilla = plantillas
        .get(name)
        .map_err(|e| TemplateError::mensaje(e.to_string()))?
        .ok_or_else(|| TemplateError::mensaje(format!("no existe la plantilla {name}")))?;
    let mut hbs = Handlebars::new();
    hbs.set_strict_mode(true);
    hbs.register_escape_fn(lenguaje.escape);
    hbs.register_helper("md", Box::new(Md(lenguaje.bloques)));
    hbs.register_helper("pct", Box::new(pct));
    hbs.register_helper("inc", Box::new(inc));
    hbs.register_helper("join", Box::new(join));
    hbs.register_helper("ancho", Box::new(ancho));
    hbs.register_helper("ratio", Box::new(ratio));
    let located = |pos: Option<(usize, usize)>, reason: String| TemplateError {
        archivo: plantilla.origen.clone(),
        linea: pos.map(|p| p.0),
        columna: pos.map(|p| p.1),
        mensaje: reason,
    };
    hbs.register_template_string(name, &plantilla.texto)
        .map_err(|e| located(e.pos(), e.reason().to_string()))?;
    hbs.render(name, data)
        .map_err(|e| located(e.line_no.zip(e.column_no), e.reason().to_string()))
}
