/** The 19 counties and Budapest with their seats (domain/reference.md §C.4); codes are KSH area codes. */
export const COUNTIES: ReadonlyArray<{ code: string; name: string; seat: string; kind: 'county' | 'capital' }> = [
	{ code: '01', name: 'Budapest', seat: 'Budapest', kind: 'capital' },
	{ code: '02', name: 'Baranya', seat: 'Pécs', kind: 'county' },
	{ code: '03', name: 'Bács-Kiskun', seat: 'Kecskemét', kind: 'county' },
	{ code: '04', name: 'Békés', seat: 'Békéscsaba', kind: 'county' },
	{ code: '05', name: 'Borsod-Abaúj-Zemplén', seat: 'Miskolc', kind: 'county' },
	{ code: '06', name: 'Csongrád-Csanád', seat: 'Szeged', kind: 'county' },
	{ code: '07', name: 'Fejér', seat: 'Székesfehérvár', kind: 'county' },
	{ code: '08', name: 'Győr-Moson-Sopron', seat: 'Győr', kind: 'county' },
	{ code: '09', name: 'Hajdú-Bihar', seat: 'Debrecen', kind: 'county' },
	{ code: '10', name: 'Heves', seat: 'Eger', kind: 'county' },
	{ code: '11', name: 'Komárom-Esztergom', seat: 'Tatabánya', kind: 'county' },
	{ code: '12', name: 'Nógrád', seat: 'Salgótarján', kind: 'county' },
	{ code: '13', name: 'Pest', seat: 'Budapest', kind: 'county' },
	{ code: '14', name: 'Somogy', seat: 'Kaposvár', kind: 'county' },
	{ code: '15', name: 'Szabolcs-Szatmár-Bereg', seat: 'Nyíregyháza', kind: 'county' },
	{ code: '16', name: 'Jász-Nagykun-Szolnok', seat: 'Szolnok', kind: 'county' },
	{ code: '17', name: 'Tolna', seat: 'Szekszárd', kind: 'county' },
	{ code: '18', name: 'Vas', seat: 'Szombathely', kind: 'county' },
	{ code: '19', name: 'Veszprém', seat: 'Veszprém', kind: 'county' },
	{ code: '20', name: 'Zala', seat: 'Zalaegerszeg', kind: 'county' },
]

/**
 * The ASP programme's connection waves (asp-programme-brochure.txt, domain/reference.md §C.2).
 * Seed data only: admins edit waves in the app.
 */
export const WAVES = [
	{
		goLiveDate: '2017-01-01',
		nameHu: 'Első hullám: gazdálkodási és adó szakrendszer',
		nameEn: 'First wave: finance and local-tax subsystems',
		subsystems: ['keret', 'finance', 'tax'],
		scope: 'assigned' as const,
	},
	{
		goLiveDate: '2017-10-01',
		nameHu: 'Adó szakrendszer minden önkormányzatnál',
		nameEn: 'Local-tax subsystem for every municipality',
		subsystems: ['keret', 'tax'],
		scope: 'all' as const,
	},
	{
		goLiveDate: '2018-01-01',
		nameHu: 'Minden szakrendszer minden önkormányzatnál',
		nameEn: 'Every subsystem for every municipality',
		subsystems: ['keret', 'finance', 'tax', 'documents', 'trade', 'probate', 'property', 'portal'],
		scope: 'all' as const,
	},
]
