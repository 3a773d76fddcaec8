import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticleText, parseFile } from '../../src/articles/index.ts';
import { stripInline } from '../../src/articles/markdown.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/formats');

describe('Markdown articles', () => {
  it('reads front matter, keeping the written date of a timestamp', async () => {
    const [article] = await parseFile(join(FIXTURES, 'front-matter.md'));
    expect(article).toMatchObject({
      format: 'md',
      title: "Trump walks back 'impenetrable' cyber unit idea",
      outlet: 'The Washington Post',
      url: 'https://www.washingtonpost.com/politics/trump-cyber-unit/',
      // 23:30 EDT on the 9th: YAML alone would have made it the 10th (UTC).
      published: '2017-07-09',
      author: 'Ellen Nakashima',
    });
  });

  it('turns the body into plain paragraphs', async () => {
    const [article] = await parseFile(join(FIXTURES, 'front-matter.md'));
    expect(article?.paragraphs).toEqual([
      'President Donald Trump on Sunday backed away from a plan to form a joint cyber security unit with Russia, hours after announcing it on Twitter.',
      'What he said',
      '"The fact that President Putin and I discussed a Cyber Security unit doesn\'t mean I think it can happen," Trump said in a tweet.',
      'Senator Lindsey Graham called the idea "pretty dumb".',
      'Senator Marco Rubio said partnering with Putin was like partnering with Assad.',
      'The variable cyber_unit_2017 and snake_case names stay as written, as do 5 * 3 and 2*2.',
    ]);
  });

  it('takes a leading setext heading as the title when there is no front matter', async () => {
    const [article] = await parseFile(join(FIXTURES, 'heading-title.markdown'));
    expect(article?.title).toBe('Senate votes to back intelligence agencies');
    expect(article?.paragraphs).toHaveLength(1);
    expect(article?.outlet).toBeNull();
  });

  it('strips inline markup but keeps the words', () => {
    expect(stripInline('**Bold** and *it* and __b__ and _i_ and ~~gone~~ and `code`')).toBe(
      'Bold and it and b and i and gone and code',
    );
    expect(stripInline('See [the report](https://x.example/a_(b) "T") and [ref][1]![img](i.png)')).toBe(
      'See the report and ref',
    );
    expect(stripInline('Escaped \\*stars\\* and <span class="x">html</span> and <https://a.example>')).toBe(
      'Escaped *stars* and html and https://a.example',
    );
  });

  it('reads front matter YAML rejects line by line, and refuses executable front matter', () => {
    const [article] = parseArticleText(
      '---\ntitle: Trump: a profile\noutlet: [unclosed\ndate: 2018-07-01\npublished: "July 16, 2018"\n---\nBody.',
      'md',
      'bad.md',
    );
    expect(article).toMatchObject({
      title: 'Trump: a profile',
      outlet: '[unclosed',
      published: '2018-07-16',
    });
    expect(article?.paragraphs).toEqual(['Body.']);
    expect(() =>
      parseArticleText('---js\n{ title: (() => { throw new Error("ran") })() }\n---\nBody.', 'md', 'js.md'),
    ).toThrow(/invalid front matter: front matter in JavaScript is not supported/);
  });
});
