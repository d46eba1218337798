import { type ConsoleContext, element, showStatus, whileBusy } from './console-feedback';
import { validateConsoleForms } from './console-validation';
import { startLookupSection } from './lookup-section';
import { startQueueSection } from './queue-section';
import {
  type ConsoleConfig,
  completeCognitoLogin,
  currentSession,
  endSession,
  loadConsoleConfig,
  redirectToCognito,
  type StaffSession,
  startSession,
} from './staff-session';
import type { StaffConsoleMessages } from './staff-text';

/*
 * The staff console's entry point: decide how to sign in (dev login locally, Cognito hosted UI deployed), then show
 * the sections the role may use. Text comes from the page's JSON data block; field names likewise.
 */

export async function startStaffConsole(): Promise<void> {
  const data = element('staff-data').dataset;
  const messages = JSON.parse(data.messages ?? '{}') as StaffConsoleMessages;
  const fieldNames = JSON.parse(data.fieldNames ?? '{}') as Record<string, string>;
  validateConsoleForms(element('main'), {
    required: messages.required,
    invalid: messages.errors.invalid_query ?? messages.required,
  });
  const config = await loadConsoleConfig();
  const session = currentSession() ?? (config.mode === 'cognito' ? await completeCognitoLogin(config) : undefined);
  if (session) showConsole(session, messages, fieldNames);
  else showLogin(config, messages, fieldNames);
}

function showLogin(config: ConsoleConfig, messages: StaffConsoleMessages, fieldNames: Record<string, string>) {
  element('console').hidden = true;
  element('login-section').hidden = false;
  const devForm = element<HTMLFormElement>('dev-login-form');
  const cognito = element('cognito-login');
  const status = element('login-status');
  devForm.hidden = config.mode !== 'local';
  cognito.hidden = config.mode !== 'cognito';
  if (config.mode === 'cognito') {
    element('cognito-login-button').onclick = () => void redirectToCognito(config);
    return;
  }
  devForm.onsubmit = async (event) => {
    event.preventDefault();
    const data = new FormData(devForm);
    const outcome = await whileBusy(devForm, () =>
      login(config.loginPath, String(data.get('user') ?? ''), String(data.get('password') ?? '')),
    );
    if (outcome === 'network') return showStatus(status, messages.networkError, 'error');
    const session = outcome ? startSession(outcome) : undefined;
    if (!session) return showStatus(status, messages.invalidCredentials, 'error');
    showStatus(status, '');
    devForm.reset();
    showConsole(session, messages, fieldNames);
  };
}

function showConsole(session: StaffSession, messages: StaffConsoleMessages, fieldNames: Record<string, string>) {
  element('login-section').hidden = true;
  element('console').hidden = false;
  element('signed-in-as').textContent = messages.signedInAs
    .replace('{user}', session.user)
    .replace('{role}', messages.roles[session.role]);
  const signOut = () => {
    endSession();
    location.reload();
  };
  element('sign-out').onclick = signOut;
  const context: ConsoleContext = {
    messages,
    session,
    onSessionEnded: () => {
      endSession();
      showStatus(element('session-status'), messages.sessionExpired, 'error');
    },
  };
  const supervisor = session.role === 'supervisor';
  for (const node of document.querySelectorAll<HTMLElement>('[data-supervisor-only]')) node.hidden = !supervisor;
  startLookupSection(context, fieldNames);
  startQueueSection(context);
  if (supervisor) {
    void import('./supervisor-sections').then(({ startSupervisorSections }) => startSupervisorSections(context));
  }
  element('console-heading').focus();
}

async function login(path: string, user: string, password: string): Promise<string | undefined | 'network'> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ user, password }),
      cache: 'no-store',
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { token?: unknown };
    return typeof body.token === 'string' ? body.token : undefined;
  } catch {
    return 'network';
  }
}
