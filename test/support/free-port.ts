import { createServer } from 'node:net';

/**
 * A port that was free a moment ago on 127.0.0.1. Prefer passing port 0 to a server you start yourself (no race);
 * use this only where a port must be known before the server exists (e.g. a config file or env variable).
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
