/**
 * The floor of `npm run bench`: an app on the same stack (Svelte, Dexie, i18next, ts-fsrs), each
 * used once and about as little as an app can. Its first-load JS is what the stack itself costs;
 * the app's first load is measured against it, built in the same run.
 */
import { mount } from 'svelte';
import Dexie, { type EntityTable } from 'dexie';
import i18next from 'i18next';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import Floor from './Floor.svelte';

interface Item {
  id: string;
  due: number;
}

const db = new Dexie('floor') as Dexie & { items: EntityTable<Item, 'id'> };
db.version(1).stores({ items: 'id, due' });

await i18next.init({ lng: 'nl', resources: { nl: { translation: { due: '{{count}} kaarten te herhalen' } } } });
const { card } = fsrs().next(createEmptyCard(), new Date(), Rating.Good);
await db.items.put({ id: 'kaart', due: card.due.getTime() });
const due = await db.items
  .where('due')
  .belowOrEqual(Date.now() + 86_400_000)
  .count();
mount(Floor, { target: document.getElementById('app')!, props: { title: 'Vaktaal', due: i18next.t('due', { count: due }) } });
