import { afterEach, vi } from 'vitest'

process.env.LOG_LEVEL = 'silent'
process.env.INSECURE_COOKIES ??= 'false'

// Noisy tests fail (Epic Stack): an unexpected console.error is a bug to look at, not to scroll past.
afterEach(() => {
	vi.restoreAllMocks()
})
const original = console.error
console.error = (...args: Array<unknown>) => {
	original(...args)
	throw new Error(`console.error was called: ${args.map(String).join(' ')}`)
}
