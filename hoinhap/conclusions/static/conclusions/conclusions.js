// A click (or focus) on a proposed row highlights its quote in the notice text and scrolls the text to it;
// a click on a highlighted quote marks its rows. Delegated, so rows swapped in by htmx keep working.
(function () {
  function highlight(pk, scrollRow) {
    document.querySelectorAll(".cl-text mark.active, .cl-row.active").forEach(function (el) {
      el.classList.remove("active");
    });
    var marks = document.querySelectorAll(".cl-text mark.q-" + pk);
    marks.forEach(function (m) { m.classList.add("active"); });
    var row = document.getElementById("row-" + pk);
    if (row) row.classList.add("active");
    var panel = document.querySelector(".cl-text");
    if (marks.length && panel) {
      panel.scrollTo({ top: Math.max(0, marks[0].offsetTop - 40), behavior: "smooth" });
    }
    if (scrollRow && row) row.scrollIntoView({ behavior: "smooth", block: "start" });
  }
  document.addEventListener("click", function (e) {
    var mark = e.target.closest(".cl-text mark.q");
    if (mark) { highlight(mark.dataset.rows.split(" ")[0], true); return; }
    var row = e.target.closest(".cl-row");
    if (row) highlight(row.dataset.row, false);
  });
  document.addEventListener("focusin", function (e) {
    var row = e.target.closest && e.target.closest(".cl-row");
    if (row && !row.classList.contains("active")) highlight(row.dataset.row, false);
  });
})();
