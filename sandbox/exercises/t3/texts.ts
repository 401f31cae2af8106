import { TAX_RULE } from '../../tax/rules.ts'
import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of T3, Hungarian first.

const LATE_INTEREST_RULE = 'Art. 206–209. §: késedelmi pótlék (B.3)'

export const T3_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		interest: {
			title: { hu: 'A késedelmi pótlék kiszámítása és előírása', en: 'Compute and post the late-payment interest' },
			instruction: {
				hu: 'Fekete Ilona (Felsőbükk) építményadójának első, 100 000 Ft-os részlete március 15-én járt le (munkaszüneti nap, ezért a határidő a következő munkanap), de csak 30 nappal később fizette meg. Felsőbükk adóügyi ügyintézőjeként futtassa le a pótlékszámítást az adózóra, és ellenőrizze az eredményt: 930 Ft a pótlék adónemen.',
				en: "Fekete Ilona's (Felsőbükk) first building-tax instalment of 100 000 Ft fell due on 15 March (a holiday, so the deadline moved to the next working day), but she paid it 30 days later. As Felsőbükk's tax officer, run the late-interest calculation for her and check the result: 930 Ft on the pótlék tax type.",
			},
			hints: [
				{
					hu: 'A pótlék a tényleges (munkanapra igazított) határidő utáni naptól a befizetés napjáig jár: 2026-ban március 17-től április 15-ig, 30 nap. A napi kamatláb (alapkamat + 5 pont) / 365, három tizedesjegyre csonkítva: 11,5 / 365 = 0,031 %.',
					en: 'Interest runs from the day after the effective (working-day adjusted) due date to the day of payment: in 2026 from 17 March to 15 April, 30 days. The daily rate is (base rate + 5 points) / 365, truncated to three decimals: 11.5 / 365 = 0.031 %.',
				},
				{
					hu: 'Adó → Pótlékszámítás, adózó: Fekete Ilona. 100 000 × 0,031 % × 30 = 930 Ft. A pótlék külön adónemre kerül, és utána nem jár pótlék.',
					en: 'Tax → Late interest, taxpayer: Fekete Ilona. 100 000 × 0.031 % × 30 = 930 Ft. The interest goes on its own tax type and bears no interest itself.',
				},
			],
		},
		notice: {
			title: { hu: 'Egyenlegértesítő küldése', en: 'Send a balance notice' },
			instruction: {
				hu: 'Küldjön egyenlegértesítőt Fekete Ilonának, hogy lássa a 930 Ft késedelmi pótlékot (és ha még nem járt le, a második részletet).',
				en: 'Send Fekete Ilona a balance notice so that she sees the 930 Ft late-payment interest (and the second instalment if it is not yet due).',
			},
			hints: [
				{ hu: 'Az egyenlegértesítő az adószámla minden adónemét mutatja, a pótlékot is.', en: 'The balance notice shows every tax type of the account, the interest included.' },
				{ hu: 'Az adózó adatlapján: Egyenlegértesítő kiadása.', en: "On the taxpayer's page: Issue balance notice." },
			],
		},
		certificate: {
			title: { hu: 'Döntés az adóigazolás iránti kérelemről', en: 'Decide on the tax certificate request' },
			instruction: {
				hu: 'Fekete Ilona április 20-án nemleges adóigazolást kér. Döntsön a kérelemről: nemleges igazolás csak akkor adható, ha semmilyen tartozása nincs – a pótlék is tartozás. Ha nem adható, adjon ki általános adóigazolást, amely a 930 Ft-ot tartozásként mutatja.',
				en: 'On 20 April Fekete Ilona asks for a nemleges (clean) tax certificate. Decide on the request: a clean certificate is issued only when there is no debt at all – the interest is a debt too. If it cannot be issued, issue a general certificate showing the 930 Ft debt.',
			},
			hints: [
				{ hu: 'A nemleges igazolás feltétele: nincs adótartozás, beleértve a késedelmi pótlékot és a bírságot.', en: 'A clean certificate requires no tax debt, late interest and penalties included.' },
				{ hu: 'Adóigazolás kiadása: fajtája általános. A nemleges igazolás a pótlék befizetése után adható.', en: 'Issue a tax certificate of the general kind. The clean one can be issued once the interest is paid.' },
			],
		},
	},
	mistakes: {
		'interest-days': {
			feedback: {
				hu: 'A napok száma hibás: a pótlék a tényleges határidő (március 15. munkaszüneti nap → március 16.) utáni naptól, március 17-től jár, és a befizetés napja, április 15. benne van – 30 nap. Március 15-től számolva vagy mindkét végnapot beszámítva 31 nap jönne ki (961 Ft).',
				en: 'The number of days is wrong: interest runs from the day after the effective due date (15 March is a holiday → 16 March), i.e. from 17 March, up to and including the payment day, 15 April – 30 days. Counting from 15 March or counting both end days gives 31 days (961 Ft).',
			},
			rule: LATE_INTEREST_RULE,
		},
		'interest-rounding': {
			feedback: {
				hu: 'A napi kamatlábat nem kerekíteni, hanem három tizedesjegyre csonkítani kell: 11,5 / 365 = 0,031506…% → 0,031 %. Kerekítve 0,032 % és 960 Ft jönne ki; helyesen 930 Ft.',
				en: 'The daily rate is truncated to three decimals, not rounded: 11.5 / 365 = 0.031506…% → 0.031 %. Rounding gives 0.032 % and 960 Ft; the right answer is 930 Ft.',
			},
			rule: LATE_INTEREST_RULE,
		},
		'interest-altered': {
			feedback: {
				hu: 'A rendszer által számított pótlékot törölte vagy csökkentette. A 930 Ft helyes: 100 000 Ft × 0,031 % (a napi kamatláb csonkítva, nem kerekítve) × 30 nap (március 17-től április 15-ig: a tényleges határidő utáni naptól a befizetés napjáig). A pótlékot csak téves előírás esetén lehet törölni; ha eltérő összeget kapott, a napok számát vagy a kerekítést ellenőrizze.',
				en: 'You cancelled or reduced the interest the system computed. 930 Ft is right: 100 000 Ft × 0.031 % (daily rate truncated, not rounded) × 30 days (17 March to 15 April: from the day after the effective due date to the payment day). Interest is cancelled only when it was charged in error; if you got another figure, check the day count or the rounding.',
			},
			rule: LATE_INTEREST_RULE,
		},
		'nemleges-with-debt': {
			feedback: {
				hu: 'Nemleges adóigazolás csak akkor adható, ha az adózónak semmilyen tartozása nincs – a késedelmi pótlék is tartozás. Fekete Ilonának 930 Ft pótléka nyitott (akkor is, ha még nem írták elő): előbb számítsa ki és írja elő a pótlékot, majd adjon ki általános adóigazolást, amely a tartozást mutatja.',
				en: 'A clean (nemleges) certificate is issued only when the taxpayer owes nothing – late-payment interest is a debt too. Fekete Ilona has 930 Ft of interest open (even before it is posted): compute and post it first, then issue a general certificate showing the debt.',
			},
			rule: TAX_RULE.nemleges,
		},
		order: {
			feedback: {
				hu: 'Az adóigazolás a kiadás napi nyilvántartást tükrözi: ha a pótlék még nincs előírva, az igazolásból kimarad a 930 Ft. Előbb futtassa a pótlékszámítást, küldje ki az egyenlegértesítőt, és csak utána döntsön a kérelemről.',
				en: 'A tax certificate shows the records on the day it is issued: with the interest not yet posted, the 930 Ft is missing from it. Run the interest calculation and send the balance notice first, then decide on the request.',
			},
			rule: 'Art., 465/2017. Korm. r. 24. §: az igazolás a kiállítás napi nyilvántartás alapján (B.3)',
		},
		'wrong-municipality': {
			feedback: {
				hu: 'Fekete Ilona felsőbükki adózó: a pótlékot, az értesítőt és az igazolást Felsőbükk nyilvántartásában kell kezelni. Váltson a fejlécben Felsőbükkre.',
				en: "Fekete Ilona is a Felsőbükk taxpayer: the interest, the notice and the certificate belong to Felsőbükk's records. Switch to Felsőbükk in the header.",
			},
			rule: 'KERET: önkormányzatonkénti adatelkülönítés',
		},
	},
}
