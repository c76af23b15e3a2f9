// Keyboard review: keys 1-9 toggle the numbered themes, Enter saves. The form works without it.
(function () {
  var form = document.getElementById("review-form");
  if (!form) return;
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
        (target.tagName === "INPUT" && target.type === "text"))) return;
    if (/^[1-9]$/.test(event.key)) {
      var box = form.querySelector('input[data-key="' + event.key + '"]');
      if (box) { box.checked = !box.checked; box.focus(); event.preventDefault(); }
    } else if (event.key === "Enter" && target && target.tagName !== "BUTTON" && target.tagName !== "A") {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  });
})();
