import type { BreachConfig } from './core/breach-config';
import type { Pepper } from './core/identifier-hash';
import type {
  AppLogger,
  AssistRequestStore,
  AuditLog,
  Clock,
  CounterStore,
  EmailQueue,
  ExposureStore,
  Mailer,
  SecretBox,
  SmsSender,
  StaffTokenVerifier,
  TokenStore,
} from './core/ports';
import type { OriginGuard } from './http/origin-guard';
import type { CountMetrics } from './observability/powertools';

/**
 * Everything a handler may be given. Each handler factory takes only the `Pick<>` it needs (the route types below),
 * so its Lambda bundle and IAM grants stay small. Built by functions/wiring/ (AWS) and functions/local/ (the local
 * stack); tests build their own from memory adapters or the emulators. The route types live here, not in the handler
 * files, so the wiring that builds them never imports a handler (a handler imports the wiring).
 */
export interface PortalDependencies {
  config: BreachConfig;
  /** Fetched once per container (Secrets Manager deployed, .local/ locally) and cached. */
  pepper: () => Promise<Pepper>;
  exposures: ExposureStore;
  tokens: TokenStore;
  counters: CounterStore;
  audit: AuditLog;
  assistRequests: AssistRequestStore;
  secretBox: SecretBox;
  emailQueue: EmailQueue;
  mailer: Mailer;
  /** Sends the texts of phone checks (End User Messaging SMS deployed, the SMS outbox emulator locally). */
  smsSender: SmsSender;
  clock: Clock;
  logger: AppLogger;
  /** Refuses every request that did not come through CloudFront (the local portal server plays CloudFront). */
  originGuard: OriginGuard;
  staffTokens: StaffTokenVerifier;
  /** Public origin of the site, e.g. https://datalek.example.nl — result links are built on it. */
  origin: string;
}

export type CreateCheckDependencies = Pick<
  PortalDependencies,
  'originGuard' | 'config' | 'pepper' | 'exposures' | 'tokens' | 'counters' | 'emailQueue' | 'clock' | 'logger'
>;

export type RedeemResultDependencies = Pick<
  PortalDependencies,
  'originGuard' | 'config' | 'pepper' | 'exposures' | 'tokens' | 'counters' | 'clock' | 'logger'
>;

export type CreateAssistRequestDependencies = Pick<
  PortalDependencies,
  'originGuard' | 'config' | 'pepper' | 'assistRequests' | 'counters' | 'secretBox' | 'clock' | 'logger'
>;

export type SendEmailDependencies = Pick<
  PortalDependencies,
  'config' | 'origin' | 'mailer' | 'smsSender' | 'logger'
> & {
  metrics?: CountMetrics;
  /** Decides whether a job outlived its token; the system clock when omitted. */
  clock?: Clock;
};

/** What every staff route needs to check the caller and write its audit row (functions/http/staff-auth.ts). */
export type StaffAuthDependencies = Pick<
  PortalDependencies,
  'staffTokens' | 'audit' | 'clock' | 'config' | 'originGuard'
>;

export type StaffLookupHandlerDependencies = StaffAuthDependencies &
  Pick<PortalDependencies, 'pepper' | 'exposures' | 'counters' | 'logger'>;

export type StaffConfirmationHandlerDependencies = StaffAuthDependencies &
  Pick<PortalDependencies, 'pepper' | 'exposures' | 'tokens' | 'counters' | 'emailQueue' | 'logger'>;

export type StaffListAssistRequestsHandlerDependencies = StaffAuthDependencies &
  Pick<PortalDependencies, 'assistRequests' | 'secretBox' | 'counters' | 'logger'>;

export type StaffUpdateAssistRequestHandlerDependencies = StaffAuthDependencies &
  Pick<PortalDependencies, 'assistRequests' | 'logger'>;

export type StaffAuditHandlerDependencies = StaffAuthDependencies & Pick<PortalDependencies, 'logger'>;

export type StaffMetricsHandlerDependencies = StaffAuthDependencies & Pick<PortalDependencies, 'counters' | 'logger'>;
