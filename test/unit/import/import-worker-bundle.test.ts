import { importWorkerEntry } from '../../../functions/import/import-worker-bundle';

// The import falls back to the tsx bootstrap when esbuild fails, and would still pass every other test, only slower
// (docs/performance.md → Import): this test is what notices a worker that no longer bundles.
test('the import worker is bundled into one module', async () => {
  const entry = await importWorkerEntry();
  expect(entry.protocol).toBe('data:');
  const code = decodeURIComponent(entry.href.slice(entry.href.indexOf(',') + 1));
  expect(code).toContain('createRowHasher');
  // Bundled whole: nothing left for a loader to resolve but Node's own modules.
  expect(code).not.toMatch(/from\s+["']\.{1,2}\//);
});
