import type { $ZodType, input, output } from 'zod/v4/core';
import type { Action } from '../domain/permissions';

/**
 * How a route authenticates: `public` (no login), `session` (a person's session token),
 * `staff` (a window-staff session), `registry` (HMAC-signed notification from the business
 * registry), `integration` (an integrated system's API credentials).
 */
export type AuthMode = 'public' | 'session' | 'staff' | 'registry' | 'integration';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Any zod 4 schema (the shared DTOs are zod/mini: decision 0027). */
export type Schema = $ZodType;

declare const answerType: unique symbol;
/**
 * A JSON answer known by its TypeScript type only (no schema exists for it):
 * `response: json as Json<LoggedOut>`. The cast costs nothing at run time and keeps the route a
 * plain object literal, which bundlers drop when no one imports it (decision 0040).
 */
export interface Json<T> {
  readonly kind: 'json';
  readonly [answerType]?: T;
}
/** The one value behind every `Json<T>`. */
export const json: Json<never> = { kind: 'json' };

/** Bytes, not JSON: a PDF, a PEM or DER file, an SVG, an RFC 3161 query or reply. */
export interface Bytes {
  readonly kind: 'bytes';
}
export const bytes: Bytes = { kind: 'bytes' };

/**
 * One API route: the wire contract (method, path, auth), the Lambda that serves it, and its request
 * and response types. The local server and the CDK stack read method, path, handler and auth;
 * `defineHandler` validates with the schemas; the typed client (`client.ts`) takes its types from
 * them. Declared as plain object literals (`{ ... } satisfies Route`) in `routes/<area>.ts`.
 */
export interface Route {
  readonly method: HttpMethod;
  /** API Gateway style: `/v1/seals/{sealId}`. Every `{name}` is a key of `params`. */
  readonly path: string;
  /** The file `functions/src/entry/handlers/<handler>.ts` exports `handler`; one Lambda each. */
  readonly handler: string;
  readonly auth: AuthMode;
  readonly summary: string;
  /** The permission-matrix action the route performs, where one fixed action applies. */
  readonly action?: Action;
  readonly params?: Schema;
  readonly query?: Schema;
  /** A JSON body's schema, or `bytes` for a body taken as it came (a PDF to verify). */
  readonly body?: Schema | Bytes;
  /** A schema where one exists, else `json as Json<T>`; `bytes` for a file. */
  readonly response: Schema | Json<unknown> | Bytes;
}

type In<S> = S extends Schema ? input<S> : never;
type Out<S> = S extends Schema ? output<S> : never;

/** Path parameters, as the handler receives them (validated). */
export type ParamsOf<R> = R extends { params: infer S } ? Out<S> : undefined;
/** The query string, as the handler receives it (validated, defaults applied). */
export type QueryOf<R> = R extends { query: infer S } ? Out<S> : undefined;
/** The JSON body, as the handler receives it (validated, defaults applied); undefined for bytes. */
export type BodyOf<R> = R extends { body: infer S } ? (S extends Bytes ? undefined : Out<S>) : undefined;

/** The JSON body as a caller sends it (before defaults: `medium` may be left out). */
export type RequestBody<R> = R extends { body: infer S } ? (S extends Bytes ? never : In<S>) : never;
/** Path parameters as a caller fills them in. */
export type RequestParams<R> = R extends { params: infer S } ? In<S> : never;
/** The query string as a caller sends it. */
export type RequestQuery<R> = R extends { query: infer S } ? In<S> : never;

/** Whether the route answers bytes (a file) rather than JSON. */
export type AnswersBytes<R> = R extends { response: Bytes } ? true : false;

/** The JSON a route answers with; `never` for a route that answers bytes. */
export type ResponseOf<R> = R extends { response: infer S }
  ? S extends Bytes
    ? never
    : S extends Json<infer T>
      ? T
      : Out<S>
  : never;

/** True for `bytes` (request body or response), false for a schema or a `Json<T>`. */
export function isBytes(value: unknown): value is Bytes {
  return (value as Bytes | undefined)?.kind === 'bytes';
}
