/**
 * Security parameters of the platform (not legal numbers, so they live in code).
 * One place, so that tests and docs refer to the same values.
 */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
/** Sliding expiry: a session used in its second half is extended to a full TTL again. */
export const SESSION_RENEW_WITHIN_MS = 15 * 24 * 60 * 60 * 1000
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000
export const RESET_TTL_MS = 60 * 60 * 1000
/** Consecutive wrong passwords before the account is locked… */
export const LOCKOUT_THRESHOLD = 5
/** …for this long. */
export const LOCKOUT_MS = 15 * 60 * 1000
/** Attempts per IP address in the window before further attempts are refused. */
export const IP_ATTEMPT_LIMIT = 30
export const IP_WINDOW_MS = 15 * 60 * 1000
/** Reset mails to one address per window: enough for a lost mail, too few to flood an inbox. */
export const RESET_MAILS_PER_WINDOW = 3
export const RESET_MAIL_WINDOW_MS = 60 * 60 * 1000
export const PASSWORD_MIN = 10
export const PASSWORD_MAX = 128
