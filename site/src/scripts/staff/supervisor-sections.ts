import { type ConsoleContext, cell, describeFailure, element, showStatus, whileBusy } from './console-feedback';
import { auditActionLabel, auditOutcomeLabel, formatConsoleTime } from './console-format';
import { renderBarChart } from './metrics-chart';
import { callStaffApi, withQuery } from './staff-api';
import type { StaffConsoleMessages } from './staff-text';

/* Supervisors only (the API enforces it; the console merely hides what an agent cannot use): audit log and metrics. */

interface AuditRow {
  at: string;
  staffId: string;
  action: string;
  outcome: string;
  ticket?: string;
  reason?: string;
  subjectHash?: string;
  detail?: string;
}

type MetricName = keyof StaffConsoleMessages['metricNames'];
type MetricsDay = { day: string } & Record<MetricName, number>;
const METRICS: MetricName[] = ['checks', 'hits', 'misses', 'redeemed', 'assist_requests', 'staff_lookups'];

export function startSupervisorSections(context: ConsoleContext): void {
  const today = new Date().toISOString().slice(0, 10);
  const auditForm = element<HTMLFormElement>('audit-form');
  element<HTMLInputElement>('audit-from').value ||= today;
  element<HTMLInputElement>('audit-to').value ||= today;
  auditForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadAudit(context, auditForm);
  });
  void loadAudit(context, auditForm);

  const metricsForm = element<HTMLFormElement>('metrics-form');
  metricsForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadMetrics(context, metricsForm);
  });
  void loadMetrics(context, metricsForm);
}

async function loadAudit(context: ConsoleContext, form: HTMLFormElement): Promise<void> {
  const data = new FormData(form);
  const status = element('audit-status');
  const rows = element('audit-rows');
  const path = withQuery('/api/v1/staff/audit', {
    from: String(data.get('from') ?? ''),
    to: String(data.get('to') ?? ''),
    staff: String(data.get('staff') ?? '').trim(),
  });
  const outcome = await whileBusy(form, () =>
    callStaffApi<{ rows: AuditRow[]; truncated: boolean }>(context.session.token, 'GET', path),
  );
  if (outcome.kind !== 'ok') {
    rows.replaceChildren();
    showStatus(status, describeFailure(context, outcome), 'error');
    return;
  }
  const { messages } = context;
  showStatus(
    status,
    outcome.body.rows.length === 0 ? messages.auditEmpty : outcome.body.truncated ? messages.auditTruncated : '',
  );
  rows.replaceChildren(
    ...outcome.body.rows.map((row) => {
      const tr = document.createElement('tr');
      const subject = cell(row.subjectHash ? `${row.subjectHash.slice(0, 12)}…` : '');
      if (row.subjectHash) subject.title = row.subjectHash;
      const lang = document.documentElement.lang;
      tr.append(
        cell(formatConsoleTime(row.at, lang)),
        cell(row.staffId),
        cell(auditActionLabel(row.action, messages)),
        cell(auditOutcomeLabel(row.outcome, row.detail, messages, lang)),
        cell(row.ticket ?? ''),
        cell(row.reason === undefined ? '' : (context.messages.reasons[row.reason] ?? row.reason)),
        subject,
      );
      return tr;
    }),
  );
}

async function loadMetrics(context: ConsoleContext, form: HTMLFormElement): Promise<void> {
  const days = String(new FormData(form).get('days') ?? '14');
  const status = element('metrics-status');
  const outcome = await whileBusy(form, () =>
    callStaffApi<{ days: MetricsDay[] }>(context.session.token, 'GET', withQuery('/api/v1/staff/metrics', { days })),
  );
  if (outcome.kind !== 'ok') {
    showStatus(status, describeFailure(context, outcome), 'error');
    return;
  }
  showStatus(status, '');
  const { messages } = context;
  renderBarChart(
    element('metrics-chart'),
    outcome.body.days.map((day) => ({ label: day.day, value: day.checks })),
    {
      title: messages.chartTitle,
      description: messages.chartDescription,
      series: messages.metricNames.checks,
      axisCount: messages.chartAxisCount,
      axisDay: messages.chartAxisDay,
    },
  );
  const head = element('metrics-head');
  head.replaceChildren(
    cell(messages.columns.day, 'th'),
    ...METRICS.map((name) => cell(messages.metricNames[name], 'th')),
  );
  for (const th of head.querySelectorAll('th')) th.scope = 'col';
  element('metrics-rows').replaceChildren(
    ...[...outcome.body.days].reverse().map((day) => {
      const tr = document.createElement('tr');
      tr.append(cell(day.day, 'th'), ...METRICS.map((name) => cell(String(day[name] ?? 0))));
      tr.querySelector('th')?.setAttribute('scope', 'row');
      return tr;
    }),
  );
}
