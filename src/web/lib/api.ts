import type { Language } from '../../domain/language.js';

/**
 * The HTTP API, as every other client uses it: JSON in and out, the session cookie, errors as
 * `{code, message, details}` with the message in the reader's language (Accept-Language).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** status 0: the server could not be reached (network down, server stopped). */
export const isNetworkError = (error: unknown) => error instanceof ApiError && error.status === 0;

let currentLanguage: Language = 'fr';
let networkMessage = 'The server could not be reached.';
let onUnauthorised: (() => void) | null = null;

export function configureApi(options: { language: Language; networkMessage: string; onUnauthorised: () => void }) {
  currentLanguage = options.language;
  networkMessage = options.networkMessage;
  onUnauthorised = options.onUnauthorised;
}

export const API = '/api/v1';

/** `language`: the one a cached read is kept under (lib/query.ts), else the reader's current one. */
export async function api<T>(method: string, path: string, body?: unknown, language?: Language): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language ?? currentLanguage,
  };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`${API}${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', networkMessage);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const problem = (json ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    const error = new ApiError(
      response.status,
      problem.code ?? `http.${response.status}`,
      problem.message ?? `${response.status} ${response.statusText}`,
      problem.details ?? {},
    );
    if (response.status === 401 && path !== '/session') onUnauthorised?.();
    throw error;
  }
  return json as T;
}

export const get = <T>(path: string, language?: Language) => api<T>('GET', path, undefined, language);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** The path of a review's resources: /reviews/MAR/arab-2021. */
export const reviewPath = (country: string, cycle: string) =>
  `/reviews/${encodeURIComponent(country)}/${encodeURIComponent(cycle)}`;
