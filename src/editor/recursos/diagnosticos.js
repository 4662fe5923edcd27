// Los diagnósticos del plan en la página, como los resume el servidor (editor/lugares.rs): cada
// mensaje junto a su campo (con aria-invalid y enlazado por aria-describedby), una insignia en
// la cabecera de un elemento cerrado que tiene problemas, la cuenta de cada sección en la lista
// de secciones y, en el panel, la cuenta honesta de todo el plan y los mensajes de la sección
// abierta. Los códigos de regla y las rutas quedan para el asesor, en una línea de detalle.

import { $, el } from './dom.js';
import { idDe } from './controles.js';
import { S, clave } from './estado.js';
import { plural } from './numeros.js';

/** La palabra que abre un mensaje (el color no es la única señal). */
function titulo(a) {
  if (a.pendiente) return 'Por completar';
  return { error: 'Error', advertencia: 'Advertencia', sugerencia: 'Sugerencia' }[a.severidad] || 'Aviso';
}

const clase = (a) => (a.pendiente ? 'pendiente' : a.severidad);

/** El párrafo de un diagnóstico: el mensaje, cómo resolverlo y, para el asesor, el detalle. */
function parrafo(a, { lugar = false } = {}) {
  const p = el('div', { clase: `diag ${clase(a)}` },
    el('strong', { texto: `${titulo(a)}: ` }), lugar ? `${a.lugar}. ` : '', a.mensaje);
  if (a.ayuda) p.append(el('br'), el('span', { clase: 'como', texto: a.ayuda }));
  if (S.asesor && a.detalle) p.append(el('br'), el('span', { clase: 'detalle', texto: a.detalle }));
  return p;
}

/** Dónde va en el formulario un diagnóstico: el lugar de mensajes del campo más cercano, o el
 * elemento cerrado que lo contiene. */
function destino(camino) {
  for (let n = camino.length; n > 0; n--) {
    const parte = camino.slice(0, n);
    const id = idDe(parte);
    const mensajes = document.getElementById(`${id}-mensajes`);
    if (mensajes && !mensajes.closest('[hidden]')) return { mensajes, control: document.getElementById(id) };
    const item = document.querySelector(`#formulario .item[data-item][data-camino="${CSS.escape(clave(parte))}"]`);
    if (item && item.querySelector(':scope > .cuerpo[hidden]')) return { item };
  }
  return null;
}

/** Pinta los diagnósticos de la sección abierta en su formulario, las cuentas de las secciones y
 * el panel. */
export function pintarDiagnosticos({ irA }) {
  const f = $('#formulario');
  f.querySelectorAll('.mensajes').forEach((n) => n.replaceChildren());
  f.querySelectorAll('[aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
  f.querySelectorAll('.insignia.diag-item').forEach((n) => n.remove());
  f.querySelectorAll('.con-error').forEach((n) => n.classList.remove('con-error'));
  const deSeccion = S.resumen.avisos.filter((a) => a.seccion === S.seccion);
  const porItem = new Map();
  for (const a of deSeccion) {
    const d = destino(a.camino);
    if (!d) continue;
    if (d.item) { porItem.set(d.item, (porItem.get(d.item) || 0) + 1); continue; }
    d.mensajes.append(parrafo(a));
    d.mensajes.parentElement.classList.add('con-error');
    if (d.control && d.control.matches('input, textarea, select')) d.control.setAttribute('aria-invalid', 'true');
  }
  for (const [item, n] of porItem) {
    item.querySelector('.cabeza .abrir').append(' ', el('span', { clase: 'insignia diag-item', texto: plural(n, 'problema', 'problemas') }));
  }
  pintarSecciones({ irA });
  pintarPanel(deSeccion, { irA });
}

/** La lista de secciones, con la cuenta de cada una. */
export function pintarSecciones({ irA }) {
  const nav = $('#secciones');
  const activo = nav.contains(document.activeElement) ? document.activeElement.id : null;
  const lista = el('ul', {});
  for (const s of S.formato.secciones) {
    const cuenta = S.resumen.secciones[s.id];
    const b = el('button', {
      type: 'button', id: `seccion-${s.id}`, 'aria-current': s.id === S.seccion ? 'page' : null,
      onclick: () => irA([], s.id),
    }, el('span', { clase: 'nombre-seccion', texto: s.titulo }));
    if (cuenta && cuenta.texto && (cuenta.pendientes || cuenta.errores || cuenta.avisos)) {
      b.append(el('span', { clase: `progreso${cuenta.errores ? ' con-errores' : ''}`, texto: cuenta.texto }));
    }
    lista.append(el('li', {}, b));
  }
  // «de» + «el plan» se escribe «del plan».
  const nombreNav = `Secciones de${S.formato.nombre.slice(1)}`;
  nav.setAttribute('aria-label', nombreNav);
  nav.replaceChildren(el('h2', { clase: 'oculto', texto: nombreNav }), lista);
  if (activo) document.getElementById(activo)?.focus();
}

/** El panel: la cuenta de todo el plan y los mensajes de la sección abierta (cada uno lleva a su
 * campo). */
function pintarPanel(deSeccion, { irA }) {
  const total = S.resumen.total;
  const vacio = !(total.pendientes || total.errores || total.avisos);
  const nombre = S.formato.nombre;
  $('#resumen-conteo').textContent = vacio ? `${nombre[0].toUpperCase()}${nombre.slice(1)} no tiene problemas.` : `En todo ${nombre}: ${total.texto}.`;
  const lista = $('#resumen');
  lista.replaceChildren();
  const s = S.formato.secciones.find((x) => x.id === S.seccion);
  $('#resumen-titulo').textContent = deSeccion.length ? `En «${s.titulo}»` : `«${s.titulo}» no tiene problemas`;
  deSeccion.slice(0, 300).forEach((a, i) => {
    lista.append(el('li', {}, el('button', {
      type: 'button', clase: `enlace diag-enlace ${clase(a)}`, id: `diag-${i}`,
      onclick: () => irA(a.camino, a.seccion),
    }, `${titulo(a)}: ${a.lugar}. ${a.mensaje}`), S.asesor && a.detalle ? el('span', { clase: 'detalle', texto: ` ${a.detalle}` }) : null));
  });
  if (deSeccion.length > 300) lista.append(el('li', { texto: `Y ${deSeccion.length - 300} más: corrija estos primero.` }));
  const otras = S.formato.secciones.filter((x) => x.id !== S.seccion && S.resumen.secciones[x.id] && (S.resumen.secciones[x.id].pendientes || S.resumen.secciones[x.id].errores || S.resumen.secciones[x.id].avisos));
  const cont = $('#otras-secciones');
  cont.replaceChildren();
  if (otras.length) {
    cont.append(el('h3', { texto: 'Otras secciones' }), el('ul', {}, ...otras.map((x) => el('li', {},
      el('button', { type: 'button', clase: 'enlace', onclick: () => irA([], x.id) }, `${x.titulo}: ${S.resumen.secciones[x.id].texto}`)))));
  }
}
