import { expect, test } from 'vitest'
import { isNavItemActive } from './nav.tsx'

test('a nav item is active on its own page and the pages below it', () => {
	expect(isNavItemActive('/courses', '/courses')).toBe(true)
	expect(isNavItemActive('/courses', '/courses/gazdalkodasi-szakrendszer/kettos-konyvvitel')).toBe(true)
	expect(isNavItemActive('/courses', '/courses/')).toBe(true)
	expect(isNavItemActive('/orgs/offices', '/orgs/offices/12')).toBe(true)
	// a shared prefix is not a parent path
	expect(isNavItemActive('/lab', '/laboratory')).toBe(false)
	expect(isNavItemActive('/courses', '/exercises')).toBe(false)
})

test('home and the training catalog are active only on themselves, as their sub-pages have their own items', () => {
	expect(isNavItemActive('/', '/')).toBe(true)
	expect(isNavItemActive('/', '/courses')).toBe(false)
	expect(isNavItemActive('/training', '/training')).toBe(true)
	expect(isNavItemActive('/training', '/training/mine')).toBe(false)
	expect(isNavItemActive('/training/mine', '/training/mine')).toBe(true)
})
