import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PortalError } from '../../../functions/core/errors';
import { STATUS_BY_CODE } from '../../../functions/http/error-status';

/*
 * Every error class in functions/ is found by reading the source (an exported class extending some *Error), loaded,
 * and asked for its codes: the HTTP status table must have a row for each, and no row for a code nobody throws.
 */

const FUNCTIONS = join(__dirname, '../../../functions');
const DECLARES_ERROR_CLASS = /export class \w+ extends \w+Error\b/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

type ErrorClass = (new (...args: unknown[]) => PortalError) & { codes: readonly string[] };

async function portalErrorClasses(): Promise<ErrorClass[]> {
  const files = sourceFiles(FUNCTIONS).filter((file) => DECLARES_ERROR_CLASS.test(readFileSync(file, 'utf8')));
  const modules = await Promise.all(files.map(async (file) => (await import(file)) as Record<string, unknown>));
  const classes = modules.flatMap((module) =>
    Object.values(module).filter(
      (value): value is ErrorClass => typeof value === 'function' && value.prototype instanceof PortalError,
    ),
  );
  return [...new Set(classes)];
}

// Tried in turn until one builds an instance: the constructors take a code, a retry time, a locale, a field name…
const SAMPLE_ARGUMENTS: unknown[][] = [[], ['invalid_request', 'message'], [1, 'en', 0], ['field', ['email'], 'en']];

function instanceOf(errorClass: ErrorClass): PortalError | undefined {
  for (const args of SAMPLE_ARGUMENTS) {
    try {
      const error = new errorClass(...args);
      if (errorClass.codes.includes(error.code)) return error;
    } catch {
      // Not these arguments; try the next.
    }
  }
  return undefined;
}

let classes: ErrorClass[];
beforeAll(async () => {
  classes = await portalErrorClasses();
});

describe('the code → status table', () => {
  it('finds the error classes of the core, the adapters, the HTTP stack and the local stack', () => {
    const names = classes.map((errorClass) => errorClass.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'InvalidInputError',
        'TokenUnknownError',
        'SmsBudgetExhaustedError',
        'AuditLogUnavailableError',
        'UnprocessedWritesError',
        'ForbiddenOriginError',
        'InvalidCredentialsError',
      ]),
    );
    expect(classes.length).toBeGreaterThanOrEqual(30);
  });

  it('has a row for every code an error class can carry', () => {
    const missing = classes.flatMap((errorClass) =>
      errorClass.codes.length === 0
        ? [`${errorClass.name} declares no codes`]
        : errorClass.codes.filter((code) => !(code in STATUS_BY_CODE)).map((code) => `${errorClass.name}: ${code}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no row for a code that no class carries', () => {
    const carried = new Set(classes.flatMap((errorClass) => errorClass.codes));
    expect(Object.keys(STATUS_BY_CODE).filter((code) => !carried.has(code))).toEqual([]);
  });

  it("builds each class with one of its declared codes, and a failure (5xx) is exactly the core's `failure` kind", () => {
    const mismatches = classes.flatMap((errorClass) => {
      const error = instanceOf(errorClass);
      if (!error) return [`${errorClass.name}: no instance carries a declared code`];
      const status = STATUS_BY_CODE[error.code] ?? 0;
      const statusIsFailure = status >= 500;
      return statusIsFailure === (error.kind === 'failure') ? [] : [`${errorClass.name}: ${error.kind} but ${status}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('maps only to client and server error statuses', () => {
    for (const status of Object.values(STATUS_BY_CODE)) expect([4, 5]).toContain(Math.floor(status / 100));
  });
});
