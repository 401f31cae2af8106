import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of F1, Hungarian first.

export const F1_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		document: {
			title: { hu: 'Eredeti előirányzat-dokumentum létrehozása', en: 'Create the original budget document' },
			instruction: {
				hu: 'Alsóbükk önkormányzatában pénzügyi ügyintézőként hozzon létre eredeti előirányzat-dokumentumot a képviselő-testület költségvetési rendeletéből: adja meg a rendelet számát, keltét és hatálybalépését.',
				en: "In Alsóbükk, as a finance officer, create an original budget document from the council's budget decree: enter the decree number, its date and the effective date.",
			},
			hints: [
				{ hu: 'Gazdálkodás → Előirányzatok → Eredeti előirányzat. A fejlécben Alsóbükk legyen az aktív önkormányzat.', en: 'Finance → Appropriations → Original budget. Alsóbükk must be the active municipality in the header.' },
				{
					hu: 'A dokumentum típusa „képviselő-testületi rendelet”; a rendelet hivatkozása pl. „2/ÉÉÉÉ. (II. 14.) önkormányzati rendelet”. Rögzíteni Kiss Márta tud (költségvetés-rögzítő szerepkör).',
					en: "The document type is 'képviselő-testületi rendelet'; the reference looks like '2/YYYY. (II. 14.) önkormányzati rendelet'. Kiss Márta (budget recorder role) can record it.",
				},
			],
		},
		submit: {
			title: { hu: 'Sorok rögzítése és jóváhagyásra küldés', en: 'Enter the lines and submit for approval' },
			instruction: {
				hu: 'Rögzítse a rendelet minden sorát rovat + kormányzati funkció + összeg szerint (6 bevételi, 11 kiadási sor), ellenőrizze, hogy a bevételek és a kiadások főösszege egyaránt 45 000 000 Ft, majd küldje jóváhagyásra.',
				en: 'Enter every line of the decree by rovat + government function + amount (6 revenue, 11 expenditure lines), check that revenue and expenditure both total 45 000 000 Ft, then submit for approval.',
			},
			hints: [
				{
					hu: 'Csak legalsó szintű rovat rögzíthető (pl. K1101, nem K1). A helyi adók (B34, B351, B36) a 900020 funkcióra kerülnek, a közös hivatal támogatása K915 / 018030.',
					en: 'Only leaf-level rovatok can be used (e.g. K1101, not K1). Local taxes (B34, B351, B36) go on function 900020; the support to the joint office is K915 / 018030.',
				},
				{
					hu: 'Ha a rendszer egyensúlyhiányt jelez, hiányzik egy finanszírozási bevétel: a B813 Maradvány igénybevétele 4 000 000 Ft (900020).',
					en: 'If the system reports an imbalance, a financing revenue is missing: B813 Use of the residual, 4 000 000 Ft (900020).',
				},
			],
		},
		approve: {
			title: { hu: 'Jóváhagyás és könyvelés', en: 'Approve and book' },
			instruction: {
				hu: 'Egy másik felhasználóval (gazdasági vezető) ellenőrizze a dokumentumot a rendelet szövegével, és hagyja jóvá: a rendszer lekönyveli a T 002 / K 05x1 és T 09x1 / K 001 tételeket.',
				en: 'As another user (head of finance) check the document against the decree and approve it: the system books T 002 / K 05x1 and T 09x1 / K 001.',
			},
			hints: [
				{ hu: 'A rögzítő nem hagyhatja jóvá a saját dokumentumát (négy szem elve). Váltson Tóth Erzsébet gazdasági vezetőre.', en: 'The recorder cannot approve their own document (four-eyes rule). Switch to the head of finance.' },
				{
					hu: 'Ha a dokumentumban hibát talál, ne hagyja jóvá: küldje vissza indoklással, javítás után újra jóváhagyásra kerül.',
					en: 'If you find an error, do not approve: return it with a reason; it comes back after correction.',
				},
			],
		},
	},
	mistakes: {
		'k915-as-k5': {
			feedback: {
				hu: 'A közös önkormányzati hivatal működésének finanszírozása nem „egyéb működési célú támogatás” (K5), hanem finanszírozási kiadás: K915 Központi, irányító szervi támogatás folyósítása, 018030 funkción. Törölje a sort, és rögzítse K915-ön.',
				en: 'Financing the joint office is not an "other operating grant" (K5) but financing expenditure: K915 Central / supervisory support paid, on function 018030. Remove the line and record it on K915.',
			},
			rule: 'A.2: rovatrend – K9 finanszírozási kiadások',
		},
		'tax-funkcio': {
			feedback: {
				hu: 'A helyi adóbevétel (B3) nem sorolható valódi kormányzati funkcióra: a 900020 „Önkormányzatok funkcióra nem sorolható bevételei államháztartáson kívülről” technikai funkción kell tervezni.',
				en: 'Local tax revenue (B3) is not assigned to a real government function: it is planned on the technical function 900020 (revenues not assignable to a function, from outside general government).',
			},
			rule: 'A.2: kormányzati funkciók – 900020',
		},
		'budget-deficit': {
			feedback: {
				hu: 'A költségvetés nincs egyensúlyban, ezért nem küldhető jóváhagyásra: a bevételek és a kiadások főösszegének egyeznie kell. Valószínűleg kimaradt a B813 Maradvány igénybevétele (4 000 000 Ft) – a finanszírozási bevétel is a bevételi főösszeg része.',
				en: 'The budget is not balanced, so it cannot be submitted: total revenue must equal total expenditure. Most likely B813 Use of the residual (4 000 000 Ft) is missing – financing revenue is part of the revenue total.',
			},
			rule: 'A.2: költségvetési egyensúly (főösszeg)',
		},
		'invalid-code': {
			feedback: {
				hu: 'Ez a rovat vagy funkció nem rögzíthető: előirányzat csak legalsó szintű rovatra (pl. K1101, K915) és érvényes kormányzati funkcióra kerülhet, összevont csoportra (K1, K5, K9) nem.',
				en: 'This rovat or function cannot be used: appropriations go on leaf-level rovatok (e.g. K1101, K915) and valid government functions, never on a group (K1, K5, K9).',
			},
			rule: 'A.2: egységes rovatrend (Áhsz. 15. melléklet)',
		},
		'wrong-line': {
			feedback: {
				hu: 'Ez a sor nem egyezik a rendelettel (rovat, funkció vagy összeg). Vesse össze a rendelet mellékletével, törölje és rögzítse újra helyesen.',
				en: 'This line does not match the decree (rovat, function or amount). Compare it with the annex of the decree, remove it and record it correctly.',
			},
			rule: 'A.2: eredeti előirányzat = a költségvetési rendelet',
		},
		'approved-with-errors': {
			feedback: {
				hu: 'A jóváhagyó olyan dokumentumot hagyott jóvá, amely eltér a rendelettől. A jóváhagyás a négy szem elvének második szeme: hibás dokumentumot vissza kell küldeni, nem jóváhagyni. Az eredeti előirányzat ezután már csak módosítással javítható.',
				en: 'The approver approved a document that differs from the decree. Approval is the second pair of eyes: a wrong document is returned, not approved. The original budget can now only be corrected by an amendment.',
			},
			rule: 'SANDBOX: négy szem elve',
		},
		'four-eyes': {
			feedback: {
				hu: 'A dokumentumot nem hagyhatja jóvá az, aki rögzítette vagy jóváhagyásra küldte (négy szem elve). Váltson a gazdasági vezetőre.',
				en: 'The person who recorded or submitted the document cannot approve it (four-eyes rule). Switch to the head of finance.',
			},
			rule: 'SANDBOX: négy szem elve',
		},
		order: {
			feedback: {
				hu: 'Jóváhagyni csak jóváhagyásra küldött dokumentumot lehet: előbb rögzítse az összes sort, és küldje be.',
				en: 'Only a submitted document can be approved: first enter every line and submit it.',
			},
			rule: 'A.1: a lépések sorrendje',
		},
	},
}
