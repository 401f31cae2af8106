import type { MistakeText } from './types.ts'

// Mistakes every exercise can meet, with the feedback shown right after the action. Exercises add
// their own (reference.md §D "Common mistakes") and may override these texts.

export const COMMON_MISTAKES: Record<string, MistakeText> = {
	'wrong-municipality': {
		feedback: {
			hu: 'Ezt a műveletet a másik önkormányzatban végezte el. A közös hivatalban mindig ellenőrizze a fejlécben, melyik önkormányzat az aktív: az adatok önkormányzatonként elkülönülnek.',
			en: 'You did this in the other municipality. In a joint office always check which municipality is active in the header: each keeps its data separately.',
		},
		rule: 'KERET: önkormányzatonkénti adatelkülönítés',
	},
	'wrong-persona': {
		feedback: {
			hu: 'A kiválasztott felhasználónak nincs ehhez a lépéshez szerepköre ebben az önkormányzatban. Váltson arra a kollégára, akinek a KERET-ben ez a szerepkör ki van osztva.',
			en: 'The selected user has no role for this step in this municipality. Switch to the colleague who holds this role in KERET.',
		},
		rule: 'KERET: szerepkör önkormányzatonként',
	},
	order: {
		feedback: {
			hu: 'Ez a lépés még nem következik: a folyamat lépései kötött sorrendben követik egymást. Nézze meg a feladatlistán, mi a soron következő lépés.',
			en: 'This step is not due yet: the steps of the process follow a fixed order. Check the checklist for the next step.',
		},
		rule: 'A.1: a kiadási ciklus sorrendje',
	},
	sod: {
		feedback: {
			hu: 'Összeférhetetlenség: ugyanazon gazdasági eseménynél ez a személy ezt a szerepet nem töltheti be (Ávr. 60. §). Válasszon másik, jogosult kollégát.',
			en: 'Incompatibility: on the same economic event this person may not act in this role (Ávr. 60. §). Choose another authorised colleague.',
		},
		rule: 'Ávr. 60. §',
	},
}
