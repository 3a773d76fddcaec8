import { describe, expect, it } from 'vitest';
import { bylineNames, joinNames } from '../../src/articles/byline.ts';

const OUTLETS = ['CBC News', 'New York Daily News', 'ITmedia PC USER', 'The Associated Press'];
const clean = (raw: string) => joinNames(bylineNames(raw, { outlets: OUTLETS, strict: true }));

describe('bylines cleaned to the names a reporter cites', () => {
  it.each([
    ['ByTravis Haney', 'Travis Haney'],
    ['Laura E. Adkins December 28, 2016', 'Laura E. Adkins'],
    ['March 3, 2019 at 4:15 PM ET by Tessa Quill', 'Tessa Quill'],
    ['Paul Dunn · CBC News · Posted: May 2, 2021 8:40 AM ET | Last Updated: 12 minutes ago', 'Paul Dunn'],
    ['Maria DunnStaff Writer', 'Maria Dunn'],
    ['Sam Briggs Senior Politics Editor, The Huffington Post', 'Sam Briggs'],
    ['Tom DiChristopher@tdichristopherWATCH LIVE', 'Tom DiChristopher'],
    ['Mike Cason | mcason@al.com', 'Mike Cason'],
    ['Meg WagnerNEW YORK DAILY NEWSDec 16, 2016 at 1:38 pm', 'Meg Wagner'],
    ['Jeremy Herron More stories by Jeremy Herron', 'Jeremy Herron'],
    [
      'Nora Fallow Nora Fallow Opinion writer reporting on the statehouse and the courts',
      'Nora Fallow',
    ],
    ['02.03.2021, 09:45 | Lesedauer: 5 Minuten Greta Fallow', 'Greta Fallow'],
    ['Politik · Jochen Bittner, Tina Hildebrandt', 'Jochen Bittner and Tina Hildebrandt'],
    ['Paul WisemanFatima Hussein, The Associated Press', 'Paul Wiseman and Fatima Hussein'],
    [
      'Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman',
      'Marc Santora, William K. Rashbaum, Al Baker and Adam Goldman',
    ],
    ['Gillman, Steve', 'Steve Gillman'],
    ['Par Cécile Ducourtieux(Bruxelles, bureau européen)', 'Cécile Ducourtieux'],
    ['Ysabel Yates Illustration by Claire Lordon', 'Ysabel Yates'],
    ['[田中宏昌，ITmedia]', '田中宏昌'],
    ['著者：後藤大地', '後藤大地'],
    ['作者： Diogo Carleto 翻訳者 中村 真子', 'Diogo Carleto'],
    ['Bruno (Henrique Zecchin) Rodrigues', 'Bruno Rodrigues'],
    ["JOSH DOVER, DAVID FENWICK and PATRICK O'REEVELL", "Josh Dover, David Fenwick and Patrick O'Reevell"],
    ['《KT》', 'KT'],
    [
      'Martin Untersinger (avec Damien Leloup et Morgane Tual)',
      'Martin Untersinger, Damien Leloup and Morgane Tual',
    ],
    ['Richard (R.J.) Eskow', 'Richard Eskow'],
    ['By Brenda  Goodman, MA\n   WebMD Health News', 'Brenda Goodman'],
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
    'Photograph by Tyrone Turner, National Geographic Creative',
    'https://www.facebook.com/someone',
    'J. Trump 👼🏻 @liquoronurlips',
    'プライバシーポリシー',
    '名片',
  ])('%s names no one', (raw) => {
    expect(bylineNames(raw, { outlets: OUTLETS, strict: true })).toEqual([]);
  });

  it('accepts a lower-case name only from a structured source', () => {
    expect(bylineNames('cindy mangomini')).toEqual(['cindy mangomini']);
    expect(bylineNames('cindy mangomini', { strict: true })).toEqual([]);
  });
});
