import { loadBreachConfig } from '../config/load-breach-config';
import { PortalError } from '../core/errors';
import { isIdentifierType } from '../core/fields';
import { normaliseIdentifier } from '../core/identifiers';
import type { CliCommand } from './cli-command';

export const normalizeCommand: CliCommand = async (args, io) => {
  const [type, value, ...extra] = args;
  if (!isIdentifierType(type) || value === undefined || extra.length > 0) {
    io.err('Usage: portal normalize <email|phone|customerNumber> <value>');
    return 1;
  }
  const config = await loadBreachConfig();
  try {
    io.out(
      normaliseIdentifier(type, value, {
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
};
