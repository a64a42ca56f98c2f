// All of one language's texts in one chunk: one request when the language is chosen (see i18n.svelte.ts).
export default import.meta.glob<Record<string, unknown>>('../locales/fr/*.json', { eager: true, import: 'default' });
