/**
 * Whether the screen is phone-wide: the width at which App.svelte's menu becomes a tab bar (its
 * CSS uses the same 40rem). The tab bar's labels differ (soft hyphens), so the markup needs to know.
 */
const PHONE = '(max-width: 40rem)';

const query = typeof matchMedia === 'function' ? matchMedia(PHONE) : undefined;
let phone = $state(query?.matches ?? false);
query?.addEventListener('change', (event) => {
  phone = event.matches;
});

export function isPhoneWidth(): boolean {
  return phone;
}
