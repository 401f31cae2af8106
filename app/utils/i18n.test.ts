import { expect, test } from 'vitest'
import { catalogues, translate } from './i18n.ts'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).toSorted()

test('both catalogues hold the same keys, each translated with the same placeholders', () => {
	const hu = Object.keys(catalogues.hu).toSorted()
	expect(Object.keys(catalogues.en).toSorted()).toEqual(hu)
	for (const key of hu) {
		const en = catalogues.en[key]!
		expect(en.trim(), key).not.toBe('')
		expect(placeholders(en), key).toEqual(placeholders(catalogues.hu[key as keyof typeof catalogues.hu]))
	}
})

test('placeholders are filled and the English catalogue is used when chosen', () => {
	expect(translate('hu', 'dashboard.greeting', { name: 'Anna' })).toBe('Üdvözöljük, Anna!')
	expect(translate('en', 'dashboard.greeting', { name: 'Anna' })).toBe('Welcome, Anna!')
})
