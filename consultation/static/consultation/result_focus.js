// After a decision (one comment or a bulk action) the queue opens again with the result in
// Wagtail's status region. Focus moves to that message, so a keyboard user starts from the
// result and a screen reader reads it, instead of focus falling back to the top of the page.
(function () {
  var message = document.querySelector(".messages li");
  if (!message) return;
  message.setAttribute("tabindex", "-1");
  message.focus();
})();
