// Keyboard review of a batch's persons on the hall page: J / K move between rows, space ticks the focused
// row (the checkbox itself), and the header box ticks the whole page. Plain form controls do the rest.
(function () {
  'use strict';
  var table = document.getElementById('persons');
  if (!table) { return; }
  var boxes = Array.prototype.slice.call(table.querySelectorAll('tbody input[type=checkbox]'));
  var all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('change', function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
  }
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var target = e.target;
    var typing = target && (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' ||
      (target.tagName === 'INPUT' && target.type !== 'checkbox'));
    if (typing) { return; }
    var key = e.key.toLowerCase();
    if (key !== 'j' && key !== 'k') { return; }
    var index = boxes.indexOf(document.activeElement);
    var next = index < 0 ? 0 : index + (key === 'j' ? 1 : -1);
    if (next >= 0 && next < boxes.length) {
      boxes[next].focus();
      boxes[next].closest('tr').scrollIntoView({ block: 'nearest' });
      e.preventDefault();
    }
  });
})();
