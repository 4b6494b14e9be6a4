import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { RollcallError } from '@rollcall/errors';

/** The few admin API calls the launcher makes, over HTTP like any integrator. */
export class AdminApi {
  constructor(
    readonly baseUrl: string,
    private readonly key: string,
  ) {}

  async get<T>(route: string): Promise<T> {
    return this.send<T>('GET', route);
  }

  async post<T>(route: string, body: unknown): Promise<T> {
    return this.send<T>('POST', route, JSON.stringify(body), {
      'content-type': 'application/json',
    });
  }

  /** Uploads photos as `POST /v1/people/:id/faces` expects them (multipart `files`). */
  async uploadFaces<T>(personId: string, files: readonly string[]): Promise<T> {
    const form = new FormData();
    for (const file of files) {
      form.append('files', new Blob([await readFile(file)]), path.basename(file));
    }
    return this.send<T>('POST', `/v1/people/${encodeURIComponent(personId)}/faces`, form);
  }

  private async send<T>(
    method: string,
    route: string,
    body?: string | FormData,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${this.key}`, ...headers },
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const reply = text === '' ? undefined : (JSON.parse(text) as unknown);
    if (!response.ok) {
      const error = reply as { code?: string; message?: string } | undefined;
      throw new RollcallError(
        'SERVICE_FAILED',
        `${method} ${route} answered ${response.status} ${error?.code ?? ''}: ` +
          (error?.message ?? text),
        { details: { status: response.status, code: error?.code } },
      );
    }
    return reply as T;
  }
}
