import type { Component } from 'svelte';
import { loadFeatureText } from './i18n.svelte.ts';
import Today from './screens/Today.svelte';

/**
 * The app's screens. `nav` puts a screen in the main menu (an i18n key); screens other than the
 * first are loaded on demand, which keeps the first-load bundle small.
 */
export interface RouteDef {
  path: string;
  nav?: string;
  /** Its label in the phone's tab bar (an i18n key): the same words, with soft hyphens where a tab is narrow. */
  tab?: string;
  /** A practice or drill session: on a phone the tab bar makes way for it (the session has its own way out). */
  session?: boolean;
  load: () => Promise<Component>;
}

/** The studio's screens bring their text along (it is not in the first load). */
async function studioScreen(screen: Promise<{ default: Component }>): Promise<Component> {
  const [module] = await Promise.all([screen, loadFeatureText('studio')]);
  return module.default;
}

export const routes: RouteDef[] = [
  { path: '/', nav: 'nav.today', tab: 'nav.tab.today', load: async () => Today },
  { path: '/practice', session: true, load: async () => (await import('./screens/Practice.svelte')).default },
  { path: '/write', nav: 'nav.write', tab: 'nav.tab.write', load: async () => (await import('./screens/Write.svelte')).default },
  { path: '/write/drills', session: true, load: async () => (await import('./screens/DrillSession.svelte')).default },
  { path: '/write/desk', load: async () => (await import('./screens/Desk.svelte')).default },
  { path: '/words', nav: 'nav.words', tab: 'nav.tab.words', load: async () => (await import('./screens/Glossary.svelte')).default },
  {
    path: '/progress',
    nav: 'nav.progress',
    tab: 'nav.tab.progress',
    load: async () => (await import('./screens/Progress.svelte')).default,
  },
  { path: '/backup', load: async () => (await import('./screens/Backup.svelte')).default },
  { path: '/import', load: async () => (await import('./screens/ImportDeck.svelte')).default },
  { path: '/report', load: async () => (await import('./screens/Report.svelte')).default },
  { path: '/coach', load: async () => (await import('./screens/Coach.svelte')).default },
  { path: '/studio', nav: 'nav.studio', tab: 'nav.tab.studio', load: () => studioScreen(import('./screens/Studio.svelte')) },
  { path: '/studio/edit', load: () => studioScreen(import('./screens/StudioEditor.svelte')) },
  {
    path: '/settings',
    nav: 'nav.settings',
    tab: 'nav.tab.settings',
    load: async () => (await import('./screens/Settings.svelte')).default,
  },
];

export function findRoute(path: string): RouteDef | undefined {
  return routes.find((r) => r.path === path);
}
