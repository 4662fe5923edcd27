// El estado de la página sin navegador: el catálogo de campos guía los caminos, los elementos
// nuevos, las cabeceras, y deshacer agrupa lo que se escribe seguido en un campo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { S, abrir, campoDe, cambiar, deshacer, estructural, nuevoItem, rehacer, resumenItem, siguienteId, trasCambio } from '../../src/editor/recursos/estado.js';

// El catálogo tal como lo sirve GET /api/formato (la prueba de Rust lo escribe aquí).
const formato = JSON.parse(readFileSync(process.env.CANTONAL_FORMATO, 'utf8'));
S.formas = formato;
S.formato = formato.plan;
const lista = (clave) => formato.plan.campos.find((c) => c.clave === clave).tipo.lista;

function plan() {
  abrir({
    archivo: 'x.yaml', version: 'v1', pendiente: 'POR COMPLETAR', resumen: { avisos: [], secciones: {}, total: {} },
    catalogos: {
      etapas: [
        { id: 'identificacion', nombre: 'Identificación y detección', vigente: true, nota: 'obligatoria' },
        { id: 'proteccion_inmediata', nombre: 'Protección inmediata y acogida', vigente: true, nota: 'obligatoria' },
        { id: 'seguimiento', nombre: 'Seguimiento del caso', vigente: true },
      ],
      poblaciones_ruta: [{ id: 'ninez', nombre: 'Niñas, niños y adolescentes', vigente: true }],
    },
    valor: {
      periodo: { inicio: '2027-01-01', fin: '2029-12-31' },
      actores: [{ id: 'gad', nombre: 'GAD Municipal' }],
      acciones: [{ id: 'A1', descripcion: 'Talleres' }, { id: 'A7', descripcion: 'Visitas' }],
      ruta_atencion: [{ etapa: 'identificacion' }],
    },
  });
}

test('el camino de un campo lleva a su descripción en el catálogo', () => {
  plan();
  assert.equal(campoDe(['acciones', 0, 'indicador', 'meta']).etiqueta, 'Meta');
  assert.equal(campoDe(['diagnostico', 'casos', 2, 'desglose', 'sexo', 'mujeres']).etiqueta, 'Mujeres');
  assert.equal(campoDe(['no_existe']), null);
});

test('un elemento nuevo: id siguiente, fechas del período, nada elegido por la persona', () => {
  plan();
  assert.equal(siguienteId(S.valor.acciones, 'A'), 'A8');
  const a = nuevoItem(lista('acciones'), S.valor.acciones, { inicio: '2027-01-01', fin: '2029-12-31' });
  assert.equal(a.id, 'A8');
  assert.equal(a.descripcion, '');
  assert.deepEqual(a.plazo, { inicio: '2027-01-01', fin: '2029-12-31' });
  assert.equal(a.responsable, undefined, 'the page never picks a responsible');
  assert.equal(a.objetivo, undefined);
  const e = nuevoItem(lista('ruta_atencion'), S.valor.ruta_atencion, { etapas: S.catalogos.etapas });
  assert.equal(e.etapa, 'proteccion_inmediata', 'the first required stage still missing');
});

test('la cabecera de una etapa de la ruta dice a quién atiende y quién responde', () => {
  plan();
  const item = { etapa: 'identificacion', poblacion: 'ninez', responsable: 'gad' };
  assert.equal(resumenItem(lista('ruta_atencion'), item, 0), 'Identificación y detección — Niñas, niños y adolescentes — GAD Municipal');
  assert.equal(resumenItem(lista('acciones'), { id: 'A1' }, 0), 'A1');
  assert.match(resumenItem(lista('acciones'), {}, 4), /5/);
});

test('lo escrito seguido en un campo se deshace junto; un cambio de forma, solo', () => {
  plan();
  const cambios = [];
  trasCambio((c) => cambios.push(c));
  cambiar(['acciones', 0, 'descripcion'], 'Talleres en');
  cambiar(['acciones', 0, 'descripcion'], 'Talleres en colegios');
  estructural(() => S.valor.acciones.pop());
  assert.equal(S.sucio, true);
  deshacer();
  assert.equal(S.valor.acciones.length, 2);
  assert.equal(S.valor.acciones[0].descripcion, 'Talleres en colegios');
  deshacer();
  assert.equal(S.valor.acciones[0].descripcion, 'Talleres');
  assert.equal(S.sucio, false, 'back to what is on disk');
  rehacer();
  assert.equal(S.valor.acciones[0].descripcion, 'Talleres en colegios');
  assert.ok(cambios.some((c) => c.estructura) && cambios.some((c) => !c.estructura));
});

test('un campo opcional vacío sale del archivo, y su grupo vacío con él', () => {
  plan();
  cambiar(['acciones', 0, 'presupuesto', 'fuente'], 'GAD');
  cambiar(['acciones', 0, 'presupuesto', 'fuente'], undefined);
  assert.equal(S.valor.acciones[0].presupuesto, undefined);
});

test('un seguimiento se abre con su propia forma y nombra las acciones del plan que sigue', () => {
  abrir({
    forma: 'seguimiento', archivo: 'x.seguimiento.yaml', version: 'v1', pendiente: 'POR COMPLETAR',
    resumen: { avisos: [], secciones: {}, total: {} }, catalogos: {},
    plan: 'x.yaml', listas: { acciones: [{ id: 'A1', descripcion: 'Talleres en colegios' }] },
    valor: { formato: 1, cortes: [{ fecha_corte: '2026-09-30', informa: 'Unidad de Planificación', acciones: [{ accion: 'A1', estado: 'en_curso' }] }] },
  });
  assert.equal(S.formato.id, 'seguimiento');
  assert.equal(S.seccion, 'cortes');
  assert.equal(S.descarga, 'x.seguimiento');
  const cortes = formato.seguimiento.campos.find((c) => c.clave === 'cortes').tipo.lista;
  assert.equal(resumenItem(cortes, S.valor.cortes[0], 0), '30 de septiembre de 2026 — Unidad de Planificación');
  const entradas = cortes.campos.find((c) => c.clave === 'acciones').tipo.lista;
  assert.equal(resumenItem(entradas, S.valor.cortes[0].acciones[0], 0), 'A1 — Talleres en colegios — En curso');
  assert.equal(campoDe(['cortes', 0, 'acciones', 0, 'estado']).etiqueta, 'Estado');
  // El plan se vuelve a abrir con la suya.
  plan();
  assert.equal(S.formato.id, 'plan');
});
