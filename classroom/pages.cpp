#include "classroom/pages.hpp"

namespace parley {

namespace {
// Shared by the pages: the look, and a few helpers (DOM building without innerHTML, so no text
// from a scenario file or a request is ever read as markup).
#define PARLEY_PAGE_STYLE                                                                          \
  "<style>"                                                                                        \
  "body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1c1e21}"            \
  "header{background:#1f3a5f;color:#fff;padding:10px 20px}header h1{font-size:19px;margin:0}"      \
  "header .sub{opacity:.85;font-size:13px}main{padding:14px 20px;max-width:1200px}"                \
  ".card{background:#fff;border:1px solid #d8dbe0;border-radius:6px;padding:12px 14px;"            \
  "margin:0 0 14px}.card h2{font-size:16px;margin:0 0 8px}.card h3{font-size:14px;margin:10px 0 "  \
  "4px}"                                                                                           \
  "table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid "        \
  "#e3e5e8;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f0f1f3}"              \
  ".badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;"                 \
  "background:#ddd;color:#1c1e21;margin-left:6px}.running{background:#c8f0d0}.paused{background:#" \
  "ffe2a8}"                                                                                        \
  ".over{background:#d6defa}.setup{background:#e4e4e4}.yours{border-left:5px solid #2e8b57}"       \
  "button{font:inherit;padding:4px 12px;margin:2px 4px 2px 0;border:1px solid #8a94a6;"            \
  "border-radius:4px;background:#fff;cursor:pointer}button.go{background:#2e6bd3;color:#fff;"      \
  "border-color:#2e6bd3}select,input{font:inherit;padding:2px 4px;margin:2px 0}"                   \
  ".msg{min-height:20px;color:#a11}.ok{color:#2e6b2e}.muted{color:#666;font-size:13px}"            \
  ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(540px,1fr));gap:14px}"         \
  "code{background:#f0f1f3;padding:1px 4px;border-radius:3px;font-size:12px;word-break:break-all}" \
  ".pts{font-variant-numeric:tabular-nums;white-space:nowrap}"                                     \
  ".brief-doc h1{font-size:18px}.brief-doc h2{font-size:16px}.brief-doc h3{font-size:14px}"        \
  "</style>"

#define PARLEY_PAGE_HELPERS                                                                        \
  "<script>\n"                                                                                     \
  "'use strict';\n"                                                                                \
  "const TOKEN = decodeURIComponent(location.hash.slice(1));\n"                                    \
  "function h(tag, attrs, ...kids) { const e = document.createElement(tag);\n"                     \
  "  for (const [k, v] of Object.entries(attrs || {})) {\n"                                        \
  "    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else if (v !== undefined && v "  \
  "!== false) e.setAttribute(k, v === true ? '' : v); }\n"                                         \
  "  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k instanceof Node "  \
  "? k : String(k));\n"                                                                            \
  "  return e; }\n"                                                                                \
  "async function api(method, path, body) {\n"                                                     \
  "  const r = await fetch(path, {method, headers: {'Authorization': 'Bearer ' + TOKEN,\n"         \
  "    'Content-Type': 'application/json'}, body: body === undefined ? undefined : "               \
  "JSON.stringify(body)});\n"                                                                      \
  "  const j = await r.json().catch(() => ({error: 'no answer from the server'}));\n"              \
  "  if (!r.ok) throw new Error(j.error || ('error ' + r.status)); return j; }\n"                  \
  "function minutes(s) { const m = Math.floor(s / 60); return m + ' min ' + String(s % "           \
  "60).padStart(2, '0') + ' s'; }\n"                                                               \
  "function pts(p) { return p === undefined ? '' : p.toFixed(1) + ' pts'; }\n"                     \
  "function terms(d) { return d ? d.terms.map(t => t.label + ': ' + t.value).join('; ') : ''; }\n" \
  "const ACTIONS = {offer: 'offers', accept: 'accepts', reject: 'rejects', 'walk-away': 'walks "   \
  "away',\n"                                                                                       \
  "  breakdown: 'talks break down', deadline: 'deadline passes'};\n"                               \
  "</script>"
}  // namespace

const char* join_page_html() {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>parley classroom: join</title>" PARLEY_PAGE_STYLE
         "</head><body><header><h1>parley classroom</h1><div class=\"sub\">Join your table</div>"
         "</header><main><div class=\"card\"><h2>Join with your code</h2>"
         "<p>Paste the join code your instructor gave you (or open the join link directly).</p>"
         "<form id=\"join\"><input id=\"code\" size=\"44\" autocomplete=\"off\" "
         "aria-label=\"join code\"> <button class=\"go\">Join</button></form>"
         "<p class=\"muted\">Instructors: open the instructor link printed when the server "
         "started.</p></div></main><script>"
         "document.getElementById('join').addEventListener('submit', e => { e.preventDefault();"
         " const c = document.getElementById('code').value.trim();"
         " if (c) location.href = '/seat#' + encodeURIComponent(c); });"
         "</script></body></html>";
}

const char* seat_page_html() {
  return R"HTML(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>parley classroom: your table</title>)HTML" PARLEY_PAGE_STYLE R"HTML(</head><body>
<header><h1 id="title">parley classroom</h1><div class="sub" id="sub">connecting...</div></header>
<main>
<div class="msg" id="msg" role="alert"></div>
<div class="card" id="turn"></div>
<div class="card"><h2>Timeline</h2><div id="timeline"></div></div>
<div class="card" id="result" hidden></div>
<div class="card" id="schedule-now" hidden></div>
<div class="card"><h2>Your confidential brief</h2><p id="your-type"></p><div id="brief"></div></div>
</main>)HTML" PARLEY_PAGE_HELPERS R"HTML(<script>
'use strict';
let view = null, brief = null, turnKey = '';
const $ = id => document.getElementById(id);
function say(text, ok) { $('msg').textContent = text; $('msg').className = ok ? 'msg ok' : 'msg'; }

async function move(body) {
  try { view = await api('POST', '/api/seat/move', body); say('Done: your move is recorded.', true); turnKey = ''; render(); }
  catch (e) { say(e.message); }
}

function trackOf(id) { return brief.tracks.find(t => t.id === id); }

function offerForm(track) {
  const selects = track.issues.map(issue => {
    const s = h('select', {name: issue.id, 'aria-label': issue.label},
      issue.options.map(o => h('option', {value: o.level}, o.text + '  (' + pts(o.points) + ')')));
    return s;
  });
  const total = h('span', {class: 'pts'});
  const update = () => { let sum = 0; track.issues.forEach((issue, k) => { sum += issue.options[selects[k].value].points; }); total.textContent = 'your points for this offer: ' + sum.toFixed(1); };
  selects.forEach(s => s.addEventListener('change', update)); update();
  const form = h('form', {id: 'offer'},
    h('table', {}, track.issues.map((issue, k) => h('tr', {}, h('th', {}, issue.label), h('td', {}, selects[k])))),
    h('p', {}, total), h('button', {class: 'go', type: 'submit'}, 'Propose this offer'));
  form.addEventListener('submit', e => { e.preventDefault(); const t = {};
    track.issues.forEach((issue, k) => { t[issue.id] = Number(selects[k].value); }); move({action: 'propose', terms: t}); });
  const text = h('input', {id: 'offer-text', size: 60, placeholder: track.issues.map(i => i.id + '=...').join(' '), 'aria-label': 'offer as issue=value'});
  const typed = h('form', {id: 'offer-typed'}, h('span', {class: 'muted'}, 'or type it: '), text, ' ', h('button', {type: 'submit'}, 'Propose'));
  typed.addEventListener('submit', e => { e.preventDefault(); move({action: 'propose', text: text.value}); });
  return [form, typed];
}

function renderTurn() {
  const box = $('turn'); const t = view.turn;
  const key = view.status + '|' + view.round.index + '|' + (t ? t.party + t.phase + t.track + t.yours : '') + '|' + view.timeline.length;
  if (key === turnKey) return; turnKey = key;
  box.replaceChildren(); box.className = 'card';
  if (view.status === 'setup') { box.append(h('h2', {}, 'Waiting for the instructor to start your table')); return; }
  if (view.status === 'over') { box.append(h('h2', {}, 'The negotiation is over'), h('p', {}, 'See the result below.')); return; }
  if (view.status === 'paused') box.append(h('p', {class: 'muted'}, 'The clock is paused: moves wait until the instructor restarts it.'));
  if (!t) return;
  const track = trackOf(t.track);
  if (!t.yours) { box.append(h('h2', {}, 'Waiting for ' + t.party_name), h('p', {class: 'muted'}, 'Track: ' + track.label + '. This page updates by itself.')); return; }
  box.className = 'card yours';
  if (t.phase === 'propose') {
    box.append(h('h2', {}, 'Your turn: make an offer on "' + track.label + '"'), h('p', {class: 'muted'}, 'No deal on this track is worth ' + t.no_deal_points.toFixed(1) + ' points to you now.'), ...offerForm(track));
  } else {
    box.append(h('h2', {}, 'Your turn: answer the offer on "' + track.label + '"'),
      h('table', {}, t.offer.terms.map(x => h('tr', {}, h('th', {}, x.label), h('td', {}, x.value)))),
      h('p', {class: 'pts', id: 'offer-points'}, 'Your points for this offer: ' + t.offer.points.toFixed(1) + ' (no deal on this track, now: ' + t.no_deal_points.toFixed(1) + ')'),
      h('button', {class: 'go', id: 'accept', onclick: () => move({action: 'accept'})}, 'Accept'),
      h('button', {id: 'reject', onclick: () => move({action: 'reject'})}, 'Reject'),
      ...(t.walk_away ? [h('button', {id: 'walk-away', onclick: () => { if (confirm('Walk away from these talks?')) move({action: 'walk_away'}); }}, 'Walk away')] : []));
  }
}

function renderTimeline() {
  const rows = view.timeline.slice().reverse().map(e => {
    if (e.type === 'event') return h('tr', {}, h('td', {}, e.date), h('td', {colspan: 3}, (e.inject ? 'News: ' : 'Event: ') + e.label));
    const who = e.party ? (view.parties.find(p => p.id === e.party) || {}).name : '';
    const what = e.type === 'closed' ? e.track + ': ' + e.action : who + ' ' + (ACTIONS[e.action] || e.action);
    return h('tr', {}, h('td', {}, e.date), h('td', {}, what), h('td', {}, e.deal ? terms(e.deal) : ''), h('td', {class: 'pts'}, e.deal ? pts(e.deal.points) : ''));
  });
  $('timeline').replaceChildren(rows.length ? h('table', {}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'What'), h('th', {}, 'Terms'), h('th', {}, 'Your points')), rows) : h('p', {class: 'muted'}, 'Nothing yet.'));
}

function renderBrief() {
  const box = $('brief'); if (box.dataset.done) return; box.dataset.done = '1';
  box.append(h('p', {class: 'muted'}, 'You play ' + view.you.name + '. Points are out of 100 per track: the points of a deal are the sum of its options\' points; the offer form adds them up for you.'));
  // The brief as `parley brief` writes it: server-made HTML, every text in it escaped.
  const doc = h('div', {class: 'brief-doc'}); doc.innerHTML = brief.html; box.append(doc);
}

// Your own type, drawn in secret when the game starts: only you are told it.
function renderType() {
  const box = $('your-type');
  if (view.you.type) { box.className = 'pts'; box.textContent = 'Your type, drawn in secret when the game started (only you know it): ' + view.you.type + '.'; }
  else if (view.you.type_pending) { box.className = 'muted'; box.textContent = 'Your type is drawn in secret when the game starts; you will see it here.'; }
  else box.textContent = '';
}

// After news that changes your priorities: your points now, which replace the brief's.
function renderSchedule() {
  const box = $('schedule-now');
  if (!brief.schedule_changed) { box.hidden = true; return; }
  if (box.dataset.key === brief.schedule_key) return;
  box.dataset.key = brief.schedule_key; box.hidden = false;
  box.replaceChildren(h('h2', {}, 'Your points now'),
    h('p', {}, 'Your priorities have changed since the talks began: these points replace those of your brief below (the offer form and the timeline use them).'),
    ...brief.tracks.map(t => h('div', {}, h('h3', {}, t.label), ...t.issues.map(issue =>
      h('table', {}, h('tr', {}, h('th', {}, issue.label), h('th', {}, 'points')),
        issue.options.map(o => h('tr', {}, h('td', {}, o.text), h('td', {class: 'pts'}, pts(o.points)))))))));
}

function renderResult() {
  if (!view.result) { $('result').hidden = true; return; }
  $('result').hidden = false;
  $('result').replaceChildren(h('h2', {}, 'Result'), h('table', {}, h('tr', {}, h('th', {}, 'Track'), h('th', {}, 'Outcome'), h('th', {}, 'Terms'), h('th', {}, 'Your points')),
    view.result.map(r => h('tr', {}, h('td', {}, r.track), h('td', {}, r.status), h('td', {}, terms(r.deal)), h('td', {class: 'pts'}, r.deal ? pts(r.deal.points) : 'no deal')))));
}

function render() {
  $('title').textContent = view.scenario + ': ' + view.you.name;
  const r = view.round;
  $('sub').replaceChildren('Table ' + view.table + ' \u00b7 ' + r.name + ' ' + r.index + (r.deadline ? ' of ' + r.deadline : '') + ' \u00b7 ' + r.date + ' \u00b7 clock ' + minutes(view.clock_seconds), h('span', {class: 'badge ' + view.status, id: 'status'}, view.status));
  document.body.dataset.status = view.status;
  renderTurn(); renderTimeline(); renderResult(); renderType(); renderSchedule(); renderBrief();
}

async function poll() {
  try {
    if (!brief) brief = await api('GET', '/api/seat/brief');
    view = await api('GET', '/api/seat');
    // News changed your priorities: fetch your points again (and redraw the offer form).
    if (view.schedule_key !== brief.schedule_key) { brief = await api('GET', '/api/seat/brief'); turnKey = ''; }
    render(); if ($('msg').textContent.startsWith('Lost')) say('');
  }
  catch (e) { say('Lost contact with the server (' + e.message + '); retrying...'); }
}
if (!TOKEN) say('This page needs your join link (it ends in #code).'); else { poll(); setInterval(poll, 1500); }
</script></body></html>)HTML";
}

const char* instructor_page_html() {
  return R"HTML(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>parley classroom: instructor</title>)HTML" PARLEY_PAGE_STYLE R"HTML(</head><body>
<header><h1 id="title">parley classroom: instructor</h1><div class="sub" id="sub">connecting...</div></header>
<main>
<div class="msg" id="msg" role="alert"></div>
<div class="card"><button class="go" id="start-all">Start every clock</button><button id="pause-all">Pause every clock</button>
<span class="muted"> New table: </span><span id="new-seats"></span><button id="new-table">Add table</button></div>
<div class="grid" id="tables"></div>
</main>)HTML" PARLEY_PAGE_HELPERS R"HTML(<script>
'use strict';
let cls = null;
const $ = id => document.getElementById(id);
function say(text, ok) { $('msg').textContent = text; $('msg').className = ok ? 'msg ok' : 'msg'; }
async function act(method, path, body, done) {
  try { const r = await api(method, path, body); say(done || 'Done.', true); await poll(true); return r; } catch (e) { say(e.message); }
}
function seatChoice(party, current) {
  const opts = [h('option', {value: 'person', selected: current === 'person'}, 'a person'),
    h('option', {value: 'agent', selected: current === 'agent'}, 'agent: the scenario\'s (' + party.model + ')')];
  for (const m of cls.models) opts.push(h('option', {value: 'agent:' + m, selected: current === 'agent:' + m}, 'agent: ' + m));
  return h('select', {'data-party': party.id, 'aria-label': 'who plays ' + party.id}, opts);
}
function link(token) { return location.origin + '/seat#' + token; }

function tableCard(t) {
  const card = h('div', {class: 'card', id: 'table-' + t.id});
  const r = t.round;
  card.append(h('h2', {}, 'Table ' + t.id, h('span', {class: 'badge ' + t.status}, t.status)),
    h('div', {class: 'muted'}, r.name + ' ' + r.index + ' \u00b7 ' + r.date + ' \u00b7 clock ' + minutes(t.clock_seconds) + ' \u00b7 seed ' + t.seed +
      (t.turn ? ' \u00b7 to move: ' + t.turn.party + ' (' + (t.turn.phase === 'propose' ? 'offer' : 'answer') + ', ' + t.turn.track + ')' : '')));
  const seats = h('table', {}, h('tr', {}, h('th', {}, 'Party'), h('th', {}, 'Played by'), h('th', {}, 'Join link (code after #)')));
  for (const s of t.seats) {
    const party = cls.parties.find(p => p.id === s.party);
    let who = s.person ? 'a person' : 'agent: ' + s.model;
    if (t.status === 'setup') {
      who = seatChoice(party, s.person ? 'person' : (s.model === party.model ? 'agent' : 'agent:' + s.model));
      who.addEventListener('change', e => act('POST', '/api/instructor/tables/' + t.id + '/seats/' + s.party, {seat: e.target.value}, 'Seat ' + s.party + ' of table ' + t.id + ' changed.'));
    }
    seats.append(h('tr', {}, h('td', {}, s.party), h('td', {}, who), h('td', {}, s.person ? h('code', {class: 'join'}, link(s.token)) : '')));
  }
  card.append(seats);
  const controls = h('div', {});
  if (t.status !== 'over') {
    if (t.status !== 'running') controls.append(h('button', {class: 'go', onclick: () => act('POST', '/api/instructor/tables/' + t.id + '/clock', {running: true}, 'Table ' + t.id + ' started.')}, t.status === 'setup' ? 'Start' : 'Resume'));
    else controls.append(h('button', {onclick: () => act('POST', '/api/instructor/tables/' + t.id + '/clock', {running: false}, 'Table ' + t.id + ' paused.')}, 'Pause'));
    if (t.status !== 'setup' && cls.events.length) {
      const ev = h('select', {'aria-label': 'inject'}, cls.events.map(e => h('option', {value: e.id}, e.label || e.id)));
      controls.append(' Inject: ', ev, h('button', {onclick: () => act('POST', '/api/instructor/tables/' + t.id + '/inject', {event: ev.value}, 'Inject pushed to table ' + t.id + '.')}, 'Push'));
    }
  }
  card.append(controls);
  const items = t.timeline.slice(-12).reverse().map(e => {
    if (e.type === 'event') return h('tr', {}, h('td', {}, e.date), h('td', {colspan: 3}, (e.inject ? 'Inject: ' : 'Event: ') + e.label));
    const what = e.type === 'closed' ? e.track + ': ' + e.action : (e.party || '') + ' ' + (ACTIONS[e.action] || e.action);
    const p = e.deal ? Object.entries(e.deal.points).map(([k, v]) => k + ' ' + v.toFixed(1)).join(', ') : '';
    return h('tr', {}, h('td', {}, e.date), h('td', {}, what), h('td', {}, e.deal ? terms(e.deal) : ''), h('td', {class: 'pts'}, p));
  });
  card.append(h('h3', {}, 'Latest moves' + (t.timeline.length > 12 ? ' (12 of ' + t.timeline.length + ')' : '')),
    items.length ? h('table', {class: 'timeline'}, h('tr', {}, h('th', {}, 'Date'), h('th', {}, 'What'), h('th', {}, 'Terms'), h('th', {}, 'Points')), items) : h('p', {class: 'muted'}, 'No moves yet.'));
  if (t.result) card.append(h('h3', {}, 'Result'), h('table', {class: 'result'}, t.result.map(x => h('tr', {}, h('td', {}, x.track), h('td', {}, x.status), h('td', {}, terms(x.deal)),
    h('td', {class: 'pts'}, x.deal ? Object.entries(x.deal.points).map(([k, v]) => k + ' ' + v.toFixed(1)).join(', ') : '')))));
  return card;
}

function render() {
  $('title').textContent = 'Instructor: ' + cls.scenario;
  $('sub').textContent = cls.tables.length + ' tables \u00b7 class folder ' + cls.class_dir;
  if (!$('new-seats').dataset.done) { $('new-seats').dataset.done = '1';
    $('new-seats').append(...cls.parties.map(p => h('label', {}, ' ' + p.id + ' ', seatChoice(p, 'person')))); }
  $('tables').replaceChildren(...cls.tables.map(tableCard));
}

async function poll(force) {
  // Not while the instructor is choosing in a menu of a table: the page would pull it away.
  const a = document.activeElement;
  if (!force && a && a.tagName === 'SELECT' && $('tables').contains(a)) return;
  try { cls = await api('GET', '/api/instructor/class'); render(); } catch (e) { say('Cannot read the class: ' + e.message); }
}
$('start-all').addEventListener('click', () => act('POST', '/api/instructor/clock', {running: true}, 'Every table that could start is running.'));
$('pause-all').addEventListener('click', () => act('POST', '/api/instructor/clock', {running: false}, 'Every running table is paused.'));
$('new-table').addEventListener('click', () => { const seats = {};
  for (const s of $('new-seats').querySelectorAll('select')) seats[s.dataset.party] = s.value;
  act('POST', '/api/instructor/tables', {seats}, 'Table added.'); });
if (!TOKEN) say('This page needs the instructor link printed by parley classroom (it ends in #token).'); else { poll(true); setInterval(poll, 2000); }
</script></body></html>)HTML";
}

}  // namespace parley
