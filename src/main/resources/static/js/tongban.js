/*
 * Progressive enhancement only: every page works without this file. It shows the buttons that need a script
 * (打印本页) and wires them up.
 */
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
