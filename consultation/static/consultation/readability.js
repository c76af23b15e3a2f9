// Refreshes the plain-language panel as an editor types in a right. Without this script the
// panel still shows the check of the last saved version.
(function () {
  "use strict";
  var FIELD = /^body-\d+-(value-(title|statement|commitment)|deleted)$/;
  var DELAY_MS = 800;

  function start(panel) {
    var form = panel.closest("form");
    var url = panel.getAttribute("data-preview-url");
    var results = panel.querySelector("[data-readability-results]");
    if (!form || !url || !results || !window.fetch || !window.FormData) {
      return;
    }
    var timer = null;
    var controller = null;

    function refresh() {
      var data = new FormData(form);
      data.append("readability-language", panel.getAttribute("data-language") || "");
      if (controller && window.AbortController) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(String(response.status));
          }
          return response.text();
        })
        .then(function (html) {
          var open = {};
          results.querySelectorAll("[data-block-id]").forEach(function (item) {
            var details = item.querySelector("details");
            open[item.getAttribute("data-block-id")] = details && details.open;
          });
          results.innerHTML = html;
          results.querySelectorAll("[data-block-id]").forEach(function (item) {
            var details = item.querySelector("details");
            if (details && open[item.getAttribute("data-block-id")]) {
              details.open = true;
            }
          });
          panel.setAttribute("data-readability-refreshed", "true");
        })
        .catch(function () {
          // The saved version's check stays on screen; the next keystroke tries again.
        });
    }

    function schedule(event) {
      if (!FIELD.test((event.target && event.target.name) || "")) {
        return;
      }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DELAY_MS);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
  }

  function init() {
    document.querySelectorAll("[data-readability-panel]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
