import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EMAIL_SENDER, ROUTES } from '../../../contract/routes';
import { ROUTE_HANDLER_MODULES } from '../../../functions/local/mount-routes';

/*
 * The route table names handler modules (`entry`), the local stack reaches them through a registry keyed by route id
 * (functions/local/mount-routes.ts): both must point at the same module, and every handler module has the one
 * standard shape of functions/wiring/deployed.ts, `handler` for the Lambda and `create` for the local stack and tests.
 */

const ROOT = resolve(__dirname, '../../..');

describe('handler modules', () => {
  it.each(ROUTES.map((route) => [route.id, route] as const))(
    '%s: the registry loads the module its entry names',
    async (_id, route) => {
      const fromRegistry = await ROUTE_HANDLER_MODULES[route.id]();
      const fromEntry = await import(join(ROOT, route.entry));
      expect(fromRegistry.create).toBe(fromEntry.create);
    },
  );

  it('the registry has no route that the table lacks', () => {
    expect(Object.keys(ROUTE_HANDLER_MODULES).sort()).toEqual(ROUTES.map((route) => route.id).sort());
  });

  it('every file in functions/handlers is a row of the table, with the standard exports', async () => {
    const entries = [...ROUTES.map((route) => route.entry), EMAIL_SENDER.entry].sort();
    const files = readdirSync(join(ROOT, 'functions/handlers')).map((name) => `functions/handlers/${name}`);
    expect(files.sort()).toEqual(entries);
    for (const entry of entries) {
      const module = await import(join(ROOT, entry));
      expect([entry, typeof module.handler, typeof module.create]).toEqual([entry, 'function', 'function']);
    }
  });
});
