/* The unit report page (tracking/report.html): save as you type, nothing lost.
   - Each field saves 1 s after the last keystroke and when it is left (hx-trigger in the template).
   - Per-field locking: each save tells the server the value this page last saw for that field, so edits
     of other fields by colleagues do not block it, but an edit of the same field does; the server then
     puts a mark beside the field with the other person's value and two choices (keep mine, take theirs).
   - Leaving the page with input not yet saved asks first (beforeunload).
   - "Filled in: 9/13" follows the fields marked data-counts. */
(function () {
  var pending = 0;

  function dirty(el) {
    return el.dataset && el.dataset.seen !== undefined && !el.disabled &&
      el.value.trim() !== (el.dataset.saved !== undefined ? el.dataset.saved : el.dataset.seen).trim();
  }

  document.addEventListener("htmx:configRequest", function (e) {
    var el = e.detail.elt;
    if (el.dataset && el.dataset.conflict !== undefined && el.dataset.conflict === el.value) {
      e.preventDefault(); /* refused already: wait for the choice beside the field, do not send it again */
      return;
    }
    if (el.dataset && el.dataset.seen !== undefined) {
      e.detail.parameters.seen = el.dataset.seen;
      el.dataset.sending = el.value;
      pending += 1;
    }
  });
  /* htmx 2 does not swap error responses: show the server's message for a refused (400) or conflicting
     (409) save instead of failing silently (the out-of-band mark goes beside the field). */
  document.addEventListener("htmx:beforeSwap", function (e) {
    var status = e.detail.xhr.status;
    if (status === 400 || status === 409) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    var el = e.detail.elt;
    if (!el.dataset || el.dataset.sending === undefined) return;
    pending = Math.max(0, pending - 1);
    if (e.detail.xhr.status === 200) {
      el.dataset.seen = el.dataset.sending.trim();
      el.dataset.saved = el.dataset.sending;
      delete el.dataset.conflict;
    } else if (e.detail.xhr.status === 409) {
      el.dataset.conflict = el.dataset.sending;
    }
  });

  document.addEventListener("click", function (e) {
    var keep = e.target.closest("[data-keep-mine]");
    var take = e.target.closest("[data-take-theirs]");
    var button = keep || take;
    if (!button) return;
    var el = document.getElementById(keep ? keep.dataset.keepMine : take.dataset.takeTheirs);
    if (!el) return;
    var theirs = button.dataset.theirs;
    el.dataset.seen = theirs; /* I have now seen their value */
    delete el.dataset.conflict;
    if (keep) {
      htmx.trigger(el, "change"); /* saves my value over theirs */
    } else {
      el.value = theirs;
      el.dataset.saved = theirs;
      var mark = document.getElementById("mark-" + el.id);
      if (mark) {
        mark.className = "field-mark saved";
        mark.textContent = "✓ " + button.dataset.done;
      }
      count();
    }
  });

  window.addEventListener("beforeunload", function (e) {
    var unsaved = pending > 0 || Array.prototype.some.call(document.querySelectorAll("[data-seen]"), dirty);
    if (unsaved) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  function count() {
    var target = document.getElementById("filled-count");
    if (!target) return;
    var filled = 0;
    document.querySelectorAll("[data-counts]").forEach(function (el) {
      if (el.value.trim()) filled += 1;
    });
    target.textContent = String(filled);
  }
  document.addEventListener("input", count);
  document.addEventListener("change", count);

  /* A reviewer opened the report: say so with a POST (opening a page writes nothing by itself); bulk
     steps may then include it without a tick. */
  document.addEventListener("DOMContentLoaded", function () {
    var beacon = document.querySelector("[data-mark-opened]");
    if (!beacon) return;
    var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    headers["X-Requested-With"] = "fetch";
    fetch(beacon.dataset.markOpened, {method: "POST", headers: headers, credentials: "same-origin"});
  });
})();
