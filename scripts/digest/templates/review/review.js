// Review pages: the filter ("only lines not kept") without a page load, keeping the line in
// view. Without this script the two filter links are plain pages and work the same.
(function () {
  "use strict";
  var table = document.querySelector("table.lines");
  var links = document.querySelectorAll(".filter a[data-filter]");
  if (!table || table.classList.contains("lines--flagged") || !links.length) return;
  function firstVisibleRow() {
    var rows = table.querySelectorAll("tbody tr");
    for (var i = 0; i < rows.length; i++) {
      if (rows[i].offsetParent !== null && rows[i].getBoundingClientRect().bottom > 0) return rows[i];
    }
    return null;
  }
  function show(filter, push) {
    var anchor = firstVisibleRow();
    table.classList.toggle("filtered", filter === "flagged");
    links.forEach(function (a) {
      if (a.dataset.filter === filter) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    if (push) history.replaceState({ filter: filter }, "", filter === "flagged" ? links[1].href : links[0].href);
    if (anchor && anchor.offsetParent === null) {
      while (anchor && anchor.offsetParent === null) anchor = anchor.nextElementSibling;
    }
    if (anchor && window.scrollY > 0) anchor.scrollIntoView({ block: "start" });
  }
  links.forEach(function (a) {
    a.addEventListener("click", function (event) {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      show(a.dataset.filter, true);
    });
  });
})();
