// Editor de planes cantonales: formularios sobre el plan como datos, validación y vista previa
// del servidor local, guardado que conserva el archivo. Sin dependencias: todo va en el binario.
'use strict';

const CSRF = document.querySelector('meta[name="csrf"]').content;
const CLAVE = document.querySelector('meta[name="clave"]').content;
const $ = (sel) => document.querySelector(sel);

// ---------------------------------------------------------------- estado
const E = {
  archivo: null, version: null, valor: null, guardado: null,
  diags: [], catalogos: null, esquema: null, pendiente: 'POR COMPLETAR',
  seccion: 'general', abiertos: new Set(), deshacer: [], rehacer: [],
  sucio: false, nuevo: false, tocadas: new Set(), camposTocados: new Set(),
  paginas: [], ultimoCampo: null, obs: { existe: false, observaciones: [] },
  mostrar: {}, filtro: {},
};

// ---------------------------------------------------------------- utilidades
function el(tag, attrs, ...hijos) {
  const n = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'texto') n.textContent = v;
    else if (k.startsWith('on')) n.addEventListener(k.slice(2), v);
    else if (k === 'clase') n.className = v;
    else n.setAttribute(k, v === true ? '' : v);
  }
  for (const h of hijos) if (h !== null && h !== undefined) n.append(h);
  return n;
}
const copia = (v) => JSON.parse(JSON.stringify(v));
function leer(path, raiz = E.valor) {
  let n = raiz;
  for (const s of path) { if (n === null || n === undefined) return undefined; n = n[s]; }
  return n;
}
function poner(path, v) {
  let n = E.valor;
  for (let i = 0; i < path.length - 1; i++) {
    if (n[path[i]] === undefined || n[path[i]] === null || typeof n[path[i]] !== 'object') {
      n[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
    }
    n = n[path[i]];
  }
  n[path[path.length - 1]] = v;
}
const OPCIONALES = new Set(['presupuesto', 'contacto', 'aprobacion', 'pdot']);
function quitar(path) {
  const padre = leer(path.slice(0, -1));
  if (padre && typeof padre === 'object') delete padre[path[path.length - 1]];
  // Un grupo opcional que queda vacío desaparece (presupuesto, contacto, aprobación, PDOT).
  const k = path[path.length - 2];
  if (OPCIONALES.has(k) && padre && Object.keys(padre).length === 0) quitar(path.slice(0, -1));
}
let uid = 0;
const nuevoId = (p) => `c${++uid}-${p}`;
async function api(metodo, url, cuerpo) {
  const opciones = { method: metodo, headers: { 'x-cantonal-clave': CLAVE }, credentials: 'omit' };
  if (cuerpo !== undefined) {
    opciones.headers['content-type'] = 'application/json';
    opciones.headers['x-cantonal-csrf'] = CSRF;
    opciones.body = JSON.stringify(cuerpo);
  }
  const r = await fetch(url, opciones);
  const tipo = r.headers.get('content-type') || '';
  const datos = tipo.includes('json') ? await r.json() : await r.blob();
  return { ok: r.ok, status: r.status, datos };
}
function aviso(texto) {
  const a = $('#aviso');
  a.textContent = texto || '';
  a.hidden = !texto;
}
function dialogo(texto, botones) {
  return new Promise((resolve) => {
    const d = $('#dialogo');
    $('#dialogo-texto').textContent = texto;
    const caja = $('#dialogo-botones');
    caja.replaceChildren();
    for (const [etiqueta, valor] of botones) {
      caja.append(el('button', { type: 'button', texto: etiqueta, onclick: () => { d.hidden = true; resolve(valor); } }));
    }
    d.hidden = false;
    caja.firstChild.focus();
  });
}
function debounce(f, ms) {
  let t = null;
  return (...a) => { clearTimeout(t); t = setTimeout(() => f(...a), ms); };
}
const plegar = (s) => String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

// Montos y números como los escribe una persona en Ecuador: 1.500,50 (punto de miles, coma
// decimal). También se acepta 1500.50. Devuelve null si no es un número.
function leerNumero(texto) {
  let s = String(texto).trim().replace(/\s|\$|USD/gi, '');
  if (s === '') return null;
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}
function escribirNumero(n, decimales) {
  if (n === null || n === undefined || n === '') return '';
  if (typeof n !== 'number') return String(n);
  const [ent, dec] = (decimales === undefined ? String(n) : n.toFixed(decimales)).split('.');
  const miles = ent.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return dec ? `${miles},${dec}` : miles;
}

// ---------------------------------------------------------------- rutas por identificadores
function claveId(lista) { return lista === 'ruta_atencion' ? 'etapa' : 'id'; }
function rutaDe(path) {
  let out = ''; let n = E.valor; let ultima = null;
  for (const s of path) {
    if (typeof s === 'number') {
      const lista = Array.isArray(n) ? n : null;
      const item = lista ? lista[s] : undefined;
      const k = claveId(ultima);
      const id = item && typeof item === 'object' ? item[k] : undefined;
      if (lista && typeof id === 'string' && id && lista.filter((o) => o && o[k] === id).length === 1) out += '.' + id;
      else out += `[${s + 1}]`;
      n = item; ultima = null;
    } else {
      out += (out ? '.' : '') + s;
      n = n ? n[s] : undefined; ultima = s;
    }
  }
  return out;
}
function resolver(ruta) {
  const path = []; let n = E.valor; let ultima = null;
  for (const parte of ruta.split('.')) {
    const m = parte.match(/^([^[]*)(?:\[(\d+)\])?$/);
    if (!m) return null;
    const [, nombre, idx] = m;
    if (nombre) {
      if (Array.isArray(n) && idx === undefined) {
        const k = claveId(ultima);
        const i = n.findIndex((o) => o && o[k] === nombre);
        if (i < 0) return path.length ? path : null;
        path.push(i); n = n[i]; ultima = null; continue;
      }
      if (!n || typeof n !== 'object' || !(nombre in n)) return path;
      path.push(nombre); n = n[nombre]; ultima = nombre;
    }
    if (idx !== undefined) {
      const i = Number(idx) - 1;
      if (!Array.isArray(n) || !n[i]) return path;
      path.push(i); n = n[i]; ultima = null;
    }
  }
  return path;
}

// ---------------------------------------------------------------- descripción del formulario
const PROB = [['alta', 'Alta'], ['media', 'Media'], ['baja', 'Baja']];
const IMP = [['alto', 'Alto'], ['medio', 'Medio'], ['bajo', 'Bajo']];
const ESTADOS = [['borrador', 'Borrador'], ['en_revision', 'En revisión'], ['aprobado', 'Aprobado']];
const FRECUENCIAS = [['mensual', 'Mensual'], ['trimestral', 'Trimestral'], ['semestral', 'Semestral'], ['anual', 'Anual']];
const INSTRUMENTOS = [['ordenanza', 'Ordenanza'], ['resolucion', 'Resolución']];
const TIPOS_INDICADOR = [['resultado', 'De resultado (mide un cambio en la población)'], ['actividad', 'De actividad (mide lo que se hizo)']];

const RIESGO = [
  { k: 'id', t: 'id', l: 'Identificador', req: true },
  { k: 'titulo', t: 'texto', l: 'Título', req: true },
  { k: 'fines', t: 'varios', cat: 'fines', l: 'Fines de explotación' },
  { k: 'poblaciones', t: 'varios', cat: 'poblaciones', l: 'Poblaciones expuestas' },
  { k: 'zonas', t: 'lineas', l: 'Zonas del cantón (una por línea)' },
  { k: 'probabilidad', t: 'opcion', op: PROB, l: 'Probabilidad', req: true },
  { k: 'impacto', t: 'opcion', op: IMP, l: 'Impacto', req: true },
  { k: 'descripcion', t: 'parrafo', l: 'Descripción' },
];
const ACTOR = [
  { k: 'id', t: 'id', l: 'Identificador', req: true },
  { k: 'nombre', t: 'texto', l: 'Nombre', req: true },
  { k: 'tipo', t: 'uno', cat: 'tipos_actor', l: 'Tipo de actor', req: true },
  { k: 'institucion', t: 'uno', cat: 'instituciones', l: 'Institución nacional' },
  { k: 'rol', t: 'parrafo', l: 'Papel en el plan' },
  { k: ['contacto', 'telefono'], t: 'texto', l: 'Teléfono' },
  { k: ['contacto', 'correo'], t: 'texto', l: 'Correo electrónico' },
  { k: ['contacto', 'direccion'], t: 'texto', l: 'Dirección' },
];
const OBJETIVO = [
  { k: 'id', t: 'id', l: 'Identificador', req: true },
  { k: 'eje', t: 'uno', cat: 'ejes', l: 'Eje del plan nacional', req: true },
  { k: 'descripcion', t: 'texto', l: 'Descripción', req: true },
];
const ACCION = [
  { k: 'id', t: 'id', l: 'Identificador', req: true },
  { k: 'objetivo', t: 'ref', lista: 'objetivos', l: 'Objetivo', req: true },
  { k: 'descripcion', t: 'texto', l: 'Qué se hará', req: true },
  { k: 'riesgos', t: 'refs', lista: 'riesgos', l: 'Riesgos que atiende' },
  { k: 'fines', t: 'varios', cat: 'fines', l: 'Fines de explotación que atiende' },
  { k: 'poblaciones', t: 'varios', cat: 'poblaciones', l: 'Poblaciones a las que se dirige' },
  { k: 'responsable', t: 'ref', lista: 'actores', l: 'Responsable', req: true },
  { k: 'corresponsables', t: 'refs', lista: 'actores', l: 'Corresponsables' },
  { k: ['indicador', 'nombre'], t: 'texto', l: 'Indicador', req: true },
  { k: ['indicador', 'tipo'], t: 'opcion', op: TIPOS_INDICADOR, l: 'Tipo de indicador' },
  { k: ['indicador', 'unidad'], t: 'texto', l: 'Unidad de medida' },
  { k: ['indicador', 'linea_base'], t: 'numero', l: 'Línea base' },
  { k: ['indicador', 'meta'], t: 'numero', l: 'Meta' },
  { k: ['indicador', 'medio_verificacion'], t: 'texto', l: 'Medio de verificación' },
  { k: ['plazo', 'inicio'], t: 'fecha', l: 'Inicio', req: true },
  { k: ['plazo', 'fin'], t: 'fecha', l: 'Fin', req: true },
  { k: ['presupuesto', 'monto'], t: 'monto', l: 'Presupuesto (USD)' },
  { k: ['presupuesto', 'fuente'], t: 'texto', l: 'Fuente de financiamiento' },
  { k: ['presupuesto', 'asignado'], t: 'siono', l: '¿El monto ya está asignado en un presupuesto aprobado?' },
];
const ETAPA = [
  { k: 'etapa', t: 'uno', cat: 'etapas', l: 'Etapa', req: true },
  { k: 'poblacion', t: 'uno', cat: 'poblaciones_ruta', l: 'Víctimas que atiende esta entrada' },
  { k: 'responsable', t: 'ref', lista: 'actores', l: 'Quién responde' },
  { k: 'apoyo', t: 'refs', lista: 'actores', l: 'Apoyo' },
  { k: 'plazo_horas', t: 'entero', l: 'Plazo máximo (horas)' },
  { k: 'requiere', t: 'varios', cat: 'etapas', l: 'Etapas que deben cumplirse antes' },
  { k: 'evaluacion_riesgo', t: 'parrafo', l: 'Cómo se evalúa el riesgo antes del retorno o la reintegración' },
  { k: 'descripcion', t: 'parrafo', l: 'Qué se hace' },
];
const FIRMANTE = [
  { k: 'nombre', t: 'texto', l: 'Nombre', req: true },
  { k: 'cargo', t: 'texto', l: 'Cargo', req: true },
];
const OBJETIVO_PDOT = [
  { k: 'objetivo', t: 'texto', l: 'Objetivo del PDOT', req: true },
  { k: 'contribuyen', t: 'refs', lista: 'objetivos', l: 'Objetivos del plan que contribuyen', req: true },
];
const INTEGRANTE = [
  { k: 'nombre', t: 'texto', l: 'Nombre', req: true },
  { k: 'cargo', t: 'texto', l: 'Cargo' },
  { k: 'institucion', t: 'texto', l: 'Institución' },
];
const CASO = [
  { k: 'anio', t: 'entero', l: 'Año', req: true },
  { k: 'casos', t: 'entero', l: 'Casos', req: true },
  { k: 'fuente', t: 'texto', l: 'Fuente', req: true },
];
const TIPOS = { riesgos: 'Riesgo', actores: 'Actor', objetivos: 'Objetivo', acciones: 'Accion', ruta_atencion: 'EtapaRuta', equipo: 'Integrante', casos: 'CasosAnio', firmantes: 'Firmante', pdot: 'ObjetivoPdot' };

function siguienteId(lista, prefijo) {
  const usados = (leer([lista]) || []).map((o) => Number(String(o.id || '').replace(/^\D+/, ''))).filter((n) => !Number.isNaN(n));
  return prefijo + (Math.max(0, ...usados) + 1);
}
const LISTAS = {
  riesgos: { titulo: 'Riesgos', campos: RIESGO, singular: 'riesgo', nuevo: () => ({ id: siguienteId('riesgos', 'R'), titulo: '', fines: [], poblaciones: [], probabilidad: 'media', impacto: 'medio' }) },
  actores: { titulo: 'Actores', campos: ACTOR, singular: 'actor', nuevo: () => ({ id: siguienteId('actores', 'actor-'), nombre: '', tipo: '' }) },
  objetivos: { titulo: 'Objetivos', campos: OBJETIVO, singular: 'objetivo', nuevo: () => ({ id: siguienteId('objetivos', 'O'), eje: '', descripcion: '' }) },
  acciones: {
    titulo: 'Acciones', campos: ACCION, singular: 'acción',
    nuevo: () => ({
      id: siguienteId('acciones', 'A'), objetivo: ((leer(['objetivos']) || [])[0] || {}).id || '', descripcion: '',
      responsable: '', indicador: { nombre: '' }, plazo: { inicio: leer(['periodo', 'inicio']) || '', fin: leer(['periodo', 'fin']) || '' },
    }),
  },
  ruta_atencion: {
    titulo: 'Ruta de atención', campos: ETAPA, singular: 'etapa',
    nuevo: () => {
      const tiene = new Set((leer(['ruta_atencion']) || []).map((e) => e.etapa));
      const falta = (E.catalogos.etapas.find((e) => !tiene.has(e.id)) || E.catalogos.etapas[0]);
      return { etapa: falta.id, apoyo: [] };
    },
  },
};

const SECCIONES = [
  { id: 'general', titulo: 'Datos generales', claves: ['formato', 'plan_nacional', 'ejemplo', 'canton', 'periodo', 'elaboracion', 'presentacion', 'introduccion', ''] },
  { id: 'diagnostico', titulo: 'Diagnóstico', claves: ['diagnostico'] },
  { id: 'riesgos', titulo: 'Riesgos', claves: ['riesgos'] },
  { id: 'actores', titulo: 'Actores', claves: ['actores'] },
  { id: 'objetivos', titulo: 'Objetivos', claves: ['objetivos', 'objetivo_general', 'pdot'] },
  { id: 'acciones', titulo: 'Acciones', claves: ['acciones'] },
  { id: 'ruta_atencion', titulo: 'Ruta de atención', claves: ['ruta_atencion'] },
  { id: 'presupuesto', titulo: 'Presupuesto', claves: [] },
  { id: 'seguimiento', titulo: 'Seguimiento', claves: ['seguimiento'] },
  { id: 'aprobacion', titulo: 'Aprobación', claves: ['estado', 'aprobacion'] },
];
function seccionDe(ruta) {
  const primera = (ruta || '').split(/[.[]/)[0];
  if (primera === 'acciones' && /\.presupuesto/.test(ruta)) return 'presupuesto';
  const s = SECCIONES.find((x) => x.claves.includes(primera));
  return s ? s.id : 'general';
}

// ---------------------------------------------------------------- ayuda del esquema
function ayudaDe(tipo, campo) {
  if (!E.esquema) return '';
  const defs = E.esquema.$defs || {};
  const props = tipo ? (defs[tipo] || {}).properties : E.esquema.properties;
  const p = props && props[campo];
  return (p && p.description) || '';
}

// ---------------------------------------------------------------- cambios, deshacer
let ultimoDeshacer = { clave: null, t: 0 };
function cambiar(path, valor, { estructura = false } = {}) {
  const clave = JSON.stringify(path);
  const ahora = Date.now();
  if (estructura || ultimoDeshacer.clave !== clave || ahora - ultimoDeshacer.t > 1500) {
    E.deshacer.push(JSON.stringify(E.valor));
    if (E.deshacer.length > 200) E.deshacer.shift();
    E.rehacer = [];
  }
  ultimoDeshacer = { clave: estructura ? null : clave, t: ahora };
  if (valor === undefined) quitar(path); else poner(path, valor);
  E.tocadas.add(seccionDe(rutaDe(path)));
  E.camposTocados.add(rutaDe(path));
  E.ultimoCampo = path;
  marcarSucio();
  programar();
}
function estructural(f) {
  E.deshacer.push(JSON.stringify(E.valor));
  E.rehacer = [];
  ultimoDeshacer = { clave: null, t: 0 };
  f();
  E.tocadas.add(E.seccion);
  marcarSucio();
  pintar();
  programar();
}
function deshacer() {
  if (!E.deshacer.length) return;
  E.rehacer.push(JSON.stringify(E.valor));
  E.valor = JSON.parse(E.deshacer.pop());
  ultimoDeshacer = { clave: null, t: 0 };
  marcarSucio(); pintar(); programar();
}
function rehacer() {
  if (!E.rehacer.length) return;
  E.deshacer.push(JSON.stringify(E.valor));
  E.valor = JSON.parse(E.rehacer.pop());
  ultimoDeshacer = { clave: null, t: 0 };
  marcarSucio(); pintar(); programar();
}
function marcarSucio() {
  E.sucio = JSON.stringify(E.valor) !== JSON.stringify(E.guardado);
  $('#estado-guardado').textContent = E.sucio ? 'Cambios sin guardar' : 'Guardado';
  $('#btn-deshacer').disabled = !E.deshacer.length;
  $('#btn-rehacer').disabled = !E.rehacer.length;
  guardarCopia();
}
const guardarCopia = debounce(() => {
  if (!E.archivo) return;
  const clave = 'cantonal:' + E.archivo;
  if (E.sucio) localStorage.setItem(clave, JSON.stringify({ version: E.version, valor: E.valor }));
  else localStorage.removeItem(clave);
}, 300);

// ---------------------------------------------------------------- validación y vista previa
let turnoValidar = 0;
const validar = debounce(async () => {
  const turno = ++turnoValidar;
  const r = await api('POST', '/api/validar', { archivo: E.archivo, version: E.version, valor: E.valor });
  if (turno !== turnoValidar) return;
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  aviso('');
  E.diags = r.datos.diagnosticos;
  pintarDiagnosticos();
}, 250);
let turnoVista = 0;
const vistaPrevia = debounce(async () => {
  const turno = ++turnoVista;
  const tengo = E.paginas.map((p) => p.hash);
  const r = await api('POST', '/api/vista', { archivo: E.archivo, version: E.version, valor: E.valor, tengo });
  if (turno !== turnoVista || !r.ok) return;
  if (r.datos.aviso) { $('#vista-aviso').textContent = r.datos.aviso; return; }
  $('#vista-aviso').textContent = `${r.datos.paginas.length} páginas.`;
  const anteriores = new Map(E.paginas.map((p) => [p.hash, p]));
  const nuevas = r.datos.paginas.map((p) => {
    if (p.svg === undefined) return anteriores.get(p.hash);
    const url = URL.createObjectURL(new Blob([p.svg], { type: 'image/svg+xml' }));
    return { hash: p.hash, url, texto: p.texto };
  });
  const usadas = new Set(nuevas.map((p) => p.url));
  for (const p of E.paginas) if (!usadas.has(p.url)) URL.revokeObjectURL(p.url);
  E.paginas = nuevas;
  pintarVista();
}, 400);
function programar() { validar(); vistaPrevia(); }

function pintarVista() {
  const caja = $('#vista');
  const imgs = caja.querySelectorAll('img');
  E.paginas.forEach((p, i) => {
    let img = imgs[i];
    if (!img) { img = el('img', { alt: `Página ${i + 1} del plan` }); caja.append(img); }
    if (img.getAttribute('src') !== p.url) img.src = p.url;
    img.dataset.hash = p.hash;
    img.classList.remove('destacada');
  });
  for (let i = E.paginas.length; i < imgs.length; i++) imgs[i].remove();
  // La página que contiene lo que se editó.
  const item = E.ultimoCampo ? itemDe(E.ultimoCampo) : null;
  const texto = item ? textoDe(leer(item)) : '';
  const buscado = plegar(texto).replace(/\s+/g, ' ').slice(0, 40);
  if (buscado.length < 4) return;
  const i = E.paginas.findIndex((p) => plegar(p.texto).includes(buscado));
  if (i >= 0) {
    const img = caja.querySelectorAll('img')[i];
    img.classList.add('destacada');
    // Las páginas recién llegadas todavía no tienen alto: se espera a que estén todas.
    const panel = $('#panel');
    const desplazar = () => { panel.scrollTop += img.getBoundingClientRect().top - panel.getBoundingClientRect().top - 40; };
    Promise.all([...caja.querySelectorAll('img')].map((i) => (i.complete ? null : new Promise((ok) => i.addEventListener('load', ok, { once: true }))))).then(desplazar);
  }
}
function itemDe(path) {
  const i = path.findIndex((s) => typeof s === 'number');
  return i >= 0 ? path.slice(0, i + 1) : path;
}
function textoDe(v) {
  if (typeof v === 'string') return v;
  if (!v || typeof v !== 'object') return '';
  return v.descripcion || v.titulo || v.nombre || '';
}

// ---------------------------------------------------------------- diagnósticos
function visible(d) {
  if (!E.nuevo) return true;
  const s = seccionDe(d.ruta);
  return E.tocadas.has(s) || [...E.camposTocados].some((r) => d.ruta === r || d.ruta.startsWith(r + '.'));
}
function pendientesDe(seccion) {
  const rutas = new Set(E.diags.filter((d) => seccionDe(d.ruta) === seccion).map((d) => d.ruta));
  const s = SECCIONES.find((x) => x.id === seccion);
  let total = 0;
  const contar = (v) => {
    if (Array.isArray(v)) v.forEach(contar);
    else if (v && typeof v === 'object') Object.values(v).forEach(contar);
    else total++;
  };
  for (const k of s.claves) if (k && E.valor[k] !== undefined) contar(E.valor[k]);
  return { faltan: rutas.size, total: Math.max(total, rutas.size) };
}
function pintarDiagnosticos() {
  document.querySelectorAll('.diag').forEach((n) => n.remove());
  document.querySelectorAll('.con-error').forEach((n) => n.classList.remove('con-error'));
  document.querySelectorAll('.cabeza .insignia:not(.obs)').forEach((n) => n.remove());
  const nodos = new Map();
  document.querySelectorAll('#formulario [data-ruta]').forEach((n) => nodos.set(n.dataset.ruta, n));
  const visibles = E.diags.filter(visible);
  const porItem = new Map();
  for (const d of visibles) {
    const nodo = cercano(nodos, d.ruta);
    if (!nodo) continue;
    if (nodo.classList.contains('item')) {
      porItem.set(nodo, (porItem.get(nodo) || 0) + 1);
      if (!nodo.querySelector('.cuerpo')) continue;
    }
    const destino = nodo.classList.contains('item') ? nodo.querySelector('.cuerpo') || nodo : nodo;
    destino.classList.add('con-error');
    const p = el('p', { clase: `diag ${d.severidad}`, id: nuevoId('diag') }, `${d.codigo}: ${d.mensaje}`);
    if (d.ayuda) p.append(el('br'), el('small', { texto: d.ayuda }));
    if (destino === nodo && nodo.classList.contains('item')) nodo.querySelector('.cuerpo')?.prepend(p); else destino.append(p);
    const control = destino.querySelector('input, textarea, select');
    if (control) control.setAttribute('aria-describedby', [control.getAttribute('aria-describedby'), p.id].filter(Boolean).join(' '));
  }
  for (const [nodo, n] of porItem) {
    nodo.querySelector('.cabeza').append(el('span', { clase: 'insignia', texto: `${n} ${n === 1 ? 'problema' : 'problemas'}` }));
  }
  // El resumen: cada entrada lleva al campo.
  const lista = $('#resumen');
  lista.replaceChildren();
  const errores = visibles.filter((d) => d.severidad === 'error').length;
  $('#resumen-conteo').textContent = visibles.length ? `${errores} errores, ${visibles.length - errores} avisos.` : 'Sin problemas a la vista.';
  for (const d of visibles.slice(0, 300)) {
    lista.append(el('li', {}, el('button', {
      type: 'button', clase: `enlace diag-enlace ${d.severidad}`, 'data-ruta': d.ruta,
      onclick: () => irA(d.ruta),
    }, `${d.codigo} (${d.ruta || 'plan'}): ${d.mensaje}`)));
  }
  pintarSecciones();
}
// El nodo del formulario de la ruta, o del elemento más cercano que la contiene.
function cercano(nodos, ruta) {
  let r = ruta;
  for (;;) {
    const nodo = nodos.get(r);
    if (nodo) return nodo;
    const padre = r.replace(/(\.[^.[]*|\[\d+\])$/, '');
    if (padre === r || !padre) return null;
    r = padre;
  }
}
function irA(ruta) {
  const path = resolver(ruta) || [];
  E.seccion = seccionDe(ruta);
  const i = path.findIndex((s) => typeof s === 'number');
  if (i >= 0) E.abiertos.add(JSON.stringify(path.slice(0, i + 1)));
  pintar();
  const nodos = new Map();
  document.querySelectorAll('#formulario [data-ruta]').forEach((n) => nodos.set(n.dataset.ruta, n));
  const nodo = cercano(nodos, ruta);
  if (nodo) {
    nodo.scrollIntoView({ block: 'center' });
    (nodo.querySelector('input, textarea, select, button') || nodo).focus();
  }
}

// ---------------------------------------------------------------- controles
function campo(spec, base, tipo) {
  const claves = Array.isArray(spec.k) ? spec.k : [spec.k];
  const path = [...base, ...claves];
  const ruta = rutaDe(path);
  const id = nuevoId(claves.join('-'));
  const ayuda = ayudaDe(claves.length > 1 ? null : tipo, claves[0]);
  const valor = leer(path);
  const caja = el('div', { clase: 'campo', 'data-ruta': ruta });
  const idAyuda = ayuda ? id + '-ayuda' : null;
  caja.append(el('label', { for: id, texto: spec.l + (spec.req ? ' (obligatorio)' : '') }));
  const vacio = (v) => (spec.req ? v : undefined);
  let control;
  switch (spec.t) {
    case 'texto': case 'id':
      control = el('input', { id, type: 'text', value: valor ?? '', 'aria-describedby': idAyuda });
      control.addEventListener('input', () => {
        const v = control.value;
        cambiar(path, v === '' ? vacio('') : v);
        if (spec.t === 'id') pintarCabeza(base);
      });
      break;
    case 'parrafo': {
      const area = el('textarea', { id, 'aria-describedby': idAyuda });
      area.value = valor ?? '';
      const vistaMd = el('div', { clase: 'md-vista', 'aria-label': `Vista de ${spec.l}` });
      const pintarMd = () => vistaMd.replaceChildren(...markdown(area.value));
      pintarMd();
      area.addEventListener('input', () => { cambiar(path, area.value === '' ? vacio('') : area.value); pintarMd(); });
      caja.append(area, vistaMd);
      break;
    }
    case 'numero': case 'monto': case 'entero': {
      const dec = spec.t === 'monto' ? 2 : undefined;
      const entrada = el('input', { id, type: 'text', inputmode: 'decimal', value: escribirNumero(valor, typeof valor === 'number' && spec.t === 'monto' ? dec : undefined), 'aria-describedby': [idAyuda, id + '-int'].filter(Boolean).join(' ') });
      const interpretado = el('span', { clase: 'interpretado', id: id + '-int', 'aria-live': 'polite' });
      entrada.addEventListener('input', () => {
        const n = leerNumero(entrada.value);
        if (entrada.value.trim() === '') { interpretado.textContent = ''; cambiar(path, vacio(null)); return; }
        if (n === null || (spec.t === 'entero' && !Number.isInteger(n))) {
          interpretado.textContent = spec.t === 'entero' ? 'Escriba un número entero, por ejemplo 24.' : 'Escriba un número como 1.500,50 (punto de miles, coma decimal).';
          return;
        }
        interpretado.textContent = spec.t === 'monto' ? `Se guardará como ${escribirNumero(n, 2)} dólares.` : `Se guardará como ${escribirNumero(n)}.`;
        cambiar(path, n);
      });
      caja.append(entrada, interpretado);
      break;
    }
    case 'fecha':
      control = el('input', { id, type: 'date', value: valor ?? '', 'aria-describedby': idAyuda });
      control.addEventListener('input', () => cambiar(path, control.value || vacio('')));
      break;
    case 'opcion': case 'uno': case 'ref': {
      const opciones = spec.t === 'opcion' ? spec.op
        : spec.t === 'uno' ? E.catalogos[spec.cat].map((c) => [c.id, c.nombre])
          : (leer([spec.lista]) || []).map((o) => [o.id, `${o.id} — ${o.nombre || o.titulo || o.descripcion || ''}`]);
      control = el('select', { id, 'aria-describedby': idAyuda }, el('option', { value: '', texto: '— elija —' }));
      for (const [v, t] of opciones) control.append(el('option', { value: v, texto: t }));
      if (valor && !opciones.some(([v]) => v === valor)) control.append(el('option', { value: valor, texto: `${valor} (no declarado)` }));
      control.value = valor ?? '';
      control.addEventListener('change', () => cambiar(path, control.value === '' ? vacio('') : control.value));
      break;
    }
    case 'varios': case 'refs': {
      const opciones = spec.t === 'varios' ? E.catalogos[spec.cat].map((c) => [c.id, c.nombre])
        : (leer([spec.lista]) || []).map((o) => [o.id, `${o.id} — ${o.nombre || o.titulo || o.descripcion || ''}`]);
      const nombres = new Map(opciones);
      const elegidos = Array.isArray(valor) ? valor : [];
      const chips = el('div', { clase: 'chips', role: 'list', 'aria-label': spec.l });
      for (const v of elegidos) {
        chips.append(el('span', { clase: 'chip', role: 'listitem' }, nombres.get(v) || `${v} (no declarado)`,
          el('button', { type: 'button', 'aria-label': `Quitar ${nombres.get(v) || v}`, texto: '×', onclick: () => estructural(() => poner(path, elegidos.filter((x) => x !== v))) })));
      }
      control = el('select', { id, 'aria-describedby': idAyuda }, el('option', { value: '', texto: '— agregar —' }));
      for (const [v, t] of opciones) if (!elegidos.includes(v)) control.append(el('option', { value: v, texto: t }));
      control.addEventListener('change', () => { if (control.value) estructural(() => poner(path, [...elegidos, control.value])); });
      caja.append(chips);
      break;
    }
    case 'siono': {
      control = el('select', { id, 'aria-describedby': idAyuda },
        el('option', { value: '', texto: '— sin indicar —' }), el('option', { value: 'si', texto: 'Sí' }), el('option', { value: 'no', texto: 'No' }));
      control.value = valor === true ? 'si' : valor === false ? 'no' : '';
      control.addEventListener('change', () => cambiar(path, control.value === '' ? undefined : control.value === 'si'));
      break;
    }
    case 'lineas':
      control = el('textarea', { id, 'aria-describedby': idAyuda });
      control.value = (valor || []).join('\n');
      control.addEventListener('input', () => cambiar(path, control.value.split('\n').map((s) => s.trim()).filter(Boolean)));
      break;
    default:
      control = el('span', { texto: String(valor ?? '') });
  }
  if (control) caja.append(control);
  if (ayuda) caja.append(el('small', { id: idAyuda, texto: ayuda }));
  if ($('#modo-asesor').checked) caja.append(botonObservar(ruta));
  return caja;
}

// Markdown mínimo y seguro: párrafos, listas, **negrita** y *cursiva*, siempre como texto.
function markdown(texto) {
  const bloques = []; let lista = null;
  const linea = (t) => {
    const frag = document.createDocumentFragment();
    const partes = t.split(/(\*\*[^*]+\*\*|\*[^*]+\*)/);
    for (const p of partes) {
      if (/^\*\*[^*]+\*\*$/.test(p)) frag.append(el('strong', { texto: p.slice(2, -2) }));
      else if (/^\*[^*]+\*$/.test(p)) frag.append(el('em', { texto: p.slice(1, -1) }));
      else if (p) frag.append(document.createTextNode(p));
    }
    return frag;
  };
  let parrafo = [];
  const cerrar = () => {
    if (parrafo.length) { bloques.push(el('p', {}, linea(parrafo.join(' ')))); parrafo = []; }
  };
  for (const l of texto.split('\n')) {
    const item = l.match(/^\s*[-*]\s+(.*)$/);
    if (item) { cerrar(); if (!lista) { lista = el('ul'); bloques.push(lista); } lista.append(el('li', {}, linea(item[1]))); continue; }
    if (lista && /^\s+\S/.test(l)) { lista.lastChild.append(' ', linea(l.trim())); continue; }
    lista = null;
    if (!l.trim()) cerrar(); else parrafo.push(l.trim());
  }
  cerrar();
  return bloques;
}

// ---------------------------------------------------------------- observaciones del asesor
function botonObservar(ruta) {
  return el('button', { type: 'button', clase: 'enlace', texto: 'Agregar observación', 'aria-label': `Agregar observación sobre ${ruta}`, onclick: (ev) => formObservacion(ev.target, ruta) });
}
function formObservacion(boton, ruta) {
  const id = nuevoId('obs');
  const texto = el('textarea', { id });
  const form = el('div', { clase: 'obs' },
    el('label', { for: id, texto: `Observación sobre ${ruta}` }), texto,
    el('button', {
      type: 'button', texto: 'Guardar observación', onclick: async () => {
        await observar({ accion: 'agregar', ruta, texto: texto.value });
        form.remove();
      },
    }));
  boton.after(form);
  texto.focus();
}
async function revisor() {
  if (E.obs.existe) return undefined;
  const v = $('#obs-revisor');
  return v ? v.value : undefined;
}
async function observar(pedido) {
  const r = await api('POST', '/api/observaciones', { archivo: E.archivo, revisor: await revisor(), ...pedido });
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  aviso('');
  E.obs = r.datos;
  pintarObservaciones();
}
async function cargarObservaciones() {
  const r = await api('GET', `/api/observaciones?archivo=${encodeURIComponent(E.archivo)}`);
  if (r.ok) E.obs = r.datos;
}
function pintarObservaciones() {
  document.querySelectorAll('#formulario .obs-nota, .insignia.obs').forEach((n) => n.remove());
  const asesor = $('#modo-asesor').checked;
  const panel = $('#obs-panel');
  const lista = $('#obs-lista');
  lista.replaceChildren();
  const obs = E.obs.observaciones || [];
  panel.hidden = !asesor && !obs.length;
  if (asesor && !E.obs.existe) {
    lista.append(el('li', {}, el('label', { for: 'obs-revisor', texto: 'Quién revisa (institución o cargo)' }), el('input', { id: 'obs-revisor', type: 'text' })));
  }
  const nodos = new Map();
  document.querySelectorAll('#formulario [data-ruta]').forEach((n) => nodos.set(n.dataset.ruta, n));
  obs.forEach((o, i) => {
    const resuelta = o.estado === 'resuelta';
    const boton = el('button', { type: 'button', texto: resuelta ? 'Reabrir' : 'Marcar resuelta', onclick: () => observar({ accion: resuelta ? 'reabrir' : 'resolver', indice: i }) });
    lista.append(el('li', { clase: `obs${resuelta ? ' resuelta' : ''}` },
      el('button', { type: 'button', clase: 'enlace', texto: o.ruta, onclick: () => irA(o.ruta) }), ': ', o.texto, ' ', boton));
    if (resuelta) return;
    const nodo = cercano(nodos, o.ruta);
    if (!nodo) return;
    if (nodo.classList.contains('item') && !nodo.querySelector('.cuerpo')) {
      nodo.querySelector('.cabeza').append(el('span', { clase: 'insignia obs', texto: 'observación' }));
    } else {
      nodo.append(el('p', { clase: 'obs obs-nota' }, `Observación: ${o.texto}`));
    }
  });
  if (asesor) {
    // Un elemento que el plan no tiene (por ejemplo una etapa de la ruta que falta).
    const tiene = new Set((leer(['ruta_atencion']) || []).map((e) => e.etapa));
    const faltan = E.catalogos.etapas.filter((e) => !tiene.has(e.id));
    if (faltan.length) {
      const sel = el('select', { id: 'obs-falta' }, ...faltan.map((e) => el('option', { value: `ruta_atencion.${e.id}`, texto: e.nombre })));
      const li = el('li', {}, el('label', { for: 'obs-falta', texto: 'Observar una etapa que falta en la ruta' }), sel);
      li.append(botonFalta(sel));
      lista.append(li);
    }
  }
}
function botonFalta(sel) {
  return el('button', { type: 'button', texto: 'Observar', onclick: (ev) => formObservacion(ev.target, sel.value) });
}

// ---------------------------------------------------------------- pintar el formulario
function pintarSecciones() {
  const nav = $('#secciones');
  nav.replaceChildren();
  for (const s of SECCIONES) {
    const b = el('button', { type: 'button', 'aria-current': s.id === E.seccion ? 'true' : 'false', onclick: () => { E.seccion = s.id; pintar(); $('#formulario h2')?.focus(); } }, s.titulo);
    if (E.nuevo && !E.tocadas.has(s.id)) {
      const p = pendientesDe(s.id);
      if (p.faltan) b.append(el('span', { clase: 'progreso', texto: `${p.faltan} de ${p.total} campos por completar` }));
    } else {
      const n = E.diags.filter((d) => d.severidad === 'error' && seccionDe(d.ruta) === s.id).length;
      if (n) b.append(el('span', { clase: 'progreso', texto: `${n} ${n === 1 ? 'error' : 'errores'}` }));
    }
    nav.append(b);
  }
}
function pintar() {
  const f = $('#formulario');
  const foco = document.activeElement && document.activeElement.id;
  const s = SECCIONES.find((x) => x.id === E.seccion);
  f.replaceChildren(el('h2', { tabindex: '-1', texto: s.titulo }));
  if (E.nuevo && !E.tocadas.has(s.id)) {
    const p = pendientesDe(s.id);
    if (p.faltan) f.append(el('p', { clase: 'progreso-seccion', texto: `${p.faltan} de ${p.total} campos por completar. Los problemas de esta sección se muestran cuando empiece a trabajar en ella.` }));
  }
  const pintores = {
    general: pintarGeneral, diagnostico: pintarDiagnostico, objetivos: pintarObjetivos,
    riesgos: () => pintarLista('riesgos'), actores: () => pintarLista('actores'), acciones: () => pintarLista('acciones'),
    ruta_atencion: () => pintarLista('ruta_atencion'), presupuesto: pintarPresupuesto, seguimiento: pintarSeguimiento, aprobacion: pintarAprobacion,
  };
  pintores[s.id]();
  pintarSecciones();
  pintarDiagnosticos();
  pintarObservaciones();
  if (foco && document.getElementById(foco)) document.getElementById(foco).focus();
}
function pintarGeneral() {
  const f = $('#formulario');
  const c = leer(['canton']) || {};
  f.append(el('p', {}, el('strong', { texto: 'Cantón: ' }), `${c.nombre || ''} (${c.provincia || ''}), código INEC ${c.codigo || ''}`));
  f.append(el('div', { clase: 'fila' },
    campo({ k: ['periodo', 'inicio'], t: 'fecha', l: 'Inicio del período', req: true }, [], null),
    campo({ k: ['periodo', 'fin'], t: 'fecha', l: 'Fin del período', req: true }, [], null)));
  f.append(campo({ k: ['elaboracion', 'fecha'], t: 'fecha', l: 'Fecha de elaboración' }, [], null));
  f.append(el('h3', { texto: 'Equipo que elaboró el plan' }));
  pintarSublista(['elaboracion', 'equipo'], INTEGRANTE, 'Integrante', 'integrante', () => ({ nombre: '' }));
  f.append(campo({ k: ['canton', 'nombre_oficial'], t: 'texto', l: 'Nombre oficial del cantón (portada)' }, [], null));
  f.append(campo({ k: ['canton', 'escudo'], t: 'texto', l: 'Archivo del escudo (PNG o JPEG en la carpeta del plan)' }, [], null));
  f.append(campo({ k: 'presentacion', t: 'parrafo', l: 'Presentación' }, [], null));
  f.append(campo({ k: 'introduccion', t: 'parrafo', l: 'Introducción' }, [], null));
}
function pintarObjetivos() {
  const f = $('#formulario');
  f.append(campo({ k: 'objetivo_general', t: 'parrafo', l: 'Objetivo general' }, [], null));
  pintarLista('objetivos');
  f.append(el('h3', { texto: 'Alineación con el Plan de Desarrollo y Ordenamiento Territorial (PDOT)' }));
  f.append(campo({ k: ['pdot', 'nombre'], t: 'texto', l: 'Nombre del PDOT' }, [], null));
  pintarSublista(['pdot', 'objetivos'], OBJETIVO_PDOT, 'ObjetivoPdot', 'objetivo del PDOT', () => ({ objetivo: '', contribuyen: [] }));
}
function pintarDiagnostico() {
  const f = $('#formulario');
  f.append(campo({ k: ['diagnostico', 'contexto'], t: 'parrafo', l: 'Contexto del cantón' }, [], null));
  f.append(el('h3', { texto: 'Casos registrados por año' }));
  pintarSublista(['diagnostico', 'casos'], CASO, 'CasosAnio', 'año', () => ({ anio: new Date().getFullYear(), casos: 0, fuente: '' }));
}
function pintarSeguimiento() {
  const f = $('#formulario');
  f.append(campo({ k: 'responsable', t: 'ref', lista: 'actores', l: 'Responsable del seguimiento', req: true }, ['seguimiento'], 'Seguimiento'));
  f.append(campo({ k: 'frecuencia', t: 'opcion', op: FRECUENCIAS, l: 'Frecuencia', req: true }, ['seguimiento'], 'Seguimiento'));
  f.append(campo({ k: 'descripcion', t: 'parrafo', l: 'Cómo se hará' }, ['seguimiento'], 'Seguimiento'));
  f.append(campo({ k: 'informa_a', t: 'texto', l: 'A quién se informa' }, ['seguimiento'], 'Seguimiento'));
  f.append(el('div', { clase: 'fila' },
    campo({ k: 'evaluacion_intermedia', t: 'fecha', l: 'Evaluación intermedia' }, ['seguimiento'], 'Seguimiento'),
    campo({ k: 'evaluacion_final', t: 'fecha', l: 'Evaluación final' }, ['seguimiento'], 'Seguimiento')));
  f.append(campo({ k: 'rendicion_cuentas', t: 'parrafo', l: 'Rendición de cuentas' }, ['seguimiento'], 'Seguimiento'));
  f.append(campo({ k: 'proteccion_datos', t: 'parrafo', l: 'Protección de los datos de las víctimas' }, ['seguimiento'], 'Seguimiento'));
}
function pintarAprobacion() {
  const f = $('#formulario');
  f.append(campo({ k: 'estado', t: 'opcion', op: ESTADOS, l: 'Estado del documento', req: true }, [], null));
  f.append(el('h3', { texto: 'Acto de aprobación del Concejo (cuando el estado es «aprobado»)' }));
  f.append(campo({ k: 'instrumento', t: 'opcion', op: INSTRUMENTOS, l: 'Instrumento' }, ['aprobacion'], 'Aprobacion'));
  f.append(campo({ k: 'numero', t: 'texto', l: 'Número' }, ['aprobacion'], 'Aprobacion'));
  f.append(campo({ k: 'fecha', t: 'fecha', l: 'Fecha de aprobación' }, ['aprobacion'], 'Aprobacion'));
  f.append(campo({ k: 'organo', t: 'texto', l: 'Órgano que aprobó' }, ['aprobacion'], 'Aprobacion'));
  f.append(el('h3', { texto: 'Firmantes' }));
  pintarSublista(['aprobacion', 'firmantes'], FIRMANTE, 'Firmante', 'firmante', () => ({ nombre: '', cargo: '' }));
}
function pintarPresupuesto() {
  const f = $('#formulario');
  const acciones = leer(['acciones']) || [];
  const total = acciones.reduce((s, a) => s + ((a.presupuesto && Number(a.presupuesto.monto)) || 0), 0);
  f.append(el('p', { clase: 'total', 'aria-live': 'polite', texto: `Total del plan: ${escribirNumero(total, 2)} dólares.` }));
  const max = E.mostrar.presupuesto || 100;
  acciones.slice(0, max).forEach((a, i) => {
    const item = el('div', { clase: 'item', 'data-ruta': rutaDe(['acciones', i]) },
      el('div', { clase: 'cabeza' }, el('span', { clase: 'resumen', texto: `${a.id || ''} — ${a.descripcion || ''}` })),
      el('div', { clase: 'cuerpo fila' },
        campo({ k: ['presupuesto', 'monto'], t: 'monto', l: 'Monto (USD)' }, ['acciones', i], 'Accion'),
        campo({ k: ['presupuesto', 'fuente'], t: 'texto', l: 'Fuente' }, ['acciones', i], 'Accion')));
    f.append(item);
  });
  if (acciones.length > max) f.append(el('button', { type: 'button', texto: `Mostrar 100 más (de ${acciones.length})`, onclick: () => { E.mostrar.presupuesto = max + 100; pintar(); } }));
}
function resumenItem(lista, item) {
  if (lista === 'ruta_atencion') {
    const e = E.catalogos.etapas.find((x) => x.id === item.etapa);
    return e ? e.nombre : (item.etapa || 'Etapa sin elegir');
  }
  return `${item.id || '(sin id)'} — ${item.titulo || item.nombre || item.descripcion || ''}`;
}
function pintarCabeza(path) {
  const nodo = document.querySelector(`[data-item="${CSS.escape(JSON.stringify(path))}"] .resumen`);
  if (nodo) nodo.textContent = resumenItem(path[0], leer(path));
}
function pintarLista(lista) {
  const f = $('#formulario');
  const def = LISTAS[lista];
  const items = leer([lista]) || [];
  const filtroId = nuevoId('filtro');
  if (items.length > 20) {
    const filtro = el('input', { id: filtroId, type: 'search', value: E.filtro[lista] || '' });
    filtro.addEventListener('input', debounce(() => { E.filtro[lista] = filtro.value; E.mostrar[lista] = 100; pintar(); }, 200));
    f.append(el('div', { clase: 'campo' }, el('label', { for: filtroId, texto: `Buscar en ${def.titulo.toLowerCase()}` }), filtro));
  }
  const q = plegar(E.filtro[lista] || '');
  const indices = items.map((_, i) => i).filter((i) => !q || plegar(resumenItem(lista, items[i])).includes(q));
  const max = E.mostrar[lista] || 100;
  const contenedor = el('div', { 'data-ruta': lista });
  for (const i of indices.slice(0, max)) contenedor.append(pintarItem(lista, i, items.length, def.campos, TIPOS[lista]));
  f.append(contenedor);
  if (indices.length > max) f.append(el('button', { type: 'button', texto: `Mostrar 100 más (quedan ${indices.length - max})`, onclick: () => { E.mostrar[lista] = max + 100; pintar(); } }));
  f.append(el('button', {
    type: 'button', clase: 'principal', texto: `Agregar ${def.singular}`,
    onclick: () => estructural(() => {
      const nuevo = def.nuevo();
      if (!Array.isArray(E.valor[lista])) E.valor[lista] = [];
      E.valor[lista].push(nuevo);
      const path = [lista, E.valor[lista].length - 1];
      E.abiertos.add(JSON.stringify(path));
      E.ultimoCampo = path;
      E.mostrar[lista] = Math.max(max, E.valor[lista].length);
    }),
  }));
}
function pintarSublista(base, campos, tipo, singular, nuevo) {
  const f = $('#formulario');
  const items = leer(base) || [];
  items.forEach((_, i) => f.append(pintarItem(base, i, items.length, campos, tipo)));
  f.append(el('button', { type: 'button', texto: `Agregar ${singular}`, onclick: () => estructural(() => { poner([...base, items.length], nuevo()); E.abiertos.add(JSON.stringify([...base, items.length])); }) }));
}
function pintarItem(lista, i, n, campos, tipo) {
  const base = Array.isArray(lista) ? [...lista, i] : [lista, i];
  const clave = JSON.stringify(base);
  const abierto = E.abiertos.has(clave);
  const item = leer(base) || {};
  const cuerpoId = nuevoId('cuerpo');
  const nombre = Array.isArray(lista) ? `${i + 1}. ${item.nombre || item.fuente || ''}` : resumenItem(lista, item);
  const caja = el('div', { clase: 'item', 'data-ruta': rutaDe(base), 'data-item': clave });
  const cabeza = el('div', { clase: 'cabeza' },
    el('button', {
      type: 'button', clase: 'enlace resumen', 'aria-expanded': abierto ? 'true' : 'false', 'aria-controls': cuerpoId, texto: nombre,
      onclick: () => { if (abierto) E.abiertos.delete(clave); else E.abiertos.add(clave); pintar(); },
    }),
    el('button', { type: 'button', 'aria-label': `Subir ${nombre}`, texto: '↑', disabled: i === 0, onclick: () => mover(base, -1) }),
    el('button', { type: 'button', 'aria-label': `Bajar ${nombre}`, texto: '↓', disabled: i === n - 1, onclick: () => mover(base, 1) }),
    el('button', {
      type: 'button', clase: 'peligro', 'aria-label': `Quitar ${nombre}`, texto: 'Quitar',
      onclick: () => estructural(() => { leer(base.slice(0, -1)).splice(i, 1); E.abiertos.clear(); aviso(`Se quitó ${nombre}. Puede deshacerlo con «Deshacer» (Ctrl+Z).`); }),
    }));
  caja.append(cabeza);
  if ($('#modo-asesor').checked) cabeza.append(botonObservar(rutaDe(base)));
  if (abierto) {
    const cuerpo = el('div', { clase: 'cuerpo', id: cuerpoId });
    for (const spec of campos) cuerpo.append(campo(spec, base, tipo));
    caja.append(cuerpo);
  }
  return caja;
}
function mover(path, d) {
  const lista = leer(path.slice(0, -1));
  const i = path[path.length - 1];
  const j = i + d;
  if (j < 0 || j >= lista.length) return;
  estructural(() => {
    [lista[i], lista[j]] = [lista[j], lista[i]];
    const a = JSON.stringify(path); const b = JSON.stringify([...path.slice(0, -1), j]);
    const ai = E.abiertos.has(a); const bi = E.abiertos.has(b);
    E.abiertos.delete(a); E.abiertos.delete(b);
    if (ai) E.abiertos.add(b);
    if (bi) E.abiertos.add(a);
  });
}

// ---------------------------------------------------------------- abrir, guardar, descargar
async function abrir(archivo, { recuperar = true } = {}) {
  const r = await api('GET', `/api/plan?archivo=${encodeURIComponent(archivo)}`);
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  aviso('');
  Object.assign(E, {
    archivo: r.datos.archivo, version: r.datos.version, valor: r.datos.valor, guardado: copia(r.datos.valor),
    diags: r.datos.diagnosticos, catalogos: r.datos.catalogos, esquema: r.datos.esquema, pendiente: r.datos.pendiente,
    deshacer: [], rehacer: [], abiertos: new Set(), tocadas: new Set(), camposTocados: new Set(), paginas: [], ultimoCampo: null,
    seccion: 'general', mostrar: {}, filtro: {},
  });
  E.nuevo = JSON.stringify(E.valor).toUpperCase().includes(E.pendiente);
  $('#vista').replaceChildren();
  location.hash = 'plan=' + encodeURIComponent(E.archivo);
  $('#titulo').textContent = `Plan de ${(E.valor.canton && E.valor.canton.nombre) || E.archivo}`;
  $('#inicio').hidden = true;
  $('#editor').hidden = false;
  $('#barra-plan').hidden = false;
  await cargarObservaciones();
  const copiaLocal = localStorage.getItem('cantonal:' + E.archivo);
  if (recuperar && copiaLocal) {
    const c = JSON.parse(copiaLocal);
    if (JSON.stringify(c.valor) !== JSON.stringify(E.valor)) {
      const si = await dialogo(c.version === E.version
        ? 'Hay cambios sin guardar de una sesión anterior de este plan. ¿Recuperarlos?'
        : 'Hay cambios sin guardar de una sesión anterior, pero el archivo cambió después. ¿Recuperarlos de todos modos (revise antes de guardar)?',
      [['Recuperar los cambios', true], ['Descartarlos', false]]);
      if (si) { E.deshacer.push(JSON.stringify(E.valor)); E.valor = c.valor; } else localStorage.removeItem('cantonal:' + E.archivo);
    }
  }
  marcarSucio();
  pintar();
  programar();
}
async function guardar() {
  if (!E.archivo) return;
  $('#estado-guardado').textContent = 'Guardando…';
  const r = await api('POST', '/api/guardar', { archivo: E.archivo, version: E.version, valor: E.valor });
  if (r.ok) {
    E.version = r.datos.version;
    E.guardado = copia(E.valor);
    E.diags = r.datos.diagnosticos;
    marcarSucio();
    localStorage.removeItem('cantonal:' + E.archivo);
    pintarDiagnosticos();
    if (r.datos.avisos && r.datos.avisos.length) aviso(`Guardado. ${r.datos.avisos.join(' ')}`);
    return;
  }
  marcarSucio();
  if (r.status === 409 && r.datos.conflicto) {
    const recargar = await dialogo(r.datos.mensaje, [['Recargar el archivo del disco (se pierden los cambios de la página)', true], ['Seguir editando sin guardar', false]]);
    if (recargar) { localStorage.removeItem('cantonal:' + E.archivo); await abrir(E.archivo, { recuperar: false }); }
    return;
  }
  aviso(r.datos.mensaje || 'No se pudo guardar.');
}
async function descargar(formato) {
  const r = await api('POST', '/api/descargar', { archivo: E.archivo, version: E.version, valor: E.valor, formato });
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  const ext = { pdf: 'pdf', html: 'html', md: 'md', docx: 'docx', xlsx: 'xlsx' }[formato];
  const a = el('a', { href: URL.createObjectURL(r.datos), download: E.archivo.replace(/\.yaml$/, '') + '.' + ext });
  document.body.append(a); a.click(); a.remove();
}

// ---------------------------------------------------------------- página de inicio
async function inicio() {
  E.archivo = null;
  $('#titulo').textContent = 'Editor de planes cantonales';
  $('#inicio').hidden = false; $('#editor').hidden = true; $('#barra-plan').hidden = true;
  history.replaceState(null, '', location.pathname + location.search);
  const r = await api('GET', '/api/planes');
  const cuerpo = $('#tabla-planes tbody');
  cuerpo.replaceChildren();
  for (const p of (r.ok ? r.datos.planes : [])) {
    cuerpo.append(el('tr', {},
      el('td', {}, el('button', { type: 'button', clase: 'enlace', texto: p.archivo, onclick: () => abrir(p.archivo) })),
      el('td', { texto: p.canton || '' }), el('td', { texto: p.estado || '' }),
      el('td', { texto: String(p.errores) }), el('td', { texto: String(p.advertencias) })));
  }
  if (!cuerpo.children.length) cuerpo.append(el('tr', {}, el('td', { colspan: '5', texto: 'No hay planes en esta carpeta. Cree uno abajo.' })));
}
async function crear(ev) {
  ev.preventDefault();
  const q = $('#nuevo-canton').value;
  const m = $('#nuevo-mensaje');
  const b = await api('GET', `/api/cantones?q=${encodeURIComponent(q)}`);
  if (!b.datos.canton) { m.textContent = b.datos.mensaje; return; }
  const r = await api('POST', '/api/nuevo', { canton: q });
  if (!r.ok) { m.textContent = r.datos.mensaje; return; }
  m.textContent = `Se creó ${r.datos.archivo} para ${b.datos.canton.nombre} (${b.datos.canton.provincia}).`;
  await abrir(r.datos.archivo);
}

// ---------------------------------------------------------------- arranque
document.addEventListener('DOMContentLoaded', () => {
  history.replaceState(null, '', location.pathname + location.search + location.hash);
  $('#form-nuevo').addEventListener('submit', crear);
  $('#btn-guardar').addEventListener('click', guardar);
  $('#btn-deshacer').addEventListener('click', deshacer);
  $('#btn-rehacer').addEventListener('click', rehacer);
  $('#btn-pdf').addEventListener('click', () => descargar('pdf'));
  $('#btn-html').addEventListener('click', () => descargar('html'));
  $('#btn-md').addEventListener('click', () => descargar('md'));
  $('#modo-asesor').addEventListener('change', pintar);
  $('#btn-lista').addEventListener('click', async () => {
    if (E.sucio && !(await dialogo('Hay cambios sin guardar. ¿Volver a la lista igualmente? (quedan en una copia de recuperación)', [['Seguir editando', false], ['Volver a la lista', true]]))) return;
    inicio();
  });
  document.addEventListener('keydown', (ev) => {
    if (!(ev.ctrlKey || ev.metaKey) || !E.archivo) return;
    const k = ev.key.toLowerCase();
    if (k === 's') { ev.preventDefault(); guardar(); }
    else if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); deshacer(); }
    else if (k === 'y' || (k === 'z' && ev.shiftKey)) { ev.preventDefault(); rehacer(); }
  });
  window.addEventListener('beforeunload', (ev) => { if (E.sucio) { ev.preventDefault(); ev.returnValue = ''; } });
  const m = location.hash.match(/plan=([^&]+)/);
  if (m) abrir(decodeURIComponent(m[1])); else inicio();
});
