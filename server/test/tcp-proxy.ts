import { createServer, connect, type Socket } from 'node:net';

/**
 * A TCP proxy on a loopback port in front of a server (PostgreSQL), so a test can take
 * the database away from a real app process and give it back, as a restart, a failover
 * or a network cut would:
 *
 * - `cut()`: every proxied connection is reset and new ones are refused (reset at once),
 *   like a database that went down;
 * - `stall()`: existing connections are reset; new ones are accepted but nothing is
 *   forwarded, like a network that drops packets (connects hang);
 * - `restore()`: connections are forwarded again, the stalled ones included (as a
 *   retransmitted connect gets through once the network is back).
 *
 * Point the app at `urlFor(databaseUrl)`; `close()` when done.
 */
export interface TcpProxy {
  readonly port: number;
  /** `databaseUrl` with its host and port replaced by the proxy's. */
  urlFor(databaseUrl: string): string;
  cut(): void;
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

type Mode = 'forward' | 'cut' | 'stall';

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: Mode = 'forward';
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // A reset peer is what this proxy is for; its errors end the pair, nothing more.
    socket.on('error', () => {});
  };
  const resetAll = () => {
    for (const socket of open) socket.resetAndDestroy();
  };

  const stalled = new Set<Socket>();
  const forward = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  };

  const server = createServer((client) => {
    track(client);
    if (mode === 'cut') return void client.resetAndDestroy();
    if (mode === 'forward') return forward(client);
    stalled.add(client);
    client.once('close', () => stalled.delete(client));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    port,
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    cut() {
      mode = 'cut';
      resetAll();
    },
    stall() {
      mode = 'stall';
      resetAll();
    },
    restore() {
      mode = 'forward';
      for (const client of stalled) forward(client);
      stalled.clear();
    },
    async close() {
      resetAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
