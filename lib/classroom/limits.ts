/**
 * Rate limits on the students' entry points, per client address. A whole
 * school may share one address, so the overall limits are generous; the
 * limits on wrong codes stop anyone guessing codes.
 */
export const JOIN_LIMITS = {
  /** Joins per address per window: a school behind one address, or a load test, must get through. */
  perIp: 1000,
  perIpWindow: 60,
  /** Wrong class codes per address per window. */
  failures: 20,
  failureWindow: 600,
} as const;

export const RESUME_LIMITS = {
  perIp: 300,
  perIpWindow: 60,
  /** Wrong class code or resume code per address per window. */
  failures: 10,
  failureWindow: 600,
} as const;

/** The same words whether the class code or the resume code was wrong, so neither can be probed alone. */
export const RESUME_MISS_MESSAGE = 'No work matches that class code and resume code. Check both and try again.';

export const JOIN_MESSAGES = {
  notFound: 'No assignment has that code. Check the code with your teacher.',
  closed: 'This assignment is closed to new answers. Ask your teacher.',
} as const;

/** "Too many wrong codes from this network. Wait 3 minutes and try again." */
export function tooManyMessage(what: string, retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many ${what} from this network. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;
}
