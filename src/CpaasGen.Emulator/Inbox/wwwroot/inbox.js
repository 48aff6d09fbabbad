// The emulator's inbox page: one EventSource on /emulator/events (a snapshot, then every change, resumed with
// Last-Event-ID by the browser after a reconnect). Everything shown is set with textContent: message text is hostile
// input and is never parsed as HTML (the page's Content-Security-Policy forbids inline script as a second line).
'use strict';

(() => {
  const MAX_DELIVERIES = 200;
  const MAX_CODES = 200;
  const $ = (id) => document.getElementById(id);
  const threads = new Map();    // "local|remote" -> { card, list, last }
  const messages = new Map();   // message key -> element
  const codes = new Map();      // code id -> element
  let numbers = [];
  let clockOffset = 0;          // the emulator's clock minus the browser's (the countdown runs on the emulator's clock)

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const time = (ms) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function setStatus(state, text) {
    const status = $('status');
    status.dataset.state = state;
    status.textContent = text;
  }

  // ── numbers ──────────────────────────────────────────────────────────────────────────────────────────────────
  function renderNumbers(info) {
    numbers = info.numbers || [];
    const list = $('numbers');
    list.replaceChildren();
    for (const n of numbers) {
      const item = el('li', 'number', n);
      if (n === info.defaultNumber) item.append(el('span', 'badge', 'default'));
      list.append(item);
    }
    if (numbers.length === 0) list.append(el('li', 'empty', 'No number is assigned to the project.'));
    const select = $('handset-to');
    const chosen = select.value;
    select.replaceChildren(...numbers.map((n) => { const o = el('option', null, n); o.value = n; return o; }));
    if (numbers.includes(chosen)) select.value = chosen;
  }

  // ── threads and messages ─────────────────────────────────────────────────────────────────────────────────────
  function thread(local, remote) {
    const key = local + '|' + remote;
    let t = threads.get(key);
    if (!t) {
      const card = el('article', 'thread');
      card.dataset.local = local;
      card.dataset.remote = remote;
      const head = el('header', 'thread-head');
      head.append(el('span', 'remote', remote), el('span', 'arrow', '⇄'), el('span', 'local', local));
      const list = el('ol', 'messages');
      card.append(head, list);
      t = { card, list, last: 0 };
      threads.set(key, t);
    }
    return t;
  }

  function addMessage(m) {
    const t = thread(m.local, m.remote);
    const item = el('li', 'message ' + (m.direction === 'Inbound' ? 'inbound' : 'outbound'));
    item.dataset.key = m.key;
    item.dataset.messageId = m.messageId;
    item.append(el('p', 'text', m.text));
    const meta = el('p', 'meta');
    meta.append(el('span', null, (m.direction === 'Inbound' ? 'received ' : 'sent ') + time(m.dateTime)), el('span', 'status-' + m.status, m.status));
    item.append(meta);
    t.list.append(item);
    messages.set(m.key, item);
    if (m.sequence >= t.last) {
      t.last = m.sequence;
      $('threads').prepend(t.card); // the thread with the newest message first
    }
  }

  function removeMessage(r) {
    const item = messages.get(r.key);
    if (!item) return;
    messages.delete(r.key);
    const list = item.parentElement;
    item.remove();
    if (list && list.children.length === 0) {
      const card = list.parentElement;
      threads.delete(card.dataset.local + '|' + card.dataset.remote);
      card.remove();
    }
  }

  function refreshCounts() {
    $('threads-empty').hidden = messages.size > 0;
    $('codes-empty').hidden = codes.size > 0;
    $('message-count').textContent = messages.size ? '· ' + messages.size + (messages.size === 1 ? ' message' : ' messages') : '';
  }

  // ── webhook deliveries ───────────────────────────────────────────────────────────────────────────────────────
  const KINDS = {
    inboundSMSMessageNotification: 'inbound',
    outboundSMSMessageNotification: 'outbound sync',
    smsSubscriptionCancellationNotification: 'subscription cancelled',
    smsEventNotification: 'message event',
  };

  function addDelivery(d) {
    const row = el('tr', 'outcome-' + d.outcome.toLowerCase());
    row.dataset.notificationId = d.notificationId;
    const kind = el('td');
    kind.append(el('span', null, KINDS[d.notificationType] || d.notificationType), el('span', 'muted id', d.notificationId.slice(0, 8)));
    const result = d.statusCode !== null ? 'HTTP ' + d.statusCode : (d.error || '');
    row.append(el('td', 'muted', time(d.timestamp)), kind, el('td', 'url', d.webhookURL),
      el('td', null, d.attempt + '/' + d.maxAttempts), el('td', 'result', d.outcome + (result ? ' · ' + result : '')));
    const body = $('deliveries');
    body.prepend(row);
    while (body.children.length > MAX_DELIVERIES) body.lastElementChild.remove();
    $('deliveries-table').hidden = false;
    $('deliveries-empty').hidden = true;
  }

  // ── two-factor codes ──────────────────────────────────────────────────────────────────────────────────────
  // The page is the developer's handset: each card shows the code as the phone or mailbox received it, with the SMS or
  // e-mail that carried it. The status comes from the emulator (an 'Expired' change arrives when the emulator's clock
  // reaches the expiry); the countdown beside it is display only.
  const METHODS = { sms: 'SMS', email: 'E-mail' };

  function clock(ms) {
    const s = Math.max(0, Math.ceil(ms / 1000));
    const m = Math.floor(s / 60);
    return m + ':' + String(s % 60).padStart(2, '0');
  }

  function renderExpiry(item) {
    const expiry = item.querySelector('.expiry');
    const at = Number(expiry.dataset.expiresAt);
    switch (item.dataset.status) {
      case 'Active': expiry.textContent = 'expires ' + time(at) + ' · in ' + clock(at - (Date.now() + clockOffset)); break;
      case 'Expired': expiry.textContent = 'expired ' + time(at); break;
      default: expiry.textContent = 'expiry ' + time(at);
    }
  }

  function carrier(c) {
    const box = el('div', 'carrier ' + c.method);
    if (c.email) {
      box.append(el('p', 'carrier-head', 'E-mail to ' + c.email.to), el('p', 'subject', c.email.subject), el('p', 'text', c.email.body));
    } else if (c.sms) {
      box.append(el('p', 'carrier-head', 'SMS from ' + c.sms.from), el('p', 'text', c.sms.text));
    }
    return box;
  }

  function upsertCode(c, now) {
    clockOffset = now - Date.now();
    const item = el('li', 'code status-' + c.status.toLowerCase());
    item.dataset.codeId = c.codeId;
    item.dataset.status = c.status;
    const head = el('p', 'code-head');
    head.append(el('span', 'destination', c.destination), el('span', 'badge method', METHODS[c.method] || c.method), el('span', 'code-status', c.status));
    const value = el('p', 'code-value');
    value.append(el('span', 'label', 'code received'), el('span', 'value', c.code));
    const facts = el('p', 'code-facts');
    const expiry = el('span', 'expiry');
    expiry.dataset.expiresAt = c.expiresAt;
    facts.append(el('span', 'attempts', 'wrong attempts ' + c.wrongAttempts + '/' + c.maxAttempts), expiry);
    if (c.sends > 1) facts.append(el('span', 'sends', 'sent ' + c.sends + '×'));
    item.append(head, value, facts, carrier(c));
    renderExpiry(item);

    const shown = codes.get(c.codeId);
    if (shown) {
      shown.replaceWith(item); // a change keeps the card in its place
    } else {
      $('codes').prepend(item); // the newest code first
    }
    codes.set(c.codeId, item);
    const list = $('codes');
    while (list.children.length > MAX_CODES) {
      codes.delete(list.lastElementChild.dataset.codeId);
      list.lastElementChild.remove();
    }
  }

  setInterval(() => {
    for (const item of codes.values()) {
      if (item.dataset.status === 'Active') renderExpiry(item);
    }
  }, 1000);

  // ── the stream ───────────────────────────────────────────────────────────────────────────────────────────────
  function snapshot(s) {
    threads.clear();
    messages.clear();
    $('threads').replaceChildren();
    $('deliveries').replaceChildren();
    $('codes').replaceChildren();
    codes.clear();
    $('user').textContent = 'user ' + s.userId;
    renderNumbers(s.numbers);
    for (const m of s.messages) addMessage(m);
    for (const d of s.deliveries) addDelivery(d);
    for (const c of s.codes) upsertCode(c, s.now);
    $('deliveries-table').hidden = s.deliveries.length === 0;
    $('deliveries-empty').hidden = s.deliveries.length > 0;
    refreshCounts();
  }

  function connect() {
    const source = new EventSource('/emulator/events');
    const on = (type, handle) => source.addEventListener(type, (e) => { handle(JSON.parse(e.data)); refreshCounts(); });
    on('snapshot', snapshot);
    on('ready', () => {});
    on('message', addMessage);
    on('message-removed', removeMessage);
    on('numbers', renderNumbers);
    on('delivery', addDelivery);
    on('code', (c) => upsertCode(c, c.now));
    source.addEventListener('open', () => setStatus('live', 'live'));
    source.addEventListener('error', () => setStatus('reconnecting', source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…'));
  }

  // ── the handset: POST /emulator/inbound, the same path as a simulated inbound SMS ────────────────────────────
  async function sendFromHandset(event) {
    event.preventDefault();
    const result = $('handset-result');
    const button = $('handset-send');
    button.disabled = true;
    result.textContent = 'sending…';
    try {
      const response = await fetch('/emulator/inbound', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ from: $('handset-from').value.trim(), to: $('handset-to').value, message: $('handset-text').value }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.ok) {
        result.textContent = 'delivered to ' + $('handset-to').value + ' (' + body.messageId + ')';
        $('handset-text').value = '';
      } else {
        const error = body.requestError && (body.requestError.serviceException || body.requestError.policyException);
        const text = error ? error.text.replace(/%(\d+)/g, (_, i) => error.variables[i - 1] ?? '') : 'HTTP ' + response.status;
        result.textContent = 'refused: ' + text;
      }
    } catch (e) {
      result.textContent = 'failed: ' + e.message;
    } finally {
      button.disabled = false;
    }
  }

  $('handset').addEventListener('submit', sendFromHandset);
  connect();
})();
