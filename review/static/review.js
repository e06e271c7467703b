// Small progressive enhancements; every page works without them.
(function () {
  "use strict";
  // Pointing at an extracted value lights up the box it was read from on the payslip page.
  function mark(key, on) {
    document.querySelectorAll('rect.hl[data-key="' + key + '"]').forEach(function (r) { r.classList.toggle("active", on); });
  }
  document.querySelectorAll("table.values tr.has-box").forEach(function (row) {
    var key = row.getAttribute("data-key");
    row.addEventListener("mouseenter", function () { mark(key, true); });
    row.addEventListener("mouseleave", function () { mark(key, false); });
    row.addEventListener("focus", function () { mark(key, true); });
    row.addEventListener("blur", function () { mark(key, false); });
    row.addEventListener("click", function () {
      var rect = document.querySelector('rect.hl[data-key="' + key + '"]');
      if (rect) { rect.closest("figure").scrollIntoView({ behavior: "smooth", block: "nearest" }); }
    });
  });
  // Danish amounts: "1.234,56" -> 1234.56 (display only; the server parses what is posted).
  function amount(text) {
    var t = (text || "").trim().replace(/\s/g, "");
    if (t.indexOf(",") >= 0) { t = t.replace(/\./g, "").replace(",", "."); }
    var n = Number(t);
    return isNaN(n) ? null : n;
  }
  function fmt(n) {
    return n.toLocaleString("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  var form = document.getElementById("approve-form");
  if (form) {
    var update = function () {
      var total = 0;
      form.querySelectorAll("tbody tr").forEach(function (tr) {
        var input = tr.querySelector("input.amount");
        var value = amount(input.value);
        var changed = value !== null && value !== amount(tr.getAttribute("data-proposed"));
        tr.classList.toggle("changed", changed);
        if (value !== null) { total += value; }
      });
      var cell = document.getElementById("approve-total");
      if (cell) { cell.textContent = fmt(total); }
    };
    form.addEventListener("input", update);
    update();
  }
})();
