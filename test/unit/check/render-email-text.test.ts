import { breakUrl, MAX_URL_LINE } from '../../../functions/core/email/render-email-text';

/* Long URLs in the plain-text part are broken so the mail fits a phone screen, and rejoin to the same URL. */

describe('breakUrl', () => {
  it('leaves a URL that fits on one line alone', () => {
    expect(breakUrl('https://datalek.example.nl/nl/assist', MAX_URL_LINE)).toEqual([
      'https://datalek.example.nl/nl/assist',
    ]);
  });

  it('breaks before the fragment, keeping "#t=<token>" whole, and every piece fits', () => {
    const url = `https://datalek.example.nl/nl/result#t=${'a'.repeat(43)}`;
    const lines = breakUrl(url, MAX_URL_LINE - 1);
    expect(lines).toEqual(['https://datalek.example.nl/nl/result', `#t=${'a'.repeat(43)}`]);
  });

  it('breaks after a slash when that is the last delimiter that fits', () => {
    const url = `https://datalek.example.nl/nl/result#t=${'a'.repeat(43)}`;
    const lines = breakUrl(url, 30);
    expect(lines[0]).toBe('https://datalek.example.nl/nl/');
    expect(lines.join('')).toBe(url);
    expect(lines.every((line) => line.length <= 30)).toBe(true);
  });

  it('cuts a run without delimiters at the limit', () => {
    const url = `https://x.nl/${'b'.repeat(100)}`;
    const lines = breakUrl(url, 30);
    expect(lines.join('')).toBe(url);
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.length).toBe(Math.ceil((url.length - 13) / 30) + 1);
  });
});
