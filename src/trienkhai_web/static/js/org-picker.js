// The organisation picker (plans/_org_picker.html): a search box whose HTMX request fills a listbox with
// the organisations matching what was typed; ArrowDown/ArrowUp move through them, Enter (or a click)
// picks one as a chip holding a hidden input, Escape closes the list, a chip's button removes it.
(() => {
  const options = (picker) => Array.from(picker.querySelectorAll(".org-option"));

  function setActive(picker, index) {
    const input = picker.querySelector(".org-search");
    const all = options(picker);
    all.forEach((o, i) => o.setAttribute("aria-selected", i === index ? "true" : "false"));
    if (index >= 0 && all[index]) {
      input.setAttribute("aria-activedescendant", all[index].id);
      all[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function close(picker) {
    const list = picker.querySelector(".org-options");
    list.replaceChildren();
    picker.querySelector(".org-search").setAttribute("aria-expanded", "false");
    setActive(picker, -1);
  }

  function pick(picker, option) {
    const input = picker.querySelector(".org-search");
    const chips = picker.querySelector(".chips");
    const name = input.dataset.pickName;
    const value = option.dataset.value;
    const taken = Array.from(chips.querySelectorAll("input[type=hidden]"))
      .some((h) => h.name === name && h.value === value);
    if (!taken) {
      const chip = document.createElement("li");
      chip.className = "chip";
      const label = document.createElement("span");
      label.textContent = option.dataset.label;
      const hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = name;
      hidden.value = value;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "chip-remove";
      remove.textContent = "×";
      remove.setAttribute("aria-label", `${picker.dataset.removeLabel} ${option.dataset.label}`);
      chip.append(label, hidden, remove);
      chips.append(chip);
    }
    const status = picker.querySelector(".picker-status");
    if (status) status.textContent = `${picker.dataset.addedLabel} ${option.dataset.label}`;
    input.value = "";
    close(picker);
    input.focus();
  }

  document.addEventListener("keydown", (event) => {
    const input = event.target.closest && event.target.closest(".org-search");
    if (!input) return;
    const picker = input.closest(".org-picker");
    const all = options(picker);
    const current = all.findIndex((o) => o.getAttribute("aria-selected") === "true");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!all.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(picker, (current + step + all.length) % all.length);
    } else if (event.key === "Enter") {
      event.preventDefault(); // Enter in the search box picks; it never submits the form
      if (current >= 0) pick(picker, all[current]);
      else if (all.length === 1) pick(picker, all[0]);
    } else if (event.key === "Escape") {
      close(picker);
    }
  });

  document.addEventListener("click", (event) => {
    const option = event.target.closest && event.target.closest(".org-option");
    if (option) {
      pick(option.closest(".org-picker"), option);
      return;
    }
    const remove = event.target.closest && event.target.closest(".chip-remove");
    if (remove) {
      const picker = remove.closest(".org-picker");
      remove.closest(".chip").remove();
      picker.querySelector(".org-search").focus();
    }
  });

  document.addEventListener("htmx:afterSwap", (event) => {
    const list = event.target;
    if (!list.classList || !list.classList.contains("org-options")) return;
    const picker = list.closest(".org-picker");
    picker.querySelector(".org-search").setAttribute("aria-expanded", options(picker).length ? "true" : "false");
    setActive(picker, -1);
  });
})();
