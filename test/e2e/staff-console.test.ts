import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { sortFieldsByRisk } from '../../functions/core/fields';
import { DEMO_PEOPLE } from '../../functions/local/demo-data';
import { type BrowserSession, openBrowserSession } from './local-stack-session';

/*
 * The staff console in Chromium against the local stack: an agent signs in with the dev login and looks up the demo
 * customer who has no email on file, by phone; a supervisor then finds that look-up in the audit log.
 */

const staffOnlyCustomer = DEMO_PEOPLE.find((person) => !person.email && person.phone);
const TICKET = 'INC-424242';

// Browser steps under a full parallel `npm test` on 2 cores can take several seconds each.
jest.setTimeout(90_000);

let session: BrowserSession;
beforeAll(async () => {
  session = await openBrowserSession();
}, 120_000);
afterAll(() => session?.close());

async function signIn(page: Page, user: string, password: string): Promise<void> {
  await page.goto('/staff/en');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('#console').waitFor({ state: 'visible' });
}

describe('staff console', () => {
  it('lets an agent look up a caller by phone and see which fields were exposed', async () => {
    if (!staffOnlyCustomer?.phone) throw new Error('the demo data has no staff-only customer');
    const context = await session.newContext();
    const page = await context.newPage();
    await signIn(page, 'agent.anna', 'demo-agent');

    await expect(page.locator('#signed-in-as').textContent()).resolves.toContain('agent.anna (agent)');
    expect(await page.locator('#audit-section').isHidden()).toBe(true);

    await page.getByLabel('Look up by').selectOption('phone');
    await page.getByLabel('Value the caller gives').fill(staffOnlyCustomer.phone);
    await page.getByLabel('Reason').first().selectOption('no_access_to_email');
    await page.getByLabel('Ticket number').first().fill(TICKET);
    await page.getByRole('button', { name: 'Look up', exact: true }).click();

    const exposed = page.locator('[data-testid="exposed-fields"] li');
    await exposed.first().waitFor();
    const fields = await exposed.evaluateAll((items) => items.map((item) => item.getAttribute('data-field')));
    expect(fields).toEqual(sortFieldsByRisk(staffOnlyCustomer.fields));
    await expect(page.locator('#lookup-result a').first().getAttribute('href')).resolves.toMatch(/^\/en\/guidance\//);

    // The token lives in sessionStorage only: no cookie, nothing in localStorage.
    const storage = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length }));
    expect(storage).toEqual({ session: 1, local: 0 });
    expect(await context.cookies()).toEqual([]);

    const accessibility = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('shows a supervisor that look-up in the audit log, and the daily figures as a chart', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    await signIn(page, 'supervisor.sam', 'demo-supervisor');

    const row = page.locator('#audit-rows tr', { hasText: TICKET });
    await row.first().waitFor();
    const cells = await row.first().locator('td').allTextContents();
    expect(cells).toEqual(
      expect.arrayContaining([
        'agent.anna',
        'Look-up',
        'allowed — phone number: found',
        TICKET,
        'Caller has no access to the email on file',
      ]),
    );
    // Bars of days without checks have zero height, so wait for them to exist rather than to be visible.
    await page.locator('#metrics-chart svg rect').first().waitFor({ state: 'attached' });
    expect(await page.locator('#metrics-chart svg rect').count()).toBe(14);
    expect(await page.locator('#metrics-rows tr').count()).toBe(14);

    const accessibility = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(accessibility.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('lets an agent work the call-back queue: details opened for staff, status changed with a note', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    const created = await page.request.post('/api/v1/assist-requests', {
      data: { name: 'Queue Test Caller', phone: '06 11122233', preferredTime: 'after 18:00', locale: 'en' },
    });
    expect(created.status()).toBeLessThan(300);
    await signIn(page, 'agent.anna', 'demo-agent');

    const row = page.locator('#queue-rows tr', { hasText: 'Queue Test Caller' });
    await row.waitFor();
    await row.getByLabel('Status').selectOption('in_progress');
    await row.getByLabel('Note').fill('called, no answer');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.locator('#queue-rows tr', { hasText: 'Queue Test Caller' }).waitFor({ state: 'detached' });
    expect(await page.locator('#queue-status').textContent()).toBe('Saved.');

    await page.getByLabel('Show requests that are').selectOption('in_progress');
    await page.getByRole('button', { name: 'Show', exact: true }).first().click();
    const moved = page.locator('#queue-rows tr', { hasText: 'Queue Test Caller' });
    await moved.waitFor();
    expect(await moved.getByLabel('Note').inputValue()).toBe('called, no answer');
  });

  it('sends an agent who asks for the audit log away with 403 from the API itself', async () => {
    const context = await session.newContext();
    const page = await context.newPage();
    await signIn(page, 'agent.anna', 'demo-agent');
    const status = await page.evaluate(async () => {
      const token = sessionStorage.getItem('staff-console.token');
      const response = await fetch('/api/v1/staff/audit?from=2026-01-01', {
        headers: { authorization: `Bearer ${token}` },
      });
      return response.status;
    });
    expect(status).toBe(403);
  });
});
