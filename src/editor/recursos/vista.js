// La vista previa: las páginas del documento imprimible como imágenes, pedidas al servidor
// (POST /api/vista) un momento después de cada cambio. Solo llegan las páginas que cambiaron
// (el servidor recibe los hashes de las que la página ya tiene). Mientras el plan tiene errores
// es un borrador de lo que ya está lleno, y lo dice. La página que contiene lo último que se
// editó se destaca y se muestra.

import { $, el, plegar } from './dom.js';
import { api } from './api.js';
import { S, leer } from './estado.js';

let turno = 0;

/** Pide la vista previa del archivo tal como está en la página. */
export async function actualizarVista() {
  if (!S.archivo) return;
  const mio = ++turno;
  const archivo = S.archivo;
  const tengo = S.paginas.map((p) => p.hash);
  const r = await api('POST', '/api/vista', { archivo, version: S.version, valor: S.valor, tengo });
  if (mio !== turno || archivo !== S.archivo) return;
  const aviso = $('#vista-aviso');
  if (!r.ok || r.datos.aviso) {
    aviso.textContent = (r.datos && (r.datos.aviso || r.datos.mensaje)) || 'No hay vista previa por ahora.';
    return;
  }
  const anteriores = new Map(S.paginas.map((p) => [p.hash, p]));
  const nuevas = r.datos.paginas.map((p) => {
    if (p.svg === undefined) return anteriores.get(p.hash);
    const url = URL.createObjectURL(new Blob([p.svg], { type: 'image/svg+xml' }));
    return { hash: p.hash, url, texto: p.texto };
  }).filter(Boolean);
  const usadas = new Set(nuevas.map((p) => p.url));
  for (const p of S.paginas) if (!usadas.has(p.url)) URL.revokeObjectURL(p.url);
  S.paginas = nuevas;
  S.borrador = r.datos.borrador;
  const n = nuevas.length;
  aviso.textContent = S.borrador
    ? `Borrador: ${n === 1 ? '1 página' : `${n} páginas`} con lo que ya está lleno. ${S.formato.documento[0].toUpperCase()}${S.formato.documento.slice(1)} final sale cuando ${S.formato.nombre} no tenga errores.`
    : `${n === 1 ? '1 página' : `${n} páginas`}, como se imprimirán.`;
  $('#vista').classList.toggle('borrador', S.borrador);
  pintarPaginas();
}

/** Las imágenes de las páginas: se reemplazan solo las que cambiaron. */
function pintarPaginas() {
  const caja = $('#vista');
  const imgs = caja.querySelectorAll('img');
  S.paginas.forEach((p, i) => {
    let img = imgs[i];
    if (!img) { img = el('img', {}); caja.append(img); }
    img.alt = `Página ${i + 1} de ${S.paginas.length}${S.borrador ? ' (borrador)' : ''}`;
    if (img.getAttribute('src') !== p.url) img.src = p.url;
    img.classList.remove('destacada');
  });
  for (let i = S.paginas.length; i < imgs.length; i++) imgs[i].remove();
  destacar();
}

/** El texto que nombra lo último que se editó (el elemento que lo contiene). */
function buscado() {
  if (!S.ultimoCampo) return '';
  const i = S.ultimoCampo.findIndex((s) => typeof s === 'number');
  const v = leer(i >= 0 ? S.ultimoCampo.slice(0, i + 1) : S.ultimoCampo);
  const t = typeof v === 'string' ? v : (v && typeof v === 'object' ? (v.descripcion || v.titulo || v.nombre || '') : '');
  return plegar(t).replace(/\s+/g, ' ').slice(0, 40);
}

/** Destaca y muestra la página que contiene lo último que se editó. */
function destacar() {
  const q = buscado();
  if (q.length < 4) return;
  const i = S.paginas.findIndex((p) => plegar(p.texto).includes(q));
  if (i < 0) return;
  const caja = $('#vista');
  const img = caja.querySelectorAll('img')[i];
  img.classList.add('destacada');
  const panel = $('#panel');
  // Las páginas recién llegadas todavía no tienen alto: se espera a que carguen.
  const listas = [...caja.querySelectorAll('img')].map((x) => (x.complete ? null : new Promise((ok) => x.addEventListener('load', ok, { once: true }))));
  Promise.all(listas).then(() => {
    panel.scrollTop += img.getBoundingClientRect().top - panel.getBoundingClientRect().top - 40;
  });
}

/** Vacía la vista previa (al volver a la lista de planes). */
export function vaciarVista() {
  turno++;
  for (const p of S.paginas) URL.revokeObjectURL(p.url);
  S.paginas = [];
  $('#vista').replaceChildren();
  $('#vista-aviso').textContent = '';
}
