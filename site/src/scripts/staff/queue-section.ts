import { type ConsoleContext, cell, describeFailure, element, showStatus, whileBusy } from './console-feedback';
import { callStaffApi, withQuery } from './staff-api';

/* The call-back queue: list by status, change a request's status with a note. Details are shown, never stored. */

interface QueueItem {
  id: string;
  createdAt: string;
  status: 'open' | 'in_progress' | 'done';
  details: Record<string, string>;
  note?: string;
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
    body.replaceChildren(...outcome.body.items.map((item) => queueRow(context, item, status, load)));
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void load();
  });
  void load();
}

function queueRow(context: ConsoleContext, item: QueueItem, status: HTMLElement, reload: () => Promise<void>) {
  const { messages } = context;
  const row = document.createElement('tr');
  const details = document.createElement('td');
  const list = document.createElement('dl');
  for (const [name, value] of Object.entries(item.details)) {
    const term = document.createElement('dt');
    term.textContent = messages.detailNames[name] ?? name;
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
    const outcome = await whileBusy(change, () =>
      callStaffApi(context.session.token, 'PATCH', `/api/v1/staff/assist-requests/${encodeURIComponent(item.id)}`, {
        status: select.value,
        note: note.value,
      }),
    );
    if (outcome.kind !== 'ok') {
      showStatus(status, describeFailure(context, outcome), 'error');
      return;
    }
    await reload();
    // After the reload, which rewrites the status line with what the list shows.
    showStatus(status, messages.queueSaved);
  });
  const action = document.createElement('td');
  action.append(change);

  row.append(cell(new Date(item.createdAt).toLocaleString()), details, cell(messages.statuses[item.status]), action);
  return row;
}

function label(forId: string, text: string): HTMLLabelElement {
  const node = document.createElement('label');
  node.htmlFor = forId;
  node.textContent = text;
  return node;
}
