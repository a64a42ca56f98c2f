/** "in 10 min", "in 3 d": compact interval labels in the UI language. */
export function formatInterval(ms: number, lang: string): string {
  const minutes = Math.max(1, Math.round(ms / 60000));
  const [value, unit] =
    minutes < 60
      ? [minutes, 'minute']
      : minutes < 60 * 24
        ? [Math.round(minutes / 60), 'hour']
        : minutes < 60 * 24 * 30
          ? [Math.round(minutes / 1440), 'day']
          : minutes < 60 * 24 * 365
            ? [Math.round(minutes / 43200), 'month']
            : [Math.round((minutes / 525600) * 10) / 10, 'year'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}
