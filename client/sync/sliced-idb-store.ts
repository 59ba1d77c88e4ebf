import { IDBNotFoundError, type KVStoreProvider } from 'replicache';

type Store = ReturnType<KVStoreProvider['create']>;
type Read = Awaited<ReturnType<Store['read']>>;
type Write = Awaited<ReturnType<Store['write']>>;
type Value = Awaited<ReturnType<Read['get']>>;

/** Replicache's own layout: one object store of chunks per database, so either store reads the other's data. */
const CHUNKS = 'chunks';
const DELETED = Symbol('deleted');

/** How long one slice of a commit may hold the main thread. */
export const DEFAULT_SLICE_MS = 8;

/**
 * Replicache's IndexedDB key-value store, except that a commit writes in slices of a few
 * milliseconds. Replicache's own store issues every `put` of a commit in one loop, and
 * each put clones its value on the main thread: persisting 100,000 freshly synced
 * customers froze the page for 4 s, so a click on "Save" waited that long. Here each
 * slice is issued from the success event of the previous one's last request: the same
 * single transaction (atomic, `relaxed` durability like Replicache's), but input and
 * rendering run between slices.
 */
export function slicedIdbStore(sliceMs = DEFAULT_SLICE_MS): KVStoreProvider {
  return {
    create: (name) => new SlicedIdbStore(name, sliceMs),
    drop: (name) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
  };
}

class SlicedIdbStore implements Store {
  #db: Promise<IDBDatabase>;
  #closed = false;

  constructor(
    name: string,
    private readonly sliceMs: number,
  ) {
    this.#db = openCreating(name);
  }

  read(): Promise<Read> {
    return this.#transaction((db) => new IdbRead(db.transaction(CHUNKS, 'readonly')));
  }

  write(): Promise<Write> {
    return this.#transaction((db) => new IdbWrite(db.transaction(CHUNKS, 'readwrite', { durability: 'relaxed' }), this.sliceMs));
  }

  async close(): Promise<void> {
    (await this.#db).close();
    this.#closed = true;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** As Replicache does: a connection closed under us (another tab upgraded) is reopened; a deleted database is reported. */
  async #transaction<T>(begin: (db: IDBDatabase) => T): Promise<T> {
    const db = await this.#db;
    try {
      return begin(db);
    } catch (error) {
      if (this.#closed || !(error instanceof DOMException)) throw error;
      if (error.name === 'InvalidStateError') {
        this.#db = openExisting(db.name);
        return begin(await this.#db);
      }
      if (error.name === 'NotFoundError') {
        indexedDB.deleteDatabase(db.name);
        throw new IDBNotFoundError(`Replicache IndexedDB ${db.name} missing object store. Deleting db.`);
      }
      throw error;
    }
  }
}

class IdbRead implements Read {
  #released = false;
  constructor(protected readonly tx: IDBTransaction) {}

  has(key: string): Promise<boolean> {
    return request(this.tx.objectStore(CHUNKS).count(key)).then((n) => n > 0);
  }

  get(key: string): Promise<Value> {
    return request(this.tx.objectStore(CHUNKS).get(key)).then(frozen) as Promise<Value>;
  }

  release(): void {
    this.#released = true;
  }

  get closed(): boolean {
    return this.#released;
  }
}

/** Writes are buffered until `commit`, reads see them first (as in Replicache's store). */
class IdbWrite extends IdbRead implements Write {
  readonly #pending = new Map<string, Value | typeof DELETED>();

  constructor(
    tx: IDBTransaction,
    private readonly sliceMs: number,
  ) {
    super(tx);
  }

  override async has(key: string): Promise<boolean> {
    const v = this.#pending.get(key);
    if (v === undefined) return super.has(key);
    return v !== DELETED;
  }

  override async get(key: string): Promise<Value> {
    const v = this.#pending.get(key);
    if (v === undefined) return super.get(key);
    return v === DELETED ? undefined : v;
  }

  put(key: string, value: Value): Promise<void> {
    this.#pending.set(key, value);
    return Promise.resolve();
  }

  del(key: string): Promise<void> {
    this.#pending.set(key, DELETED);
    return Promise.resolve();
  }

  commit(): Promise<void> {
    if (this.#pending.size === 0) return Promise.resolve();
    const entries = [...this.#pending];
    const store = this.tx.objectStore(CHUNKS);
    return new Promise((resolve, reject) => {
      this.tx.oncomplete = () => resolve();
      this.tx.onerror = () => reject(this.tx.error);
      this.tx.onabort = () => reject(this.tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
      let i = 0;
      const slice = () => {
        const until = performance.now() + this.sliceMs;
        let last: IDBRequest | undefined;
        // At least one request per slice, so the next slice always has a success event to start from.
        do {
          const [key, value] = entries[i++]!;
          last = value === DELETED ? store.delete(key) : store.put(value, key);
        } while (i < entries.length && performance.now() < until);
        if (i < entries.length) last.onsuccess = slice;
      };
      slice();
    });
  }
}

/**
 * Outside production Replicache asserts that every value it reads is deeply frozen (its
 * own store freezes them); production builds skip the cost, as Replicache itself does.
 */
function frozen(value: unknown): unknown {
  if (import.meta.env.PROD || value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) frozen(v);
  return Object.freeze(value);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openCreating(name: string): Promise<IDBDatabase> {
  return open(name, (req) => req.result.createObjectStore(CHUNKS));
}

/** Reopens a database that must exist: if it was deleted meanwhile, the upgrade is aborted and reported. */
function openExisting(name: string): Promise<IDBDatabase> {
  return open(name, (req, reject) => {
    req.transaction?.abort();
    reject(new IDBNotFoundError(`Replicache IndexedDB not found: ${name}`));
  });
}

/** Opens `name`, closing the connection when another tab upgrades the database. */
function open(name: string, onUpgrade: (req: IDBOpenDBRequest, reject: (error: unknown) => void) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => onUpgrade(req, reject);
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error);
  });
}
