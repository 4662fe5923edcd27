//! What every view of the editor must be, checked in the browser: no accessibility violation
//! (axe-core), no word of a program's English and no YAML path on screen, required fields marked
//! the same way, a focus indicator that stands out, and after every action the focus on what it
//! acted on, visible, never on the page's body nor under the toolbar.

use crate::navegador::Navegador;

use serde_json::json;

/// Words of a program's English (or of its internals) that must never reach an official's
/// screen. Case-sensitive: «Error:» opens a Spanish message.
const AJENAS: &[&str] = &[
    "invalid",
    "expected",
    "error:",
    "null",
    "undefined",
    "string",
    "NaN",
    "[object",
    "serde",
    "unwrap",
    "panicked",
];

/// What every view must be: no accessibility violation, no foreign word on screen.
pub(crate) fn revisar(n: &mut Navegador, vista: &str) {
    if let Some(v) = n.violaciones() {
        assert!(
            v.is_empty(),
            "axe on «{vista}»:\n{}",
            crate::axe::describir(&v)
        );
    }
    let texto = n.js("document.body.innerText");
    let texto = texto.as_str().unwrap();
    for palabra in AJENAS {
        assert!(
            !texto.contains(palabra),
            "«{palabra}» on screen in «{vista}»:\n{texto}"
        );
    }
    // Places as the form names them, values by their names: no YAML path (`casos[1]`), no code
    // between backquotes, unless the adviser asked for the details.
    if n.js("document.querySelector('#modo-asesor').checked") != json!(true) {
        assert!(
            !texto.contains('`'),
            "a code on screen in «{vista}»:\n{texto}"
        );
        assert!(
            !ruta_yaml(texto),
            "a YAML path on screen in «{vista}»:\n{texto}"
        );
    }
    // Required fields are marked the same way everywhere: the label says so and so does
    // `aria-required`.
    let desiguales = n.js("[...document.querySelectorAll('#formulario .campo > label')].filter((l) => { const c = document.getElementById(l.htmlFor); return c && l.textContent.endsWith('(obligatorio)') !== (c.getAttribute('aria-required') === 'true'); }).map((l) => l.textContent)");
    assert_eq!(desiguales, json!([]), "in «{vista}»");
}

/// Whether `texto` holds a YAML path like `casos[1]`.
fn ruta_yaml(texto: &str) -> bool {
    let b = texto.as_bytes();
    (1..b.len()).any(|i| {
        b[i] == b'['
            && b[i - 1].is_ascii_lowercase()
            && b[i + 1..]
                .iter()
                .position(|c| !c.is_ascii_digit())
                .is_some_and(|n| n > 0 && b[i + 1 + n] == b']')
    })
}

/// The contrast of the focus indicator of the element `selector`, focused: the better of its
/// two rings (outline and the shadow around it) against what is behind the element.
pub(crate) fn contraste_del_foco(n: &mut Navegador, selector: &str) -> f64 {
    let sel = serde_json::to_string(selector).unwrap();
    n.js(&format!(
        r#"(() => {{
  const e = document.querySelector({sel});
  e.focus({{ focusVisible: true }});
  const rgb = (c) => (c.match(/\d+(\.\d+)?/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {{ const f = (v) => {{ v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }}; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); }};
  const ratio = (a, b) => {{ const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }};
  let fondo = e.parentElement;
  while (fondo && ['transparent', 'rgba(0, 0, 0, 0)'].includes(getComputedStyle(fondo).backgroundColor)) fondo = fondo.parentElement;
  const atras = rgb(getComputedStyle(fondo || document.body).backgroundColor);
  const s = getComputedStyle(e);
  const anillos = [rgb(s.outlineColor), rgb(s.boxShadow)].filter((c) => c.length === 3);
  return Math.max(...anillos.map((c) => ratio(c, atras)));
}})()"#
    ))
    .as_f64()
    .unwrap()
}

/// After an action, the focus is where it should be (and never on the page's body).
pub(crate) fn foco(n: &mut Navegador, accion: &str, esperado: impl Fn(&str) -> bool) {
    let f = n.foco();
    assert!(f != "BODY" && esperado(&f), "focus after {accion}: {f}");
    // Not hidden under the toolbar that stays at the top (WCAG 2.4.11).
    let tapado = n.js("(() => { const e = document.activeElement; const barra = document.querySelector('.barra'); if (barra.contains(e) || document.querySelector('#dialogo').contains(e)) return false; e.scrollIntoView({ block: 'nearest' }); return e.getBoundingClientRect().top < barra.getBoundingClientRect().bottom - 1; })()");
    assert_eq!(
        tapado,
        json!(false),
        "focus under the toolbar after {accion}: {f}"
    );
}
