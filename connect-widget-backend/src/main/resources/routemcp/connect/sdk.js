/*
 * RouteMCP Connect SDK.
 *
 *   <script src="https://connect.example.com/connect/sdk.js"></script>
 *   RouteMCP.connect({
 *     token: "ct_…",                        // from POST /api/v1/connect/token, made by your backend
 *     onSuccess: function (connection) {},  // {id, provider, endUserId, status, createdAt, …}
 *     onError: function (error) {},         // {code, message}
 *     onClose: function () {},
 *     providers: ["some-crm", "other-crm"]  // optional: only offer these slugs
 *   });
 *
 * RouteMCPConnect.open(options) is the same function. Messages between this page and the widget
 * use postMessage with exact origins in both directions.
 */
(function (global) {
  'use strict';

  var CONNECT_URL = "__ROUTEMCP_CONNECT_URL__";
  var CONNECT_ORIGIN = new URL(CONNECT_URL).origin;
  var current = null;

  function callback(fn) {
    return typeof fn === 'function' ? fn : function () {};
  }

  function style(node, rules) {
    Object.keys(rules).forEach(function (key) { node.style.setProperty(key, rules[key]); });
  }

  function connect(options) {
    options = options || {};
    var onSuccess = callback(options.onSuccess);
    var onError = callback(options.onError);
    var onClose = callback(options.onClose);
    if (typeof options.token !== 'string' || options.token.indexOf('ct_') !== 0) {
      setTimeout(function () {
        onError({ code: 'CONNECT_TOKEN_INVALID', message: 'RouteMCP.connect needs a connect token (ct_…) created by your backend with POST /api/v1/connect/token' });
      }, 0);
      return { close: function () {} };
    }
    if (current) {
      current.close();
    }

    var providers = Array.isArray(options.providers) ? options.providers
      : typeof options.providers === 'string' ? options.providers.split(',') : [];
    var src = CONNECT_URL + '/connect/widget?origin=' + encodeURIComponent(global.location.origin)
      + (providers.length ? '&providers=' + encodeURIComponent(providers.join(',')) : '')
      + '#token=' + encodeURIComponent(options.token);

    var previousFocus = document.activeElement;
    var previousOverflow = document.documentElement.style.overflow;
    var overlay = document.createElement('div');
    overlay.setAttribute('data-routemcp-connect', '');
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-label', 'Connect your CRM');
    style(overlay, {
      position: 'fixed', inset: '0', 'z-index': '2147483000', display: 'flex', 'align-items': 'flex-start',
      'justify-content': 'center', background: 'rgba(15, 23, 42, 0.55)', opacity: '0', transition: 'opacity .18s ease'
    });
    var frame = document.createElement('iframe');
    frame.id = 'routemcp-connect-frame';
    frame.title = 'Connect your CRM';
    frame.src = src;
    frame.setAttribute('referrerpolicy', 'no-referrer');
    style(frame, { border: '0', background: '#ffffff', 'box-shadow': '0 24px 60px rgba(15, 23, 42, 0.35)' });
    overlay.appendChild(frame);

    var narrow = global.matchMedia ? global.matchMedia('(max-width: 480px)') : null;
    var contentHeight = 560;
    function layout() {
      if (narrow && narrow.matches) {
        style(frame, { width: '100%', height: '100%', 'max-height': 'none', 'border-radius': '0', 'margin-top': '0' });
      } else {
        // as tall as the widget's content says (within reason), never taller than the window; the top
        // edge stays put when the content changes, so nothing jumps under the pointer
        var height = Math.min(Math.max(contentHeight, 440), 720);
        style(frame, { width: '420px', 'max-width': 'calc(100% - 32px)', height: height + 'px',
          'max-height': 'calc(100% - 32px)', 'border-radius': '16px', 'margin-top': 'max(16px, min(10vh, calc(100vh - ' + height + 'px - 16px)))' });
      }
    }
    layout();

    var closed = false;
    function close() {
      if (closed) {
        return;
      }
      closed = true;
      global.removeEventListener('message', onMessage);
      document.removeEventListener('keydown', onKey);
      if (narrow && narrow.removeEventListener) {
        narrow.removeEventListener('change', layout);
      }
      if (overlay.parentNode) {
        overlay.parentNode.removeChild(overlay);
      }
      document.documentElement.style.overflow = previousOverflow;
      if (previousFocus && previousFocus.focus) {
        previousFocus.focus();
      }
      if (current === handle) {
        current = null;
      }
      onClose();
    }

    function onMessage(event) {
      if (event.origin !== CONNECT_ORIGIN || event.source !== frame.contentWindow) {
        return;
      }
      var data = event.data;
      if (!data || data.source !== 'routemcp-connect') {
        return;
      }
      if (data.type === 'success') {
        onSuccess(data.connection);
      } else if (data.type === 'error') {
        onError(data.error || { code: 'INTERNAL_ERROR', message: 'The connection failed.' });
      } else if (data.type === 'close') {
        close();
      } else if (data.type === 'resize' && typeof data.height === 'number' && isFinite(data.height)) {
        contentHeight = Math.ceil(data.height);
        layout();
      } else if (data.type === 'ready') {
        frame.focus();
      }
    }

    function onKey(event) {
      if (event.key === 'Escape') {
        close();
      }
    }

    global.addEventListener('message', onMessage);
    document.addEventListener('keydown', onKey);
    if (narrow && narrow.addEventListener) {
      narrow.addEventListener('change', layout);
    }
    document.documentElement.style.overflow = 'hidden';
    document.body.appendChild(overlay);
    global.requestAnimationFrame(function () { overlay.style.opacity = '1'; });

    var handle = { close: close };
    current = handle;
    return handle;
  }

  global.RouteMCP = global.RouteMCP || {};
  global.RouteMCP.connect = connect;
  global.RouteMCPConnect = global.RouteMCPConnect || {};
  global.RouteMCPConnect.open = connect;
})(window);
