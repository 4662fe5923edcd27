//! The Handlebars renderers (HTML and Markdown), built like mdBook's: embedded templates that
//! `--plantillas DIR` overrides one file at a time, strict mode on, so that a template naming a
//! field that does not exist fails with the template's name, line and column instead of printing
//! nothing.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderErrorReason,
    handlebars_helper,
};

use super::cmark::Bloque;
use super::document::Document;
use super::templates::Plantillas;
use super::{html, markdown};

/// A Handlebars output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formato {
    /// `plan.html.hbs`.
    Html,
    /// `plan.md.hbs`.
    Markdown,
}

impl Formato {
    /// The main template of the format.
    pub fn plantilla(self) -> &'static str {
        match self {
            Formato::Html => "plan.html.hbs",
            Formato::Markdown => "plan.md.hbs",
        }
    }

    fn escape(self) -> fn(&str) -> String {
        match self {
            Formato::Html => html::escape,
            Formato::Markdown => markdown::escape,
        }
    }

    fn bloques(self) -> fn(&[Bloque]) -> String {
        match self {
            Formato::Html => html::bloques,
            Formato::Markdown => markdown::bloques,
        }
    }
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
handlebars_helper!(join: |xs: array| xs.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(", "));
handlebars_helper!(ancho: |desde: f64, hasta: f64| format!("{:.2}", ((hasta - desde) * 100.0).clamp(0.5, 100.0)));
handlebars_helper!(ratio: |a: f64, b: f64| format!("{:.2}", if b > 0.0 { (a / b * 100.0).clamp(0.0, 100.0) } else { 0.0 }));

/// Renders `document` in `formato` with the templates of `plantillas`.
pub fn render(
    document: &Document,
    formato: Formato,
    plantillas: &Plantillas,
) -> Result<String, String> {
    render_with(formato.plantilla(), document, formato, plantillas)
}

/// Renders `data` with the template `name`, escaping and writing Markdown fields as `formato`
/// does.
pub fn render_with(
    name: &str,
    data: &impl serde::Serialize,
    formato: Formato,
    plantillas: &Plantillas,
) -> Result<String, String> {
    let plantilla = plantillas
        .get(name)?
        .ok_or_else(|| format!("no existe la plantilla {name}"))?;
    let mut hbs = Handlebars::new();
    hbs.set_strict_mode(true);
    hbs.register_escape_fn(formato.escape());
    hbs.register_helper("md", Box::new(Md(formato.bloques())));
    hbs.register_helper("pct", Box::new(pct));
    hbs.register_helper("join", Box::new(join));
    hbs.register_helper("ancho", Box::new(ancho));
    hbs.register_helper("ratio", Box::new(ratio));
    let located = |pos: Option<(usize, usize)>, reason: String| {
        let at = pos.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default();
        format!("{}{at}: {reason}", plantilla.origen)
    };
    hbs.register_template_string(name, &plantilla.texto)
        .map_err(|e| located(e.pos(), e.reason().to_string()))?;
    hbs.render(name, data)
        .map_err(|e| located(e.line_no.zip(e.column_no), e.reason().to_string()))
}
