/* The unit report page: autosave with per-field locking (used by tracking/report.html). */
/* Per-field locking: each autosave tells the server the value this page last saw for that field, so
   edits of other fields by colleagues do not block it, but an edit of the same field does. */
document.addEventListener("htmx:configRequest", function (e) {
  var el = e.detail.elt;
  if (el.dataset && el.dataset.seen !== undefined) {
    e.detail.parameters.seen = el.dataset.seen;
    el.dataset.sending = el.value;
  }
});
/* htmx 2 does not swap error responses: show the server's message for a refused (400) or conflicting
   (409) save instead of failing silently. */
document.addEventListener("htmx:beforeSwap", function (e) {
  var status = e.detail.xhr.status;
  if (status === 400 || status === 409) {
    e.detail.shouldSwap = true;
    e.detail.isError = false;
  }
});
document.addEventListener("htmx:afterRequest", function (e) {
  var el = e.detail.elt;
  if (e.detail.xhr.status === 200 && el.dataset && el.dataset.sending !== undefined) {
    el.dataset.seen = el.dataset.sending.trim();
  }
});
