/** The small readers behind the generic extractor: printed dates, bylines, stars, titles, article ends. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { looseDate } from '../../extract/dom/comments';
import { endOfArticle } from '../../extract/dom/article-end';
import { bylineIn } from '../../extract/meta/byline';
import { ratingOfText, readRating } from '../../extract/meta/rating';
import { textDate, urlDate } from '../../extract/meta/text-date';
import { cleanTitle } from '../../extract/meta/title';

const dom = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document;

describe('dates printed on pages', () => {
  it.each([
    ['29 januari 2019', 'nl', '2019-01-29'],
    ['zaterdag 29 januari 2019, 18:45', 'nl', '2019-01-29'],
    ['29. Januar 2019, 14:20 Uhr', 'de', '2019-01-29'],
    ['Publié le 3 mars 2021 par Marie', 'fr', '2021-03-03'],
    ['1er mars 2021', 'fr', '2021-03-01'],
    ['3 de marzo de 2021', 'es', '2021-03-03'],
    ['March 3rd, 2021', 'en', '2021-03-03'],
    ['Jan 29 2019', 'en', '2019-01-29'],
    ['29.01.2019', 'de', '2019-01-29'],
    ['03/04/2021', 'en', '2021-03-04'],
    ['03/04/2021', 'nl', '2021-04-03'],
    ['2019-01-29 08:00', null, '2019-01-29'],
  ])('%s (%s) → %s', (raw, lang, want) => expect(textDate(raw, lang)).toBe(want));

  it.each(['', 'no date here', '31 februari 2019', '12 mei', '99.99.2019', 'version 3.6.0'])('%j has none', (raw) =>
    expect(textDate(raw)).toBeNull(),
  );

  it('reads the day a post was filed under from its address, and nothing from other numbers', () => {
    expect(urlDate('https://a.example/2019/05/31/title/')).toBe('2019-05-31');
    expect(urlDate('https://a.example/news/2019-05-31-title')).toBe('2019-05-31');
    expect(urlDate('https://a.example/p/20190531/x')).toBe('2019-05-31');
    expect(urlDate('https://a.example/item/show/132240/1')).toBeNull();
    expect(urlDate('not a url')).toBeNull();
  });

  it('comment dates in other languages than English become instants', () => {
    expect(looseDate('15 de enero de 2024 a las 10:30')).toBe('2024-01-15T10:30:00.000Z');
    // Dotted dates are day first, with the clock printed beside them.
    expect(looseDate('11.09.2011\u00a023:31')).toBe('2011-09-11T23:31:00.000Z');
    expect(looseDate('26.06.2012')).toBe('2012-06-26T00:00:00.000Z');
    expect(looseDate('11.09.2011, 8:15 pm')).toBe('2011-09-11T20:15:00.000Z');
    expect(looseDate('January 2, 2024 at 10:00 am')).toBe('2024-01-02T10:00:00.000Z');
    expect(looseDate('gestern')).toBeNull();
  });
});

describe('bylines', () => {
  it.each([
    ['Posted by Ned Deily', 'Ned Deily'],
    ['Door Pieter Visser · 29 januari 2019', 'Pieter Visser'],
    ['Von Anna Schmidt', 'Anna Schmidt'],
    ['Par Jean Dupont', 'Jean Dupont'],
    ['Por Ana García', 'Ana García'],
    ['Publié le 3 mars 2021 par Marie Lefèvre', 'Marie Lefèvre'],
    ['door Jan van der Berg', 'Jan van der Berg'],
    ["Un texte de Frédéric Zalac d'Enquête", 'Frédéric Zalac'],
    // A lower-case user name only where it ends a date line.
    ['11.09.2011, 16:20 von jovelstefan', 'jovelstefan'],
  ])('%s → %s', (raw, want) => expect(bylineIn(raw)).toBe(want));

  it.each([
    'Photo by John Smith',
    'The bill was passed by Parliament',
    'by the way, it failed',
    'Vom Winde verweht',
    'Teil 3 von mehreren',
  ])('%j names no author', (raw) => expect(bylineIn(raw)).toBeNull());
});

describe('review stars, out of 5', () => {
  it.each([
    ['Rated 4 out of 5', 4],
    ['4,5/5', 4.5],
    ['5,0 van 5 sterren', 5],
    ['4 von 5 Sternen', 4],
    ['3 sur 5 étoiles', 3],
    ['2 de 5 estrellas', 2],
    ['8/10', 4],
    ['great product', null],
    ['6 out of 5', null],
  ])('%s → %s', (raw, want) => expect(ratingOfText(raw)).toBe(want));

  it('reads schema.org ratingValue with bestRating, data-rating and star classes', () => {
    const d = dom(
      '<li id="a"><span itemprop="ratingValue" content="8"></span><meta itemprop="bestRating" content="10"></li>' +
        '<div id="b"><div data-service-review-rating="2"></div></div>' +
        '<div id="c"><span class="star-rating-45"></span></div>' +
        '<div id="d"><p>no stars</p></div>',
    );
    const r = (id: string) => readRating(d.getElementById(id)!, null);
    expect([r('a'), r('b'), r('c'), r('d')]).toEqual([4, 2, 4.5, null]);
  });
});

describe('titles', () => {
  it("keeps the story and drops the site, as Readability's rule does", () => {
    expect(cleanTitle('How the refund form broke | Consumer Desk | Daily News', null)).toBe(
      'How the refund form broke | Consumer Desk',
    );
    // Too little left after cutting: the whole title stays.
    expect(cleanTitle('Mozilla - Wikipedia', null)).toBe('Mozilla - Wikipedia');
    // The article's own heading names the part that is the story.
    expect(cleanTitle('Energierekening verdubbeld – Klachtenblog', 'Energierekening verdubbeld')).toBe(
      'Energierekening verdubbeld',
    );
  });
});

describe("the article's end", () => {
  it('cuts a "Lees ook" list and what follows, keeps a "Related work" section of prose', () => {
    const d = dom(
      '<div id="a"><p>Story.</p><h3>Lees ook</h3><ul><li><a href="/1">Other story</a></li></ul><p>Newsletter</p></div>' +
        `<div id="b"><p>Story.</p><h2>Related work</h2><p>${'Earlier studies measured the same effect in detail. '.repeat(12)}</p></div>`,
    );
    const cut = endOfArticle(d.getElementById('a')!);
    expect(Array.from(cut).map((e) => e.tagName)).toEqual(['H3', 'UL', 'P']);
    expect(endOfArticle(d.getElementById('b')!).size).toBe(0);
  });

  it('always cuts a comments heading, in each language', () => {
    for (const h of ['3 Reacties', 'Kommentare (2)', 'Commentaires', 'Comentarios', 'Leave a Reply']) {
      const d = dom(`<div id="a"><p>Story.</p><h2>${h}</h2><p>${'A long comment with words. '.repeat(30)}</p></div>`);
      expect(endOfArticle(d.getElementById('a')!).size, h).toBe(2);
    }
  });
});
