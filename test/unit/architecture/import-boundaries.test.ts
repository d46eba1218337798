import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/*
 * The arrows between the parts (docs/architecture.md), checked on every import specifier of every .ts file —
 * static, dynamic and type-only alike, since a type import is still an arrow a reader has to follow:
 * - contract/ is pure data: it imports nothing, neither the project's other parts nor an npm package;
 * - functions/ never imports infra/ (both read the shared facts from contract/);
 * - infra/ imports contract/ and, of functions/, only the pure core (the breach-config schema, the errors);
 * - no import cycle among functions/ modules (e.g. handlers ↔ wiring).
 */

const ROOT = resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** The project file a relative specifier names (without extension, as written), or undefined for a package. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

interface ImportArrow {
  from: string;
  specifier: string;
  /** Project-relative path of the imported file; undefined for an npm or node: module. */
  to?: string;
}

function importsOf(file: string): ImportArrow[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName }) => {
    const target = resolveSpecifier(file, fileName);
    return { from: relative(ROOT, file), specifier: fileName, to: target && relative(ROOT, target) };
  });
}

const arrows = ['contract', 'functions', 'infra'].flatMap((part) => sourceFiles(join(ROOT, part))).flatMap(importsOf);
const describeArrow = (arrow: ImportArrow) => `${arrow.from} → ${arrow.specifier}`;
const under = (path: string | undefined, folder: string) => path?.startsWith(`${folder}/`);

describe('import boundaries', () => {
  it('sees the files it checks', () => {
    expect(arrows.some((arrow) => under(arrow.from, 'functions'))).toBe(true);
    expect(arrows.some((arrow) => under(arrow.from, 'infra'))).toBe(true);
  });

  it('contract/ imports nothing outside itself: no project part, no package', () => {
    const offending = arrows.filter((arrow) => under(arrow.from, 'contract') && !under(arrow.to, 'contract'));
    expect(offending.map(describeArrow)).toEqual([]);
  });

  it('functions/ never imports infra/', () => {
    const offending = arrows.filter((arrow) => under(arrow.from, 'functions') && under(arrow.to, 'infra'));
    expect(offending.map(describeArrow)).toEqual([]);
  });

  it('infra/ imports only contract/ and functions/core/ of the project', () => {
    const offending = arrows.filter(
      (arrow) => under(arrow.from, 'infra') && under(arrow.to, 'functions') && !under(arrow.to, 'functions/core'),
    );
    expect(offending.map(describeArrow)).toEqual([]);
  });

  it('functions/ has no import cycle (type imports count)', () => {
    const graph = new Map<string, string[]>();
    for (const arrow of arrows) {
      if (!under(arrow.from, 'functions') || !under(arrow.to, 'functions') || !arrow.to?.endsWith('.ts')) continue;
      graph.set(arrow.from, [...(graph.get(arrow.from) ?? []), arrow.to]);
    }
    expect(cyclesIn(graph)).toEqual([]);
  });
});

/** One cycle per strongly connected group of modules (depth-first search), each as the path that closes it. */
function cyclesIn(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
