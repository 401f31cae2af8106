/** Hungarian is the source language; the English catalogue must name exactly the same keys. */
export function defineMessages<const H extends Record<string, string>>(hu: H, en: { [K in keyof H]: string }) {
	return { hu, en }
}
