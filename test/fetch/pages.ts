/** Article pages the /add and feed tests serve on loopback. */

export interface PageText {
  title: string;
  canonical: string | null;
  quotes: [string, string][];
  date?: string;
}

export function articleHtml(p: PageText): string {
  const quotes = p.quotes.map(([words, who]) => `<p>"${words}," said ${who}.</p>`).join('\n');
  return `<!doctype html><html><head><title>${p.title} - Harbor Herald</title>
<meta property="og:site_name" content="Harbor Herald">
<meta property="article:published_time" content="${p.date ?? '2024-03-05'}T10:00:00Z">
${p.canonical ? `<link rel="canonical" href="${p.canonical}">` : ''}</head><body><article><h1>${p.title}</h1>
<p class="byline">By Jane Doe</p>
<p>The strike at the Harbor Falls port ended on Tuesday after eleven days, when the union and the port authority agreed to a new contract covering 2,400 workers.</p>
${quotes}
<p>The port handled 1.2 million containers last year, making it the third busiest on the coast.</p>
<p>Port officials said cargo would move again by Thursday morning.</p>
</article></body></html>`;
}

export const STRIKE: [string, string][] = [
  [
    'We are glad this is over and the workers can go home to their families',
    "Maria Lopez, the union's president",
  ],
  [
    'Nobody won this strike, and the shippers will remember it for a long time',
    'Tom Baker, a shipping analyst',
  ],
];

/** The same story after a correction: the first quote's wording changed, the second vanished. */
export const STRIKE_CORRECTED: [string, string][] = [
  [
    'We are relieved this is over and the workers can go home to their families',
    "Maria Lopez, the union's president",
  ],
];
