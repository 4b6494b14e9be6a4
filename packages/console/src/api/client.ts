/** A refusal from the API: its stable code and the sentence that says what to change. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Calls the admin API with a bearer token: an API key (`rk_`) or a session from signing
 * in with a password (`rs_`); null sends none (signing in). Pictures are fetched the same
 * way (an <img> tag cannot send the token) and shown through object URLs.
 */
export class ApiClient {
  constructor(readonly key: string | null) {}

  /** Whether the token is a session (which signing out should end on the server). */
  get isSession(): boolean {
    return this.key?.startsWith('rs_') === true;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: this.headers() };
    if (body !== undefined) {
      init.headers = { ...this.headers(), 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const reply = await this.send(path, init);
    return (reply.status === 204 ? undefined : await reply.json()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.json<T>('GET', path);
  }

  /** Sends `form` (multipart) and reads the JSON reply. */
  async form<T>(path: string, form: FormData): Promise<T> {
    const reply = await this.send(path, { method: 'POST', headers: this.headers(), body: form });
    return (await reply.json()) as T;
  }

  /** Sends raw bytes (e.g. a JPEG frame) and reads the JSON reply. */
  async bytes<T>(path: string, body: Blob): Promise<T> {
    const headers = { ...this.headers(), 'content-type': body.type };
    const reply = await this.send(path, { method: 'POST', headers, body });
    return (await reply.json()) as T;
  }

  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    const reply = await this.send(path, { headers: this.headers(), signal });
    return reply.blob();
  }

  /** A streaming GET (server-sent events): the raw reply, body unread. */
  stream(path: string, signal: AbortSignal): Promise<Response> {
    return this.send(path, { headers: { ...this.headers(), accept: 'text/event-stream' }, signal });
  }

  private headers(): Record<string, string> {
    return this.key === null ? {} : { authorization: `Bearer ${this.key}` };
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const reply = await fetch(path, init);
    if (reply.ok) return reply;

    let code = 'HTTP_' + String(reply.status);
    let message = `The server answered ${reply.status} ${reply.statusText}.`;
    try {
      const body = (await reply.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not a JSON error body; the status line says what there is to say.
    }
    throw new ApiError(reply.status, code, message);
  }
}

/** A thrown value as a sentence for the page. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
