import { describe, expect, it } from 'vitest';
import { bylineNames, joinNames } from '../../src/articles/byline.ts';

const OUTLETS = ['CBC News', 'New York Daily News', 'ITmedia PC USER', 'The Associated Press'];
const clean = (raw: string) => joinNames(bylineNames(raw, { outlets: OUTLETS, strict: true }));

describe('bylines cleaned to the names a reporter cites', () => {
  it.each([
    ['ByTravis Quill', 'Travis Quill'],
    ['Laura E. Dover December 14, 2018', 'Laura E. Dover'],
    ['March 3, 2019 at 4:15 PM ET by Tessa Quill', 'Tessa Quill'],
    ['Paul Dunn · CBC News · Posted: May 2, 2021 8:40 AM ET | Last Updated: 12 minutes ago', 'Paul Dunn'],
    ['Maria DunnStaff Writer', 'Maria Dunn'],
    ['Sam Briggs Senior Politics Editor, The Huffington Post', 'Sam Briggs'],
    ['Tom DiFenwick@tdifenwickWATCH LIVE', 'Tom DiFenwick'],
    ['Mike Briggs | mbriggs@example.com', 'Mike Briggs'],
    ['Meg HalvexNEW YORK DAILY NEWSMar 4, 2019 at 2:10 pm', 'Meg Halvex'],
    ['Jeremy Ashcombe More stories by Jeremy Ashcombe', 'Jeremy Ashcombe'],
    ['Nora Fallow Nora Fallow Opinion writer reporting on the statehouse and the courts', 'Nora Fallow'],
    ['02.03.2021, 09:45 | Lesedauer: 5 Minuten Greta Fallow', 'Greta Fallow'],
    ['Politik · Jochen Reyes, Tina Penrose', 'Jochen Reyes and Tina Penrose'],
    ['Paul DoverFatima Quill, The Associated Press', 'Paul Dover and Fatima Quill'],
    [
      'Marc Fallow, William K. Dunn, Al Briggs and Adam Reyes',
      'Marc Fallow, William K. Dunn, Al Briggs and Adam Reyes',
    ],
    ['Penrose, Steve', 'Steve Penrose'],
    ['Par Cécile Fenwick(Bruxelles, bureau européen)', 'Cécile Fenwick'],
    ['Ysabel Quill Illustration by Claire Dover', 'Ysabel Quill'],
    ['[山本一郎，ITmedia]', '山本一郎'],
    ['著者：佐藤花子', '佐藤花子'],
    ['作者： Rui Penrose 翻訳者 鈴木 健', 'Rui Penrose'],
    ['Bruno (Henrique Fallow) Dunn', 'Bruno Dunn'],
    ["JOSH DOVER, DAVID FENWICK and PATRICK O'REEVELL", "Josh Dover, David Fenwick and Patrick O'Reevell"],
    ['《KT》', 'KT'],
    ['Martin Halvex (avec Damien Briggs et Morgane Reyes)', 'Martin Halvex, Damien Briggs and Morgane Reyes'],
    ['Richard (R.J.) Penrose', 'Richard Penrose'],
    ['By Brenda  Ashcombe, MA\n   WebMD Health News', 'Brenda Ashcombe'],
  ])('%s -> %s', (raw, expected) => {
    expect(clean(raw)).toBe(expected);
  });

  it.each([
    'April 15, 2019 6:18am',
    'Published: Mar. 9, 2019, 5:12 p.m.',
    'By',
    'Follow us on Twitter',
    'TMZ STAFF',
    'BWW News Desk',
    'Condé Nast',
    'The Associated Press',
    'Photograph by Tyrone Dunn, National Geographic Creative',
    'https://www.facebook.com/someone',
    'J. Quill 👼🏻 @quillsays',
    'プライバシーポリシー',
    '名片',
  ])('%s names no one', (raw) => {
    expect(bylineNames(raw, { outlets: OUTLETS, strict: true })).toEqual([]);
  });

  it('accepts a lower-case name only from a structured source', () => {
    expect(bylineNames('cindy fallowmint')).toEqual(['cindy fallowmint']);
    expect(bylineNames('cindy fallowmint', { strict: true })).toEqual([]);
  });
});
