import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of F2, Hungarian first.

export const F2_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		document: {
			title: { hu: 'Módosító dokumentum létrehozása', en: 'Create the amendment document' },
			instruction: {
				hu: 'Alsóbükkben pénzügyi ügyintézőként hozzon létre előirányzat-módosító dokumentumot a képviselő-testület módosító rendeletéből: típus „képviselő-testületi rendelet”, a rendelet száma, kelte és a tárgyévre eső hatálybalépés.',
				en: "In Alsóbükk, as a finance officer, create an appropriation amendment document from the council's amending decree: type 'képviselő-testületi rendelet', the decree number, its date and an effective date inside the budget year.",
			},
			hints: [
				{ hu: 'Gazdálkodás → Előirányzatok → Módosítás. Az eredeti előirányzatot nem írja felül: a módosítás külön dokumentum.', en: 'Finance → Appropriations → Amendment. Do not overwrite the original budget: an amendment is a separate document.' },
				{ hu: 'A hatálybalépés a költségvetési évre essen, és ne legyen korábbi a rendelet keltezésénél.', en: 'The effective date must be inside the budget year and not before the date of the decree.' },
			],
		},
		submit: {
			title: { hu: 'Módosító sorok és egyensúly', en: 'Amendment lines and balance' },
			instruction: {
				hu: 'Rögzítse a három sort: K334 / 045160 +600 000 Ft (kátyújavítás), B351 / 900020 +400 000 Ft (magasabb iparűzési adó), K513 / 011130 −200 000 Ft (tartalék). Ellenőrizze, hogy a bevételi és a kiadási változás egyaránt +400 000 Ft, majd küldje jóváhagyásra.',
				en: 'Enter the three lines: K334 / 045160 +600 000 Ft (pothole repair), B351 / 900020 +400 000 Ft (higher business tax), K513 / 011130 −200 000 Ft (reserve). Check that revenue and expenditure both change by +400 000 Ft, then submit.',
			},
			hints: [
				{ hu: 'A módosító sor előjeles: a csökkentés negatív összeg.', en: 'An amendment line is signed: a decrease is a negative amount.' },
				{ hu: 'Ha egyensúlyhiányt jelez a rendszer, kimaradt a tartalék csökkentése (K513 −200 000 Ft).', en: 'If the system reports an imbalance, the reserve decrease (K513 −200 000 Ft) is missing.' },
			],
		},
		approve: {
			title: { hu: 'Jóváhagyás és könyvelés', en: 'Approve and book' },
			instruction: {
				hu: 'A gazdasági vezetőként hagyja jóvá a módosítást: a rendszer 05x2 / 09x2 módosítási tételeket könyvel, a módosított előirányzat K334 = 2 600 000, K513 = 800 000, B351 = 9 400 000 Ft lesz, az eredeti előirányzat változatlan.',
				en: 'As the head of finance, approve the amendment: the system books 05x2 / 09x2 amendment postings; the amended appropriation becomes K334 = 2 600 000, K513 = 800 000, B351 = 9 400 000 Ft, the original is unchanged.',
			},
			hints: [
				{ hu: 'Jóváhagyni csak más felhasználó tud, mint aki rögzítette (négy szem elve).', en: 'Only someone other than the recorder can approve (four-eyes rule).' },
				{ hu: 'Váltson Tóth Erzsébet gazdasági vezetőre, és nyissa meg a beküldött módosítást.', en: 'Switch to the head of finance and open the submitted amendment.' },
			],
		},
	},
	mistakes: {
		'overwrite-original': {
			feedback: {
				hu: 'Az eredeti előirányzat a költségvetési rendeletben elfogadott összeg, utólag nem írható felül: minden változás külön módosító dokumentumba kerül (05x2 / 09x2), így az eredeti és a módosított előirányzat is kimutatható.',
				en: 'The original appropriation is what the budget decree adopted and cannot be overwritten: every change goes into a separate amendment document (05x2 / 09x2), so both the original and the amended appropriation can be reported.',
			},
			rule: 'A.2: eredeti előirányzat + módosítás = módosított előirányzat',
		},
		unbalanced: {
			feedback: {
				hu: 'A módosítás nincs egyensúlyban: a bevételi és a kiadási változásnak egyeznie kell (+400 000 Ft). A K334 +600 000 Ft-ból 400 000 Ft-ot a B351 többlet, 200 000 Ft-ot a K513 tartalék csökkentése fedez – ez maradt ki.',
				en: 'The amendment is not balanced: the revenue and expenditure changes must be equal (+400 000 Ft). Of the K334 +600 000 Ft, 400 000 Ft is covered by extra B351 and 200 000 Ft by reducing the K513 reserve – that line is missing.',
			},
			rule: 'A.2: költségvetési egyensúly (főösszeg)',
		},
		'effective-date': {
			feedback: {
				hu: 'A módosítás hatálybalépése a költségvetési évre kell essen, és nem előzheti meg a rendelet keltét: más évre szóló dátummal a módosítás nem a tárgyévi előirányzatot változtatná.',
				en: "The amendment's effective date must fall in the budget year and not precede the decree's date: with a date in another year it would not change this year's appropriation.",
			},
			rule: 'A.2: előirányzat-módosítás a költségvetési éven belül (Áht. 34. § ○)',
		},
		'wrong-line': {
			feedback: {
				hu: 'Ez a sor nem egyezik a módosító rendelettel: K334 / 045160 +600 000, B351 / 900020 +400 000, K513 / 011130 −200 000 Ft. Törölje és rögzítse újra.',
				en: 'This line does not match the amending decree: K334 / 045160 +600 000, B351 / 900020 +400 000, K513 / 011130 −200 000 Ft. Remove it and enter it again.',
			},
			rule: 'A.2: előirányzat-módosítás',
		},
		'approved-with-errors': {
			feedback: {
				hu: 'A jóváhagyó a rendelettől eltérő módosítást hagyott jóvá. Hibás dokumentumot vissza kell küldeni; a lekönyvelt módosítás már csak újabb módosítással korrigálható.',
				en: 'The approver approved an amendment that differs from the decree. A wrong document is returned; once booked it can only be corrected by another amendment.',
			},
			rule: 'SANDBOX: négy szem elve',
		},
	},
}
