// Offline visit records (issue 5; ui.md "离线是常态"). A record that cannot be sent is kept in
// localStorage and sent when the network returns. Each record carries the idempotency key made with
// the form, so a record sent twice (the answer lost on a weak link) is stored once by the server.
(function () {
  "use strict";
  var KEY = "sws.visits.queue";
  var sending = false;

  function queue() {
    try { return JSON.parse(localStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function save(q) { localStorage.setItem(KEY, JSON.stringify(q)); show(); }

  function show() {
    var n = queue().length;
    var banner = document.getElementById("offline-banner");
    var status = document.getElementById("queue-status");
    var count = document.getElementById("queue-count");
    if (banner) banner.hidden = navigator.onLine && n === 0;
    if (status) status.hidden = n === 0;
    if (count) count.textContent = String(n);
    document.querySelectorAll("[data-offline-count]").forEach(function (el) { el.textContent = String(n); });
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function post(record) {
    return fetch("/api/v1/visits", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(record)
    });
  }

  // Sends the waiting records one by one; stops at the first network failure and tries again later.
  function flush() {
    if (sending || !navigator.onLine) { show(); return Promise.resolve(); }
    var q = queue();
    if (q.length === 0) { show(); return Promise.resolve(); }
    sending = true;
    var record = q[0];
    return post(record).then(function (r) {
      // Stored (201), already stored (200), or refused (400/404/409: kept nowhere, it would never pass).
      var rest = queue().filter(function (x) { return x.idempotencyKey !== record.idempotencyKey; });
      if (r.status >= 500 || r.status === 401) return; // keep it: the server or the login comes back
      if (r.status >= 400) {
        var failed = JSON.parse(localStorage.getItem(KEY + ".failed") || "[]");
        failed.push(record);
        localStorage.setItem(KEY + ".failed", JSON.stringify(failed));
      }
      save(rest);
      sending = false;
      return flush();
    }).catch(function () { /* still offline */ }).finally(function () { sending = false; show(); });
  }

  function read(form) {
    var data = new FormData(form);
    var pick = function (n) { var v = data.get("Input." + n); return v === null || v === "" ? null : String(v); };
    var num = function (n) { var v = pick(n); return v === null ? null : Number(v); };
    return {
      idempotencyKey: pick("IdempotencyKey") || uuid(),
      stationId: pick("StationId"),
      kind: pick("Kind"),
      visitedOn: pick("VisitedOn"),
      recipientIds: data.getAll("Input.RecipientIds").map(String),
      workerIds: data.getAll("Input.WorkerIds").map(String),
      place: pick("Place"), domain: pick("Domain"), findings: pick("Findings"), serviceContent: pick("ServiceContent"),
      followUpNeeded: data.getAll("Input.FollowUpNeeded").indexOf("true") >= 0, followUp: pick("FollowUp"),
      latitude: num("Latitude"), longitude: num("Longitude")
    };
  }

  function showErrors(form, errors) {
    form.querySelectorAll("[data-field]").forEach(function (el) { el.textContent = ""; el.className = ""; });
    Object.keys(errors || {}).forEach(function (k) {
      var el = form.querySelector('[data-field="' + k + '"]');
      if (el) { el.textContent = errors[k].join("；"); el.className = "field-validation-error text-danger"; }
    });
    var first = form.querySelector(".field-validation-error");
    if (first) first.scrollIntoView({ block: "center" });
  }

  function keep(form, record) {
    var q = queue();
    if (!q.some(function (x) { return x.idempotencyKey === record.idempotencyKey; })) q.push(record);
    save(q);
    // A new key for the next record typed on this page.
    form.querySelector('[name="Input.IdempotencyKey"]').value = uuid();
    form.reset();
    show();
  }

  function wire(form) {
    // Only a new record goes through the offline queue; an edit needs the network and its version (409 when stale).
    if (form.dataset.offline === "true") form.addEventListener("submit", function (e) {
      e.preventDefault();
      var record = read(form);
      if (!navigator.onLine) { keep(form, record); return; }
      post(record).then(function (r) {
        // The ledger says "已保存" as the no-script path does (issue 18).
        if (r.status === 201 || r.status === 200) { window.location.href = form.dataset.done + "?saved=" + encodeURIComponent(record.visitedOn || ""); return; }
        if (r.status === 400) { return r.json().then(function (p) { showErrors(form, p.errors); }); }
        if (r.status >= 500) { keep(form, record); return; }
        return r.json().then(function (p) { showErrors(form, { findings: [p.detail || p.title || "保存失败"] }); });
      }).catch(function () { keep(form, record); });
    });
    var locate = document.getElementById("locate");
    if (locate && navigator.geolocation) {
      locate.addEventListener("click", function () {
        navigator.geolocation.getCurrentPosition(function (p) {
          form.querySelector('[name="Input.Latitude"]').value = p.coords.latitude.toFixed(6);
          form.querySelector('[name="Input.Longitude"]').value = p.coords.longitude.toFixed(6);
          document.getElementById("locate-status").textContent = "已记录位置";
        }, function () { document.getElementById("locate-status").textContent = "未获得位置（不影响保存）"; });
      });
    }
  }

  window.addEventListener("online", flush);
  window.addEventListener("offline", show);
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("visit-form");
    if (form) wire(form);
    show();
    flush();
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/Visits/sw.js", { scope: "/Visits/" }).catch(function () { });
    }
  });
  window.swsVisits = { flush: flush, queue: queue };
})();
