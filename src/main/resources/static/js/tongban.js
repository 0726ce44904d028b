/*
 * Progressive enhancement only: every page works without this file.
 * - Shows the buttons that need a script (打印本页) and wires them up.
 * - An error summary link moves keyboard focus into the field it names, not only the view, and keeps the field's
 *   label and error message in sight (a plain #fragment link scrolls the input itself to the top edge).
 * - A region with data-refresh="N" (a background job still under way) is fetched again every N seconds and put in
 *   place of the old one, without reloading the page, until the fresh one no longer asks for it; when its
 *   data-stage changes, the live region named by data-refresh-announce says data-stage-text (unless the fresh
 *   region brings its own role="alert"). Without the script, the page's own refresh link does the same.
 */
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});

document.querySelectorAll('.error-summary a[href^="#"]').forEach(function (link) {
  link.addEventListener('click', function (event) {
    var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) {
      return;
    }
    event.preventDefault();
    (field.closest('.form-group') || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
});

document.querySelectorAll('[data-refresh][id]').forEach(function (region) {
  var seconds = parseInt(region.getAttribute('data-refresh'), 10);
  if (!(seconds > 0) || !window.fetch || !window.DOMParser) {
    return;
  }
  var announcer = document.getElementById(region.getAttribute('data-refresh-announce') || '');
  var failures = 0;
  function later() {
    // Back off while the server does not answer, up to a minute.
    window.setTimeout(look, Math.min(60, seconds * Math.pow(2, failures)) * 1000);
  }
  function look() {
    fetch(window.location.href, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        failures = 0;
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(region.id);
        if (!fresh) {
          return; // signed out, or the page is gone: leave what is shown
        }
        var stage = region.getAttribute('data-stage');
        region.innerHTML = fresh.innerHTML;
        ['data-stage', 'data-stage-text', 'data-refresh'].forEach(function (name) {
          if (fresh.hasAttribute(name)) {
            region.setAttribute(name, fresh.getAttribute(name));
          } else {
            region.removeAttribute(name);
          }
        });
        if (announcer && fresh.getAttribute('data-stage') !== stage && !region.querySelector('[role="alert"]')) {
          announcer.textContent = fresh.getAttribute('data-stage-text') || '';
        }
        if (fresh.hasAttribute('data-refresh')) {
          later();
        }
      })
      .catch(function () {
        failures = Math.min(failures + 1, 5);
        later();
      });
  }
  later();
});
