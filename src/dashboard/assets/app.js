// Gatehouse dashboard: plain browser JavaScript, no build step. Served with a CSP that forbids
// inline script. Every value from the API is written with textContent (event data is
// attacker-controlled: paths, user agents, consumer ids); never an HTML-parsing sink.

(() => {
  const TOKEN_KEY = 'gatehouse.admin.token';
  const WINDOW = 600;
  const FAST_MS = 1500;
  const SLOW_EVERY = 2; // slow panels (config, audit, upstreams) every 2nd tick

  const $ = (id) => document.getElementById(id);
  const state = {
    token: null,
    role: null,
    timer: null,
    tick: 0,
    busy: false,
    lastT: null,
    series: null,
    charts: null,
    events: [],
    statsPath: '/stats',
  };

  // ---------- DOM helpers (textContent only) ----------

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function show(text) {
    if (text === undefined || text === null || text === '') return '';
    if (typeof text === 'object') {
      const s = JSON.stringify(text);
      return s.length > 300 ? `${s.slice(0, 300)}…` : s;
    }
    const s = String(text);
    return s.length > 500 ? `${s.slice(0, 500)}…` : s;
  }

  function fmt(n) {
    if (n === null || n === undefined) return '–';
    if (typeof n !== 'number') return show(n);
    return n >= 1000 ? n.toLocaleString('en') : String(Math.round(n * 100) / 100);
  }

  function fill(tbody, rows, ncols) {
    const frag = document.createDocumentFragment();
    if (rows.length === 0) {
      const tr = el('tr');
      const td = el('td', 'none', 'empty');
      td.colSpan = ncols;
      tr.append(td);
      frag.append(tr);
    }
    for (const r of rows) frag.append(r);
    tbody.replaceChildren(frag);
  }

  function row(cells) {
    const tr = el('tr');
    for (const c of cells) {
      if (c instanceof Node) {
        const td = el('td');
        td.append(c);
        tr.append(td);
      } else if (c && typeof c === 'object' && 'text' in c) {
        tr.append(el('td', show(c.text), c.cls));
      } else {
        tr.append(el('td', show(c)));
      }
    }
    return tr;
  }

  function setError(name, msg) {
    const p = document.querySelector(`[data-error="${name}"]`);
    if (p) p.textContent = msg || '';
  }

  function banner(msg) {
    const b = $('error');
    b.textContent = msg || '';
    b.hidden = !msg;
  }

  // ---------- API ----------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function problemText(res) {
    try {
      const body = await res.json();
      const parts = [body.title, body.detail].filter((x) => typeof x === 'string' && x);
      if (parts.length > 0) return `${res.status} ${parts.join(': ')}`;
    } catch {
      // not JSON
    }
    return `${res.status} ${res.statusText || 'error'}`;
  }

  async function api(path, opts = {}) {
    const res = await fetch(path, {
      method: opts.method || 'GET',
      headers: { authorization: `Bearer ${state.token}`, accept: 'application/json' },
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
    if (res.status === 401) {
      signOut('The admin token was rejected (401). Sign in again.');
      throw new ApiError(401, 'unauthorized');
    }
    if (!res.ok) throw new ApiError(res.status, await problemText(res));
    if (res.status === 204) return null;
    return res.json();
  }

  function listOf(body) {
    if (body && Array.isArray(body.data)) return body.data;
    if (Array.isArray(body)) return body;
    return [];
  }

  function errText(err) {
    if (err instanceof ApiError) {
      if (err.status === 403) return `Forbidden (403): ${err.message}`;
      if (err.status === 404) return 'Not available on this gateway (404).';
      return err.message;
    }
    return `Request failed: ${err?.message ? err.message : err}`;
  }

  // ---------- charts ----------

  function emptySeries() {
    return {
      t: [],
      requests: [],
      blocked: [],
      p50: [],
      p95: [],
      p99: [],
      s2: [],
      s3: [],
      s4: [],
      s5: [],
    };
  }

  function mergeSeries(snap) {
    const s = state.series;
    const x = snap.series;
    if (state.lastT !== null && x.t.length > 0 && x.t[0] <= state.lastT) {
      state.series = emptySeries(); // server restarted or clock moved: start over
      return mergeSeries(snap);
    }
    for (let i = 0; i < x.t.length; i++) {
      s.t.push(x.t[i]);
      s.requests.push(x.requests[i]);
      s.blocked.push(x.blocked[i]);
      s.p50.push(x.p50[i]);
      s.p95.push(x.p95[i]);
      s.p99.push(x.p99[i]);
      s.s2.push(x.status['2xx'][i]);
      s.s3.push(x.status['3xx'][i]);
      s.s4.push(x.status['4xx'][i]);
      s.s5.push(x.status['5xx'][i] + x.status.other[i]);
    }
    if (x.t.length > 0) state.lastT = x.t[x.t.length - 1];
    const cut = snap.now - WINDOW;
    let drop = 0;
    while (drop < s.t.length && s.t[drop] <= cut) drop++;
    if (drop > 0) for (const k of Object.keys(s)) s[k].splice(0, drop);
  }

  function chartWidth(id) {
    const w = $(id).clientWidth;
    return Math.max(300, w - 4);
  }

  function makeChart(id, series) {
    if (typeof uPlot !== 'function') return null;
    const opts = {
      width: chartWidth(id),
      height: 200,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      axes: [
        { stroke: '#8b98a5', grid: { stroke: '#2a3540' } },
        { stroke: '#8b98a5', grid: { stroke: '#2a3540' } },
      ],
      series: [{}, ...series],
    };
    const data = [[], ...series.map(() => [])];
    return new uPlot(opts, data, $(id));
  }

  function ensureCharts() {
    if (state.charts) return;
    state.charts = {
      rps: makeChart('chart-rps', [
        { label: 'requests/s', stroke: '#4ea1ff', width: 2 },
        { label: 'blocked/s', stroke: '#ff6b6b', width: 2 },
      ]),
      latency: makeChart('chart-latency', [
        { label: 'p50', stroke: '#52c41a', width: 2, spanGaps: false, points: { show: true, size: 4 } },
        { label: 'p95', stroke: '#f5b942', width: 2, spanGaps: false, points: { show: true, size: 4 } },
        { label: 'p99', stroke: '#ff6b6b', width: 2, spanGaps: false, points: { show: true, size: 4 } },
      ]),
      status: makeChart('chart-status', [
        { label: '2xx', stroke: '#52c41a', width: 2 },
        { label: '3xx', stroke: '#4ea1ff', width: 2 },
        { label: '4xx', stroke: '#f5b942', width: 2 },
        { label: '5xx', stroke: '#ff6b6b', width: 2 },
      ]),
    };
  }

  function drawCharts() {
    ensureCharts();
    const s = state.series;
    const c = state.charts;
    if (c.rps) c.rps.setData([s.t, s.requests, s.blocked]);
    if (c.latency) c.latency.setData([s.t, s.p50, s.p95, s.p99]);
    if (c.status) c.status.setData([s.t, s.s2, s.s3, s.s4, s.s5]);
    describeChart('chart-rps', 'Requests per second', [
      ['requests', s.requests],
      ['blocked', s.blocked],
    ]);
    describeChart('chart-latency', 'Latency in ms', [
      ['p50', s.p50],
      ['p95', s.p95],
      ['p99', s.p99],
    ]);
    describeChart('chart-status', 'Responses per second by status class', [
      ['2xx', s.s2],
      ['3xx', s.s3],
      ['4xx', s.s4],
      ['5xx', s.s5],
    ]);
  }

  /** Text alternative of a chart (screen readers; also what the browser test reads). */
  function describeChart(id, title, lines) {
    const parts = lines.map(([name, values]) => {
      let peak = 0;
      let sum = 0;
      for (const v of values) {
        if (typeof v !== 'number') continue;
        if (v > peak) peak = v;
        sum += v;
      }
      return `${name} peak ${fmt(peak)} total ${fmt(sum)}`;
    });
    const box = $(id);
    box.setAttribute('role', 'img');
    box.setAttribute('aria-label', `${title}, last 10 minutes: ${parts.join('; ')}`);
  }

  window.addEventListener('resize', () => {
    if (!state.charts) return;
    const pairs = [
      ['rps', 'chart-rps'],
      ['latency', 'chart-latency'],
      ['status', 'chart-status'],
    ];
    for (const [k, id] of pairs) {
      const ch = state.charts[k];
      if (ch) ch.setSize({ width: chartWidth(id), height: 200 });
    }
  });

  // ---------- panels ----------

  function renderStats(snap) {
    mergeSeries(snap);
    const s = state.series;
    const last = s.requests.length > 0 ? s.requests[s.requests.length - 1] : 0;
    $('k-rps').textContent = fmt(last);
    $('k-requests').textContent = fmt(snap.window.requests);
    $('k-blocked').textContent = fmt(snap.window.blocked);
    $('k-total').textContent = fmt(snap.totals.requests);
    const l = snap.window.latency_ms;
    $('k-latency').textContent = `${fmt(l.p50)} / ${fmt(l.p95)} / ${fmt(l.p99)}`;
    $('k-5xx').textContent = fmt(snap.window.status['5xx']);
    drawCharts();
    fill(
      $('t-reasons'),
      snap.window.blocks_by_reason.map((r) => row([r.reason, { text: fmt(r.count), cls: 'num' }])),
      2,
    );
    const top = (list) =>
      list.map((e) => row([e.key, { text: fmt(e.count), cls: 'num' }, { text: fmt(e.blocked), cls: 'num' }]));
    fill($('t-consumers'), top(snap.top.consumers), 3);
    fill($('t-ips'), top(snap.top.client_ips), 3);
    fill($('t-routes'), top(snap.top.routes), 3);
  }

  function byTimeDesc(a, b) {
    const ta = Date.parse(a.time) || 0;
    const tb = Date.parse(b.time) || 0;
    return tb - ta;
  }

  function timeText(t) {
    const ms = Date.parse(t);
    return Number.isFinite(ms) ? new Date(ms).toLocaleTimeString('en-GB', { hour12: false }) : show(t);
  }

  function sevCell(sev) {
    return { text: sev, cls: `sev-${typeof sev === 'string' ? sev.replace(/[^a-z]/g, '') : 'x'}` };
  }

  function matches(value, wanted) {
    return !wanted || (typeof value === 'string' && value.toLowerCase().includes(wanted));
  }

  function renderEvents(list) {
    const needle = $('f-text').value.trim().toLowerCase();
    const cat = $('f-category').value.trim().toLowerCase();
    const type = $('f-type').value.trim().toLowerCase();
    const rows = [];
    for (const e of list.slice().sort(byTimeDesc)) {
      if (!e || typeof e !== 'object') continue;
      // The API filters too; filtering here as well keeps the view right whatever it supports.
      if (!matches(e.category, cat) || !matches(e.type, type)) continue;
      if (needle) {
        const hay = [e.type, e.category, e.reason, e.client_ip, e.consumer, e.route, e.request_id, e.severity]
          .concat(e.details ? [JSON.stringify(e.details)] : [])
          .join(' ')
          .toLowerCase();
        if (!hay.includes(needle)) continue;
      }
      const tr = row([
        timeText(e.time),
        sevCell(e.severity),
        e.category,
        e.type,
        e.reason,
        e.client_ip,
        e.consumer,
        e.route,
        e.request_id,
      ]);
      if (e.details && typeof e.details === 'object') tr.title = show(e.details);
      rows.push(tr);
    }
    fill($('t-events'), rows, 9);
  }

  function renderAnomalies(list) {
    fill(
      $('t-anomalies'),
      list
        .filter((e) => e && e.category === 'anomaly')
        .sort(byTimeDesc)
        .map((e) => row([timeText(e.time), sevCell(e.severity), e.type, e.reason, e.client_ip, e.route])),
      6,
    );
  }

  /** Table for records whose shape the dashboard does not fix: columns from the keys seen. */
  function genericTable(head, body, list, preferred, extra, skip) {
    const cols = [];
    for (const k of preferred) if (list.some((r) => r && r[k] !== undefined)) cols.push(k);
    for (const r of list.slice(0, 20)) {
      if (!r || typeof r !== 'object') continue;
      for (const k of Object.keys(r)) {
        if (!cols.includes(k) && cols.length < 8 && !skip?.includes(k)) cols.push(k);
      }
    }
    const hr = el('tr');
    for (const c of cols) hr.append(el('th', c));
    if (extra) hr.append(el('th', ''));
    head.replaceChildren(hr);
    const rows = list.map((r) => {
      const cells = cols.map((c) => {
        const v = r ? r[c] : undefined;
        if (c === 'state' || c === 'status' || c === 'healthy') {
          return {
            text: v,
            cls: `state-${v === true ? 'up' : v === false ? 'down' : show(v).replace(/[^a-z]/g, '')}`,
          };
        }
        return v;
      });
      const tr = row(cells);
      if (extra) {
        const td = el('td');
        td.append(extra(r));
        tr.append(td);
      }
      return tr;
    });
    fill(body, rows, Math.max(1, cols.length + (extra ? 1 : 0)));
  }

  function canOperate() {
    return state.role === null || state.role === 'operator' || state.role === 'admin';
  }

  function liftButton(ban) {
    const b = el('button', 'Lift');
    b.type = 'button';
    b.dataset.key = show(ban.key);
    if (!canOperate()) {
      b.disabled = true;
      b.title = 'Your token has the viewer role; lifting a ban needs operator.';
      return b;
    }
    b.addEventListener('click', async () => {
      b.disabled = true;
      setError('bans', '');
      try {
        await api(`/bans/${encodeURIComponent(String(ban.key))}`, { method: 'DELETE' });
        await refreshBans();
      } catch (err) {
        setError('bans', `Could not lift the ban on ${show(ban.key)}: ${errText(err)}`);
        b.disabled = false;
      }
    });
    return b;
  }

  // ---------- refresh ----------

  async function panel(name, fn) {
    try {
      await fn();
      setError(name, '');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) throw err;
      setError(name, errText(err));
    }
  }

  async function refreshStats() {
    const q = state.lastT === null ? '' : `?since=${state.lastT}`;
    let body;
    try {
      body = await api(`${state.statsPath}${q}`);
    } catch (err) {
      // An admin listener that mounts only the /dashboard subtree serves the same JSON there.
      if (!(err instanceof ApiError && err.status === 404) || state.statsPath !== '/stats') throw err;
      state.statsPath = '/dashboard/stats';
      body = await api(`${state.statsPath}${q}`);
    }
    renderStats(body?.data ? body.data : body);
  }

  function eventQuery() {
    const p = new URLSearchParams({ size: '200' });
    const cat = $('f-category').value.trim();
    const type = $('f-type').value.trim();
    if (cat) p.set('category', cat);
    if (type) p.set('type', type);
    return p.toString();
  }

  async function refreshEvents() {
    state.events = listOf(await api(`/events?${eventQuery()}`));
    renderEvents(state.events);
  }

  async function refreshAnomalies() {
    renderAnomalies(listOf(await api('/events?category=anomaly&size=200')));
  }

  async function refreshBans() {
    const list = listOf(await api('/bans'));
    genericTable(
      $('h-bans'),
      $('t-bans'),
      list,
      ['key', 'kind', 'reason', 'since', 'until', 'expires_at'],
      liftButton,
    );
  }

  async function refreshUpstreams() {
    const list = listOf(await api('/upstreams'));
    const rows = [];
    for (const u of list) {
      if (u && Array.isArray(u.targets)) {
        for (const t of u.targets) rows.push({ upstream: u.name, ...t });
      } else rows.push(u);
    }
    genericTable(
      $('h-upstreams'),
      $('t-upstreams'),
      rows,
      ['upstream', 'name', 'url', 'state', 'healthy'],
      null,
    );
  }

  async function refreshConfig() {
    const body = await api('/config');
    $('config').textContent = JSON.stringify(body && 'data' in body ? body.data : body, null, 2);
  }

  async function refreshAudit() {
    const list = listOf(await api('/audit?size=1000'))
      .slice()
      .sort(
        (a, b) => (b && typeof b.seq === 'number' ? b.seq : 0) - (a && typeof a.seq === 'number' ? a.seq : 0),
      )
      .slice(0, 20);
    genericTable(
      $('h-audit'),
      $('t-audit'),
      list,
      ['time', 'actor', 'role', 'action', 'target', 'outcome', 'status', 'detail'],
      null,
      ['seq', 'prev', 'hash', 'before', 'after', 'source_ip', 'request_id'],
    );
  }

  async function refreshRole() {
    const body = await api('/status');
    const d = body?.data ? body.data : body;
    const p = d && (d.principal || d.caller || d.you);
    const role = p && typeof p.role === 'string' ? p.role : d && typeof d.role === 'string' ? d.role : null;
    state.role = role;
    $('who').textContent = p?.id ? `${show(p.id)} (${show(role)})` : role ? `role: ${role}` : '';
  }

  async function tick() {
    if (state.busy || !state.token) return;
    state.busy = true;
    const slow = state.tick % SLOW_EVERY === 0;
    state.tick++;
    try {
      await panel('stats', refreshStats);
      const jobs = [
        panel('events', refreshEvents),
        panel('anomalies', refreshAnomalies),
        panel('bans', refreshBans),
      ];
      if (slow) {
        jobs.push(
          panel('upstreams', refreshUpstreams),
          panel('config', refreshConfig),
          panel('audit', refreshAudit),
        );
      }
      await Promise.all(jobs);
      banner('');
      $('conn').textContent = `live · updated ${new Date().toLocaleTimeString('en-GB', { hour12: false })}`;
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) banner(errText(err));
    } finally {
      state.busy = false;
    }
  }

  // ---------- session ----------

  function signIn(token) {
    state.token = token;
    state.lastT = null;
    state.series = emptySeries();
    state.tick = 0;
    $('login-view').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    $('conn').textContent = 'connecting…';
    clearInterval(state.timer);
    state.timer = setInterval(tick, FAST_MS);
    refreshRole()
      .catch(() => {
        state.role = null;
      })
      .finally(tick);
  }

  function signOut(message) {
    clearInterval(state.timer);
    state.timer = null;
    state.token = null;
    state.role = null;
    sessionStorage.removeItem(TOKEN_KEY);
    $('app').hidden = true;
    $('login-view').hidden = false;
    $('logout').hidden = true;
    $('who').textContent = '';
    $('conn').textContent = 'signed out';
    $('login-error').textContent = message || '';
  }

  $('login').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const input = $('token');
    const token = input.value.trim();
    $('login-error').textContent = '';
    if (!/^[\x21-\x7e]{1,512}$/.test(token)) {
      $('login-error').textContent = 'A token is printable ASCII without spaces.';
      return;
    }
    try {
      // Any viewer endpoint of the admin API proves the token; /status always exists.
      const res = await fetch('/status', {
        headers: { authorization: `Bearer ${token}` },
        cache: 'no-store',
        credentials: 'omit',
      });
      if (res.status === 401 || res.status === 403) {
        $('login-error').textContent = `Sign-in failed: ${await problemText(res)}`;
        return;
      }
      if (!res.ok) {
        $('login-error').textContent = `Sign-in failed: ${await problemText(res)}`;
        return;
      }
    } catch (err) {
      $('login-error').textContent = `Sign-in failed: ${err?.message ? err.message : err}`;
      return;
    }
    input.value = '';
    sessionStorage.setItem(TOKEN_KEY, token);
    signIn(token);
  });

  $('logout').addEventListener('click', () => signOut(''));
  $('event-filters').addEventListener('submit', (ev) => ev.preventDefault());
  for (const id of ['f-category', 'f-type']) {
    $(id).addEventListener('change', () => panel('events', refreshEvents).catch(() => {}));
  }
  $('f-text').addEventListener('input', () => renderEvents(state.events));

  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) signIn(saved);
})();
