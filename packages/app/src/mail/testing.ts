/**
 * Test helper: a real SMTP server (smtp-server) on 127.0.0.1 with a random port, recording
 * every message it accepted; `refuse` lets a test answer a DATA with an SMTP error instead.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  url: string;
  /** Raw messages the server accepted, in order. */
  accepted: Buffer[];
  /** Number of DATA commands answered with an error. */
  refused: number;
  parsed(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtpServer(
  opts: {
    /** Called for each message; return an SMTP code (e.g. 451) to refuse it, or null to accept. */
    refuse?: (n: number) => number | null;
  } = {},
): Promise<TestSmtpServer> {
  const accepted: Buffer[] = [];
  let seen = 0;
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    banner: 'scenebridge test',
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = opts.refuse?.(seen++) ?? null;
        if (code !== null) {
          state.refused++;
          const err = Object.assign(new Error(code >= 500 ? '拒收' : '请稍后再试'), { responseCode: code });
          return callback(err);
        }
        accepted.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted,
    get refused() {
      return state.refused;
    },
    parsed: () => Promise.all(accepted.map((m) => simpleParser(m))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
