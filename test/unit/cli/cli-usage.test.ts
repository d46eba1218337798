import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../functions/cli/main';

/*
 * The CLI's contract (docs/import.md → Exit codes), through main() with captured output: `--help` on every command
 * (exit 0, that command's options), `--version`, exit 2 with a message that names the bad value for every usage
 * error, exit 1 without a stack trace for expected failures. The real binary is tested in test/integration/cli.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-usage-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function portal(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const STACK_LINE = /^\s+at /m;

const OPTIONS_OF: Record<string, string[]> = {
  normalize: ['<type>', '<value>'],
  'staff-token': ['--user <name>', '--role <role>', '--minutes <n>'],
  generate: ['--count <n>', '--out <file>', '--seed <n>'],
  import: [
    '--input <file>',
    '--map <file>',
    '--target <target>',
    '--out <dir>',
    '--breach <id>',
    '--rejects <file>',
    '--pepper-file <file>',
    '--pepper-secret-id <id>',
    '--table <name>',
    '--endpoint <url>',
    '--workers <n>',
    '--merge-existing',
    '--concurrency <n>',
    '--checkpoint <file>',
    '--json',
  ],
  verify: [
    '--manifest <file>',
    '--table <name>',
    '--s3 <url>',
    '--target <target>',
    '--endpoint <url>',
    '--no-count',
    '--json',
  ],
  close: [
    '--template <file>',
    '--dry-run',
    '--confirm <stack>',
    '--region <region>',
    '--config <file>',
    '--deploy-config <file>',
    '--context <pair...>',
  ],
};

describe('help and version', () => {
  it.each(Object.keys(OPTIONS_OF))('portal %s --help lists its options on stdout, exit 0', async (command) => {
    const result = await portal(command, '--help');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(new RegExp(`^Usage: portal ${command} `));
    for (const option of OPTIONS_OF[command] ?? []) expect(result.out).toContain(option);
  });

  it('portal --help and portal help <command> exit 0; --help names every command', async () => {
    const top = await portal('--help');
    expect(top.code).toBe(0);
    for (const command of Object.keys(OPTIONS_OF)) expect(top.out).toMatch(new RegExp(`^  ${command} `, 'm'));
    const viaHelp = await portal('help', 'verify');
    expect(viaHelp).toMatchObject({ code: 0, out: expect.stringContaining('--manifest <file>') });
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    expect(await portal('--version')).toEqual({ code: 0, out: version, err: '' });
    expect(await portal('-V')).toEqual({ code: 0, out: version, err: '' });
  });

  it('with no command prints the help on stderr and exits 2', async () => {
    const result = await portal();
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('Usage: portal [options] [command]');
  });
});

describe('usage errors: exit 2, one line naming the bad value, then where the options are', () => {
  it.each([
    [['bogus'], /unknown command 'bogus'/, /portal --help/],
    [
      ['import', '--input', 'x.csv', '--inptu', 'y'],
      /unknown option '--inptu'[\s\S]*Did you mean --input\?/,
      /portal import --help/,
    ],
    [['import'], /required option '--input <file>' not specified/, /portal import --help/],
    [
      ['import', '--input', 'x.csv', '--target', 's3'],
      /'--target <target>' argument 's3' is invalid\. Allowed choices are local, aws, s3-files\./,
      /portal import --help/,
    ],
    [
      ['import', '--input', 'x.csv', '--workers', '0'],
      /'--workers <n>' argument '0' is invalid\. Expected a whole number from 1 up\./,
      /import --help/,
    ],
    [
      ['import', '--input', 'x.csv', '--concurrency', '300'],
      /'--concurrency <n>' argument '300' is invalid\. Expected a whole number from 1 to 256\./,
      /import --help/,
    ],
    [['import', '--input', 'x.csv', '--target', 's3-files'], /--target s3-files needs --out DIR/, /import --help/],
    [
      ['import', '--input', 'x.csv', '--target', 's3-files', '--out', 'o'],
      /needs --pepper-file FILE or --pepper-secret-id ID/,
      /import --help/,
    ],
    [
      ['import', '--input', 'x.csv', '--target', 'aws', '--table', 't'],
      /--target aws needs --pepper-secret-id ID and --table NAME/,
      /import --help/,
    ],
    [['verify', '--manifest', 'm.json'], /verify needs --table NAME or --s3/, /portal verify --help/],
    [
      ['verify', '--manifest', 'm.json', '--table', 't', '--target', 's3-files'],
      /argument 's3-files' is invalid\. Allowed choices are local, aws\./,
      /verify --help/,
    ],
    [
      ['generate', '--count', 'ten', '--out', 'x.csv'],
      /'--count <n>' argument 'ten' is invalid\. Expected a whole number from 0 up\./,
      /generate --help/,
    ],
    [
      ['staff-token', '--user', 'ann', '--role', 'boss'],
      /argument 'boss' is invalid\. Allowed choices are supervisor, agent\./,
      /staff-token --help/,
    ],
    [
      ['staff-token', '--user', 'ann smit', '--role', 'agent'],
      /--user must be .* \(got "ann smit"\)/,
      /staff-token --help/,
    ],
    [
      ['staff-token', '--user', 'ann', '--role', 'agent', '--minutes', '721'],
      /'--minutes <n>' argument '721' is invalid\. Expected a whole number from 1 to 720\./,
      /staff-token --help/,
    ],
    [
      ['normalize', 'mail', 'x'],
      /value 'mail' is invalid for argument 'type'\. Allowed choices are email, phone, customerNumber\./,
      /normalize --help/,
    ],
    [['normalize', 'email'], /missing required argument 'value'/, /normalize --help/],
    [['normalize', 'email', 'a@b.nl', 'c'], /too many arguments for 'normalize'/, /normalize --help/],
    [
      ['close', '--template', 'stack.json', '--dry-run'],
      /--template must be .*BreachPortal-<stage>\.template\.json \(got "stack\.json"\)/,
      /close --help/,
    ],
    [
      ['close', '--template', 'BreachPortal-prod.template.json', '--context', 'a=b;rm'],
      /--context must be KEY=VALUE .*\(got "a=b;rm"\)/,
      /close --help/,
    ],
  ])('portal %j', async (argv, message, hint) => {
    const result = await portal(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    const [first = '', ...rest] = result.err.split('\n');
    expect(result.err).toMatch(message);
    expect(first).toMatch(/^error: /);
    expect(rest.at(-1)).toMatch(hint);
    expect(result.err).not.toMatch(STACK_LINE);
  });
});

describe('expected failures: exit 1, the message and the fix, no stack trace', () => {
  it('a pepper file that does not exist', async () => {
    await writeFile(join(dir, 'breach.csv'), 'email\n');
    const missing = join(dir, 'no-pepper.key');
    const result = await portal(
      'import',
      '--input',
      join(dir, 'breach.csv'),
      '--target',
      's3-files',
      '--out',
      join(dir, 'out'),
      '--pepper-file',
      missing,
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Import failed (bad_pepper): Cannot read the pepper file ${missing}`);
    expect(result.err).not.toMatch(STACK_LINE);
  });

  it('an unreadable BREACH_CONFIG names the file and the variable', async () => {
    const previous = process.env.BREACH_CONFIG;
    process.env.BREACH_CONFIG = join(dir, 'no-such-config.json');
    try {
      const result = await portal('normalize', 'email', 'Jan@Example.nl');
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/cannot read .*no-such-config\.json: ENOENT\nPoint BREACH_CONFIG at a readable/);
      expect(result.err).not.toMatch(STACK_LINE);
    } finally {
      if (previous === undefined) delete process.env.BREACH_CONFIG;
      else process.env.BREACH_CONFIG = previous;
    }
  });

  it('an invalid identifier (normalize exits 1 with the reason) and a manifest that is not there', async () => {
    expect(await portal('normalize', 'email', 'not-an-email')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^invalid_email: /),
    });
    const verify = await portal('verify', '--manifest', join(dir, 'none.json'), '--table', 't');
    expect(verify).toMatchObject({ code: 1, err: expect.stringContaining('Cannot read') });
    expect(verify.err).not.toMatch(STACK_LINE);
  });
});

describe('unexpected errors: exit 1 with the message; the stack only with DEBUG', () => {
  it('a template path that is a folder (EISDIR is no expected failure of close)', async () => {
    const template = join(dir, 'BreachPortal-prod.template.json');
    await mkdir(template, { recursive: true });
    const previous = process.env.DEBUG;
    try {
      delete process.env.DEBUG;
      const quiet = await portal('close', '--template', template, '--dry-run');
      expect(quiet.code).toBe(1);
      expect(quiet.err).toMatch(/^portal close failed unexpectedly: .*EISDIR.*\nSet DEBUG=1 to see where/);
      expect(quiet.err).not.toMatch(STACK_LINE);
      process.env.DEBUG = '1';
      const debug = await portal('close', '--template', template, '--dry-run');
      expect(debug.code).toBe(1);
      expect(debug.err).toMatch(STACK_LINE);
    } finally {
      if (previous === undefined) delete process.env.DEBUG;
      else process.env.DEBUG = previous;
    }
  });
});
