// The simulator's self-hosted Swagger UI stand-in (see swagger-lite.ts): renders /openapi.json's
// operations with Swagger UI 5's DOM classes. Plain script, no inline code: the app's CSP allows it.
(function () {
  'use strict';
  var root = document.querySelector('#swagger-ui .swagger-ui');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Swagger UI 5 puts a <wbr> before every "/" of the path (so long paths can wrap) and names the
  // expand arrow with zero-width spaces there.
  function pathText(path) {
    var span = el('span');
    path.split(/(?=\/)/g).forEach(function (part, i) {
      if (i > 0) span.appendChild(document.createElement('wbr'));
      span.appendChild(document.createTextNode(part));
    });
    return span;
  }

  function operation(tag, path, method, op) {
    var id = op.operationId || method + path;
    var block = el('div', 'opblock opblock-' + method);
    block.id = 'operations-' + tag + '-' + id;
    var summary = el('div', 'opblock-summary opblock-summary-' + method);
    var control = el('button', 'opblock-summary-control');
    control.setAttribute('aria-expanded', 'false');
    control.appendChild(el('span', 'opblock-summary-method', method.toUpperCase()));
    var wrapper = el('div', 'opblock-summary-path-description-wrapper');
    var pathEl = el('span', 'opblock-summary-path');
    pathEl.setAttribute('data-path', path);
    var link = el('a', 'nostyle');
    link.href = '#/' + tag + '/' + id;
    link.appendChild(pathText(path));
    pathEl.appendChild(link);
    wrapper.appendChild(pathEl);
    wrapper.appendChild(el('div', 'opblock-summary-description', op.summary || ''));
    control.appendChild(wrapper);
    summary.appendChild(control);
    var arrow = el('button', 'opblock-control-arrow', '▾');
    arrow.setAttribute('aria-expanded', 'false');
    arrow.setAttribute('aria-label', 'Expand ' + method.toUpperCase() + ' ' + path.replace(/\//g, '\u200b/'));
    summary.appendChild(arrow);
    block.appendChild(summary);
    return block;
  }

  function render(spec) {
    root.textContent = '';
    var info = el('div', 'information-container');
    var title = el('h2', 'title', (spec.info && spec.info.title) || '');
    var small = el('small');
    small.appendChild(el('pre', 'version', (spec.info && spec.info.version) || ''));
    title.appendChild(small);
    info.appendChild(title);
    info.appendChild(el('div', 'description', (spec.info && spec.info.description) || ''));
    root.appendChild(info);
    var groups = {};
    var order = [];
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      Object.keys(item).forEach(function (method) {
        var op = item[method];
        var tag = (op.tags && op.tags[0]) || 'default';
        if (!groups[tag]) {
          groups[tag] = [];
          order.push(tag);
        }
        groups[tag].push(operation(tag, path, method, op));
      });
    });
    order.forEach(function (tag) {
      var section = el('div', 'opblock-tag-section is-open');
      var h = el('h3', 'opblock-tag');
      h.setAttribute('data-tag', tag);
      h.appendChild(el('span', '', tag));
      section.appendChild(h);
      groups[tag].forEach(function (b) {
        section.appendChild(b);
      });
      root.appendChild(section);
    });
  }

  fetch('/openapi.json')
    .then(function (res) {
      if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
      return res.json();
    })
    .then(render)
    .catch(function (e) {
      root.textContent = '';
      var box = el('div', 'errors-wrapper');
      box.appendChild(el('h4', '', 'Errors'));
      box.appendChild(el('p', '', 'Failed to load API definition. Fetch error: ' + e.message + ' /openapi.json'));
      root.appendChild(box);
    });
})();
