// Run progress without reloading the page (WCAG 2.2.1, 3.2.5): while a run is going, fetch a
// fresh copy of this page every few seconds and copy its progress block into this one. The
// status line is a polite live region, so only a changed stage or the end is announced. When
// the run ends the "Refresh" link becomes the way to see the results; the page never reloads
// by itself. Without JavaScript the link refreshes by hand.
(function () {
  var region = document.querySelector("[data-run-progress]");
  if (!region || region.dataset.finished === "true" || !window.fetch || !window.DOMParser) return;
  var delay = 4000;

  function copyParts(fresh) {
    ["status", "bar", "link"].forEach(function (name) {
      var mine = region.querySelector('[data-run-part="' + name + '"]');
      var theirs = fresh.querySelector('[data-run-part="' + name + '"]');
      if (!mine) return;
      if (!theirs) { mine.hidden = name !== "status"; return; }
      // textContent keeps the live region node itself, so screen readers announce the change.
      if (name === "status") {
        if (mine.textContent !== theirs.textContent) mine.innerHTML = theirs.innerHTML;
      } else {
        mine.innerHTML = theirs.innerHTML;
      }
    });
  }

  function finished() {
    var link = region.querySelector('[data-run-part="link"]');
    if (link) {
      link.hidden = false;
      link.innerHTML = "";
      var anchor = document.createElement("a");
      anchor.className = "back-link";
      anchor.href = window.location.href;
      anchor.textContent = region.dataset.doneLabel;
      link.appendChild(anchor);
    }
  }

  function poll() {
    fetch(window.location.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.querySelector("[data-run-progress]");
        if (!fresh) return;
        copyParts(fresh);
        if (fresh.dataset.finished === "true") { finished(); return; }
        window.setTimeout(poll, delay);
      })
      .catch(function () { window.setTimeout(poll, delay * 2); });
  }
  window.setTimeout(poll, delay);
})();
