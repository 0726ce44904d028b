/*
 * Progressive enhancement only: every page works without this file.
 * - Shows the buttons that need a script (打印本页) and wires them up.
 * - An error summary link moves keyboard focus into the field it names, not only the view, and keeps the field's
 *   label and error message in sight (a plain #fragment link scrolls the input itself to the top edge).
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
