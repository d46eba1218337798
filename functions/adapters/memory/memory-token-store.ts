import { ConflictError } from '../../core/errors';
import type { Clock, TokenRecord, TokenStore } from '../../core/ports';
import { isExpired } from '../dynamodb/item-expiry';

/**
 * In-memory TokenStore with the DynamoDB adapter's semantics: create never overwrites (the same record again is
 * taken as a retry and succeeds); get returns the record even when expired (the redeem use case tells "expired"
 * from "unknown"); markRedeemed wins only once and never on an expired token. test/support/port-contracts holds
 * the contract both adapters are tested against.
 */
export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(private readonly clock: Clock) {}

  async create(record: TokenRecord): Promise<void> {
    const existing = this.tokens.get(record.tokenHash);
    if (existing) {
      // As the DynamoDB adapter: the same token created again is a retried write whose first attempt landed.
      if (existing.identifierHash === record.identifierHash && existing.createdAt === record.createdAt) return;
      throw new ConflictError('A token with this hash already exists.');
    }
    this.tokens.set(record.tokenHash, { ...record });
  }

  async get(tokenHash: string): Promise<TokenRecord | undefined> {
    const record = this.tokens.get(tokenHash);
    return record ? { ...record } : undefined;
  }

  async markRedeemed(tokenHash: string, redeemedAt: number, readableUntil: number): Promise<TokenRecord | undefined> {
    const record = this.tokens.get(tokenHash);
    if (!record || record.redeemedAt !== undefined || isExpired(record.expiresAtEpochSeconds, this.clock.now())) {
      return undefined;
    }
    const redeemed = { ...record, redeemedAt, readableUntil };
    this.tokens.set(tokenHash, redeemed);
    return { ...redeemed };
  }
}
