import { TAX_RULE } from '../../tax/rules.ts'
import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of T1, Hungarian first.

export const T1_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		taxpayer: {
			title: { hu: 'Az új adózó felvétele Felsőbükkben', en: 'Register the new taxpayer in Felsőbükk' },
			instruction: {
				hu: 'Kiss Anna (született 1985. június 20., lakcíme 1118 Budapest, Villányi út 20.) lakást vett Felsőbükkben, és beadta az adatbejelentést. Felsőbükk adóügyi ügyintézőjeként vegye fel magánszemély adózóként; az adatbejelentő lapon szereplő adóazonosító jel: 8432690031.',
				en: 'Kiss Anna (born 20 June 1985, living at 1118 Budapest, Villányi út 20.) bought a flat in Felsőbükk and filed the data notification. As Felsőbükk\'s tax officer, register her as a private taxpayer; the adóazonosító jel on the form is 8432690031.',
			},
			hints: [
				{
					hu: 'Közös hivatalban dolgozik: előbb a fejlécben válassza ki Felsőbükköt. Az adózót annak az önkormányzatnak a nyilvántartásába kell felvenni, ahol az ingatlan van.',
					en: 'You work in a joint office: first pick Felsőbükk in the header. The taxpayer belongs to the register of the municipality where the property is.',
				},
				{
					hu: 'Az adóazonosító jel 10. számjegye ellenőrző szám: (1·d₁ + 2·d₂ + … + 9·d₉) mod 11. Gépelje be pontosan a 8432690031-et, a születési dátummal együtt – a rendszer a kettőt össze is veti.',
					en: 'The 10th digit of the adóazonosító jel is a check digit: (1·d₁ + 2·d₂ + … + 9·d₉) mod 11. Type 8432690031 exactly, with the date of birth – the system cross-checks the two.',
				},
			],
		},
		object: {
			title: { hu: 'Az adótárgy és az adatbejelentés rögzítése', en: 'Record the tax object and the notification' },
			instruction: {
				hu: 'Rögzítse a lakást építményadó-tárgyként: helyrajzi szám 345/2/A/3, hasznos alapterület 84 m², fajtája lakás. Kiss Anna üdülőként használja, nem ez a bejelentett lakóhelye. A szerzés napja tavaly október 10., az adatbejelentés tavaly október 20-án érkezett.',
				en: 'Record the flat as a building-tax object: parcel number 345/2/A/3, useful floor area 84 m², kind: flat. Kiss Anna uses it as a holiday home; it is not her registered home. She acquired it on 10 October last year; the notification arrived on 20 October last year.',
			},
			hints: [
				{
					hu: 'A társasházi albetét helyrajzi száma: alapszám/alátörés/lépcsőház betűje/albetét – itt 345/2/A/3. Belterületi szám, nincs előtte 0.',
					en: 'A condominium unit\'s parcel number is number/sub-number/staircase letter/unit – here 345/2/A/3. It is an inner-area number, with no leading 0.',
				},
				{
					hu: 'A saját lakóhely helyi mentessége nem jár, mert a lakás nem a bejelentett lakóhelye. Az adatbejelentés a szerzéstől számított 15 napon belül érkezett, ezért nem késett.',
					en: 'The local exemption for the owner\'s home does not apply: the flat is not her registered home. The notification arrived within 15 days of the acquisition, so it was not late.',
				},
			],
		},
		assessment: {
			title: { hu: 'Az építményadó-határozat kiadása (kivetés)', en: 'Issue the building-tax decision (kivetés)' },
			instruction: {
				hu: 'Adja ki Kiss Annának az idei évre szóló építményadó-határozatot. A rendszer 84 m² × 1 000 Ft = 84 000 Ft adót számít, két 42 000 Ft-os részletben: március 15-én (ha az munkaszüneti nap, a következő munkanapon) és szeptember 15-én. Ha a határozat egy részlet határideje után születik, az a részlet a határozattól számított 15. napon esedékes (SANDBOX szabály).',
				en: 'Issue Kiss Anna\'s building-tax decision for this year. The system computes 84 m² × 1 000 Ft = 84 000 Ft, in two halves of 42 000 Ft: on 15 March (the next working day when that is a holiday) and on 15 September. An instalment whose date has passed when the decision is issued falls due 15 days after the decision (SANDBOX rule).',
			},
			hints: [
				{
					hu: 'Az építményadó alanya az, aki a naptári év első napján a tulajdonos. Kiss Anna tavaly október óta tulajdonos: tavalyra nem fizet adót, időarányos adó nincs.',
					en: 'The building tax is paid by whoever owns the property on 1 January. Kiss Anna has owned it since last October: she pays nothing for last year, there is no pro-rata tax.',
				},
				{
					hu: 'Az adózó adatlapján válassza a kivetést: adónem építményadó, év az idei. A határozatszámot (KH-…) és a két előírást a rendszer képzi.',
					en: 'On the taxpayer\'s page choose the assessment: tax type building tax, year this year. The system numbers the decision (KH-…) and posts the two charges.',
				},
			],
		},
	},
	mistakes: {
		'invalid-tax-id': {
			feedback: {
				hu: 'Az adóazonosító jel ellenőrző számjegye hibás – valószínűleg két számjegy felcserélődött. A 10. számjegy = (1·d₁ + 2·d₂ + … + 9·d₉) mod 11, és a jel első kilenc számjegye a születési dátumból adódik. Kiss Annáé 8432690031: nézze meg újra az adatbejelentő lapot.',
				en: 'The adóazonosító jel fails its check digit – two digits were probably swapped. Digit 10 = (1·d₁ + 2·d₂ + … + 9·d₉) mod 11, and the first nine digits follow from the date of birth. Kiss Anna\'s is 8432690031: look at the form again.',
			},
			rule: TAX_RULE.adoazonositoJel,
		},
		'wrong-municipality': {
			feedback: {
				hu: 'Az adózót a másik önkormányzatban vette fel. A lakás Felsőbükkben van, ezért Felsőbükk nyilvántartásába tartozik: a közös hivatal jegyzője mindkét faluban adóhatóság, de minden önkormányzatnak saját rendelete, saját adózói és saját beszedési számlái vannak. Váltson a fejlécben Felsőbükkre.',
				en: 'You registered the taxpayer in the other municipality. The flat is in Felsőbükk, so she belongs to Felsőbükk\'s register: the joint office\'s jegyző is the tax authority of both villages, but each has its own decree, taxpayers and collection accounts. Switch to Felsőbükk in the header.',
			},
			rule: 'B: önkormányzatonként külön adóhatósági nyilvántartás (KERET adatelkülönítés)',
		},
		'pro-rata-last-year': {
			feedback: {
				hu: 'Tavalyra nem vethető ki adó, időarányosan sem: az építményadó alanya a naptári év első napján tulajdonos. Kiss Anna tavaly január 1-jén még nem volt tulajdonos, így az adókötelezettsége az idei év január 1-jén kezdődik, és az idei évre egész évi adót fizet.',
				en: 'No tax can be assessed for last year, not even pro rata: the building tax is paid by the owner on 1 January. Kiss Anna did not own the flat on 1 January last year, so her liability starts on 1 January this year, and for this year she pays the full year\'s tax.',
			},
			rule: TAX_RULE.owner1Jan,
		},
		'invalid-hrsz': {
			feedback: {
				hu: 'A helyrajzi szám formátuma hibás. Társasházi albetétnél: alapszám/alátörés/lépcsőház betűje/albetét, például 345/2/A/3; külterületi számnál áll elöl 0.',
				en: 'The parcel number has the wrong format. For a condominium unit: number/sub-number/staircase letter/unit, e.g. 345/2/A/3; only outer-area numbers start with 0.',
			},
			rule: TAX_RULE.hrsz,
		},
		'wrong-area': {
			feedback: {
				hu: 'Az adatbejelentés szerint a lakás hasznos alapterülete 84 m²; ebből számol a határozat (84 × 1 000 Ft). A sandboxban a rögzített adótárgy nem javítható – kezdje újra a feladatot.',
				en: 'The notification gives a useful floor area of 84 m²; the decision is computed from it (84 × 1 000 Ft). The sandbox cannot correct a recorded object – restart the exercise.',
			},
			rule: 'Htv.: az építményadó alapja a hasznos alapterület (B.1)',
		},
		'wrong-object': {
			feedback: {
				hu: 'Az adótárgy nem az, amit az adatbejelentés leír: épület, építményadó, helyrajzi szám 345/2/A/3. Más helyrajzi számmal rögzített tárgy egy másik ingatlan – a határozat azt is megadóztatná.',
				en: 'The tax object is not the one the notification describes: a building, building tax, parcel number 345/2/A/3. An object under another parcel number is another property – the decision would tax it too.',
			},
			rule: TAX_RULE.hrsz,
		},
		'wrong-date': {
			feedback: {
				hu: 'A szerzés napja tavaly október 10., az adatbejelentés tavaly október 20. – a 15 napos határidőn belül. A szerzés dátumától függ, melyik évtől adózik (a következő év január 1-jétől); késedelmes bejelentésnek rögzítve mulasztási bírság kockázatát jelezné.',
				en: 'She acquired the flat on 10 October last year and notified it on 20 October last year – within the 15 days. The acquisition date decides from which year she pays (from the next 1 January); recording a late notification would wrongly suggest a default penalty.',
			},
			rule: TAX_RULE.notification,
		},
		'wrong-exemption': {
			feedback: {
				hu: 'A határozat 0 Ft-ról szól, mert a lakást saját lakóhelyként rögzítette. Felsőbükk rendeletében a mentesség csak az adózó bejelentett lakóhelyéül szolgáló lakásra jár; Kiss Anna üdülőként használja, ezért a lakás adóköteles (84 000 Ft).',
				en: 'The decision is for 0 Ft because you recorded the flat as her own home. Felsőbükk\'s decree exempts only the flat that is the taxpayer\'s registered home; Kiss Anna uses it as a holiday home, so it is taxable (84 000 Ft).',
			},
			rule: 'Felsőbükk helyi adórendelete: tárgyi mentesség a bejelentett lakóhelyre',
		},
		'wrong-amount': {
			feedback: {
				hu: 'A határozat összege 84 000 Ft (84 m² × 1 000 Ft/m²), két 42 000 Ft-os részletben, a munkaszüneti napok miatt igazított határidőkkel. Ellenőrizze az adótárgy adatait.',
				en: 'The decision is for 84 000 Ft (84 m² × 1 000 Ft/m²), in two halves of 42 000 Ft with holiday-adjusted due dates. Check the tax object\'s data.',
			},
		},
	},
}
