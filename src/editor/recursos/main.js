// El arranque de la página y lo que une sus partes: lee el catálogo de campos (GET
// /api/formato), muestra una sola vista a la vez (la lista de planes o un plan), y después de
// cada cambio actualiza lo que depende de él: cabeceras, diagnósticos (POST /api/validar), vista
// previa, copia de recuperación en el navegador y estado de guardado. Guardar, deshacer,
// rehacer y descargar están en la barra y en el teclado (Ctrl+S, Ctrl+Z, Ctrl+Y).

import { $, anunciar, aviso } from './dom.js';
import { api } from './api.js';
import { S, abrir as abrirEstado, deshacer, marcarSucio, rehacer, trasCambio } from './estado.js';
import { ID_TITULO, abrirHasta, actualizarCabeceras, actualizarTotal, alRepintar, buscar, enfocar, pintarFormulario } from './formulario.js';
import { pintarDiagnosticos } from './diagnosticos.js';
import { actualizarVista, vaciarVista } from './vista.js';
import { cargarObservaciones, pintarObservaciones } from './observaciones.js';
import { crear, pintarInicio } from './inicio.js';
import { dialogo } from './dialogo.js';
import { crearCopia } from './copia.js';

const copia = crearCopia(localStorage, (m) => aviso(m));

/** Espera `ms` sin cambios antes de llamar a `f`. */
function calma(f, ms) {
  let t;
  return (...a) => { clearTimeout(t); t = setTimeout(() => f(...a), ms); };
}

// ---------------------------------------------------------------- pintar

/** Pinta la sección, sus diagnósticos y observaciones, y pone el foco. */
function pintarTodo(opciones = {}) {
  const foco = pintarFormulario(opciones);
  pintarDiagnosticos({ irA });
  pintarObservaciones({ irA, repintar: () => pintarTodo() });
  enfocar(foco);
}

/** Va a un lugar del plan (un campo, un elemento o una sección) y pone el foco en él. */
function irA(camino, seccion) {
  const cambia = seccion && seccion !== S.seccion;
  abrirHasta(camino, seccion);
  pintarTodo();
  const id = camino.length ? buscar(camino) : ID_TITULO;
  const nodo = document.getElementById(id);
  if (nodo) nodo.scrollIntoView({ block: camino.length ? 'center' : 'start' });
  enfocar(id);
  if (cambia) window.scrollTo({ top: 0 });
}

function pintarEstadoGuardado() {
  $('#estado-guardado').textContent = S.sucio ? 'Cambios sin guardar' : 'Guardado';
  $('#btn-deshacer').disabled = !S.deshacer.length;
  $('#btn-rehacer').disabled = !S.rehacer.length;
}

// ---------------------------------------------------------------- después de cada cambio

let turnoValidar = 0;
const validar = calma(async () => {
  if (!S.archivo) return;
  const mio = ++turnoValidar;
  const archivo = S.archivo;
  const r = await api('POST', '/api/validar', { archivo, version: S.version, valor: S.valor });
  if (mio !== turnoValidar || archivo !== S.archivo) return;
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  S.resumen = r.datos.resumen;
  pintarDiagnosticos({ irA });
}, 250);

const vistaPrevia = calma(actualizarVista, 400);

/** Lo que sigue a cada cambio del plan. */
let avisoDeshacer = false;
function trasCadaCambio({ estructura, camino, foco, aviso: avisoCambio }) {
  // El aviso «Se quitó… Deshacer» vale hasta que se cierra o hasta la próxima acción.
  if (avisoDeshacer) { aviso(''); avisoDeshacer = false; }
  if (estructura) {
    if (avisoCambio && avisoCambio.deshacer) {
      aviso(avisoCambio.texto, { boton: { texto: 'Deshacer', accion: () => { avisoDeshacer = false; aviso(''); deshacer(); enfocar(avisoCambio.foco); } } });
      avisoDeshacer = true;
    }
    pintarTodo({ foco });
  } else {
    actualizarCabeceras(camino);
    actualizarTotal();
  }
  pintarEstadoGuardado();
  copia.anotar(S);
  validar();
  vistaPrevia();
}

// ---------------------------------------------------------------- vistas

/** Muestra una sola vista: la lista de planes o el plan. */
function mostrar(vista) {
  S.vista = vista;
  $('#inicio').hidden = vista !== 'inicio';
  $('#editor').hidden = vista !== 'plan';
  $('#barra-plan').hidden = vista !== 'plan';
}

async function abrir(archivo, { recuperar = true } = {}) {
  copia.escribir();
  const r = await api('GET', `/api/plan?archivo=${encodeURIComponent(archivo)}`);
  if (!r.ok) { aviso(r.datos.mensaje); if (S.vista !== 'plan') $('#t-planes').focus(); return; }
  aviso('');
  vaciarVista();
  abrirEstado(r.datos);
  history.replaceState(null, '', `${location.pathname}${location.search}#plan=${encodeURIComponent(S.archivo)}`);
  const canton = S.valor && S.valor.canton && S.valor.canton.nombre;
  $('#titulo').textContent = canton ? `Plan de ${canton}` : S.archivo;
  document.title = `${canton ? `Plan de ${canton}` : S.archivo} — Editor de planes cantonales`;
  $('#modo-asesor').checked = S.asesor;
  mostrar('plan');
  // The focus goes to the plan at once (the list that had it is now hidden).
  pintarTodo({ foco: ID_TITULO });
  await cargarObservaciones();
  const c = recuperar ? copia.leer(S.archivo) : null;
  if (c) {
    if (JSON.stringify(c.valor) !== JSON.stringify(S.valor)) {
      const si = await dialogo(c.version === S.version
        ? 'Hay cambios sin guardar de una sesión anterior de este plan. ¿Recuperarlos?'
        : 'Hay cambios sin guardar de una sesión anterior, pero el archivo cambió después en el disco. ¿Recuperarlos de todos modos? Revíselos antes de guardar.',
      [['Recuperar los cambios', true], ['Descartarlos', false]]);
      if (si) { S.deshacer.push(JSON.stringify(S.valor)); S.valor = c.valor; } else copia.quitar(S.archivo);
    }
  }
  marcarSucio();
  pintarEstadoGuardado();
  pintarTodo();
  validar();
  vistaPrevia();
}

async function volverALista() {
  if (S.sucio && !(await dialogo('Hay cambios sin guardar. ¿Volver a la lista de planes igualmente? Los cambios quedan en la copia de recuperación de este navegador y se ofrecen al abrir el plan de nuevo.',
    [['Seguir editando', false], ['Volver a la lista', true]]))) return;
  inicio();
}

async function inicio() {
  copia.escribir();
  S.archivo = null;
  S.valor = null;
  $('#formulario').replaceChildren();
  $('#secciones').replaceChildren();
  vaciarVista();
  aviso('');
  history.replaceState(null, '', location.pathname + location.search);
  $('#titulo').textContent = 'Editor de planes cantonales';
  document.title = 'Editor de planes cantonales';
  mostrar('inicio');
  $('#t-planes').focus();
  await pintarInicio(abrir);
}

// ---------------------------------------------------------------- guardar y descargar

async function guardar() {
  if (!S.archivo) return;
  const enviado = JSON.stringify(S.valor);
  $('#estado-guardado').textContent = 'Guardando…';
  const r = await api('POST', '/api/guardar', { archivo: S.archivo, version: S.version, valor: S.valor });
  if (r.ok) {
    S.version = r.datos.version;
    S.guardado = enviado;
    S.resumen = r.datos.resumen;
    marcarSucio();
    if (!S.sucio) copia.quitar(S.archivo);
    pintarEstadoGuardado();
    pintarDiagnosticos({ irA });
    const extra = r.datos.avisos && r.datos.avisos.length ? ` ${r.datos.avisos.join(' ')}` : '';
    if (extra) aviso(`Guardado.${extra}`); else anunciar('Plan guardado.');
    return;
  }
  pintarEstadoGuardado();
  if (r.status === 409 && r.datos.conflicto) {
    const recargar = await dialogo(r.datos.mensaje, [['Seguir editando sin guardar', false], ['Recargar el archivo del disco (se pierden los cambios de la página)', true]]);
    if (recargar) { copia.quitar(S.archivo); await abrir(S.archivo, { recuperar: false }); }
    return;
  }
  aviso(r.datos.mensaje || 'No se pudo guardar. Sus cambios siguen en la página.');
}

const NOMBRES = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', html: 'HTML', md: 'Markdown' };

async function descargar(formato) {
  const boton = document.getElementById(`btn-${formato}`);
  boton.disabled = true;
  anunciar(`Preparando el ${NOMBRES[formato]}…`);
  const r = await api('POST', '/api/descargar', { archivo: S.archivo, version: S.version, valor: S.valor, formato });
  boton.disabled = false;
  boton.focus();
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  const nombre = `${S.archivo.replace(/\.yaml$/, '').split('/').pop()}.${formato}`;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(r.datos);
  a.download = nombre;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  aviso(`Se descargó ${nombre}: está en la carpeta de descargas de este navegador (normalmente «Descargas»).`);
}

// ---------------------------------------------------------------- arranque

async function arrancar() {
  // La barra de arriba queda fija: lo que recibe el foco, las secciones y el panel se ubican
  // debajo de ella, sea cual sea su alto (cambia con el ancho de la ventana).
  const barra = $('.barra');
  new ResizeObserver(() => document.documentElement.style.setProperty('--alto-barra', `${barra.offsetHeight}px`)).observe(barra);
  alRepintar((o) => pintarTodo(o));
  trasCambio(trasCadaCambio);
  $('.saltar').addEventListener('click', (ev) => {
    ev.preventDefault();
    (S.vista === 'plan' ? document.getElementById(ID_TITULO) : $('#t-planes'))?.focus();
  });
  $('#form-nuevo').addEventListener('submit', (ev) => crear(ev, abrir));
  $('#btn-guardar').addEventListener('click', guardar);
  $('#btn-deshacer').addEventListener('click', deshacer);
  $('#btn-rehacer').addEventListener('click', rehacer);
  for (const f of Object.keys(NOMBRES)) $(`#btn-${f}`).addEventListener('click', () => descargar(f));
  $('#modo-asesor').addEventListener('change', (ev) => { S.asesor = ev.target.checked; pintarTodo(); });
  $('#btn-lista').addEventListener('click', volverALista);
  document.addEventListener('keydown', (ev) => {
    if (!(ev.ctrlKey || ev.metaKey) || S.vista !== 'plan' || !$('#dialogo').hidden) return;
    const k = ev.key.toLowerCase();
    if (k === 's') { ev.preventDefault(); guardar(); }
    else if (k === 'z' && !ev.shiftKey) { ev.preventDefault(); deshacer(); }
    else if (k === 'y' || (k === 'z' && ev.shiftKey)) { ev.preventDefault(); rehacer(); }
  });
  window.addEventListener('beforeunload', (ev) => { if (S.sucio) { ev.preventDefault(); ev.returnValue = ''; } });
  window.addEventListener('pagehide', copia.escribir);
  document.addEventListener('visibilitychange', () => { if (document.hidden) copia.escribir(); });
  const r = await api('GET', '/api/formato');
  if (!r.ok) { aviso(r.datos.mensaje); return; }
  S.formato = r.datos;
  const m = location.hash.match(/plan=([^&]+)/);
  if (m) await abrir(decodeURIComponent(m[1]));
  else await inicio();
}

arrancar();
