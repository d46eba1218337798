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

/**
 * Everything a handler may be given. Each handler factory takes only the `Pick<>` it needs, so its Lambda bundle and
 * IAM grants stay small. Built by functions/production.ts (AWS) and functions/local/ (the local stack); tests build
 * their own from memory adapters or the emulators.
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
