// El diálogo de confirmación (cambios sin guardar, conflictos, copia de recuperación): modal,
// el foco entra en él y no sale con Tab, Escape elige la opción que no pierde nada, y al
// cerrarse el foco vuelve a donde estaba.

import { $, el } from './dom.js';

/**
 * Muestra `texto` con `botones` ([texto, valor], el primero es el que no pierde nada) y devuelve
 * el valor del botón elegido; Escape devuelve el valor del primero.
 */
export function dialogo(texto, botones) {
  const d = $('#dialogo');
  const fondo = $('#fondo-dialogo');
  const antes = document.activeElement;
  $('#dialogo-texto').textContent = texto;
  const caja = $('#dialogo-botones');
  caja.replaceChildren();
  return new Promise((resolver) => {
    const cerrar = (v) => {
      d.hidden = true;
      fondo.hidden = true;
      d.removeEventListener('keydown', teclas);
      for (const n of document.querySelectorAll('[data-inerte-dialogo]')) { n.inert = false; n.removeAttribute('data-inerte-dialogo'); }
      if (antes && document.contains(antes) && !antes.closest('[hidden]')) antes.focus();
      else $('#contenido-titulo')?.focus();
      resolver(v);
    };
    const nodos = botones.map(([t, v], i) => el('button', { type: 'button', clase: i === 0 ? 'principal' : null, texto: t, onclick: () => cerrar(v) }));
    caja.append(...nodos);
    const teclas = (ev) => {
      if (ev.key === 'Escape') { ev.preventDefault(); cerrar(botones[0][1]); return; }
      if (ev.key !== 'Tab') return;
      const primero = nodos[0];
      const ultimo = nodos[nodos.length - 1];
      if (ev.shiftKey && document.activeElement === primero) { ev.preventDefault(); ultimo.focus(); }
      else if (!ev.shiftKey && document.activeElement === ultimo) { ev.preventDefault(); primero.focus(); }
    };
    d.addEventListener('keydown', teclas);
    // Lo demás de la página queda inerte mientras el diálogo está abierto.
    for (const n of document.body.children) {
      if (n === d || n === fondo || n.inert) continue;
      n.inert = true;
      n.setAttribute('data-inerte-dialogo', '');
    }
    fondo.hidden = false;
    d.hidden = false;
    nodos[0].focus();
  });
}
