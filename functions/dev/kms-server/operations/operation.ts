import type { KmsContext } from '../resolve-key';

/** One KMS operation: the parsed JSON request in, the JSON response out (or a thrown KmsError). */
export type Operation = (ctx: KmsContext, body: Record<string, unknown>) => unknown;
