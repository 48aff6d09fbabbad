// The live page of WebhookSample: the app's live feed (app.MapCpaasLiveFeed("/sms/live")) in a browser, with no build
// step. The browser's EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed or repeated.
// Message text comes from other people: it is set with textContent, never parsed as HTML.
'use strict';

const $ = (id) => document.getElementById(id);

function status(state, text) {
  $('status').dataset.state = state;
  $('status').textContent = text;
}

function show(n) {
  const item = document.createElement('li');
  item.className = n.kind;                                              // "inbound" or "outbound"
  item.dataset.messageId = n.messageId;
  const who = document.createElement('span');
  who.className = 'who';
  who.textContent = n.kind === 'inbound' ? n.remoteNumber + ' → ' + n.projectNumber : n.projectNumber + ' → ' + n.remoteNumber;
  const text = document.createElement('p');
  text.textContent = n.message;
  item.append(who, text);
  $('conversation').append(item);
  $('empty').hidden = true;
}

function connect() {
  // begin-snippet: live-feed-browser
  const feed = new EventSource('/sms/live');               // ?number=%2B16135550100 to watch one number
  feed.addEventListener('notification', (e) => {
    const n = JSON.parse(e.data);                          // { kind, projectNumber, remoteNumber, message, dateTime, … }
    if (n.kind === 'inbound' || n.kind === 'outbound') show(n);
  });
  // end-snippet
  feed.addEventListener('ready', () => { status('live', 'live'); $('sign-in').hidden = true; $('empty').hidden = $('conversation').children.length > 0; });
  feed.addEventListener('reset', () => { $('conversation').replaceChildren(); });   // too much missed: start over
  feed.addEventListener('error', () => {
    if (feed.readyState === EventSource.CLOSED) {                  // refused (401): not signed in
      status('signed-out', 'signed out');
      $('sign-in').hidden = false;
    } else {
      status('reconnecting', 'reconnecting…');
    }
  });
}

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault();
  const response = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ password: $('password').value }),
  });
  if (response.ok) {
    $('sign-in').hidden = true;
    connect();
  } else {
    $('sign-in-result').textContent = 'wrong password';
  }
});

connect();
