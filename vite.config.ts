import { reactRouter } from '@react-router/dev/vite'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [tailwindcss(), reactRouter()],
	resolve: { tsconfigPaths: true },
	server: { port: 3000 },
	build: {
		rollupOptions: {
			// better-sqlite3 is a native addon: never bundle it
			external: ['better-sqlite3'],
		},
	},
})
