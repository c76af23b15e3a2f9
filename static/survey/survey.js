/* Progressive enhancement for survey steps: hides questions whose condition (on this same step)
   is not met and the "Other" text box until "Other" is chosen. Without this script every
   question shows with a note saying when to answer it, and the server decides the rest. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-survey]");
  if (!form) { return; }

  function chosen(name) {
    var values = [];
    form.querySelectorAll("[name=\"" + name + "\"]").forEach(function (input) {
      if (input.disabled) { return; }
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) { values.push(input.value); }
      } else if (input.value) {
        values.push(input.value);
      }
    });
    return values;
  }

  function setShown(element, shown) {
    element.hidden = !shown;
    element.querySelectorAll("input, select, textarea").forEach(function (input) {
      input.disabled = !shown;
    });
  }

  function update() {
    form.querySelectorAll("[data-condition-field]").forEach(function (question) {
      var wanted = question.getAttribute("data-condition-values").split("|");
      var controller = document.getElementById("question-" + question.getAttribute("data-condition-field"));
      var shown = !(controller && controller.hidden) &&
        chosen(question.getAttribute("data-condition-field")).some(function (value) {
          return wanted.indexOf(value) !== -1;
        });
      setShown(question, shown);
    });
    form.querySelectorAll("[data-other-for]").forEach(function (box) {
      var question = box.closest(".question");
      if (question && question.hidden) { return; }
      setShown(box, chosen(box.getAttribute("data-other-for")).indexOf("other") !== -1 ||
        box.classList.contains("has-error"));
    });
  }

  form.addEventListener("change", update);
  update();
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
})();
