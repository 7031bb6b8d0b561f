// The visit form's recipient picker (issue 18): the social worker types pinyin initials (zs), full pinyin
// (zhangsan) or part of the name, taps a match, and it joins the visit. It matches on the phone against
// the station's list the page already carries (masked names and pinyin keys), so it works offline. The
// multi-select underneath stays the form's field, so the no-script path and the offline queue read it.
(function () {
  "use strict";
  var MAX = 8;

  function norm(s) { return (s || "").toLowerCase().replace(/\s+/g, ""); }

  function wire(select) {
    var options = Array.prototype.slice.call(select.options);
    var wrap = document.createElement("div");
    wrap.className = "recipient-picker";
    wrap.innerHTML =
      '<ul class="picker-chips list-unstyled d-flex flex-wrap gap-2 mb-2" aria-label="已选服务对象"></ul>' +
      '<input type="search" class="form-control form-control-lg" id="recipient-search" autocomplete="off" enterkeyhint="search"' +
      ' placeholder="输入拼音首字母或姓名，如 zs" aria-describedby="recipient-search-help">' +
      '<div id="recipient-search-help" class="form-text">在本站服务对象中查找；离线时也可使用。</div>' +
      '<ul class="picker-results list-group mt-1" role="list" aria-live="polite"></ul>';
    select.hidden = true;
    select.parentNode.insertBefore(wrap, select.nextSibling);
    var label = document.getElementById("recipients-label");
    if (label) label.htmlFor = "recipient-search";
    var chips = wrap.querySelector(".picker-chips");
    var input = wrap.querySelector("input");
    var results = wrap.querySelector(".picker-results");

    function button(text, cls, onClick) {
      var b = document.createElement("button");
      b.type = "button"; b.className = cls; b.textContent = text;
      b.addEventListener("click", onClick);
      return b;
    }

    function renderChips() {
      chips.textContent = "";
      options.filter(function (o) { return o.selected; }).forEach(function (o) {
        var li = document.createElement("li");
        li.className = "badge text-bg-light border d-flex align-items-center gap-1 fs-6 fw-normal";
        li.appendChild(document.createTextNode(o.dataset.name || o.text));
        li.appendChild(button("×", "btn btn-sm btn-link p-0 picker-remove", function () { o.selected = false; renderChips(); search(); }));
        li.lastChild.setAttribute("aria-label", "移除 " + (o.dataset.name || o.text));
        chips.appendChild(li);
      });
    }

    function matches(o, q) {
      if (!q) return false;
      var keys = (o.dataset.keys || "").split(" ");
      if (keys.some(function (k) { return k.indexOf(q) === 0; })) return true;
      return norm(o.dataset.name).indexOf(q) >= 0 || norm(o.dataset.note).indexOf(q) >= 0;
    }

    function search() {
      var q = norm(input.value);
      results.textContent = "";
      if (!q) return;
      var found = options.filter(function (o) { return !o.selected && matches(o, q); });
      found.slice(0, MAX).forEach(function (o) {
        var li = document.createElement("li");
        li.className = "list-group-item p-0";
        var b = button("", "btn w-100 text-start py-2 picker-add", function () {
          o.selected = true; input.value = ""; results.textContent = ""; renderChips(); input.focus();
        });
        b.dataset.id = o.value;
        var strong = document.createElement("strong"); strong.textContent = o.dataset.name || o.text;
        b.appendChild(strong);
        if (o.dataset.note) { var small = document.createElement("span"); small.className = "small text-body-secondary ms-2"; small.textContent = o.dataset.note; b.appendChild(small); }
        li.appendChild(b);
        results.appendChild(li);
      });
      if (found.length === 0) {
        var none = document.createElement("li"); none.className = "list-group-item text-body-secondary"; none.textContent = "本站没有匹配的服务对象";
        results.appendChild(none);
      } else if (found.length > MAX) {
        var more = document.createElement("li"); more.className = "list-group-item small text-body-secondary"; more.textContent = "还有 " + (found.length - MAX) + " 人匹配，请多输入几个字母";
        results.appendChild(more);
      }
    }

    input.addEventListener("input", search);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); var first = results.querySelector(".picker-add"); if (first) first.click(); }
    });
    // The offline queue resets the form after keeping a record: the chips follow the select.
    if (select.form) select.form.addEventListener("reset", function () { setTimeout(function () { renderChips(); results.textContent = ""; }, 0); });
    renderChips();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-picker]").forEach(wire);
  });
})();
