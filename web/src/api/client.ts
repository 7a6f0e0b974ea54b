import type { ErrorBody, ErrorCode, FieldError } from '@tongxin/core';

/**
 * One way to talk to the API: same-origin cookies, JSON, the UI language in Accept-Language (so
 * the server's messages come back translated), and the session's CSRF token on every write.
 */

/** An error the server answered with; `message` is already in the user's language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fields: FieldError[];
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ErrorBody['error'] | { code: 'network'; message: string }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = 'fields' in body && body.fields ? body.fields : [];
    this.details = 'details' in body && body.details ? body.details : {};
  }
}

let csrfToken: string | null = null;
let language = 'zh-CN';
let onUnauthenticated: (() => void) | null = null;
let networkMessage = 'Network error';

/** The token comes from `GET /api/auth/me` and from sign-in; writes without it are refused. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lng: string, networkErrorText: string): void {
  language = lng;
  networkMessage = networkErrorText;
}

/** Called once by the app shell: a 401 anywhere means the session is gone, so sign in again. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file upload (multipart): the browser sets the content type with its boundary. */
  form?: FormData;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Sign-in and the session probe handle their own 401s: no redirect for them. */
  quietUnauthenticated?: boolean;
  /** Extra headers, e.g. the public vote's `x-voter-token`. */
  headers?: Record<string, string>;
}

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json', 'Accept-Language': language };
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  if (writeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'network', message: networkMessage });
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    if (body.error?.message) return new ApiError(response.status, body.error);
  } catch {
    // Not our JSON (a proxy's HTML page, say): fall through to a generic message.
  }
  return new ApiError(response.status, { code: 'network', message: `${networkMessage} (HTTP ${response.status})` });
}

/** Refresh the CSRF token from the session; used once when a write is refused for a stale token. */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/api/auth/me', {});
  if (!response.ok) return false;
  const me = (await response.json()) as { csrfToken?: string };
  setCsrfToken(me.csrfToken ?? null);
  return Boolean(me.csrfToken);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && writeMethods.has(options.method ?? 'GET')) {
    const error = await errorOf(response.clone());
    // A tab left open across a new sign-in holds an old token: fetch the current one and retry once.
    if (error.code === 'csrf_failed' && (await refreshCsrfToken())) response = await send(path, options);
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  const error = await errorOf(response);
  if (response.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
  throw error;
}

/** The file name a download carries (`filename*=UTF-8''…` first: Chinese names), or the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1]);
    } catch {
      // A malformed name: try the plain one.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** A file the server sends (an Excel template or export), with the name it suggests. */
export async function requestFile(path: string, query?: RequestOptions['query'], fallbackName = 'download.xlsx'): Promise<DownloadedFile> {
  const response = await send(path, { query });
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401) onUnauthenticated?.();
    throw error;
  }
  return { blob: await response.blob(), fileName: fileNameOf(response, fallbackName) };
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>(path, { query, ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  upload: <T>(path: string, form: FormData) => request<T>(path, { method: 'POST', form }),
};
