import pino from 'pino'

/** Structured JSON logs (one line per event); LOG_LEVEL=silent in tests keeps output clean. */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: { service: 'asp-akademia' },
	redact: ['password', '*.password', 'token', '*.token'],
})
