import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly (PGlite), persisted under
 * DATA_DIR, served to this process and to others (the admin CLI) through a Unix socket that
 * speaks the PostgreSQL wire protocol.
 *
 * Why a socket even for our own queries: PGlite has one session. If TypeORM talked to it
 * directly, concurrent transactions would interleave inside that one session. The socket
 * server queues whole transactions per connection, so every client, this process
 * included, goes through the same queue with the ordinary `pg` driver, exactly as against
 * a real server. Only one process ever opens the data directory (a lock file guards it);
 * others connect to its socket.
 */

const SOCKET_PORT = 5432;
const MAX_SOCKET_CONNECTIONS = 64;
/** Unix socket paths are limited to about 107 bytes; past that we listen on loopback TCP. */
const MAX_SOCKET_PATH = 100;

export interface PgConnectionTarget {
  host: string;
  port: number;
  user: string;
  database: string;
}

interface LockFileContent {
  pid: number;
  host: string;
  port: number;
}

export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly target: PgConnectionTarget,
    private readonly lockFile: string | undefined,
  ) {}

  /**
   * Opens PGlite (in memory when `dataDir` is undefined) and starts its socket server.
   * `runDir` holds the socket; `lockFile` (only for a persistent directory) tells other
   * processes where to connect.
   */
  static async start(options: { dataDir?: string; runDir: string }): Promise<EmbeddedPostgres> {
    mkdirSync(options.runDir, { recursive: true, mode: 0o700 });
    const lockFile = options.dataDir ? join(options.dataDir, 'server.lock') : undefined;
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      claimLock(lockFile as string);
    }
    let db: PGlite | undefined;
    try {
      db = await PGlite.create(options.dataDir ? join(options.dataDir, 'pgdata') : undefined);
      const socketPath = join(options.runDir, `.s.PGSQL.${SOCKET_PORT}`);
      const useUnixSocket = socketPath.length <= MAX_SOCKET_PATH;
      if (useUnixSocket && existsSync(socketPath)) rmSync(socketPath);
      const shared = withExtendedQueryAffinity(db);
      const server = new PGLiteSocketServer(
        useUnixSocket
          ? { db: shared, path: socketPath, maxConnections: MAX_SOCKET_CONNECTIONS }
          : { db: shared, host: '127.0.0.1', port: 0, maxConnections: MAX_SOCKET_CONNECTIONS },
      );
      await server.start();
      const target: PgConnectionTarget = useUnixSocket
        ? { host: options.runDir, port: SOCKET_PORT, user: 'postgres', database: 'postgres' }
        : {
            host: '127.0.0.1',
            port: Number(server.getServerConn().split(':').pop()),
            user: 'postgres',
            database: 'postgres',
          };
      if (lockFile) {
        const content: LockFileContent = { pid: process.pid, host: target.host, port: target.port };
        writeFileSync(lockFile, JSON.stringify(content), { mode: 0o600 });
      }
      return new EmbeddedPostgres(db, server, target, lockFile);
    } catch (error) {
      await db?.close().catch(() => undefined);
      if (lockFile) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  /**
   * Where a running embedded server of `dataDir` (in another process) listens, or
   * undefined when none runs.
   */
  static findRunning(dataDir: string): PgConnectionTarget | undefined {
    const lockFile = join(dataDir, 'server.lock');
    const content = readLock(lockFile);
    if (!content || content.pid === process.pid || !isAlive(content.pid)) return undefined;
    return { host: content.host, port: content.port, user: 'postgres', database: 'postgres' };
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockFile) rmSync(this.lockFile, { force: true });
  }
}

const MESSAGE = {
  sync: 0x53, // 'S': ends an extended-query sequence
  query: 0x51, // 'Q': a simple query is a sequence of its own
  terminate: 0x58, // 'X'
  extended: new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]), // Parse, Bind, Describe, Execute, Close, Flush
};

/**
 * The socket server queues protocol messages one by one and keeps a connection's messages
 * together only while a transaction is open. A parameterized query outside a transaction
 * is several messages (Parse, Bind, Execute, Sync); another connection's Parse landing in
 * between replaces the unnamed statement ("unnamed prepared statement does not exist").
 * This view of PGlite reports an unfinished extended-query sequence as "in transaction",
 * so the server keeps the sequence's messages together up to its Sync.
 */
function withExtendedQueryAffinity(db: PGlite): PGlite {
  let inExtendedQuery = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'isInTransaction') {
        return () => target.isInTransaction() || inExtendedQuery;
      }
      if (property === 'execProtocolRawStream') {
        return async (
          message: Uint8Array,
          options: Parameters<PGlite['execProtocolRawStream']>[1],
        ) => {
          const type = message[0] ?? 0;
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            if (type === MESSAGE.sync || type === MESSAGE.query || type === MESSAGE.terminate) {
              inExtendedQuery = false;
            } else if (MESSAGE.extended.has(type)) {
              inExtendedQuery = true;
            }
          }
        };
      }
      if (property === 'exec') {
        // Only called to roll back after a client vanished mid-way.
        return (...args: Parameters<PGlite['exec']>) => {
          inExtendedQuery = false;
          return target.exec(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

function readLock(lockFile: string): LockFileContent | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockFileContent>;
    if (typeof parsed.pid !== 'number') return undefined;
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? ''),
      port: Number(parsed.port ?? SOCKET_PORT),
    };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Two processes opening one PGlite directory corrupt it, so the first one wins. */
function claimLock(lockFile: string): void {
  const existing = readLock(lockFile);
  if (existing && isAlive(existing.pid)) {
    throw new Error(
      `The embedded database in ${lockFile.replace(/\/server\.lock$/, '')} is in use by process ${existing.pid}`,
    );
  }
  // A lock left by a process that died (kill -9, power loss) is stale.
  rmSync(lockFile, { force: true });
  writeFileSync(lockFile, JSON.stringify({ pid: process.pid, host: '', port: 0 }), {
    flag: 'wx',
    mode: 0o600,
  });
}
