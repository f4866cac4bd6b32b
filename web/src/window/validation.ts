import { applicationDto, configureValidationMessages } from '@seal/shared';

// Checks without a message of their own answer in zod's Chinese text, not a bare "Invalid input".
configureValidationMessages();

/** Checks a window form with the API's own schema, so the page shows the same Chinese messages first. */
export function checkWindowRequest(
  request: unknown,
): { ok: true; value: applicationDto.WindowApplicationRequest } | { ok: false; messages: string[] } {
  const parsed = applicationDto.WindowApplicationRequest.safeParse(request);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, messages: [...new Set(parsed.error.issues.map((i) => i.message))] };
}
