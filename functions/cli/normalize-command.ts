import { loadBreachConfig } from '../config/load-breach-config';
import { PortalError } from '../core/errors';
import { type IdentifierType, isIdentifierType } from '../core/fields';
import { normaliseIdentifier } from '../core/identifiers';
import type { CliIo } from './cli-command';
import { UsageError } from './cli-errors';

/** `portal normalize <type> <value>`: the normalised form the portal hashes, or exit 1 with why it is not valid. */
export async function normalizeCommand(args: { type: string; value: string }, io: CliIo): Promise<number> {
  // program.ts limits <type> to the identifier types; this keeps the type narrowing honest.
  if (!isIdentifierType(args.type)) throw new UsageError(`unknown identifier type "${args.type}"`);
  const type: IdentifierType = args.type;
  const config = await loadBreachConfig();
  try {
    io.out(
      normaliseIdentifier(type, args.value, {
        customerNumberPattern: config.customerNumberPattern,
        defaultPhoneRegion: config.defaultPhoneRegion,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof PortalError) {
      io.err(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
