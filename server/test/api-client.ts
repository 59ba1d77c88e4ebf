/**
 * A browser-like HTTP client for server tests: keeps the session cookie and sends the
 * Origin header a browser would, so tests exercise the same checks real requests meet.
 */
export class ApiClient {
  private cookie = '';

  constructor(
    readonly baseUrl: string,
    private readonly origin = baseUrl,
  ) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.origin ? { origin: this.origin } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie();
    for (const c of setCookie) {
      const [pair] = c.split(';');
      if (pair?.startsWith('trunkline_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    return res;
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body ?? {}, headers);
  }

  /** POSTs and returns the parsed JSON, failing loudly on a non-2xx answer. */
  async postOk<T = unknown>(path: string, body?: unknown): Promise<T> {
    const res = await this.post(path, body);
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  }

  get sessionCookie(): string {
    return this.cookie;
  }
}

/** A strong-enough password for test accounts. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates the organisation and first admin on an empty server and returns the signed-in client. */
export async function setupAdmin(baseUrl: string, email = 'admin@carrier.example'): Promise<ApiClient> {
  const admin = new ApiClient(baseUrl);
  await admin.postOk('/api/auth/setup', { organisation: 'Example Carrier', name: 'Ada Admin', email, password: TEST_PASSWORD });
  return admin;
}

/** Adds a user with `role` through the admin API and returns that user signed in. */
export async function addUser(admin: ApiClient, role: 'admin' | 'operator' | 'viewer', email = `${role}@carrier.example`): Promise<ApiClient> {
  await admin.postOk('/api/users', { name: `Test ${role}`, email, role, password: TEST_PASSWORD });
  const client = new ApiClient(admin.baseUrl);
  await client.postOk('/api/auth/login', { email, password: TEST_PASSWORD });
  return client;
}
