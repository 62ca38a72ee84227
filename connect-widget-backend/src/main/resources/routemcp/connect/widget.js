// RouteMCP Connect widget. Runs inside the iframe the SDK opens (or as a page of its own).
// It learns the ct_ token from the URL fragment (never sent to any server in a URL), talks only
// to its own origin, and reports to the host page with postMessage at the exact origin the SDK
// named; the page's CSP frame-ancestors makes sure that origin really is the one embedding it.
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var hostOrigin = params.get('origin');
  var embedded = !!hostOrigin && window.parent !== window;
  var only = (params.get('providers') || '').split(',')
    .map(function (s) { return s.trim().toLowerCase(); })
    .filter(function (s) { return s.length > 0; });
  var token = readToken();
  var view = document.getElementById('view');
  var closeButton = document.getElementById('close');

  var state = {
    session: null,
    expired: false,
    attempt: null,
    expiryTimer: null
  };

  // ---------------------------------------------------------------- plumbing

  function readToken() {
    var match = /(?:^|&)token=([^&]+)/.exec(window.location.hash.replace(/^#/, ''));
    if (window.location.hash) {
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    return match ? decodeURIComponent(match[1]) : null;
  }

  function toHost(type, payload) {
    if (!embedded) {
      return;
    }
    var message = { source: 'routemcp-connect', type: type };
    Object.keys(payload || {}).forEach(function (key) { message[key] = payload[key]; });
    window.parent.postMessage(message, hostOrigin);
  }

  function api(method, path, body) {
    var init = {
      method: method,
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'Accept': 'application/json', 'Authorization': 'Bearer ' + token }
    };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok || json.success === false) {
          var error = new Error(json.message || 'Something went wrong. Please try again.');
          error.code = json.code || 'INTERNAL_ERROR';
          throw error;
        }
        return json.data;
      });
    }, function () {
      var error = new Error('We could not reach RouteMCP. Check your connection and try again.');
      error.code = 'NETWORK_ERROR';
      throw error;
    });
  }

  function h(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === 'text') {
        node.textContent = value;
      } else if (key === 'onclick' || key === 'onsubmit' || key === 'oninput') {
        node.addEventListener(key.slice(2), value);
      } else if (key === 'className') {
        node.className = value;
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) {
        continue;
      }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function show() {
    var inner = h('div', { className: 'view-inner' });
    for (var i = 0; i < arguments.length; i++) {
      if (arguments[i]) {
        inner.appendChild(arguments[i]);
      }
    }
    view.textContent = '';
    view.appendChild(inner);
    var focus = view.querySelector('[data-autofocus]') || view.querySelector('h1');
    if (focus) {
      if (focus.tagName === 'H1') {
        focus.setAttribute('tabindex', '-1');
      }
      focus.focus({ preventScroll: true });
    }
    if (sizeWatcher) {
      sizeWatcher.disconnect();
      sizeWatcher.observe(inner);
    }
    reportSize();
  }

  // The host sizes the frame to the content, so the dialog is never taller than what it shows.
  var sizeWatcher = window.ResizeObserver ? new ResizeObserver(function () { reportSize(); }) : null;
  var reportedHeight = 0;
  function reportSize() {
    var inner = view.firstElementChild;
    if (!embedded || !inner) {
      return;
    }
    var padding = parseFloat(getComputedStyle(view).paddingTop) + parseFloat(getComputedStyle(view).paddingBottom);
    var height = Math.ceil(document.querySelector('.widget-header').offsetHeight + inner.offsetHeight + padding
      + document.querySelector('.widget-footer').offsetHeight);
    if (height !== reportedHeight) {
      reportedHeight = height;
      toHost('resize', { height: height });
    }
  }

  function logo(provider, large) {
    var initial = (provider.name || provider.slug || '?').trim().charAt(0).toUpperCase();
    var tile = h('span', { className: 'logo' + (large ? ' large' : ''), 'data-slug': provider.slug, 'aria-hidden': 'true', text: initial });
    if (provider.color) {
      // the provider's colour comes with the session; set through the CSSOM, which the CSP allows
      tile.style.setProperty('--logo-color', provider.color);
    }
    return tile;
  }

  function who() {
    var user = state.session && state.session.endUser;
    if (!user) {
      return null;
    }
    return user.displayName || user.email || user.id;
  }

  function connectionsOf(slug) {
    return ((state.session && state.session.connections) || []).filter(function (c) { return c.provider === slug; });
  }

  function providerBySlug(slug) {
    var list = (state.session && state.session.providers) || [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].slug === slug) {
        return list[i];
      }
    }
    return { slug: slug, name: slug };
  }

  function formatDate(iso) {
    var date = new Date(iso);
    return isNaN(date.getTime()) ? '' : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  }

  // ---------------------------------------------------------------- views

  function showLoading(text) {
    show(h('div', { className: 'loading', role: 'status' }, h('div', { className: 'spinner', 'aria-hidden': 'true' }), h('span', { text: text })));
  }

  function showProviders(notice) {
    if (state.expired) {
      showExpired();
      return;
    }
    var providers = state.session.providers.filter(function (p) { return only.length === 0 || only.indexOf(p.slug) >= 0; });
    var name = who();
    var lede = h('p', { className: 'lede' });
    if (name) {
      lede.appendChild(h('strong', { 'data-end-user': '', text: name }));
      lede.appendChild(document.createTextNode(', choose the CRM you use. You will sign in with it; we never see your password.'));
    } else {
      lede.textContent = 'Choose the CRM you use. You will sign in with it; we never see your password.';
    }
    var list = h('ul', { className: 'providers', 'aria-label': 'Providers' });
    providers.forEach(function (p) {
      var connected = connectionsOf(p.slug).length > 0;
      var meta = p.apiKey ? (p.oauth ? 'API token or sign-in' : 'Connect with an API token') : 'Sign in with ' + p.name;
      list.appendChild(h('li', null,
        h('button', { type: 'button', className: 'provider', 'data-provider': p.slug, onclick: function () { choose(p); } },
          logo(p),
          h('span', { className: 'provider-text' }, h('span', { className: 'provider-name', text: p.name }), h('span', { className: 'provider-meta', text: meta })),
          connected ? h('span', { className: 'badge', text: 'Connected' }) : null,
          h('span', { className: 'chevron', 'aria-hidden': 'true', text: '\u203A' }))));
    });
    show(
      notice ? h('p', { className: 'notice' + (notice.bad ? ' bad' : ''), role: notice.bad ? 'alert' : 'status', text: notice.text }) : null,
      h('h1', { text: 'Connect your CRM' }),
      lede,
      providers.length ? list : h('p', { className: 'empty', text: 'No CRM can be connected here yet. Please contact the app\u2019s support.' }));
  }

  function showAlreadyConnected(p) {
    var existing = connectionsOf(p.slug);
    var since = formatDate(existing[existing.length - 1].createdAt);
    show(
      h('button', { type: 'button', className: 'back', onclick: function () { showProviders(); } }, '\u2039 Back'),
      h('div', { className: 'status', 'data-state': 'already-connected' },
        logo(p, true),
        h('h1', { text: p.name + ' is already connected' }),
        h('p', { text: (existing.length > 1 ? existing.length + ' ' + p.name + ' accounts are connected' : 'Your ' + p.name + ' account was connected')
          + (since ? ' (last on ' + since + ')' : '') + '. You can connect another account if you use more than one.' })),
      h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'button primary block', onclick: function () { start(p); }, text: 'Connect another account' }),
        h('button', { type: 'button', className: 'button secondary block', onclick: function () { showProviders(); }, text: 'Back to the list' })));
  }

  function showApiKeyForm(p, errorText) {
    var input = h('input', {
      className: 'input', id: 'api_token', name: 'api_token', type: 'password', autocomplete: 'off', spellcheck: 'false',
      required: true, 'aria-describedby': 'api_token_help api_token_error', 'aria-invalid': errorText ? 'true' : null, 'data-autofocus': ''
    });
    var error = h('p', { className: 'field-error', id: 'api_token_error', role: 'alert', text: errorText || '' });
    var submit = h('button', { type: 'submit', className: 'button primary block', text: 'Connect ' + p.name });
    var form = h('form', { novalidate: true, 'data-provider-form': p.slug, onsubmit: function (event) {
      event.preventDefault();
      submitApiToken(p, input, submit, error);
    } },
      h('label', { 'for': 'api_token', text: p.name + ' API token' }),
      input,
      h('p', { className: 'help', id: 'api_token_help', text: helpFor(p) }),
      error,
      h('div', { className: 'actions' }, submit));
    show(
      h('button', { type: 'button', className: 'back', onclick: function () { showProviders(); } }, '\u2039 Back'),
      h('div', { className: 'title-row' }, logo(p, true), h('h1', { text: 'Connect ' + p.name })),
      h('p', { className: 'lede', text: 'Paste your personal API token. We check it with ' + p.name + ' before saving it, and store it encrypted.' }),
      form,
      p.oauth ? h('p', { className: 'divider', text: 'or' }) : null,
      p.oauth ? h('div', { className: 'actions' }, h('button', { type: 'button', className: 'button secondary block', onclick: function () { startOAuth(p); }, text: 'Sign in with ' + p.name + ' instead' })) : null);
  }

  function helpFor(p) {
    return p.apiKeyHint || 'You will find it in your ' + p.name + ' account settings.';
  }

  function showWaiting(p) {
    show(h('div', { className: 'status', 'data-state': 'waiting' },
      h('div', { className: 'status-icon wait' }, h('div', { className: 'spinner', 'aria-hidden': 'true' })),
      h('h1', { text: 'Continue in the ' + p.name + ' window' }),
      h('p', { text: 'Sign in to ' + p.name + ' and approve access in the window that just opened. This page updates by itself.' })),
      h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'button secondary block', onclick: function () { focusPopup(); }, text: 'Show the ' + p.name + ' window' }),
        h('button', { type: 'button', className: 'button secondary block', onclick: function () { cancelAttempt(); }, text: 'Cancel' })));
  }

  function showSuccess(p) {
    show(h('div', { className: 'status', 'data-state': 'connected' },
      h('div', { className: 'status-icon ok', 'aria-hidden': 'true', text: '\u2713' }),
      h('h1', { text: p.name + ' connected' }),
      h('p', { text: 'Your ' + p.name + ' account is connected. You can close this window.' })),
      h('div', { className: 'actions' },
        embedded ? h('button', { type: 'button', className: 'button primary block', onclick: function () { toHost('close'); }, text: 'Done' }) : null,
        h('button', { type: 'button', className: 'button secondary block', onclick: function () { showProviders(); }, text: 'Connect another CRM' })));
  }

  function showFailure(p, error) {
    if (error.code === 'CONNECT_TOKEN_EXPIRED' || error.code === 'CONNECT_TOKEN_INVALID') {
      state.expired = true;
      showExpired(error);
      return;
    }
    var title = {
      ACCESS_DENIED: 'Connection cancelled',
      PROVIDER_UNAVAILABLE: p.name + ' is not responding',
      OAUTH_STATE_EXPIRED: 'That took too long',
      OAUTH_STATE_REPLAYED: 'This sign-in was already used',
      POPUP_BLOCKED: 'Allow the pop-up window'
    }[error.code] || ('We couldn\u2019t connect ' + p.name);
    show(h('div', { className: 'status', 'data-state': 'error', 'data-error-code': error.code },
      h('div', { className: 'status-icon bad', 'aria-hidden': 'true', text: '!' }),
      h('h1', { text: title }),
      h('p', { role: 'alert', text: error.message })),
      h('div', { className: 'actions' },
        h('button', { type: 'button', className: 'button primary block', onclick: function () { start(p); }, text: 'Try again' }),
        h('button', { type: 'button', className: 'button secondary block', onclick: function () { showProviders(); }, text: 'Choose another CRM' })));
  }

  function showExpired(error) {
    show(h('div', { className: 'status', 'data-state': 'expired' },
      h('div', { className: 'status-icon bad', 'aria-hidden': 'true', text: '!' }),
      h('h1', { text: error && error.code === 'CONNECT_TOKEN_INVALID' ? 'This link is not valid' : 'This session has expired' }),
      h('p', { text: 'For your security, connection links only work for a few minutes. Close this window and start again from the app.' })),
      embedded ? h('div', { className: 'actions' }, h('button', { type: 'button', className: 'button primary block', onclick: function () { toHost('close'); }, text: 'Close' })) : null);
  }

  // ---------------------------------------------------------------- flows

  function choose(p) {
    if (connectionsOf(p.slug).length > 0) {
      showAlreadyConnected(p);
      return;
    }
    start(p);
  }

  function start(p) {
    if (state.expired) {
      showExpired();
      return;
    }
    if (p.apiKey) {
      showApiKeyForm(p);
    } else {
      startOAuth(p);
    }
  }

  function startOAuth(p) {
    // opened in the click itself, so pop-up blockers let it through
    var width = 520;
    var height = 720;
    var left = Math.max(0, (window.screenX || 0) + ((window.outerWidth || width) - width) / 2);
    var top = Math.max(0, (window.screenY || 0) + ((window.outerHeight || height) - height) / 2);
    var url = '/connect/oauth/' + encodeURIComponent(p.slug) + '/authorize?token=' + encodeURIComponent(token);
    var name = 'routemcp_oauth_' + Math.random().toString(36).slice(2);
    var popup = window.open(url, name, 'popup=yes,width=' + width + ',height=' + height + ',left=' + Math.round(left) + ',top=' + Math.round(top));
    if (!popup) {
      showFailure(p, { code: 'POPUP_BLOCKED', message: 'Your browser blocked the ' + p.name + ' sign-in window. Allow pop-ups for this page and try again.' });
      return;
    }
    var attempt = { provider: p, popup: popup, known: connectionsOf(p.slug).map(function (c) { return c.id; }), watch: null };
    state.attempt = attempt;
    attempt.watch = setInterval(function () { watchPopup(attempt); }, 600);
    showWaiting(p);
  }

  function focusPopup() {
    if (state.attempt && state.attempt.popup && !state.attempt.popup.closed) {
      state.attempt.popup.focus();
    }
  }

  function cancelAttempt() {
    var attempt = state.attempt;
    finishAttempt(attempt);
    if (attempt && attempt.popup && !attempt.popup.closed) {
      attempt.popup.close();
    }
    showProviders();
  }

  function finishAttempt(attempt) {
    if (attempt && attempt.watch) {
      clearInterval(attempt.watch);
    }
    if (state.attempt === attempt) {
      state.attempt = null;
    }
  }

  // The pop-up closed without a message (closed by hand, or the provider cut the opener link):
  // the server knows whether a connection was made.
  function watchPopup(attempt) {
    if (state.attempt !== attempt || !attempt.popup.closed) {
      return;
    }
    clearInterval(attempt.watch);
    attempt.watch = null;
    setTimeout(function () {
      if (state.attempt !== attempt) {
        return;
      }
      refreshSession().then(function () {
        if (state.attempt !== attempt) {
          return;
        }
        finishAttempt(attempt);
        var made = connectionsOf(attempt.provider.slug).filter(function (c) { return attempt.known.indexOf(c.id) < 0; });
        if (made.length > 0) {
          connected(attempt.provider, made[made.length - 1]);
        } else {
          showProviders({ text: 'The ' + attempt.provider.name + ' window was closed before the connection was finished.' });
        }
      }, function (error) {
        finishAttempt(attempt);
        failed(attempt.provider, error);
      });
    }, 800);
  }

  window.addEventListener('message', function (event) {
    var attempt = state.attempt;
    if (event.origin !== window.location.origin || !attempt || event.source !== attempt.popup) {
      return;
    }
    var data = event.data || {};
    if (data.source !== 'routemcp-connect-oauth') {
      return;
    }
    finishAttempt(attempt);
    if (data.type === 'connected' && data.connection) {
      rememberConnection(data.connection);
      connected(attempt.provider, data.connection);
    } else {
      failed(attempt.provider, data.error || { code: 'PROVIDER_ERROR', message: 'The connection could not be completed.' });
    }
  });

  function submitApiToken(p, input, submit, error) {
    var value = input.value.trim();
    if (!value) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = 'Paste your ' + p.name + ' API token.';
      input.focus();
      return;
    }
    input.removeAttribute('aria-invalid');
    error.textContent = '';
    submit.disabled = true;
    input.readOnly = true;
    submit.textContent = '';
    submit.appendChild(h('span', { className: 'spinner small', 'aria-hidden': 'true' }));
    submit.appendChild(document.createTextNode('Checking with ' + p.name + '\u2026'));
    api('POST', '/connect/api/connections', { provider: p.slug, api_token: value }).then(function (data) {
      rememberConnection(data.connection);
      connected(p, data.connection);
    }, function (failure) {
      if (failure.code === 'CONNECT_TOKEN_EXPIRED' || failure.code === 'CONNECT_TOKEN_INVALID') {
        failed(p, failure);
        return;
      }
      toHost('error', { error: { code: failure.code, message: failure.message } });
      submit.disabled = false;
      input.readOnly = false;
      submit.textContent = 'Connect ' + p.name;
      input.setAttribute('aria-invalid', 'true');
      error.textContent = failure.message;
      input.focus();
      input.select();
    });
  }

  function rememberConnection(connection) {
    if (state.session && connection && connectionsOf(connection.provider).every(function (c) { return c.id !== connection.id; })) {
      state.session.connections.push(connection);
    }
  }

  function connected(p, connection) {
    toHost('success', { connection: connection });
    showSuccess(p);
  }

  function failed(p, error) {
    toHost('error', { error: { code: error.code, message: error.message } });
    showFailure(p, error);
  }

  function refreshSession() {
    return api('GET', '/connect/api/session').then(function (session) {
      state.session = session;
      return session;
    });
  }

  function scheduleExpiry(seconds) {
    clearTimeout(state.expiryTimer);
    state.expiryTimer = setTimeout(function () {
      state.expired = true;
      // a sign-in already under way finishes on its own state; only idle screens turn stale
      if (!state.attempt && !view.querySelector('[data-state="connected"]')) {
        showExpired();
        toHost('error', { error: { code: 'CONNECT_TOKEN_EXPIRED', message: 'The connect token expired.' } });
      }
    }, Math.max(0, seconds) * 1000);
  }

  // ---------------------------------------------------------------- start

  if (embedded) {
    closeButton.hidden = false;
    closeButton.addEventListener('click', function () { toHost('close'); });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        toHost('close');
      }
    });
  }

  if (!token) {
    state.expired = true;
    showExpired({ code: 'CONNECT_TOKEN_INVALID' });
    toHost('error', { error: { code: 'CONNECT_TOKEN_INVALID', message: 'No connect token was given to the widget.' } });
    return;
  }

  showLoading('Loading\u2026');
  refreshSession().then(function (session) {
    scheduleExpiry(session.expiresInSeconds);
    showProviders();
    toHost('ready', {});
  }, function (error) {
    if (error.code === 'CONNECT_TOKEN_EXPIRED' || error.code === 'CONNECT_TOKEN_INVALID') {
      state.expired = true;
      showExpired(error);
    } else {
      show(h('div', { className: 'status', 'data-state': 'error', 'data-error-code': error.code },
        h('div', { className: 'status-icon bad', 'aria-hidden': 'true', text: '!' }),
        h('h1', { text: 'Something went wrong' }),
        h('p', { role: 'alert', text: error.message })));
    }
    toHost('error', { error: { code: error.code, message: error.message } });
  });
})();
