import type { LocalizedText } from '../../shared/result.ts'
import type { MistakeText, StepText } from '../types.ts'

// Instructions, progressive hints and mistake feedback of F5, Hungarian first.

/** The four transfers are one kind of step, done once per collection account in any order. */
function transferStep(n: number): StepText {
	const ordinal: LocalizedText = [
		{ hu: 'első', en: 'first' },
		{ hu: 'második', en: 'second' },
		{ hu: 'harmadik', en: 'third' },
		{ hu: 'negyedik', en: 'fourth' },
	][n - 1]!
	return {
		title: { hu: `Átvezetés a költségvetési számlára (${n}/4)`, en: `Transfer to the budget account (${n}/4)` },
		instruction: {
			hu: `Pénztárosként vezesse át a(z) ${ordinal.hu} beszedési számla azonosított adóbevételét a költségvetési elszámolási számlára. A négy átvezetés együtt 3 718 400 Ft: építményadó 1 240 000, kommunális adó 310 000, iparűzési adó 2 150 000, késedelmi pótlék 18 400 Ft.`,
			en: `As the cashier, transfer the identified tax revenue of the ${ordinal.en} collection account to the budget account. The four transfers total 3 718 400 Ft: building tax 1 240 000, communal tax 310 000, business tax 2 150 000, late-payment interest 18 400 Ft.`,
		},
		hints: [
			{ hu: 'Bank → Átvezetés saját számlák között. Beszedési számláról csak a feladásban azonosított, még át nem vezetett összeg mehet.', en: 'Bank → Transfer between own accounts. Only the identified, not yet transferred amount of the feed can leave a collection account.' },
			{
				hu: 'A számla egyenlege több lehet: az 5 000 Ft azonosítatlan befizetés (építményadó-számla) és a 12 000 Ft túlfizetés (iparűzésiadó-számla) a beszedési számlán marad.',
				en: 'The balance may be higher: the 5 000 Ft unidentified receipt (building-tax account) and the 12 000 Ft overpayment (business-tax account) stay on the collection account.',
			},
		],
	}
}

export const F5_TEXTS: { steps: Record<string, StepText>; mistakes: Record<string, MistakeText> } = {
	steps: {
		feed: {
			title: { hu: 'Könyvelési feladás átvétele és könyvelése', en: 'Take over and book the tax feed' },
			instruction: {
				hu: 'Az adócsoport lezárta a hónapot. Könyvelőként vegye át az adó szakrendszer könyvelési feladását: ellenőrizze a rovatokat (építményadó és kommunális adó B34, iparűzési adó B351, pótlék B36, funkció 900020), majd könyvelje le egyszer.',
				en: 'The tax office has closed the month. As the bookkeeper, take over the tax subsystem’s feed: check the rovatok (building and communal tax B34, business tax B351, late-payment interest B36, function 900020), then book it once.',
			},
			hints: [
				{ hu: 'Adó → Időszakzárás → Feladás könyvelése. A feladást nem kell kézzel begépelni: az adó szakrendszer állítja elő.', en: 'Tax → Period close → Post the feed. The feed is not typed by hand: the tax subsystem produces it.' },
				{ hu: 'A könyvelés után a 0935-ös számlán rovatonként az azonosított összegek jelennek meg; az azonosítatlan tétel a 449-en, a túlfizetés a 441-en áll.', en: 'After booking, 0935 shows the identified amounts by rovat; the unidentified receipt sits on 449, the overpayment on 441.' },
			],
		},
		transfer1: transferStep(1),
		transfer2: transferStep(2),
		transfer3: transferStep(3),
		transfer4: transferStep(4),
	},
	mistakes: {
		'whole-balance': {
			feedback: {
				hu: 'A beszedési számláról csak az azonosított, a könyvelési feladásban bevételként elszámolt összeg vezethető át. A túlfizetés (441) az adózóé, az azonosítatlan befizetés (449) még függő tétel: ezek a beszedési számlán maradnak, a teljes egyenleg nem utalható át.',
				en: 'Only the identified amount, booked as revenue by the feed, can leave the collection account. The overpayment (441) belongs to the taxpayer and the unidentified receipt (449) is still in suspense: they stay on the collection account, so the whole balance cannot be transferred.',
			},
			rule: 'B.4: csak az azonosított adóbevétel utalható át',
		},
		'potlek-b34': {
			feedback: {
				hu: 'A késedelmi pótlék nem vagyoni típusú adó: a B36 Egyéb közhatalmi bevételek rovatra kerül, nem a B34-re. A feladást ne gépelje be kézzel: az adó szakrendszer feladása a helyes rovatra könyvel.',
				en: 'Late-payment interest is not a property tax: it goes on B36 Other public-authority revenue, not B34. Do not type the feed by hand: the tax subsystem’s feed books it on the right rovat.',
			},
			rule: 'B.4: adónem → rovat (pótlék → B36)',
		},
		'feed-twice': {
			feedback: {
				hu: 'Egy időszak könyvelési feladása csak egyszer könyvelhető: a második könyvelés megduplázná az adóbevételt. A rendszer ezt elutasítja; ellenőrizze a főkönyvben, hogy a feladás már le van-e könyvelve.',
				en: 'A period’s feed can be booked only once: a second posting would double the tax revenue. The system refuses it; check in the ledger whether the feed is already booked.',
			},
			rule: 'B.4: az időszak könyvelési feladása egyszer könyvelhető',
		},
		'feed-figures': {
			feedback: {
				hu: 'A lekönyvelt feladás összegei nem egyeznek a lezárt időszakéval. A feladást az adó szakrendszerből kell átvenni, nem kézzel rögzíteni; az adómodul által előállított tételeket nem szabad átírni.',
				en: 'The booked feed does not match the closed period. The feed is taken over from the tax subsystem, not entered by hand; postings generated by the tax module must not be edited.',
			},
			rule: 'B.4: könyvelési feladás az adó szakrendszerből',
		},
		'transfer-amount': {
			feedback: {
				hu: 'Az átvezetett összeg nem egyezik a számla azonosított adóbevételével. Beszedési számlánként egy átvezetés kell, pontosan a feladásban azonosított összeggel.',
				en: 'The amount transferred does not equal the account’s identified tax revenue. One transfer per collection account, exactly the amount identified in the feed.',
			},
			rule: 'B.4: havi átvezetés a költségvetési számlára',
		},
		'transfer-target': {
			feedback: {
				hu: 'Az adóbevételt a költségvetési elszámolási számlára (3311) kell átvezetni, nem másik beszedési számlára.',
				en: 'Tax revenue is transferred to the budget account (3311), not to another collection account.',
			},
			rule: 'B.4: havi átvezetés a költségvetési számlára',
		},
		order: {
			feedback: {
				hu: 'Előbb a könyvelési feladást kell lekönyvelni: amíg a bevétel nincs azonosítva és elszámolva, a beszedési számláról semmi nem vezethető át.',
				en: 'Book the tax feed first: until the revenue is identified and booked, nothing can leave the collection account.',
			},
			rule: 'B.4: feladás, majd átvezetés',
		},
	},
}
