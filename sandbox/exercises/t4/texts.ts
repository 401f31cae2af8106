import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of T4, Hungarian first.

const SELF_REVISION_RULE = 'Art. 211. § ○: önellenőrzési pótlék = a késedelmi pótlék 50 %-a (B.3)'

export const T4_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		return: {
			title: { hu: 'Az éves iparűzésiadó-bevallás rögzítése', en: 'Record the annual HIPA return' },
			instruction: {
				hu: 'A Bükki Kő Kft. (adószám 12892312-2-41, Alsóbükk) május 20-án benyújtotta a tavalyi évről szóló iparűzésiadó-bevallását: adóalap 7 500 000 Ft. Alsóbükk adóügyi ügyintézőjeként rögzítse. A rendszer 2 %-kal 150 000 Ft adót számít, ebből levonja a tavaly megfizetett 2 × 60 000 Ft előleget: 30 000 Ft fizetendő május 31-ig (ha az hétvége, a következő munkanapon), és megállapítja a következő előlegeket: 2 × 75 000 Ft, március 15-én és szeptember 15-én.',
				en: "Bükki Kő Kft. (adószám 12892312-2-41, Alsóbükk) filed its HIPA return for last year on 20 May: tax base 7 500 000 Ft. As Alsóbükk's tax officer, record it. The system computes 2 % = 150 000 Ft of tax, deducts last year's advances of 2 × 60 000 Ft: 30 000 Ft is payable by 31 May (the next working day when that is a weekend day), and it sets the next advances: 2 × 75 000 Ft, on 15 March and 15 September.",
			},
			hints: [
				{
					hu: 'Az előleg az éves adó része, nem külön teher: a megfizetett előlegek az éves adóba beszámítanak. Az adószám ellenőrző számjegye (9-7-3-1 súlyok) rendben van.',
					en: 'The advances are part of the annual tax, not an extra charge: the advances paid count against the annual tax. The adószám passes its check digit (weights 9-7-3-1).',
				},
				{
					hu: 'Adó → Bevallások → Helyi iparűzési adó: adózó a Bükki Kő Kft., adóév a tavalyi, adóalap 7 500 000, benyújtás napja május 20. Nem önellenőrzés.',
					en: 'Tax → Returns → Local business tax: taxpayer Bükki Kő Kft., tax year last year, base 7 500 000, filed on 20 May. Not a self-revision.',
				},
			],
		},
		selfRevision: {
			title: { hu: 'Az önellenőrzés rögzítése', en: 'Record the self-revision' },
			instruction: {
				hu: 'A cég ma önellenőrzést nyújtott be: a tavalyi adóalap helyesen 8 000 000 Ft. Rögzítse önellenőrzésként. Az adó 160 000 Ft, a különbözet 10 000 Ft, amelyre önellenőrzési pótlék jár a pótlék adónemen: a késedelmi pótlék mértékének 50 %-a, az eredeti esedékesség utáni naptól az önellenőrzés napjáig. A következő előlegek 2 × 80 000 Ft-ra nőnek.',
				en: 'Today the company filed a self-revision: last year\'s base is in fact 8 000 000 Ft. Record it as a self-revision. The tax is 160 000 Ft, the difference 10 000 Ft, which bears the self-revision surcharge on the pótlék tax type: 50 % of the late-interest rate, from the day after the original due date to the day of the self-revision. The next advances rise to 2 × 80 000 Ft.',
			},
			hints: [
				{
					hu: 'A már benyújtott bevallást nem lehet újra benyújtani: a javítás önellenőrzéssel történik. Önellenőrzésnél késedelmi pótlékot nem kell külön számítani.',
					en: 'A return already filed cannot be filed again: it is corrected by self-revision. A self-revision needs no separate late-interest run.',
				},
				{
					hu: 'Ugyanaz a bevallási képernyő, „önellenőrzés” jelöléssel: adóév a tavalyi, adóalap 8 000 000, benyújtás napja a mai nap.',
					en: 'The same return screen, ticked "self-revision": tax year last year, base 8 000 000, filed today.',
				},
			],
		},
		notice: {
			title: { hu: 'Egyenlegértesítő a cégnek', en: 'Balance notice to the company' },
			instruction: {
				hu: 'Küldjön egyenlegértesítőt a Bükki Kő Kft.-nek: lássa a 10 000 Ft különbözetet, az önellenőrzési pótlékot és a 80 000 Ft-ra emelt jövő évi előlegeket.',
				en: 'Send Bükki Kő Kft. a balance notice: it should see the 10 000 Ft difference, the self-revision surcharge and next year\'s advances raised to 80 000 Ft.',
			},
			hints: [
				{ hu: 'Az előlegek módosítását a rendszer az önellenőrzéssel együtt előírta (részletenként +5 000 Ft); ne törölje.', en: 'The system charged the change of the advances with the self-revision (+5 000 Ft per instalment); do not cancel it.' },
				{ hu: 'A cég adatlapján: Egyenlegértesítő kiadása.', en: "On the company's page: Issue balance notice." },
			],
		},
	},
	mistakes: {
		'advances-as-charges': {
			feedback: {
				hu: 'Az előleg nem külön teher az éves adó mellett: a megfizetett előlegek az éves adóba beszámítanak (150 000 − 2 × 60 000 = 30 000 Ft fizetendő), a bevallás által megállapított következő előlegek pedig a következő évi adó részletei. Ezeket nem kell sem törölni, sem visszatéríteni. A sandbox az elszámolást maga végzi; a törlés vagy a visszatérítés az előleget különálló, „fölösleges” tételként kezeli.',
				en: 'Advances are not an extra charge beside the annual tax: the advances paid count against the annual tax (150 000 − 2 × 60 000 = 30 000 Ft payable), and the next advances the return sets are instalments of the next year\'s tax. Neither is to be cancelled or refunded. The sandbox settles the return itself; a cancellation or a refund treats an advance as a separate, "surplus" item.',
			},
			rule: 'Htv.: az adóelőleg az éves adóba beszámít (B.1, D T4)',
		},
		'surcharge-rate': {
			feedback: {
				hu: 'Önellenőrzésnél nem a késedelmi pótlék jár (a késedelmi kamatláb 100 %-a), hanem önellenőrzési pótlék: a késedelmi pótlék mértékének 50 %-a (ismételt önellenőrzésnél 75 %), az eredeti esedékesség utáni naptól az önellenőrzés napjáig. A rendszer ezt az önellenőrzéssel együtt előírja a pótlék adónemen; külön pótlékszámítást ne futtasson.',
				en: 'A self-revision does not bear late-payment interest (100 % of the late-interest rate) but the self-revision surcharge: 50 % of the late-interest rate (75 % for a repeated self-revision), from the day after the original due date to the day of the self-revision. The system charges it with the self-revision on the pótlék tax type; do not run a late-interest calculation.',
			},
			rule: SELF_REVISION_RULE,
		},
		'advances-not-updated': {
			feedback: {
				hu: 'Az önellenőrzés után a következő előleg az új adóból számítandó: 160 000 / 2 = 80 000 Ft részletenként. A rendszer a két részletet 5 000–5 000 Ft-tal megemelte; ennek törlésével a régi 75 000 Ft-os előleg maradna érvényben. A törölt előírás nem állítható vissza – kezdje újra a feladatot.',
				en: 'After the self-revision the next advances follow the revised tax: 160 000 / 2 = 80 000 Ft per instalment. The system raised both instalments by 5 000 Ft; cancelling that leaves the old 75 000 Ft advances in force. A cancelled charge cannot be restored – restart the exercise.',
			},
			rule: 'D T4 ○ SANDBOX: önellenőrzés után a következő előleg a helyesbített adóból',
		},
		'wrong-base': {
			feedback: {
				hu: 'Az adóalap a bevallásban 7 500 000 Ft, az önellenőrzésben 8 000 000 Ft; az adó ennek 2 %-a. Más adóalappal a különbözet, a pótlék és az előlegek is hibásak lesznek.',
				en: 'The tax base is 7 500 000 Ft in the return and 8 000 000 Ft in the self-revision; the tax is 2 % of it. With another base the difference, the surcharge and the advances are all wrong.',
			},
			rule: 'Htv.: iparűzési adó = adóalap × 2 % (B.1)',
		},
		'wrong-year': {
			feedback: {
				hu: 'A május 31-ig benyújtott bevallás a tavalyi adóévről szól (az idei évről csak jövőre lehet bevallani). Az adóév helyes megadásán múlik, mely előlegek számítanak be.',
				en: "The return filed by 31 May is for last year (this year's can only be filed next year). The tax year decides which advances are credited.",
			},
			rule: 'Htv.: éves bevallás a következő év május 31-ig (B.1)',
		},
		'revision-as-new-return': {
			feedback: {
				hu: 'Egy adóévről egy bevallás van; a már benyújtott bevallás javítása önellenőrzéssel történik (önellenőrzés jelöléssel), önellenőrzési pótlékkal.',
				en: 'There is one return per tax year; a return already filed is corrected by a self-revision (ticked as such), with the self-revision surcharge.',
			},
			rule: 'Art.: önellenőrzés (B.3)',
		},
		'wrong-municipality': {
			feedback: {
				hu: 'A Bükki Kő Kft. Alsóbükkben végzi tevékenységét és ott adózik: a bevallást Alsóbükk nyilvántartásában kell rögzíteni. Váltson a fejlécben Alsóbükkre.',
				en: "Bükki Kő Kft. carries on its business and pays tax in Alsóbükk: record the return in Alsóbükk's records. Switch to Alsóbükk in the header.",
			},
			rule: 'KERET: önkormányzatonkénti adatelkülönítés',
		},
	},
}
