/**
 * Page furniture: what a saved page carries besides the story. Captions and photo credits, gallery
 * counters, newsletter and subscription prompts, video-player controls, share bars, author bios,
 * related links, bylines and bare datelines. None of it may become a quote or a fact, so it goes in
 * two passes: elements whose markup says what they are, before Readability runs; then whole
 * paragraphs that read as furniture whatever their markup.
 */
import type { parseHTML } from 'linkedom';

type Doc = ReturnType<typeof parseHTML>['document'];

/** Never article text, whatever their size. */
const NEVER_TEXT =
  'script, style, noscript, template, iframe, svg, nav, footer, aside, form, button, figcaption, [role="navigation"], [role="complementary"], [role="contentinfo"], [aria-hidden="true"], [itemprop~="caption"], [itemprop~="copyrightHolder"]';

/**
 * Class or id words of furniture, matched as whole dash/underscore-separated words ("shared" is not
 * "share", "bio" is not "biology").
 */
const FURNITURE_CLASS = new RegExp(
  `(?:^|[\\s_-])(?:${[
    'ads?',
    'advert\\w*',
    'sponsor\\w*',
    'promo\\w*',
    'related',
    'recommended',
    'newsletter\\w*',
    'signup',
    'sign-up',
    'subscribe\\w*',
    'subscription',
    'share\\w*',
    'social',
    'cookie\\w*',
    'paywall',
    'outbrain',
    'taboola',
    'captions?',
    'figcaption',
    'credits?',
    'photo-credit',
    'image-credit',
    'media-credit',
    'gallery',
    'slideshow',
    'carousel',
    'player',
    'video-player',
    'jwplayer',
    'bio',
    'author-bio',
    'about-author',
    'breadcrumbs?',
    'tags',
    'read-more',
    'more-stories',
    'enlarge',
  ].join('|')})(?:$|[\\s_-])`,
  'i',
);

/**
 * Removes furniture elements before the story's text is taken. Class names are only a hint: an
 * element holding most of the page's text ("ad-free-article", a "paywall" wrapper around the story)
 * or several paragraphs of prose is the article, whatever it is called.
 */
export function removeFurnitureElements(document: Doc): void {
  for (const el of document.querySelectorAll(NEVER_TEXT)) el.remove();
  const pageText = document.body?.textContent?.length ?? 0;
  for (const el of document.querySelectorAll('[class], [id]')) {
    if (['HTML', 'BODY', 'ARTICLE', 'MAIN'].includes(el.tagName)) continue;
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!FURNITURE_CLASS.test(label) || (el.textContent?.length ?? 0) > pageText / 2) continue;
    // Nor is an element holding several paragraphs of prose ("entry-content entry-content-read-more").
    const prose = [...el.querySelectorAll('p')].filter((p) => (p.textContent?.length ?? 0) > 80).length;
    if (prose < 3) el.remove();
  }
}

// Photo agencies and wire photo desks named in credit lines.
const AGENCY =
  '(?:getty\\s*images?|getty|shutterstock|ap\\s*photo[^)]*|associated press|afp|reuters|epa(?:-efe)?|tns|alamy|istock(?:photo)?|the image bank|bloomberg|xinhua|dpa|anadolu|sipa|rex|pa(?:\\s*(?:images|wire|media))?|zuma(?:\\s*press)?|nurphoto|corbis|unsplash|pexels|wikimedia commons)';

/** Whole paragraphs that are furniture on any site. */
const FURNITURE_PARAGRAPH: readonly RegExp[] = [
  // Labels and controls standing alone.
  /^(?:advertisements?|skip advertisement|story continues below(?: this)? advertisement|continue reading(?: the main story)?|supported by|sponsored(?: content)?|read more(?: about)?|related(?: articles| stories| coverage| content)?|more (?:from|on|about) .{0,40}|share(?: this(?: article| story| post)?)?|listen to this article|sign up|subscribe(?: now)?|image|images|view images?|enlarge(?: image| this image)?|hide caption|toggle caption|show caption|caption|photo|video|watch|play(?: video)?|now playing|up next|replay|autoplay|close|expand|print|email|copy link|link copied|follow us(?: on [\w ]+)?|(?:image|photo|slide) \d+ (?:of|\/) \d+|\d+\s*(?:\/|of)\s*\d+|\d{1,2}:\d{2}(?::\d{2})?)[:.!]?$/i,
  // Credit lines: "Photo: X", "Image credit: X", "Credit...X", "Courtesy of X", "© X".
  /^(?:(?:video|photos?|images?|pictures?) )?courtesy (?:of )?\S/i,
  /\b(?:photo|image) credit\s*[:：]/i,
  /^filed under\b/i,
  /\ball rights reserved\b/i,
  /^(?:\(|\[)?(?:(?:featured |lead |top )?(?:photo(?:graph)?s?|images?|video|illustrations?|graphics?|source|pictures?)(?:\s+(?:credit|courtesy|source))?(?:\s+by\b|\s*[:：])|(?:photo|image|picture) (?:by|credit|courtesy)\b|credits?\s*(?:[:：]|\.\.\.|…)|courtesy(?: of)?\b|©|\(c\)\s)/i,
  // Agency credit lines: "Lou Fenwick/Getty Images", "Ray Dover | The Image Bank | Getty Images".
  new RegExp(
    `^[^.!?“"]{0,100}(?:/|\\||·)\\s*(?:[^/|]{0,40}(?:/|\\|)\\s*)?${AGENCY}\\)?\\.?(?:\\s*\\(composite\\))?$`,
    'i',
  ),
  new RegExp(`^${AGENCY}\\.?$`, 'i'),
  // A caption with its credit at the end: "... last week. Photograph: Ines Briggs/Reuters",
  // "... in Pittsburgh. (Omar Penrose/AFP/Getty Images)", "... Lou Fenwick/Getty Images hide caption".
  /(?:Photograph|Photo|PHOTO|Image|IMAGE|Picture|Illustration|Credit|CREDIT)s?\s*[:：]\s*\p{Lu}[^.!?]{1,80}$/u,
  new RegExp(`\\((?:[^()]{0,80}(?:/|\\s))?${AGENCY}\\)\\.?$`, 'i'),
  /\b(?:hide|toggle) caption$/i,
  // Related links: "Related: ...", "RELATED: ...", "Read more from X:", "Read More About:".
  /^(?:related|read more|read next|see also|more|watch|listen|also read|recommended)(?: (?:from|about|on) [^:]{0,60})?\s*[:：]/i,
];

/** Prompts to subscribe, sign up, follow, share or download; never ones that quote someone. */
const PROMPT: readonly RegExp[] = [
  /[|·]\s*(?:sign up|subscribe)$/i,
  /^(?:sign up|subscribe|get\b[^.]{0,60}\b(?:newsletter|brief|briefing|alerts?|app)\b|join (?:our|the) [^.]{0,40}(?:newsletter|list|community)|want more [^.]{0,40}\?|don['’]t miss|download (?:our|the) app|follow us|be sure to [^.]{0,60}share|share this|stop the censors)/i,
  /\b(?:sign up|subscribe)\b[^.]{0,80}\b(?:newsletters?|inbox|briefing)\b/i,
  /\b(?:newsletter|inbox)\b[^.]{0,60}\b(?:sign up|subscribe)\b/i,
  /\bunsubscribe\b.{0,80}\b(?:any ?time|privacy)/i,
];

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** A paragraph that is only a date, a time or a "Published/Updated" line: a dateline, kept as metadata. */
const DATELINE_ONLY = new RegExp(
  `^(?:(?:published|updated|posted|last updated|first published)\\s*(?:on|at)?\\s*:?\\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{4}年\\d{1,2}月\\d{1,2}日)(?:,?\\s*(?:at\\s+)?\\d{1,2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?[.\\s]*(?:\\|.*)?$`,
  'i',
);

/** True when a whole paragraph is page furniture rather than story text. */
export function isFurnitureParagraph(paragraph: string): boolean {
  const p = paragraph.trim();
  if (p === '') return true;
  // Story paragraphs are long; furniture is short. A long paragraph is furniture only if it is a
  // sign-up prompt (those run long with privacy small print).
  if (p.length > 320) return false;
  if (DATELINE_ONLY.test(p)) return true;
  if (/^(?:By|BY|by)\s+\p{Lu}[^.!?]{0,80}$/u.test(p) && !/[“”"]/.test(p)) return true;
  if (FURNITURE_PARAGRAPH.some((re) => re.test(p))) return true;
  // A story can mention signing up; a prompt does not quote anyone.
  return !/[“”"«»„]/.test(p) && PROMPT.some((re) => re.test(p));
}

/**
 * A paragraph introducing the article's author ("Ada Reyes (she/her) is CEO at Ashcombe."):
 * a bio, found among the last paragraphs when the byline is known.
 */
export function isAuthorBio(paragraph: string, author: string | null): boolean {
  if (!author) return false;
  const names = author.split(/\s*(?:,|\band\b)\s*/).filter((n) => n.length > 2);
  return names.some((name) => {
    if (!paragraph.startsWith(name)) return false;
    const rest = paragraph.slice(name.length);
    return /^\s*(?:\([^)]{0,20}\)\s*)?(?:is|was|has been|covers|writes|reports)\b/.test(rest);
  });
}

/** Drops furniture paragraphs and, among the last three, a bio of the author. */
export function dropFurnitureParagraphs(paragraphs: string[], author: string | null): string[] {
  const kept = paragraphs.filter((p) => !isFurnitureParagraph(p));
  return kept.filter((p, i) => i < kept.length - 3 || !isAuthorBio(p, author));
}
