// Small behaviours every page may use, declared by data attributes (the Content-Security-Policy allows
// no inline handlers): data-autosubmit submits its form on change; a form with data-version-from="ID"
// sends the current version held by element ID (autosave keeps it up to date) when submitted.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (field && field.form) field.form.submit();
});
document.addEventListener("submit", (event) => {
  const form = event.target;
  const source = form.dataset && form.dataset.versionFrom && document.getElementById(form.dataset.versionFrom);
  if (source && form.elements.version) form.elements.version.value = source.value;
}, true);
// A checkbox with data-select-opened="FORM" ticks (or unticks) every checkbox of that form marked
// data-opened: "select all" in the approval grid picks only the reports the reviewer opened.
document.addEventListener("change", (event) => {
  const box = event.target.closest("[data-select-opened]");
  const form = box && document.getElementById(box.dataset.selectOpened);
  if (!form) return;
  form.querySelectorAll("input[type=checkbox][data-opened]").forEach((other) => { other.checked = box.checked; });
});
