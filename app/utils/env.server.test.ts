import { expect, test } from 'vitest'
import { parseEnv } from './env.server.ts'

test('an empty environment gets laptop defaults', () => {
	const result = parseEnv({})
	expect(result.ok && result.env).toMatchObject({ DATABASE_PATH: 'data/app.db', PORT: 3000, HOST: '0.0.0.0', INSECURE_COOKIES: false })
})

test('each bad variable is named with what was wrong and what was given', () => {
	const result = parseEnv({ PORT: 'abc', SMTP_URL: 'mail.example.hu', APP_URL: 'localhost' })
	expect(result.ok).toBe(false)
	const problems = result.ok ? [] : result.problems
	expect(problems).toHaveLength(3)
	expect(problems.find((p) => p.startsWith('PORT'))).toContain('"abc"')
	expect(problems.find((p) => p.startsWith('SMTP_URL'))).toContain('smtp://')
	expect(problems.find((p) => p.startsWith('APP_URL'))).toContain('absolute URL')
})
