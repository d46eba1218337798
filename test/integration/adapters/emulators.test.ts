import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand } from '@aws-sdk/client-ses';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { localTableNames } from '../../../contract/tables';
import {
  createEmulatorClients,
  ensureTables,
  startDynamoDbEmulator,
} from '../../../functions/local/emulators/dynamodb-emulator';
import { EmulatorPortInUseError } from '../../../functions/local/emulators/emulator-listen';
import { startSesEmulator } from '../../../functions/local/emulators/ses-emulator';
import { startSes } from '../../support/start-ses';

function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

describe('DynamoDB emulator', () => {
  it('creates every table and leaves them alone when asked again', async () => {
    const emulator = await startDynamoDbEmulator({ port: 0 });
    const { client, documentClient } = createEmulatorClients(emulator.endpoint);
    try {
      const names = localTableNames('idempotent');
      await ensureTables(client, names);
      await documentClient.send(new PutCommand({ TableName: names.counters, Item: { counterKey: 'kept', count: 3 } }));
      await ensureTables(client, names);
      const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
      expect(tables.sort()).toEqual(Object.values(names).sort());
      const kept = await documentClient.send(
        new GetCommand({ TableName: names.counters, Key: { counterKey: 'kept' } }),
      );
      expect(kept.Item?.count).toBe(3);
    } finally {
      client.destroy();
      await emulator.stop();
    }
  });

  it('names the port when it is already in use', async () => {
    const { server, port } = await occupyPort();
    try {
      const attempt = startDynamoDbEmulator({ port });
      await expect(attempt).rejects.toBeInstanceOf(EmulatorPortInUseError);
      await expect(attempt).rejects.toThrow(`127.0.0.1:${port}: the port is already in use`);
    } finally {
      server.close();
    }
  });

  it('keeps data across restarts when given a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dynalite-'));
    const names = localTableNames('persisted');
    try {
      const first = await startDynamoDbEmulator({ port: 0, path: dir });
      const firstClients = createEmulatorClients(first.endpoint);
      await ensureTables(firstClients.client, names);
      await firstClients.documentClient.send(
        new PutCommand({ TableName: names.counters, Item: { counterKey: 'survives', count: 7 } }),
      );
      firstClients.client.destroy();
      await first.stop();

      const second = await startDynamoDbEmulator({ port: 0, path: dir });
      const secondClients = createEmulatorClients(second.endpoint);
      try {
        await ensureTables(secondClients.client, names);
        const item = await secondClients.documentClient.send(
          new GetCommand({ TableName: names.counters, Key: { counterKey: 'survives' } }),
        );
        expect(item.Item?.count).toBe(7);
      } finally {
        secondClients.client.destroy();
        await second.stop();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('SES emulator', () => {
  it('stores a mail sent with SES v1 SendEmail and serves it at /store until cleared', async () => {
    const ses = await startSes();
    try {
      await ses.clearStore();
      await ses.createSesClient().send(
        new SendEmailCommand({
          Source: 'datalek@mail.example.nl',
          Destination: { ToAddresses: ['klant@example.nl'] },
          Message: {
            Subject: { Data: 'Uw resultaat' },
            Body: { Text: { Data: 'Open de link: https://example.nl/nl/result#t=abc' }, Html: { Data: '<p>Open</p>' } },
          },
        }),
      );
      const mails = await ses.readStore();
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({
        from: 'datalek@mail.example.nl',
        destination: { to: ['klant@example.nl'] },
        subject: 'Uw resultaat',
        body: { text: 'Open de link: https://example.nl/nl/result#t=abc' },
      });
      await ses.clearStore();
      expect(await ses.readStore()).toEqual([]);
    } finally {
      await ses.stop();
    }
  });

  it('serves its inbox page', async () => {
    const ses = await startSes();
    try {
      const page = await fetch(`${ses.endpoint}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      await ses.stop();
    }
  });

  it('names the port when it is already in use', async () => {
    const { server, port } = await occupyPort();
    try {
      await expect(startSesEmulator({ port })).rejects.toThrow(`127.0.0.1:${port}: the port is already in use`);
    } finally {
      server.close();
    }
  });
});
