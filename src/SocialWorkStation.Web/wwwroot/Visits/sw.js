// Keeps the visit form usable without a network (issue 5): the form page and its script are cached
// on first visit; pages are fetched from the network first and fall back to the cache when offline.
// Scoped to /Visits/ only; API calls are never cached (offline records are queued by visit-offline.js).
var CACHE = "sws-visits-v1";
var PAGES = ["/Visits/Record"];

self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(PAGES).catch(function () { }); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (e) {
  var req = e.request;
  if (req.method !== "GET") return;
  var url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf("/api/") === 0) return;
  e.respondWith(fetch(req).then(function (res) {
    if (res.ok && (url.pathname === "/Visits/Record" || url.pathname.indexOf("/js/") === 0 || url.pathname.indexOf("/css/") === 0 || url.pathname.indexOf("/lib/") === 0)) {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { c.put(url.pathname === "/Visits/Record" ? "/Visits/Record" : req, copy); });
    }
    return res;
  }).catch(function () {
    return caches.match(url.pathname === "/Visits/Record" ? "/Visits/Record" : req);
  }));
});
