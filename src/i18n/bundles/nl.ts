// The Dutch texts of every screen but Today, in one chunk (core.json is in the first load; see i18n.svelte.ts).
export default import.meta.glob<Record<string, unknown>>(['../locales/nl/*.json', '!../locales/nl/core.json'], {
  eager: true,
  import: 'default',
});
