/** The real app on a loopback port, for HTTP benchmarks; closes only once in-flight work is done. */
import type { AddressInfo } from 'node:net';
import { buildApp, type Services } from '@scenebridge/server';

export interface RunningApp {
  origin: string;
  app: Awaited<ReturnType<typeof buildApp>>;
  /**
   * Waits (bounded) until no connection is open. A load round ends by dropping its
   * connections; requests already queued on the server keep running (and keep the
   * database busy) until they finish, which must not leak into the next round. Idle
   * keep-alive connections are closed.
   */
  drain(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(services: Services): Promise<RunningApp> {
  const app = await buildApp(services);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const connections = () => new Promise<number>((resolve) => app.server.getConnections((_e, n) => resolve(n ?? 0)));
  const drain = async (timeoutMs = 60_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      // Idle keep-alive sockets (e.g. fetch's pooled connection from logging in) never end by themselves.
      app.server.closeIdleConnections();
      if ((await connections()) === 0) return;
      if (Date.now() > until) throw new Error(`server still has open connections after ${timeoutMs / 1000} s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  let closed = false;
  return {
    origin: `http://127.0.0.1:${port}`,
    app,
    drain,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await drain();
      } finally {
        await app.close();
      }
    },
  };
}

/** Logs in over HTTP and returns the session cookie (`sb_session=…`). */
export async function loginCookie(origin: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  });
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('sb_session='));
  if (!cookie) throw new Error(`login ${email}: no sb_session cookie`);
  return cookie;
}
