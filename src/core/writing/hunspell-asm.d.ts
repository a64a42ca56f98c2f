/** hunspell-asm's CommonJS entry (see speller.ts) has the same API as the package's typed entry. */
declare module 'hunspell-asm/dist/cjs/index.js' {
  export * from 'hunspell-asm';
}
