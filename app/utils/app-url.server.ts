import { getEnv } from './env.server.ts'

/**
 * Absolute links in e-mails use APP_URL, never the request's Host header, which a client
 * can forge (password-reset poisoning). Without APP_URL we assume the local install.
 */
export function appUrl(path: string): string {
	const env = getEnv()
	const base = env.APP_URL ?? `http://localhost:${env.PORT}`
	return new URL(path, base).toString()
}
