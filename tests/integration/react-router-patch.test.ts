import { expect, test } from 'vitest'
import { createStaticHandler, createStaticRouter } from 'react-router'

// patches/react-router+*.patch (ADR 019): a routes array that comes back is converted to data
// routes once. If an upgrade drops the patch, patch-package fails the install; this catches a
// patch that applies but no longer takes effect.
test('the patched static router reuses the data routes of a routes array it has seen', async () => {
	const routes = [{ id: 'root', path: '/', loader: () => null, children: [{ id: 'page', path: 'page', loader: () => null }] }]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request('http://localhost/page'))
	if (context instanceof Response) throw new Error('unexpected redirect')
	const first = createStaticRouter(routes, context)
	const second = createStaticRouter(routes, context)
	expect(second.routes).toBe(first.routes)
	expect(second.routes[0]?.children?.[0]?.id).toBe('page')
	// a different routes array gets its own data routes
	expect(createStaticRouter([...routes], context).routes).not.toBe(first.routes)
})
