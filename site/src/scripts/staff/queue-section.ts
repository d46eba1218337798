import { assistReference } from '../../../../functions/core/assist-reference';
import { type ConsoleContext, cell, describeFailure, element, showStatus, whileBusy } from './console-feedback';
import { formatConsoleTime } from './console-format';
import { callStaffApi, withQuery } from './staff-api';

/*
 * The call-back queue: list by status, claim a request (so two agents don't call one customer), change its status
 * with a note. Details are shown, never stored.
 */

interface QueueItem {
  id: string;
  createdAt: string;
  status: 'open' | 'in_progress' | 'done';
  locale: string;
  details: Record<string, string>;
  note?: string;
  assignee?: string;
}

const STATUSES = ['open', 'in_progress', 'done'] as const;

export function startQueueSection(context: ConsoleContext): void {
  const form = element<HTMLFormElement>('queue-form');
  const status = element('queue-status');
  const body = element('queue-rows');
  const load = async () => {
    const filter = String(new FormData(form).get('status') ?? 'open');
    const outcome = await whileBusy(form, () =>
      callStaffApi<{ items: QueueItem[] }>(
        context.session.token,
        'GET',
        withQuery('/api/v1/staff/assist-requests', { status: filter }),
      ),
    );
    if (outcome.kind !== 'ok') {
      body.replaceChildren();
      showStatus(status, describeFailure(context, outcome), 'error');
      return;
    }
    showStatus(status, outcome.body.items.length === 0 ? context.messages.queueEmpty : '');
    const preferredTimes = JSON.parse(element('staff-data').dataset.preferredTimes ?? '{}') as Record<string, string>;
    body.replaceChildren(...outcome.body.items.map((item) => queueRow(context, item, status, load, preferredTimes)));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  void load();
}

function queueRow(
  context: ConsoleContext,
  item: QueueItem,
  status: HTMLElement,
  reload: () => Promise<void>,
  preferredTimes: Record<string, string>,
) {
  const { messages } = context;
  const row = document.createElement('tr');
  row.dataset.reference = assistReference(item.id);
  const details = document.createElement('td');
  const list = document.createElement('dl');
  const shown: [string, string][] = [
    [messages.claim.reference, assistReference(item.id)],
    ...Object.entries(item.details).map(([name, value]): [string, string] => [
      messages.detailNames[name] ?? name,
      // The customer chose a time in their language; the agent reads it in theirs.
      name === 'preferredTime' ? (preferredTimes[value] ?? value) : value,
    ]),
  ];
  for (const [name, value] of shown) {
    const term = document.createElement('dt');
    term.textContent = name;
    const description = document.createElement('dd');
    description.textContent = value;
    list.append(term, description);
  }
  details.append(list);

  const change = document.createElement('form');
  change.className = 'staff-inline-form';
  const selectId = `queue-status-${item.id}`;
  const noteId = `queue-note-${item.id}`;
  const select = document.createElement('select');
  select.id = selectId;
  select.name = 'status';
  for (const value of STATUSES) {
    const option = new Option(messages.statuses[value], value, false, value === item.status);
    select.append(option);
  }
  const note = document.createElement('input');
  note.type = 'text';
  note.id = noteId;
  note.name = 'note';
  note.maxLength = 500;
  note.value = item.note ?? '';
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'button';
  button.textContent = messages.save;
  change.append(label(selectId, messages.columns.status), select, label(noteId, messages.columns.note), note, button);
  change.addEventListener('submit', async (event) => {
    event.preventDefault();
    await patchRequest(context, change, item, { status: select.value, note: note.value }, status, reload);
  });
  const action = document.createElement('td');
  action.append(change);

  const lang = document.documentElement.lang;
  row.append(
    cell(formatConsoleTime(item.createdAt, lang)),
    cell(messages.languageNames[item.locale] ?? item.locale),
    details,
    cell(messages.statuses[item.status]),
    claimCell(context, item, status, reload),
    action,
  );
  return row;
}

/** Who has the call-back, and the one button that fits: claim a free one, release my own. */
function claimCell(context: ConsoleContext, item: QueueItem, status: HTMLElement, reload: () => Promise<void>) {
  const { messages, session } = context;
  const td = document.createElement('td');
  const mine = item.assignee === session.user;
  const who = document.createElement('p');
  who.dataset.assignee = item.assignee === undefined ? 'free' : mine ? 'me' : 'other';
  who.textContent = item.assignee === undefined ? messages.claim.free : mine ? messages.claim.mine : item.assignee;
  td.append(who);
  if (item.assignee !== undefined && !mine) return td;
  const form = document.createElement('form');
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = mine ? 'button staff-secondary' : 'button';
  button.textContent = mine ? messages.claim.release : messages.claim.take;
  form.append(button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // The status stays as it is, so the request stays in the list the agent is looking at.
    const claim = mine ? 'release' : 'take';
    await patchRequest(context, form, item, { status: item.status, claim }, status, reload);
  });
  td.append(form);
  return td;
}

async function patchRequest(
  context: ConsoleContext,
  form: HTMLFormElement,
  item: QueueItem,
  change: { status: string; note?: string; claim?: 'take' | 'release' },
  status: HTMLElement,
  reload: () => Promise<void>,
): Promise<void> {
  const outcome = await whileBusy(form, () =>
    callStaffApi(
      context.session.token,
      'PATCH',
      `/api/v1/staff/assist-requests/${encodeURIComponent(item.id)}`,
      change,
    ),
  );
  if (outcome.kind !== 'ok') {
    // Claimed by a colleague meanwhile: show the list as it is now, with the reason on top.
    if (outcome.kind === 'error' && outcome.status === 409) await reload();
    showStatus(status, describeFailure(context, outcome), 'error');
    return;
  }
  await reload();
  // After the reload, which rewrites the status line with what the list shows.
  showStatus(status, context.messages.queueSaved);
}

function label(forId: string, text: string): HTMLLabelElement {
  const node = document.createElement('label');
  node.htmlFor = forId;
  node.textContent = text;
  return node;
}
