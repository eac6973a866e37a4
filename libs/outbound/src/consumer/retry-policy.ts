/** How often and how far apart a failed delivery is tried again. */
export interface RetryPolicy {
  /** Attempts of one delivery (per round: a replay starts another) before it is given up. */
  readonly maxAttempts: number;
  /** The wait after the first failed attempt, before jitter; it doubles with every failure after. */
  readonly baseDelayMs: number;
  /** The longest wait between two attempts, before jitter. */
  readonly maxDelayMs: number;
}

/** Eight attempts, 1 s, 2 s, 4 s … 64 s apart before jitter (about 1½–2 minutes in all); a longer policy is capped at 1 h between attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 3_600_000 };

/**
 * The wait before the next attempt after `failedAttempts` failures in a row (1 or more): exponential,
 * capped, with "equal jitter" — half the delay fixed, half drawn from `random` — so receivers that
 * came back are not hit by every delayed delivery at the same instant, and no wait is ever near zero.
 */
export function retryDelayMs(failedAttempts: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 40);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(delay / 2 + random() * (delay / 2));
}

/** The policy's problems, in words naming each field; empty when it is usable. */
export function retryPolicyProblems(policy: RetryPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) problems.push('maxAttempts must be an integer of at least 1');
  if (!Number.isFinite(policy.baseDelayMs) || policy.baseDelayMs < 1) problems.push('baseDelayMs must be at least 1');
  if (!Number.isFinite(policy.maxDelayMs) || policy.maxDelayMs < policy.baseDelayMs) problems.push('maxDelayMs must be at least baseDelayMs');
  return problems;
}
