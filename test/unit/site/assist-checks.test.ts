import { assistDraftErrors } from '../../../site/src/scripts/assist-checks';

const PATTERN = '^[0-9]{9}$';
const fields = (draft: Parameters<typeof assistDraftErrors>[0]) =>
  assistDraftErrors(draft, PATTERN).map((error) => `${error.field}:${error.messageKey}`);

describe('the call-back form checks', () => {
  it('reports every wrong field at once', () => {
    expect(
      fields({ name: '', phone: '06 12', customerNumber: '12AB', preferredTime: '', message: 'x'.repeat(501) }),
    ).toEqual([
      'name:invalid_name',
      'phone:invalid_phone',
      'customerNumber:invalid_customer_number',
      'preferredTime:invalid_preferred_time',
      'message:invalid_message',
    ]);
  });

  it('asks for a phone or customer number when both are empty', () => {
    expect(fields({ name: 'Jan', preferredTime: 'any' })).toEqual(['phone:need_contact']);
  });

  it('accepts the formats the API normalises', () => {
    for (const phone of ['06 12345678', '+31 6 1234 5678', '(020) 123-4567']) {
      expect(fields({ name: 'Jan', phone, customerNumber: ' 123-456 789 ', preferredTime: 'any' })).toEqual([]);
    }
  });
});
