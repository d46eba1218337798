import { telHref, withPhoneLinks } from '../../../site/src/i18n/phone-links';

describe('phone numbers as tel: links', () => {
  it('links every configured number, longest first, and leaves the rest of the text alone', () => {
    const phones = ['+31 800 1234', '0800 1234'];
    expect(withPhoneLinks('Bel 0800 1234 of uit het buitenland +31 800 1234.', phones)).toEqual([
      { text: 'Bel ' },
      { text: '0800 1234', tel: 'tel:08001234' },
      { text: ' of uit het buitenland ' },
      { text: '+31 800 1234', tel: 'tel:+318001234' },
      { text: '.' },
    ]);
    expect(withPhoneLinks('No number here.', phones)).toEqual([{ text: 'No number here.' }]);
  });

  it('dials digits and a leading plus only', () => {
    expect(telHref('088 - 786 73 72')).toBe('tel:0887867372');
  });
});
