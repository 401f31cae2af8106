import { z } from 'zod'

const booleanString = z
	.enum(['true', 'false', '1', '0', ''])
	.optional()
	.transform((v) => v === 'true' || v === '1')

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	DATABASE_PATH: z.string().min(1, 'must not be empty').default('data/app.db'),
	SANDBOX_DIR: z.string().min(1, 'must not be empty').default('data/sandboxes'),
	PORT: z.coerce
		.number({ message: 'must be a number' })
		.int('must be a whole number')
		.min(1, 'must be between 1 and 65535')
		.max(65535, 'must be between 1 and 65535')
		.default(3000),
	HOST: z.string().min(1, 'must not be empty').default('0.0.0.0'),
	APP_URL: z.url({ message: 'must be an absolute URL such as http://localhost:3000' }).optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	MAIL_FROM: z.string().min(3).default('ASP Akadémia <noreply@asp-akademia.hu>'),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	/** Plain-http hosts other than localhost need this to get a session cookie at all. */
	INSECURE_COOKIES: booleanString,
	/** Worker processes serving HTTP (cluster mode); default: one per CPU core in production. */
	WEB_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(32, 'must be at most 32').optional(),
	/** Set when a reverse proxy sits in front, so X-Forwarded-For is believed for rate limiting. */
	TRUST_PROXY: booleanString,
})

export type Env = z.infer<typeof EnvSchema>

/** Returns one readable line per bad variable, or the parsed environment. */
export function parseEnv(
	source: Record<string, string | undefined>,
): { ok: true; env: Env } | { ok: false; problems: Array<string> } {
	const result = EnvSchema.safeParse(source)
	if (result.success) return { ok: true, env: result.data }
	return {
		ok: false,
		problems: result.error.issues.map(
			(issue) => `${issue.path.join('.') || '(env)'}: ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])])})`,
		),
	}
}

let cached: Env | undefined

/** Validated environment; exits the process with a clear message on the first call if it is bad. */
export function getEnv(): Env {
	if (cached) return cached
	const result = parseEnv(process.env)
	if (!result.ok) {
		console.error(
			`Invalid environment configuration:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for the accepted variables.`,
		)
		process.exit(1)
	}
	cached = result.env
	return cached
}
