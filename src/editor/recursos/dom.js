// Ayudas para construir la página. El texto de un plan se inserta siempre como texto
// (textContent), nunca como HTML: un plan no puede agregar marcado ni guiones a la página.

export const $ = (sel) => document.querySelector(sel);

let uid = 0;
/** Un id nuevo para enlazar etiquetas, ayudas y mensajes. */
export const nuevoId = (p) => `c${++uid}-${p}`;

/** Un elemento con atributos (`texto` es su texto; `on…`, sus eventos) e hijos. */
export function el(tag, attrs, ...hijos) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'texto') n.textContent = v;
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else if (k === 'clase') n.className = v;
    else n.setAttribute(k, v === true ? '' : v);
  }
  for (const h of hijos) if (h !== null && h !== undefined && h !== false) n.append(h);
  return n;
}

/** Un texto sin tildes y en minúsculas, para buscar. */
export const plegar = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Anuncia `texto` a quien usa un lector de pantalla (región `aria-live` cortés). */
export function anunciar(texto) {
  const r = $('#anuncio');
  if (!r) return;
  r.textContent = '';
  setTimeout(() => { r.textContent = texto; }, 30);
}

/** El aviso de la página (errores de la comunicación, confirmaciones); vacío lo oculta. */
export function aviso(texto, { boton } = {}) {
  const a = $('#aviso');
  a.replaceChildren();
  if (!texto) { a.hidden = true; return; }
  a.append(el('span', { texto }));
  if (boton) a.append(' ', el('button', { type: 'button', texto: boton.texto, onclick: boton.accion }));
  a.append(' ', el('button', { type: 'button', clase: 'cerrar', 'aria-label': 'Cerrar el aviso', texto: '×', onclick: () => { aviso(''); $('#titulo').focus(); } }));
  a.hidden = false;
}
