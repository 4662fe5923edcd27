// La copia de recuperación sin navegador: lo escrito llega al almacén aunque se salga del plan
// antes de que pase la calma, una copia pendiente no se pierde al cambiar de plan, y un almacén
// lleno se dice en castellano.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { claveCopia, crearCopia } from '../../src/editor/recursos/copia.js';

function almacen({ lleno = false } = {}) {
  const datos = new Map();
  return {
    datos,
    getItem: (k) => (datos.has(k) ? datos.get(k) : null),
    setItem: (k, v) => { if (lleno) throw new Error('QuotaExceededError'); datos.set(k, v); },
    removeItem: (k) => datos.delete(k),
  };
}

test('salir del plan antes de la calma deja la copia escrita', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const a = almacen();
  const copia = crearCopia(a, () => assert.fail('no debía fallar'));
  copia.anotar({ archivo: 'sucua.yaml', version: 'v1', valor: { objetivo_general: 'Proteger' }, sucio: true });
  assert.equal(a.datos.size, 0, 'la calma aún no pasó');
  copia.escribir();
  assert.deepEqual(JSON.parse(a.getItem(claveCopia('sucua.yaml'))), { version: 'v1', valor: { objetivo_general: 'Proteger' } });
  mock.timers.reset();
});

test('la calma escribe sola la última anotación', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const a = almacen();
  const copia = crearCopia(a, () => {});
  copia.anotar({ archivo: 'x.yaml', version: 'v1', valor: { n: 1 }, sucio: true });
  copia.anotar({ archivo: 'x.yaml', version: 'v1', valor: { n: 2 }, sucio: true });
  mock.timers.tick(300);
  assert.deepEqual(JSON.parse(a.getItem(claveCopia('x.yaml'))).valor, { n: 2 });
  mock.timers.reset();
});

test('volver a abrir el mismo plan ofrece lo anotado, no lo borra', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const a = almacen();
  const copia = crearCopia(a, () => {});
  copia.anotar({ archivo: 'sucua.yaml', version: 'v1', valor: { canton: 'Sucúa' }, sucio: true });
  // El plan se abre otra vez enseguida: el estado de la página ya es el del disco.
  assert.deepEqual(copia.leer('sucua.yaml').valor, { canton: 'Sucúa' });
  mock.timers.tick(1000);
  assert.ok(a.getItem(claveCopia('sucua.yaml')), 'la copia sigue después de la calma');
  mock.timers.reset();
});

test('anotar otro plan escribe antes la copia pendiente del anterior', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const a = almacen();
  const copia = crearCopia(a, () => {});
  copia.anotar({ archivo: 'a.yaml', version: 'v1', valor: { n: 'a' }, sucio: true });
  copia.anotar({ archivo: 'b.yaml', version: 'v1', valor: { n: 'b' }, sucio: true });
  assert.deepEqual(JSON.parse(a.getItem(claveCopia('a.yaml'))).valor, { n: 'a' });
  mock.timers.reset();
});

test('deshacer hasta lo guardado quita la copia; guardar quita la pendiente', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  const a = almacen();
  const copia = crearCopia(a, () => {});
  copia.anotar({ archivo: 'x.yaml', version: 'v1', valor: { n: 1 }, sucio: true });
  copia.escribir();
  copia.anotar({ archivo: 'x.yaml', version: 'v1', valor: { n: 0 }, sucio: false });
  copia.escribir();
  assert.equal(a.getItem(claveCopia('x.yaml')), null);
  copia.anotar({ archivo: 'x.yaml', version: 'v1', valor: { n: 1 }, sucio: true });
  copia.quitar('x.yaml');
  mock.timers.tick(1000);
  assert.equal(a.getItem(claveCopia('x.yaml')), null);
  mock.timers.reset();
});

test('un almacén lleno se dice en castellano y una copia ilegible no rompe nada', () => {
  const mensajes = [];
  const copia = crearCopia(almacen({ lleno: true }), (m) => mensajes.push(m));
  copia.anotar({ archivo: 'x.yaml', version: 'v1', valor: { n: 1 }, sucio: true });
  copia.escribir();
  assert.equal(mensajes.length, 1);
  assert.match(mensajes[0], /no pudo guardar la copia de recuperación.*Guarde el plan ahora/);
  const a = almacen();
  a.datos.set(claveCopia('y.yaml'), '{roto');
  assert.equal(crearCopia(a, () => {}).leer('y.yaml'), null);
  assert.equal(a.getItem(claveCopia('y.yaml')), null);
});
