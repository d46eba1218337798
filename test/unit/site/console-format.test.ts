import { auditActionLabel, auditOutcomeLabel, formatConsoleTime } from '../../../site/src/scripts/staff/console-format';
import { englishStaffText } from '../../../site/src/scripts/staff/staff-text-en';
import { dutchStaffText } from '../../../site/src/scripts/staff/staff-text-nl';

describe('the console formats', () => {
  it('writes instants in Amsterdam time (winter and summer), in the console language', () => {
    expect(formatConsoleTime('2026-01-15T13:05:00Z', 'nl')).toBe('15 jan 2026, 14:05');
    expect(formatConsoleTime('2026-07-15T13:05:00Z', 'en')).toBe('15 Jul 2026, 15:05');
    expect(formatConsoleTime('not a date', 'en')).toBe('not a date');
  });

  it('reads audit actions and details as words', () => {
    const nl = dutchStaffText.messages;
    expect(auditActionLabel('list_assist_requests', nl)).toBe('Terugbelverzoeken bekeken');
    expect(auditOutcomeLabel('allowed', 'status=open;count=3', nl, 'nl')).toBe('toegestaan — status: open, aantal: 3');
    expect(auditOutcomeLabel('refused', 'rate_limited', nl, 'nl')).toBe('geweigerd — limiet bereikt');
    expect(
      auditOutcomeLabel(
        'allowed',
        'id=0b1c2d3e-aaaa-bbbb-cccc-dddddddddddd;status=done;claim=take',
        englishStaffText.messages,
        'en',
      ),
    ).toBe('allowed — request: 0B1C-2D3E, status: done, claim: claimed');
    expect(auditOutcomeLabel('allowed', 'from=2026-03-01T00:00:00.000Z', englishStaffText.messages, 'en')).toBe(
      'allowed — from: 1 Mar 2026, 01:00',
    );
    expect(auditActionLabel('something_new', nl)).toBe('something_new');
  });
});
