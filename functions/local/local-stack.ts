import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Logger } from '@aws-lambda-powertools/logger';
import { localTableNames } from '../../contract/tables';
import { createDynamoDbStores } from '../adapters/dynamodb/dynamodb-stores';
import { LocalDevSecretBox } from '../adapters/kms/local-dev-secret-box';
import { InProcessEmailQueue } from '../adapters/queue/in-process-email-queue';
import { SesMailer } from '../adapters/ses/ses-mailer';
import { EndUserMessagingSmsSender } from '../adapters/sms/end-user-messaging-sms-sender';
import { breachConfigPathFromEnv, loadBreachConfig } from '../config/load-breach-config';
import type { BreachConfig } from '../core/breach-config';
import { type Clock, systemClock } from '../core/ports';
import type { PortalDependencies } from '../dependencies';
import { fixedOriginGuard } from '../http/origin-guard';
import { appLoggerOf, SERVICE_NAME } from '../observability/powertools';
import { type DemoSeedResult, seedDemoDataOnce } from './demo-data';
import { createEmailSender } from './email-sender';
import { createEmulatorClients, ensureTables, startDynamoDbEmulator } from './emulators/dynamodb-emulator';
import { assertPortsFree } from './emulators/port-check';
import { createEmulatorSesClient, startSesEmulator } from './emulators/ses-emulator';
import { createEmulatorSmsClient, startSmsEmulator } from './emulators/sms-emulator';
import { prepareRunSite } from './gateway/local-site-pages';
import { createPortalRequestListener } from './gateway/portal-server';
import { InboxLinkMailer } from './inbox-link-mailer';
import { lockLocalDir } from './local-dir-lock';
import { loadOrCreateLocalPepper } from './local-pepper';
import { mountRoutes } from './mount-routes';
import { buildSiteForRun, copySiteForRun, siteDistDir } from './site-build';
import { createLocalStaffLoginHandler, describeDemoStaffAccounts, LOCAL_STAFF_LOGIN_PATH } from './staff-accounts';
import { loadOrCreateLocalStaffIssuer } from './staff-issuer';

/*
 * The whole portal on one machine (DESIGN §6): dynalite, the SES emulator, the SMS outbox stand-in, the local pepper, the in-process queue,
 * the local staff issuer and the built site, with the real handlers of contract/routes.ts on one origin. `npm start`
 * calls this with the fixed default ports; the browser tests call it with port 0 and a temporary LOCAL_DIR.
 */

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface LocalStackOptions {
  /** Portal port (0 = any free port). */
  port: number;
  dynamoDbPort: number;
  sesPort: number;
  /** The SMS outbox emulator's port (`npm start` passes 8006 or SMS_PORT; default 0 = any free port). */
  smsPort?: number;
  /** Where the emulator data, the pepper, the staff key and the seed marker live. */
  localDir: string;
  breachConfigPath?: string;
  host?: string;
  /** Synthetic customers in the demo breach (default 2 000). */
  generatedCustomers?: number;
  /** A site built before (a test's beforeAll, SITE_DIR): served (a copy of it) instead of building one. */
  siteDir?: string;
  /** False: no build, serve siteDir or else site/dist as `npm run build` left it (default: build for this run). */
  buildSite?: boolean;
  clock?: Clock;
  /** Powertools log level of the handlers (tests pass 'ERROR' to keep their output readable). */
  logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';
  log?: (line: string) => void;
}

export interface LocalStackUrls {
  portal: string;
  /** The SES emulator's inbox page: where a person reads the mail the portal sent. */
  inbox: string;
  /** SES emulator API (GET /store lists the sent mail as JSON). */
  ses: string;
  /** The SMS outbox emulator's inbox page (texts the portal sent); its JSON store is at `${smsInbox}store`. */
  smsInbox: string;
  /** SMS outbox emulator API (SendTextMessage; GET /store lists the sent texts as JSON). */
  sms: string;
  staff: string;
  dynamoDb: string;
}

export interface LocalStack {
  urls: LocalStackUrls;
  config: BreachConfig;
  localDir: string;
  /** This run's copy of the site, as served (removed by stop). */
  siteDir: string;
  demo: DemoSeedResult;
  /** How to sign in to the staff console locally (printed at start). */
  staffAccountsDescription: string[];
  /** Resolves when every queued mail has been sent (or dead-lettered). */
  mailSettled(): Promise<void>;
  /** Closes the portal, sends the queued mail, then closes the SES emulator and dynalite. */
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const breachConfigPath = options.breachConfigPath ?? breachConfigPathFromEnv();
  const config = await loadBreachConfig(breachConfigPath);
  await assertPortsFree(
    [
      { port: options.port, variable: 'PORT' },
      { port: options.dynamoDbPort, variable: 'DYNAMODB_PORT' },
      { port: options.sesPort, variable: 'SES_PORT' },
      { port: options.smsPort ?? 0, variable: 'SMS_PORT' },
    ],
    host,
  );
  await mkdir(options.localDir, { recursive: true, mode: 0o700 });

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  };
  stops.push(await lockLocalDir(options.localDir));
  try {
    const buildsSite = options.siteDir === undefined && options.buildSite !== false;
    if (buildsSite) log('Building the site for this run…');
    // Astro's progress goes where the stack's own log goes: to the person at `npm start`, not into test output.
    const site = buildsSite
      ? await buildSiteForRun(PROJECT_ROOT, breachConfigPath, { showOutput: options.log !== undefined })
      : await copySiteForRun(PROJECT_ROOT, options.siteDir ?? siteDistDir(PROJECT_ROOT));
    stops.push(site.remove);
    const dynamo = await startDynamoDbEmulator({
      port: options.dynamoDbPort,
      host,
      path: join(options.localDir, 'dynamodb'),
    });
    stops.push(dynamo.stop);
    const { client, documentClient } = createEmulatorClients(dynamo.endpoint);
    stops.push(async () => client.destroy());
    const tableNames = localTableNames();
    await ensureTables(client, tableNames);

    const ses = await startSesEmulator({ port: options.sesPort, host });
    stops.push(ses.stop);
    const sesClient = createEmulatorSesClient(ses.endpoint);
    stops.push(async () => sesClient.destroy());

    const sms = await startSmsEmulator({ port: options.smsPort ?? 0, host });
    stops.push(sms.stop);
    const smsClient = createEmulatorSmsClient(sms.endpoint);
    stops.push(async () => smsClient.destroy());

    const pepper = await loadOrCreateLocalPepper(options.localDir);
    const staffIssuer = await loadOrCreateLocalStaffIssuer(options.localDir);
    const clock = options.clock ?? systemClock;
    const logger = appLoggerOf(new Logger({ serviceName: SERVICE_NAME, logLevel: options.logLevel ?? 'INFO' }));
    const stores = createDynamoDbStores({ client: documentClient, tableNames, clock });

    // The origin must be known before the portal listens (result links are built on it): bind first, serve later.
    const portal = await listen(options.port, host);
    stops.push(() => closePortal(portal));
    const origin = `http://${host}:${(portal.address() as AddressInfo).port}`;

    // Plays the CloudFront origin secret: new each start, known only to this process (the portal server sends it).
    const originSecret = randomBytes(32).toString('base64url');
    const originGuard = fixedOriginGuard([originSecret]);
    const mailer = new InboxLinkMailer(new SesMailer(sesClient));
    const dependencies: PortalDependencies = {
      config,
      pepper: async () => pepper,
      ...stores,
      secretBox: await LocalDevSecretBox.fromKeyFile(join(options.localDir, 'secret-box.key')),
      // Replaced below once the queue exists; the queue's worker needs the dependencies first.
      emailQueue: { enqueue: async () => {} },
      mailer,
      smsSender: new EndUserMessagingSmsSender(smsClient, {
        originationIdentity: config.sms?.senderId ?? config.organisation.name,
        configurationSetName: 'local',
      }),
      clock,
      logger,
      staffTokens: staffIssuer.verifier,
      originGuard,
      origin,
    };
    const sendEmail = await createEmailSender(PROJECT_ROOT, dependencies);
    const queue = new InProcessEmailQueue({ deliver: sendEmail, logger, baseDelayMs: 200, maxDelayMs: 5_000 });
    dependencies.emailQueue = queue;
    stops.push(async () => {
      // Ctrl-C must not lose a confirmation mail that was accepted with 202: first stop taking requests (closing the
      // portal again below is harmless), then send what is queued, then let the emulators go.
      await closePortal(portal);
      let giveUp: NodeJS.Timeout | undefined;
      await Promise.race([queue.idle(), new Promise((resolve) => (giveUp = setTimeout(resolve, 10_000)))]);
      clearTimeout(giveUp);
      queue.close();
    });

    const routes = await mountRoutes(dependencies);
    // The dev login is local only: it is not in contract/routes.ts, so it can never be deployed.
    routes.push({
      id: 'LocalStaffLogin',
      method: 'POST',
      path: LOCAL_STAFF_LOGIN_PATH,
      handler: createLocalStaffLoginHandler({ issuer: staffIssuer, logger, originGuard }),
    });

    const demo = await seedDemoDataOnce({
      localDir: options.localDir,
      config,
      pepper,
      exposures: stores.exposures,
      generatedCustomers: options.generatedCustomers,
    });

    const urls: LocalStackUrls = {
      portal: origin,
      inbox: `${ses.endpoint}/`,
      ses: ses.endpoint,
      smsInbox: `${sms.endpoint}/`,
      sms: sms.endpoint,
      staff: `${origin}/staff/`,
      dynamoDb: dynamo.endpoint,
    };
    await prepareRunSite(site.dir, { inboxUrl: urls.inbox, smsInboxUrl: urls.smsInbox });
    const listener = createPortalRequestListener({
      routes,
      siteRoot: site.dir,
      securityHeaders: await loadSecurityHeaders(PROJECT_ROOT),
      localInfo: { inboxUrl: urls.inbox, smsInboxUrl: urls.smsInbox },
      originSecret,
      onError: (error) => logger.error('local server error', { errorName: (error as Error)?.name }),
    });
    portal.on('request', listener);

    return {
      urls,
      config,
      localDir: options.localDir,
      siteDir: site.dir,
      demo,
      staffAccountsDescription: describeDemoStaffAccounts(urls.staff),
      mailSettled: () => queue.idle(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => {});
    throw error;
  }
}

/** The headers the CDN's response-headers policy sends (the site's own file, shared with infra/site.ts). */
export async function loadSecurityHeaders(projectRoot: string): Promise<Record<string, string>> {
  const file = join(projectRoot, 'site', 'security-headers.json');
  const headers = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

function listen(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // The request listener is attached once everything is wired; no request can arrive before start returns.
    const server = createServer();
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function closePortal(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Browsers keep connections open; give in-flight requests a moment, then cut the rest.
    setTimeout(() => server.closeAllConnections(), 1_000).unref();
  });
}
