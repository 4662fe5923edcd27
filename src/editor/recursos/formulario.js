// El formulario de una sección del archivo abierto (un plan o su seguimiento), construido del
// catálogo de campos que sirve el servidor (GET /api/formato): cada sección muestra sus claves; un grupo es un conjunto de
// campos con su leyenda; una lista muestra sus elementos plegados, con su nombre en la cabecera
// (que se actualiza mientras se escribe), y se agregan, quitan y mueven sin perder el foco.
// Este módulo no guarda estado propio: lo que está abierto, filtrado o mostrado vive en S.

import { $, el, plegar, anunciar } from './dom.js';
import { control, etiqueta, idDe } from './controles.js';
import { escribirNumero } from './numeros.js';
import { S, campoDe, clave, estructural, leer, nuevoItem, resumenItem } from './estado.js';

/** Cuántos elementos de una lista se muestran de una vez. */
const TANDA = 100;

/** La sección que se edita, del catálogo. */
export const seccionActual = () => S.formato.secciones.find((s) => s.id === S.seccion) || S.formato.secciones[0];

/** El id del título de la sección (recibe el foco al cambiar de sección). */
export const ID_TITULO = 'titulo-seccion';

let repintar = (o) => enfocar(pintarFormulario(o));
let propio = () => null;
/** Lo que reemplaza el botón «Agregar» de una lista cuyos elementos no se crean vacíos: `f(camino)`
 * devuelve el nodo (el formulario de un corte nuevo del seguimiento, que escribe el servidor) o
 * null para el botón de siempre. */
export function agregarPropio(f) { propio = f; }
/** Lo que repinta la página entera (el formulario, sus diagnósticos y sus observaciones) y
 * pone el foco; los botones de este módulo lo llaman. */
export function alRepintar(f) { repintar = f; }

/**
 * Pinta la sección actual y devuelve el id del control que debe recibir el foco: el que lo
 * tenía (los ids de los controles son los mismos en cada repintado) o, si se indica, `foco`
 * (un id, o una función que lo da una vez pintado el formulario).
 */
export function pintarFormulario({ foco } = {}) {
  const f = $('#formulario');
  const activo = document.activeElement && f.contains(document.activeElement) ? document.activeElement.id : null;
  const s = seccionActual();
  const partes = [
    el('h2', { id: ID_TITULO, tabindex: '-1', texto: s.titulo }),
    el('p', { clase: 'ayuda-seccion', texto: s.ayuda }),
  ];
  for (const k of s.claves) {
    const campo = S.formato.campos.find((c) => c.clave === k);
    if (campo) partes.push(pintarCampo(campo, [k], 3));
  }
  if (s.vista) partes.push(...vistaDeLista(s.vista[0], s.vista[1]));
  f.replaceChildren(...partes);
  return (typeof foco === 'function' ? foco() : foco) || activo;
}

/** Pone el foco en el elemento con `id`; si ya no está (o está desactivado), en la cabecera de
 * su elemento o en el título de la sección: nunca queda en el cuerpo de la página. */
export function enfocar(id) {
  let n = id ? document.getElementById(id) : null;
  if (n && (n.disabled || n.closest('[hidden]'))) n = n.closest('.item')?.querySelector('.abrir') || null;
  if (!n && !id) return;
  if (!n) n = document.getElementById(ID_TITULO);
  if (!n) return;
  n.focus();
  if (n.matches('input[type=text], input[type=search], textarea')) n.setSelectionRange(n.value.length, n.value.length);
}

/** Un campo: un grupo, una lista o un control. `nivel` es el del título de una lista. */
function pintarCampo(campo, camino, nivel) {
  const t = campo.tipo;
  if (t.tipo === 'grupo') {
    const caja = el('fieldset', { clase: 'campo grupo', 'data-camino': clave(camino) },
      el('legend', { texto: etiqueta(campo) }),
      el('p', { clase: 'ayuda', id: `${idDe(camino)}-ayuda`, texto: campo.ayuda }));
    for (const c of t.campos) caja.append(pintarCampo(c, [...camino, c.clave], nivel + 1));
    caja.append(el('div', { clase: 'mensajes', id: `${idDe(camino)}-mensajes` }));
    return caja;
  }
  if (t.tipo === 'lista') return pintarLista(campo, camino, nivel);
  return control(campo, camino);
}

// ---------------------------------------------------------------- listas

/** Una lista de elementos: título, ayuda, buscador (si son muchos), elementos y «Agregar». */
function pintarLista(campo, camino, nivel) {
  const lista = campo.tipo.lista;
  const items = leer(camino) || [];
  const k = clave(camino);
  const idLista = idDe(camino);
  const caja = el('section', { clase: 'lista', 'data-camino': k, 'aria-labelledby': `${idLista}-titulo` },
    el(`h${Math.min(nivel, 6)}`, { id: `${idLista}-titulo`, texto: etiqueta(campo) }),
    el('p', { clase: 'ayuda', id: `${idLista}-ayuda`, texto: campo.ayuda }),
    el('div', { clase: 'mensajes', id: `${idLista}-mensajes` }));
  if (items.length > 20) {
    const idFiltro = `${idLista}-buscar`;
    const filtro = el('input', { id: idFiltro, type: 'search', value: S.filtro[k] || '' });
    filtro.addEventListener('input', () => { S.filtro[k] = filtro.value; S.mostrar[k] = TANDA; repintar({ foco: idFiltro }); });
    caja.append(el('div', { clase: 'campo' }, el('label', { for: idFiltro, texto: `Buscar en ${lista.plural}` }), filtro));
  }
  const q = plegar(S.filtro[k] || '');
  const indices = items.map((_, i) => i).filter((i) => !q || plegar(resumenItem(lista, items[i], i)).includes(q));
  const max = S.mostrar[k] || TANDA;
  const cont = el('div', { clase: 'items' });
  for (const i of indices.slice(0, max)) cont.append(pintarItem(lista, camino, i, items.length, nivel));
  caja.append(cont);
  if (q) caja.append(el('p', { clase: 'ayuda', 'aria-live': 'polite', texto: `${indices.length} de ${items.length} ${lista.plural} coinciden con la búsqueda.` }));
  if (indices.length > max) {
    caja.append(el('button', {
      type: 'button', id: `${idLista}-mas`,
      texto: `Mostrar ${Math.min(TANDA, indices.length - max)} más (quedan ${indices.length - max})`,
      onclick: () => { S.mostrar[k] = max + TANDA; repintar({ foco: `${idLista}-mas` }); },
    }));
  }
  caja.append(propio(camino) || el('button', {
    type: 'button', clase: 'principal', id: `${idLista}-agregar`, texto: `Agregar ${lista.singular}`,
    onclick: () => agregar(lista, camino),
  }));
  return caja;
}

/** El contexto de un elemento nuevo: el período del plan y las etapas de la ruta. */
function contexto() {
  const p = leer(['periodo']) || {};
  return { inicio: p.inicio, fin: p.fin, etapas: S.catalogos.etapas || [] };
}

/** Agrega un elemento al final de la lista, lo abre y pone el foco en su primer campo. */
function agregar(lista, camino) {
  let nuevo;
  estructural(() => {
    const items = leer(camino);
    const item = nuevoItem(lista, items, contexto());
    if (Array.isArray(items)) items.push(item);
    else ponerLista(camino, [item]);
    nuevo = [...camino, leer(camino).length - 1];
    S.abiertos.add(clave(nuevo));
    S.mostrar[clave(camino)] = Math.max(S.mostrar[clave(camino)] || TANDA, leer(camino).length);
    S.filtro[clave(camino)] = '';
    S.ultimoCampo = nuevo;
  }, { foco: () => primerControl(nuevo) });
  anunciar(`Se agregó ${lista.singular}: ${resumenItem(lista, leer(nuevo), nuevo[nuevo.length - 1])}.`);
}

/** Crea la lista en `camino` (y los grupos que la contienen). */
function ponerLista(camino, items) {
  let n = S.valor;
  for (const s of camino.slice(0, -1)) {
    if (n[s] === undefined || n[s] === null) n[s] = {};
    n = n[s];
  }
  n[camino[camino.length - 1]] = items;
}

/** El id del primer control de un elemento abierto. */
function primerControl(camino) {
  const cuerpo = document.getElementById(`${idDe(camino)}-cuerpo`);
  const c = cuerpo && cuerpo.querySelector('input, textarea, select');
  return c ? c.id : `${idDe(camino)}-abrir`;
}

/** Un elemento de una lista: la cabecera (abrir o cerrar, subir, bajar, quitar) y sus campos. */
function pintarItem(lista, base, i, n, nivel) {
  const camino = [...base, i];
  const k = clave(camino);
  const id = idDe(camino);
  const abierto = S.abiertos.has(k);
  const nombre = resumenItem(lista, leer(camino), i);
  const caja = el('div', { clase: 'item', 'data-camino': k, 'data-item': '' });
  const cabeza = el('div', { clase: 'cabeza' },
    el('button', {
      type: 'button', clase: 'enlace abrir', id: `${id}-abrir`, 'aria-expanded': abierto ? 'true' : 'false', 'aria-controls': `${id}-cuerpo`,
      onclick: () => {
        if (abierto) S.abiertos.delete(k); else S.abiertos.add(k);
        repintar({ foco: `${id}-abrir` });
      },
    }, el('span', { clase: 'resumen', texto: nombre })),
    el('button', { type: 'button', id: `${id}-subir`, 'aria-label': `Subir ${nombre}`, texto: '↑', disabled: i === 0, onclick: () => mover(lista, base, i, -1) }),
    el('button', { type: 'button', id: `${id}-bajar`, 'aria-label': `Bajar ${nombre}`, texto: '↓', disabled: i === n - 1, onclick: () => mover(lista, base, i, 1) }),
    el('button', { type: 'button', clase: 'peligro', id: `${id}-quitar`, 'aria-label': `Quitar ${nombre}`, texto: 'Quitar', onclick: () => quitarItem(lista, base, i, nombre) }));
  caja.append(cabeza);
  const cuerpo = el('div', { clase: 'cuerpo', id: `${id}-cuerpo`, hidden: !abierto });
  if (abierto) {
    for (const c of lista.campos) cuerpo.append(pintarCampo(c, [...camino, c.clave], nivel + 1));
  }
  caja.append(cuerpo);
  return caja;
}

/** Mueve un elemento un lugar; lo abierto se mueve con él y el foco sigue al botón pulsado. */
function mover(lista, base, i, d) {
  const j = i + d;
  const items = leer(base);
  if (!items || j < 0 || j >= items.length) return;
  const a = clave([...base, i]);
  const b = clave([...base, j]);
  const boton = d < 0 ? 'subir' : 'bajar';
  // Al llegar al extremo el botón pulsado queda desactivado: el foco pasa al otro.
  const destino = j === 0 || j === items.length - 1 ? (d < 0 ? 'bajar' : 'subir') : boton;
  estructural(() => {
    [items[i], items[j]] = [items[j], items[i]];
    const ai = S.abiertos.has(a);
    const bi = S.abiertos.has(b);
    S.abiertos.delete(a); S.abiertos.delete(b);
    if (ai) S.abiertos.add(b);
    if (bi) S.abiertos.add(a);
  }, { foco: () => `${idDe([...base, j])}-${items.length > 1 ? destino : 'abrir'}` });
  anunciar(`${resumenItem(lista, items[j], j)}: ahora en el lugar ${j + 1} de ${items.length}.`);
}

/** Quita un elemento; el aviso con «Deshacer» queda hasta que se cierra o hasta la próxima acción. */
function quitarItem(lista, base, i, nombre) {
  const items = leer(base);
  estructural(() => {
    items.splice(i, 1);
    // Lo abierto de los elementos que siguen sube un lugar.
    const abiertos = [...S.abiertos];
    S.abiertos.clear();
    for (const x of abiertos) {
      const c = JSON.parse(x);
      const dentro = c.length > base.length && clave(c.slice(0, base.length)) === clave(base);
      const pos = c[base.length];
      if (!dentro || pos < i) S.abiertos.add(x);
      else if (pos > i) { c[base.length] = pos - 1; S.abiertos.add(clave(c)); }
    }
  }, {
    foco: () => (items.length ? `${idDe([...base, Math.min(i, items.length - 1)])}-abrir` : `${idDe(base)}-agregar`),
    aviso: { texto: `Se quitó ${nombre}.`, deshacer: true, foco: `${idDe([...base, i])}-abrir` },
  });
}

/** Actualiza las cabeceras de los elementos que contienen `camino` (mientras se escribe). */
export function actualizarCabeceras(camino) {
  for (let n = camino.length; n > 0; n--) {
    if (typeof camino[n - 1] !== 'number') continue;
    const item = camino.slice(0, n);
    const lista = campoDe(item.slice(0, -1));
    if (!lista || lista.tipo.tipo !== 'lista') continue;
    const id = idDe(item);
    const nombre = resumenItem(lista.tipo.lista, leer(item), item[item.length - 1]);
    const abrir = document.getElementById(`${id}-abrir`);
    if (!abrir) continue;
    abrir.querySelector('.resumen').textContent = nombre;
    document.getElementById(`${id}-subir`)?.setAttribute('aria-label', `Subir ${nombre}`);
    document.getElementById(`${id}-bajar`)?.setAttribute('aria-label', `Bajar ${nombre}`);
    document.getElementById(`${id}-quitar`)?.setAttribute('aria-label', `Quitar ${nombre}`);
  }
}

// ---------------------------------------------------------------- presupuesto

/** Una vista sobre un campo de cada elemento de una lista (el presupuesto de cada acción), con
 * el total del plan. */
function vistaDeLista(claveLista, claveCampo) {
  const listaCampo = S.formato.campos.find((c) => c.clave === claveLista);
  const lista = listaCampo.tipo.lista;
  const campo = lista.campos.find((c) => c.clave === claveCampo);
  const items = leer([claveLista]) || [];
  const total = items.reduce((s, a) => s + ((a && a[claveCampo] && Number(a[claveCampo].monto)) || 0), 0);
  const partes = [el('p', { clase: 'total', id: 'total-presupuesto', role: 'status', texto: `Total del plan: ${escribirNumero(total, { decimales: 2 })} dólares.` })];
  if (!items.length) {
    partes.push(el('p', { texto: `El plan todavía no tiene ${lista.plural}: agréguelas en su sección y vuelva aquí para su presupuesto.` }));
    return partes;
  }
  const k = clave([claveLista, claveCampo]);
  const max = S.mostrar[k] || TANDA;
  items.slice(0, max).forEach((item, i) => {
    const camino = [claveLista, i];
    const titulo = el('h3', { clase: 'cabeza-vista', texto: resumenItem(lista, item, i) });
    partes.push(el('div', { clase: 'item vista-item', 'data-camino': clave(camino) }, titulo,
      el('div', { clase: 'cuerpo' }, pintarCampo(campo, [...camino, claveCampo], 4))));
  });
  if (items.length > max) {
    partes.push(el('button', {
      type: 'button', id: 'presupuesto-mas', texto: `Mostrar ${Math.min(TANDA, items.length - max)} más (quedan ${items.length - max})`,
      onclick: () => { S.mostrar[k] = max + TANDA; repintar({ foco: 'presupuesto-mas' }); },
    }));
  }
  return partes;
}

/** Actualiza el total del presupuesto mientras se escribe un monto. */
export function actualizarTotal() {
  const s = seccionActual();
  const n = document.getElementById('total-presupuesto');
  if (!s.vista || !n) return;
  const items = leer([s.vista[0]]) || [];
  const total = items.reduce((t, a) => t + ((a && a[s.vista[1]] && Number(a[s.vista[1]].monto)) || 0), 0);
  n.textContent = `Total del plan: ${escribirNumero(total, { decimales: 2 })} dólares.`;
}

/** Abre los elementos que contienen `camino` y muestra su sección (sin pintarla); `buscar`
 * devuelve luego el id del nodo más cercano del formulario. */
export function abrirHasta(camino, seccion) {
  if (seccion) S.seccion = seccion;
  for (let n = 1; n <= camino.length; n++) {
    if (typeof camino[n - 1] === 'number') {
      S.abiertos.add(clave(camino.slice(0, n)));
      const base = clave(camino.slice(0, n - 1));
      S.mostrar[base] = Math.max(S.mostrar[base] || TANDA, camino[n - 1] + 1);
      S.filtro[base] = '';
    }
  }
}

/** El id del control más cercano a `camino` en el formulario pintado (el del campo, o la
 * cabecera del elemento), o el título de la sección. */
export function buscar(camino) {
  for (let n = camino.length; n > 0; n--) {
    const parte = camino.slice(0, n);
    const id = idDe(parte);
    const candidatos = [id, `${id}-abrir`, `${id}-agregar`];
    for (const c of candidatos) {
      const nodo = document.getElementById(c);
      if (nodo && nodo.matches('input, textarea, select, button')) return c;
    }
    const caja = document.querySelector(`#formulario [data-camino="${CSS.escape(clave(parte))}"]`);
    const dentro = caja && caja.querySelector('input, textarea, select, button');
    if (dentro) return dentro.id;
  }
  return ID_TITULO;
}
