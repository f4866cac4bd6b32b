/** True when a single-item write was refused by its condition (ElectroDB wraps the SDK error). */
export function isConditionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { name?: string } })?.cause;
  return cause?.name === 'ConditionalCheckFailedException' || /conditional request failed|ConditionalCheckFailed/i.test(String(error));
}
