import fs from 'node:fs'

// The e2e suite drives Debian's Chromium, never a downloaded browser (stack-notes.md).
const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!fs.existsSync(candidate)) {
	console.error(
		`Chromium was not found at ${candidate}.\n` +
			'Install it with:  sudo apt-get install -y --no-install-recommends chromium\n' +
			'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
	)
	process.exit(1)
}
