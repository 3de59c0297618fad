// The handbook's offline worker for one locale (written to <locale root>/sw.js by scripts/handbook/plugin/offline.py,
// which puts VERSION and PRECACHE above this line). Its scope is the locale root.
//
// install:  every precached file into a new cache named after VERSION, a few at a time; files whose revision is
//           unchanged are copied from the previous cache, the rest are fetched and checked against
//           their hash (a half-deployed site fails the install and is retried on the next visit).
// activate: remove this scope's older caches and take over open pages at once.
// fetch:    precached files (and the locale root, as its index.html) come from the cache; every
//           other request goes to the network untouched, so this locale never stores another's pages.
"use strict";

const PREFIX = "handbook-offline " + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;
const KEYS = new Map(PRECACHE.map((entry) => {
  const url = new URL(entry.url, self.location).href;
  return [url, url + "?__revision=" + entry.revision];
}));

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function fetchChecked(url, revision) {
  const response = await fetch(url, { cache: "no-cache" });
  const body = await response.clone().arrayBuffer();
  if (!response.ok || hex(await crypto.subtle.digest("SHA-256", body)) !== revision) {
    throw new Error(url + ": not the deployed revision " + revision);
  }
  return response;
}

async function previous(key) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) {
      const hit = await (await caches.open(name)).match(key);
      if (hit) return hit;
    }
  }
  return null;
}

// A few files at a time: a large handbook has thousands, and the page the reader has open must
// not wait behind all of them for a connection. The first failure stops every lane.
const PRECACHE_LANES = 4;

async function precache() {
  const cache = await caches.open(CACHE);
  let next = 0;
  let failed = false;
  async function lane() {
    while (!failed && next < PRECACHE.length) {
      const entry = PRECACHE[next++];
      const url = new URL(entry.url, self.location).href;
      const key = KEYS.get(url);
      try {
        if (!(await cache.match(key))) {
          await cache.put(key, (await previous(key)) || (await fetchChecked(url, entry.revision)));
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: PRECACHE_LANES }, lane));
}

async function removeOldCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
}

function cacheKey(request) {
  const url = new URL(request.url);
  url.hash = "";
  url.search = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  return KEYS.get(url.href);
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(removeOldCaches().then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const key = event.request.method === "GET" && cacheKey(event.request);
  if (!key) return;
  // caches.match, not caches.open: a retiring worker must not re-create its deleted cache.
  event.respondWith(caches.match(key, { cacheName: CACHE })
    .then((hit) => hit || fetch(event.request)));
});
