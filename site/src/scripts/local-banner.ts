/*
 * The local stack (npm start) serves /local/info.json naming its mail and SMS inboxes; the deployed site has no such file. The
 * banner is decided at run time so the same build serves both, and only asked for on a loopback host so production
 * pages never make the request.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export async function showLocalBanner(): Promise<void> {
  const banner = document.getElementById('local-banner');
  if (!banner || !LOOPBACK_HOSTS.has(location.hostname)) return;
  try {
    const response = await fetch('/local/info.json', { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) return;
    const info: unknown = await response.json();
    const urls =
      typeof info === 'object' && info !== null ? (info as { inboxUrl?: unknown; smsInboxUrl?: unknown }) : {};
    // After a check by mobile number the answer is in the SMS outbox emulator's inbox, not the mail one.
    const inboxUrl = location.pathname.includes('check-sent-sms') ? urls.smsInboxUrl : urls.inboxUrl;
    if (typeof inboxUrl !== 'string') return;
    const url = new URL(inboxUrl, location.href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    const link = document.createElement('a');
    link.href = url.href;
    link.textContent = banner.dataset.label ?? url.href;
    banner.replaceChildren(link);
    banner.hidden = false;
  } catch {
    // No local stack: nothing to show.
  }
}
