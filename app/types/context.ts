// Values the HTTP server hands every loader and action (server/index.ts → getLoadContext).
declare module 'react-router' {
	interface AppLoadContext {
		/** CSP nonce for the inline scripts React Router renders. */
		nonce?: string
		/** The client's address as the server sees it (TRUST_PROXY decides whether to believe X-Forwarded-For). */
		clientIp?: string
	}
}

export {}
