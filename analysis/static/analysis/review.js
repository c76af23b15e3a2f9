// Keyboard review, a progressive enhancement (the form works without it):
// - keys 1-9 tick or untick the numbered themes, but only while focus is inside the review
//   form, and a switch turns them off (WCAG 2.1.4); the choice is remembered in this browser;
// - after "Save and next" the next comment's heading takes focus, so a screen reader says that
//   a new comment is showing (the saved message is in Wagtail's status region).
(function () {
  var STORE = "consult.review.shortcuts";
  var form = document.getElementById("review-form");
  var heading = document.querySelector("#item-heading[data-focus-on-load]");
  if (heading) heading.focus();
  if (!form) return;

  var toggle = document.getElementById("review-shortcuts");
  var hint = form.querySelector("[data-shortcut-hint]");
  var keys = form.querySelectorAll("[data-shortcut-key]");

  function remembered() {
    try { return window.localStorage.getItem(STORE) !== "off"; } catch (error) { return true; }
  }
  function remember(on) {
    try { window.localStorage.setItem(STORE, on ? "on" : "off"); } catch (error) { /* private mode */ }
  }
  function show(on) {
    if (hint) hint.hidden = !on;
    keys.forEach(function (key) { key.hidden = !on; });
  }

  if (toggle) {
    toggle.checked = remembered();
    toggle.closest("[data-shortcut-switch]").hidden = false;
    toggle.addEventListener("change", function () { remember(toggle.checked); show(toggle.checked); });
  }
  show(remembered());

  form.addEventListener("keydown", function (event) {
    if (!remembered() || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
        (target.tagName === "INPUT" && target.type !== "checkbox"))) return;
    if (/^[1-9]$/.test(event.key)) {
      var box = form.querySelector('input[data-key="' + event.key + '"]');
      if (box) { box.checked = !box.checked; box.focus(); event.preventDefault(); }
    }
  });
})();
