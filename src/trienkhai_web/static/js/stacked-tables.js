// Under 700 px the CSS stacks table rows as cards and hides the header row; each cell then shows its
// column's heading (copied here into data-label) so a number like "57" keeps its meaning on a phone.
(function () {
  function label(root) {
    root.querySelectorAll("table.grid").forEach(function (table) {
      var heads = [];
      table.querySelectorAll("thead tr:first-child th").forEach(function (th) {
        for (var i = 0; i < (th.colSpan || 1); i++) heads.push(th.textContent.trim());
      });
      if (!heads.length) return;
      table.querySelectorAll("tbody tr").forEach(function (tr) {
        var col = 0;
        Array.prototype.forEach.call(tr.children, function (cell) {
          if (!cell.hasAttribute("data-label") && heads[col]) cell.setAttribute("data-label", heads[col]);
          col += cell.colSpan || 1;
        });
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { label(document); });
  document.addEventListener("htmx:afterSwap", function (e) { label(e.target); });
})();
