import type { Component } from 'svelte';
import Today from './screens/Today.svelte';

/**
 * The app's screens. `nav` puts a screen in the main menu (an i18n key); screens other than the
 * first are loaded on demand, which keeps the first-load bundle small.
 */
export interface RouteDef {
  path: string;
  nav?: string;
  load: () => Promise<Component>;
}

export const routes: RouteDef[] = [
  { path: '/', nav: 'nav.today', load: async () => Today },
  { path: '/practice', load: async () => (await import('./screens/Practice.svelte')).default },
  { path: '/write', nav: 'nav.write', load: async () => (await import('./screens/Write.svelte')).default },
  { path: '/write/drills', load: async () => (await import('./screens/DrillSession.svelte')).default },
  { path: '/write/desk', load: async () => (await import('./screens/Desk.svelte')).default },
  { path: '/words', nav: 'nav.words', load: async () => (await import('./screens/Glossary.svelte')).default },
  { path: '/progress', nav: 'nav.progress', load: async () => (await import('./screens/Progress.svelte')).default },
  { path: '/backup', load: async () => (await import('./screens/Backup.svelte')).default },
  { path: '/import', load: async () => (await import('./screens/ImportDeck.svelte')).default },
  { path: '/report', load: async () => (await import('./screens/Report.svelte')).default },
  { path: '/coach', load: async () => (await import('./screens/Coach.svelte')).default },
  { path: '/settings', nav: 'nav.settings', load: async () => (await import('./screens/Settings.svelte')).default },
];

export function findRoute(path: string): RouteDef | undefined {
  return routes.find((r) => r.path === path);
}
