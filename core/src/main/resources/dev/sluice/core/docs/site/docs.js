/*
 * Sluice docs: trees, search and the lineage graph. Hand-written, no libraries, nothing fetched from the internet.
 * Data comes from data/nav.js (window.SLUICE_NAV) and, on the lineage page, data/lineage.js (the project's graph,
 * laid out by ELK when the docs were generated). Served by `sluice docs serve`, lineage views are laid out by ELK on
 * the server (api/lineage, the CLI's selection syntax); opened from disk, a small layered layout runs here instead.
 */
(function () {
  'use strict';
  var NAV = window.SLUICE_NAV || { projectTree: [], databaseTree: [], search: [], graph: { nodes: [], edges: [] } };
  var body = document.body;
  var DOCS = body.getAttribute('data-docs') || '';
  var PAGE = body.getAttribute('data-page');
  var SERVED = location.protocol === 'http:' || location.protocol === 'https:';
  var API = DOCS + '../api/lineage';
  var CAP = 150;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function pageHref(h) { return DOCS + h; }
  var currentHref = PAGE ? (PAGE.replace(/[^A-Za-z0-9._-]/g, '_') + '.html') : null;

  /* ---------- trees ---------- */
  function buildTree(items, into, depth) {
    var holdsCurrent = false;
    items.forEach(function (item) {
      if (item.c) {
        var d = el('details');
        d.appendChild(el('summary', null, item.n));
        var inner = buildTree(item.c, d, depth + 1);
        if (inner || depth < 1) { d.open = true; }
        holdsCurrent = holdsCurrent || inner;
        into.appendChild(d);
      } else {
        var a = el('a', { href: pageHref(item.h), title: item.t + ' ' + item.n, 'data-type': item.t }, item.n);
        if (item.h === currentHref) { a.className = 'current'; holdsCurrent = true; }
        into.appendChild(a);
      }
    });
    return holdsCurrent;
  }
  function showTree(kind) {
    var tree = document.getElementById('tree');
    if (!tree) { return; }
    tree.textContent = '';
    buildTree(kind === 'database' ? NAV.databaseTree : NAV.projectTree, tree, 0);
    document.querySelectorAll('.tabs button').forEach(function (b) {
      b.className = b.getAttribute('data-tree') === kind ? 'on' : '';
    });
    var cur = tree.querySelector('a.current');
    if (cur && cur.scrollIntoView) { cur.scrollIntoView({ block: 'center' }); }
  }
  document.querySelectorAll('.tabs button').forEach(function (b) {
    b.addEventListener('click', function () { showTree(b.getAttribute('data-tree')); });
  });
  showTree('project');

  /* ---------- search ---------- */
  var input = document.getElementById('search');
  var results = document.getElementById('search-results');
  function score(entry, tokens) {
    var total = 0, why = null, name = entry.n.toLowerCase();
    for (var i = 0; i < tokens.length; i++) {
      var t = tokens[i], best = 0;
      if (name === t) { best = 40; } else if (name.indexOf(t) === 0) { best = 20; } else if (name.indexOf(t) >= 0) { best = 12; }
      var cols = entry.c || [];
      for (var j = 0; j < cols.length && best < 8; j++) {
        var c = cols[j].toLowerCase();
        if (c === t || c.indexOf(t) >= 0) { best = Math.max(best, c === t ? 9 : 6); why = why || { column: cols[j] }; }
      }
      if (!best && entry.g && entry.g.some(function (g) { return g.toLowerCase().indexOf(t) >= 0; })) { best = 4; }
      if (!best && entry.d && entry.d.toLowerCase().indexOf(t) >= 0) { best = 2; why = why || { text: entry.d }; }
      if (!best && entry.cd && entry.cd.toLowerCase().indexOf(t) >= 0) {
        best = 1;
        var part = entry.cd.split(' \u0001 ').filter(function (p) { return p.toLowerCase().indexOf(t) >= 0; })[0];
        why = why || { column: part ? part.split(':')[0] : null, text: part };
      }
      if (!best) { return null; }
      total += best;
    }
    return { score: total, why: why };
  }
  function search(q) {
    var tokens = q.toLowerCase().split(/\s+/).filter(Boolean);
    if (!tokens.length) { return []; }
    var hits = [];
    NAV.search.forEach(function (e) {
      var s = score(e, tokens);
      if (s) { hits.push({ e: e, s: s.score, why: s.why }); }
    });
    hits.sort(function (a, b) { return b.s - a.s || a.e.n.localeCompare(b.e.n); });
    return hits.slice(0, 40);
  }
  function showResults() {
    var hits = search(input.value);
    results.textContent = '';
    if (!input.value.trim()) { results.hidden = true; return; }
    if (!hits.length) { results.appendChild(el('div', { 'class': 'none' }, 'No match.')); }
    hits.forEach(function (h, i) {
      var href = pageHref(h.e.h) + (h.why && h.why.column ? '#column=' + encodeURIComponent(h.why.column) : '');
      var a = el('a', { href: href, 'class': 'result' + (i === 0 ? ' active' : ''), 'data-type': h.e.t });
      a.innerHTML = '<span class="badge t-' + esc(h.e.t) + '">' + esc(h.e.t) + '</span> ' + esc(h.e.n)
        + (h.why ? '<span class="why">' + (h.why.column ? 'column <code>' + esc(h.why.column) + '</code>'
          : '') + (h.why.text && !h.why.column ? esc(h.why.text.slice(0, 140)) : '') + '</span>' : '');
      results.appendChild(a);
    });
    results.hidden = false;
  }
  if (input) {
    input.addEventListener('input', showResults);
    input.addEventListener('focus', showResults);
    input.addEventListener('keydown', function (ev) {
      var items = Array.prototype.slice.call(results.querySelectorAll('a'));
      var at = items.findIndex(function (a) { return a.classList.contains('active'); });
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (!items.length) { return; }
        if (at >= 0) { items[at].classList.remove('active'); }
        at = ev.key === 'ArrowDown' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1);
        items[at].classList.add('active');
        items[at].scrollIntoView({ block: 'nearest' });
      } else if (ev.key === 'Enter' && at >= 0) {
        location.href = items[at].href;
      } else if (ev.key === 'Escape') {
        results.hidden = true;
      }
    });
    document.addEventListener('click', function (ev) {
      if (!ev.target.closest || !ev.target.closest('.search')) { results.hidden = true; }
    });
  }
  function highlightColumn() {
    var m = /column=([^&]+)/.exec(location.hash);
    if (!m) { return; }
    var name = decodeURIComponent(m[1]).toLowerCase();
    document.querySelectorAll('tr[data-column]').forEach(function (tr) {
      var hit = tr.getAttribute('data-column').toLowerCase() === name;
      tr.classList.toggle('hit', hit);
      if (hit) { tr.scrollIntoView({ block: 'center' }); }
    });
  }
  window.addEventListener('hashchange', highlightColumn);
  highlightColumn();

  /* ---------- lineage: graph data ---------- */
  var G = NAV.graph, index = {}, parents = [], children = [];
  G.nodes.forEach(function (n, i) { index[n.id] = i; parents.push([]); children.push([]); });
  G.edges.forEach(function (e) { children[e[0]].push(e[1]); parents[e[1]].push(e[0]); });

  function walk(start, depth, next, out) {
    var frontier = start.slice();
    for (var step = 0; step < depth && frontier.length; step++) {
      var following = [];
      frontier.forEach(function (i) {
        next[i].forEach(function (j) { if (!out.has(j)) { out.add(j); following.push(j); } });
      });
      frontier = following;
    }
  }
  function neighbourhood(i, depth) {
    var out = new Set([i]);
    walk([i], depth, parents, out);
    walk([i], depth, children, out);
    return out;
  }
  function autoNeighbourhood(i) {
    var ids = neighbourhood(i, 1);
    for (var d = 2; d <= 64; d++) {
      var wider = neighbourhood(i, d);
      if (wider.size > CAP || wider.size === ids.size) { break; }
      ids = wider;
    }
    return ids;
  }

  /* ---------- lineage: the CLI's selection syntax, evaluated here when opened from disk ---------- */
  function glob(pattern) {
    return new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  }
  function matchAtom(method, value) {
    var re = glob(value), out = new Set();
    G.nodes.forEach(function (n, i) {
      var ok;
      switch (method) {
        case 'tag': ok = (n.g || []).some(function (t) { return re.test(t); }); break;
        case 'resource_type': ok = n.t === value; break;
        case 'package': ok = re.test(n.p); break;
        case 'path': ok = n.f === value || n.f.indexOf(value.replace(/\/$/, '') + '/') === 0 || re.test(n.f); break;
        case 'file': ok = re.test(n.f.split('/').pop()); break;
        case 'exposure': ok = n.t === 'exposure' && re.test(n.n); break;
        case 'source':
          var parts = value.split('.');
          ok = n.t === 'source' && glob(parts[0]).test(n.s) && (parts.length < 2 || glob(parts[1]).test(n.n)); break;
        case 'fqn': case '':
          if (method === '' && value.indexOf('/') >= 0) { ok = n.f.indexOf(value.replace(/\/$/, '')) === 0; break; }
          var fq = n.q.join('.');
          ok = n.t !== 'source' && (re.test(n.n) || re.test(fq) || fq.indexOf(value + '.') === 0
            || (n.q.length > 1 && re.test(n.q.slice(1).join('.'))));
          break;
        default: throw new Error('the selector method "' + method + ':" needs `sluice docs serve`; opened from disk'
          + ' the graph understands names, +/@ and tag:, resource_type:, path:, package:, source:, exposure:, fqn:');
      }
      if (ok) { out.add(i); }
    });
    return out;
  }
  function evalAtom(atom) {
    var at = false, up = 0, down = 0, m;
    if (atom.charAt(0) === '@') { at = true; atom = atom.slice(1); }
    if ((m = /^(\d*)\+/.exec(atom))) { up = m[1] ? +m[1] : Infinity; atom = atom.slice(m[0].length); }
    if ((m = /\+(\d*)$/.exec(atom))) { down = m[1] ? +m[1] : Infinity; atom = atom.slice(0, atom.length - m[0].length); }
    var colon = atom.indexOf(':');
    var base = colon > 0 ? matchAtom(atom.slice(0, colon), atom.slice(colon + 1)) : matchAtom('', atom);
    var out = new Set(base), start = Array.from(base);
    if (at) {
      walk(start, Infinity, children, out);
      walk(Array.from(out), Infinity, parents, out);
    } else {
      if (up) { walk(start, up, parents, out); }
      if (down) { walk(start, down, children, out); }
    }
    return out;
  }
  function evalSpec(text) {
    var union = new Set();
    text.trim().split(/\s+/).filter(Boolean).forEach(function (part) {
      var sets = part.split(',').filter(Boolean).map(evalAtom);
      sets[0].forEach(function (i) {
        if (sets.every(function (s) { return s.has(i); })) { union.add(i); }
      });
    });
    return union;
  }
  function clientSelect(select, exclude) {
    var chosen = select.trim() ? evalSpec(select) : new Set(G.nodes.map(function (n, i) { return i; }));
    if (exclude.trim()) { evalSpec(exclude).forEach(function (i) { chosen.delete(i); }); }
    return chosen;
  }

  /* ---------- lineage: a small layered layout for views drawn in the browser ---------- */
  function width(n) { return Math.max(60, Math.min(n.l.length, 48) * 7.2 + 24); }
  function layout(ids) {
    var list = Array.from(ids), inSet = new Set(list), layer = {}, indeg = {};
    list.forEach(function (i) { indeg[i] = parents[i].filter(function (p) { return inSet.has(p); }).length; layer[i] = 0; });
    var queue = list.filter(function (i) { return indeg[i] === 0; }), order = [];
    while (queue.length) {
      var i = queue.shift();
      order.push(i);
      children[i].forEach(function (c) {
        if (!inSet.has(c)) { return; }
        layer[c] = Math.max(layer[c], layer[i] + 1);
        if (--indeg[c] === 0) { queue.push(c); }
      });
    }
    var layers = [];
    order.forEach(function (i) { (layers[layer[i]] = layers[layer[i]] || []).push(i); });
    var pos = {};
    function place() { layers.forEach(function (l) { l.forEach(function (i, k) { pos[i] = k; }); }); }
    place();
    function bary(i, nbrs) {
      var ps = nbrs[i].filter(function (p) { return inSet.has(p); });
      if (!ps.length) { return pos[i]; }
      return ps.reduce(function (s, p) { return s + pos[p]; }, 0) / ps.length;
    }
    for (var sweep = 0; sweep < 6; sweep++) {
      var down = sweep % 2 === 0;
      for (var li = down ? 1 : layers.length - 2; down ? li < layers.length : li >= 0; li += down ? 1 : -1) {
        var keys = {};
        layers[li].forEach(function (i) { keys[i] = bary(i, down ? parents : children); });
        layers[li].sort(function (a, b) { return keys[a] - keys[b]; });
        layers[li].forEach(function (i, k) { pos[i] = k; });
      }
    }
    var H = 30, GAP = 14, COL = 70, x = 20, tallest = 0, boxes = {};
    layers.forEach(function (l) { tallest = Math.max(tallest, l.length); });
    layers.forEach(function (l) {
      var w = 0;
      l.forEach(function (i) { w = Math.max(w, width(G.nodes[i])); });
      var top = 20 + (tallest - l.length) * (H + GAP) / 2;
      l.forEach(function (i, k) {
        var bw = width(G.nodes[i]);
        boxes[i] = { x: x + (w - bw) / 2, y: top + k * (H + GAP), w: bw, h: H };
      });
      x += w + COL;
    });
    return { width: x - COL + 20, height: 40 + tallest * (H + GAP) - GAP, boxes: boxes };
  }
  function render(ids) {
    var L = layout(ids), out = [];
    out.push('<svg xmlns="http://www.w3.org/2000/svg" class="lineage-svg" viewBox="0 0 ' + Math.max(1, L.width) + ' '
      + Math.max(1, L.height) + '" data-nodes="' + ids.size + '"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10"'
      + ' refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8a96a3"/>'
      + '</marker></defs><g class="edges">');
    G.edges.forEach(function (e) {
      var a = L.boxes[e[0]], b = L.boxes[e[1]];
      if (!a || !b) { return; }
      var x1 = a.x + a.w, y1 = a.y + a.h / 2, x2 = b.x, y2 = b.y + b.h / 2, mx = (x1 + x2) / 2;
      out.push('<path class="edge" data-from="' + esc(G.nodes[e[0]].id) + '" data-to="' + esc(G.nodes[e[1]].id)
        + '" d="M' + x1 + ',' + y1 + 'C' + mx + ',' + y1 + ' ' + mx + ',' + y2 + ' ' + x2 + ',' + y2
        + '" marker-end="url(#arrow)"/>');
    });
    out.push('</g><g class="nodes">');
    ids.forEach(function (i) {
      var n = G.nodes[i], b = L.boxes[i];
      if (!b) { return; }
      var label = n.l.length <= 48 ? n.l : n.l.slice(0, 46) + '\u2026';
      out.push('<a class="node t-' + esc(n.t) + '" href="' + esc(n.h) + '" data-id="' + esc(n.id) + '" data-type="'
        + esc(n.t) + '"><title>' + esc(n.t + ' ' + n.id) + '</title><rect x="' + b.x + '" y="' + b.y + '" width="'
        + b.w + '" height="' + b.h + '" rx="6" fill="' + esc(n.c) + '"/><text x="' + (b.x + b.w / 2) + '" y="'
        + (b.y + b.h / 2) + '">' + esc(label) + '</text></a>');
    });
    out.push('</g></svg>');
    return out.join('');
  }

  /* ---------- lineage: mounting, zoom and pan ---------- */
  function mount(panel, svgText, focus) {
    panel.innerHTML = svgText;
    var svg = panel.querySelector('svg');
    if (!svg) { return; }
    if (DOCS) {
      svg.querySelectorAll('a.node').forEach(function (a) { a.setAttribute('href', DOCS + a.getAttribute('href')); });
    }
    var base = svg.getAttribute('viewBox').split(/\s+/).map(Number);
    var vb = base.slice();
    // a very tall (or wide) graph, fitted whole, would be a strip of specks: start at its top (left) at full
    // width (height) instead; the fit button still shows it all
    var pw = panel.clientWidth || 800, ph = panel.clientHeight || 400;
    if (base[3] / base[2] > 2 * ph / pw) {
      vb = [base[0], base[1], base[2], base[2] * ph / pw];
    } else if (base[2] / base[3] > 2 * pw / ph) {
      vb = [base[0], base[1], base[3] * pw / ph, base[3]];
    }
    function apply() {
      svg.setAttribute('viewBox', vb.join(' '));
      var scale = Math.min(svg.clientWidth / vb[2], svg.clientHeight / vb[3]);
      svg.classList.toggle('far', scale < 0.45);
    }
    function zoom(factor, cx, cy) {
      var nw = Math.min(base[2] * 4, Math.max(60, vb[2] * factor));
      var f = nw / vb[2];
      vb = [cx - (cx - vb[0]) * f, cy - (cy - vb[1]) * f, vb[2] * f, vb[3] * f];
      apply();
    }
    function toSvg(ev) {
      var r = svg.getBoundingClientRect();
      var scale = Math.max(vb[2] / r.width, vb[3] / r.height);
      var ox = vb[0] - (r.width * scale - vb[2]) / 2, oy = vb[1] - (r.height * scale - vb[3]) / 2;
      return [ox + (ev.clientX - r.left) * scale, oy + (ev.clientY - r.top) * scale, scale];
    }
    svg.addEventListener('wheel', function (ev) {
      ev.preventDefault();
      var p = toSvg(ev);
      zoom(ev.deltaY > 0 ? 1.2 : 1 / 1.2, p[0], p[1]);
    }, { passive: false });
    var drag = null, moved = false;
    svg.addEventListener('mousedown', function (ev) {
      if (ev.button !== 0) { return; }
      drag = { x: ev.clientX, y: ev.clientY, vb: vb.slice(), scale: toSvg(ev)[2] };
      moved = false;
    });
    window.addEventListener('mousemove', function (ev) {
      if (!drag) { return; }
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) { moved = true; panel.classList.add('dragging'); }
      vb = [drag.vb[0] - dx * drag.scale, drag.vb[1] - dy * drag.scale, vb[2], vb[3]];
      apply();
    });
    window.addEventListener('mouseup', function () { drag = null; panel.classList.remove('dragging'); });
    svg.addEventListener('click', function (ev) { if (moved) { ev.preventDefault(); moved = false; } }, true);
    var edgesOf = null;
    svg.addEventListener('mouseover', function (ev) {
      var node = ev.target.closest && ev.target.closest('a.node');
      svg.querySelectorAll('.edge.lit').forEach(function (e) { e.classList.remove('lit'); });
      if (!node) { return; }
      if (!edgesOf) {
        edgesOf = {};
        svg.querySelectorAll('.edge').forEach(function (e) {
          [e.getAttribute('data-from'), e.getAttribute('data-to')].forEach(function (id) {
            (edgesOf[id] = edgesOf[id] || []).push(e);
          });
        });
      }
      (edgesOf[node.getAttribute('data-id')] || []).forEach(function (e) { e.classList.add('lit'); });
    });
    var tools = el('div', { 'class': 'zoom' });
    [['+', function () { zoom(1 / 1.4, vb[0] + vb[2] / 2, vb[1] + vb[3] / 2); }],
     ['\u2212', function () { zoom(1.4, vb[0] + vb[2] / 2, vb[1] + vb[3] / 2); }],
     ['\u2922', function () { vb = base.slice(); apply(); }]].forEach(function (b) {
      var button = el('button', { type: 'button', title: b[0] === '\u2922' ? 'Fit' : 'Zoom' }, b[0]);
      button.addEventListener('click', b[1]);
      tools.appendChild(button);
    });
    panel.appendChild(tools);
    if (focus) {
      var f = svg.querySelector('a.node[data-id="' + focus.replace(/"/g, '\\"') + '"]');
      if (f) { f.classList.add('focus'); }
    }
    apply();
    panel.setAttribute('data-ready', 'true');
  }
  function fetchView(query) {
    return fetch(API + '?' + query).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) { throw new Error(j.error || r.statusText); } return j; });
    });
  }

  /* node pages: the neighbourhood of the page's node */
  document.querySelectorAll('.lineage-panel[data-focus]').forEach(function (panel) {
    var id = panel.getAttribute('data-focus');
    function local() {
      if (index[id] === undefined) { panel.innerHTML = '<p class="empty">Not in the lineage graph.</p>'; return; }
      mount(panel, render(autoNeighbourhood(index[id])), id);
      panel.setAttribute('data-layout', 'browser');
    }
    if (!SERVED) { local(); return; }
    fetchView('focus=' + encodeURIComponent(id)).then(function (view) {
      mount(panel, view.svg, id);
      panel.setAttribute('data-layout', 'elk');
    }).catch(local);
  });

  /* the lineage page: the whole project, or a selection */
  var main = document.getElementById('lineage-main');
  if (main) {
    var form = document.getElementById('lineage-filter'), status = document.getElementById('lineage-status');
    var sel = document.getElementById('select'), exc = document.getElementById('exclude');
    var whole = status.textContent;
    function show() {
      var params = new URLSearchParams(location.hash.slice(1));
      sel.value = params.get('select') || '';
      exc.value = params.get('exclude') || '';
      status.classList.remove('error');
      if (!sel.value.trim() && !exc.value.trim()) {
        mount(main, window.SLUICE_PROJECT_SVG || '<p class="empty">No graph.</p>', null);
        main.setAttribute('data-layout', 'elk');
        status.textContent = whole;
        return;
      }
      function local() {
        try {
          var ids = clientSelect(sel.value, exc.value);
          mount(main, render(ids), null);
          main.setAttribute('data-layout', 'browser');
          status.textContent = ids.size + ' nodes selected (laid out in the browser; `sluice docs serve` lays out'
            + ' with ELK and understands every selector).';
        } catch (err) {
          status.textContent = err.message;
          status.classList.add('error');
        }
      }
      if (!SERVED) { local(); return; }
      fetchView('select=' + encodeURIComponent(sel.value) + '&exclude=' + encodeURIComponent(exc.value))
        .then(function (view) {
          mount(main, view.svg, null);
          main.setAttribute('data-layout', 'elk');
          status.textContent = view.nodes + ' nodes selected' + (view.warnings ? ' \u2014 ' + view.warnings.join('; ')
            : '') + '.';
        }).catch(function (err) {
          if (err instanceof TypeError) { local(); return; }
          status.textContent = err.message;
          status.classList.add('error');
        });
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var p = new URLSearchParams();
      if (sel.value.trim()) { p.set('select', sel.value.trim()); }
      if (exc.value.trim()) { p.set('exclude', exc.value.trim()); }
      location.hash = p.toString();
    });
    document.getElementById('lineage-reset').addEventListener('click', function () { location.hash = ''; });
    window.addEventListener('hashchange', show);
    show();
  }
})();
