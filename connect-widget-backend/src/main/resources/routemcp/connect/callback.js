// RouteMCP Connect: the end of the OAuth pop-up. Hands the outcome to the widget that opened it,
// at the Connect server's own origin only, then closes.
(function () {
  'use strict';
  var block = document.getElementById('routemcp-result');
  if (!block) {
    return;
  }
  var data;
  try {
    data = JSON.parse(block.textContent);
  } catch (e) {
    return;
  }
  var opener = window.opener;
  if (!opener || opener.closed || !data.targetOrigin) {
    return;
  }
  try {
    opener.postMessage(data.message, data.targetOrigin);
  } catch (e) {
    return;
  }
  var note = document.getElementById('closing-note');
  if (note) {
    note.textContent = 'Returning you to the app\u2026';
  }
  setTimeout(function () { window.close(); }, 400);
})();
