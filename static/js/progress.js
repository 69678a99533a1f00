// A guide's checklist and finish date. Without this file the tasks read as plain lists.
// Ticks stay in this browser (localStorage), under the key the server wrote on each item
// (data-progress): a moved item keeps its tick, a reworded one loses it. A progress link
// carries them in its fragment (#progress=key,key): nothing is sent to the server.
(function () {
  "use strict";

  var items = document.querySelectorAll("li[data-progress]");
  var KEY = /^[0-9a-f]{8}$/;
  var storageKey = "pathways:progress:" + window.location.pathname;
  var known = Object.create(null);  // no inherited names: keys come from the address
  var ticked = Object.create(null);

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (error) {
      return [];  // storage turned off, or not ours
    }
  }
  function tickedKeys() {
    return Object.keys(ticked).filter(function (key) { return ticked[key] && known[key]; });
  }
  function save() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(tickedKeys()));
    } catch (error) {
      // Ticks then last as long as the page.
    }
  }
  function done(boxes) {
    var count = 0;
    boxes.forEach(function (box) { if (box.checked) { count += 1; } });
    return count + " of " + boxes.length + " done";
  }

  // The finish date: cached pages speak in weeks, the day is the reader's.
  var finish = document.querySelector("[data-finish-weeks]");
  var start = document.querySelector("[data-start-date]");
  function isoDate(day) {
    var month = String(day.getMonth() + 1).padStart(2, "0");
    return day.getFullYear() + "-" + month + "-" + String(day.getDate()).padStart(2, "0");
  }
  function showFinish() {
    var weeks = parseInt(finish.getAttribute("data-finish-weeks"), 10);
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start.value);
    if (!parts || !(weeks > 0)) { finish.hidden = true; return; }
    var first = new Date(+parts[1], +parts[2] - 1, +parts[3]);
    var last = new Date(first.getFullYear(), first.getMonth(), first.getDate() + weeks * 7 - 1);
    var format = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
    var lang = document.documentElement.lang || undefined;
    finish.textContent = "Starting on " + first.toLocaleDateString(lang, format) +
      ", you would finish around " + last.toLocaleDateString(lang, format) + ".";
    finish.hidden = false;
  }
  if (finish && start) {
    var today = new Date();
    // Next Monday, as the calendar file takes it when no date is given.
    start.value = isoDate(new Date(today.getFullYear(), today.getMonth(),
      today.getDate() + 7 - ((today.getDay() + 6) % 7)));
    start.addEventListener("input", showFinish);
    showFinish();
  }

  if (!items.length) { return; }

  load().forEach(function (key) { if (KEY.test(key)) { ticked[key] = true; } });
  var boxes = [];
  items.forEach(function (item) {
    var key = item.getAttribute("data-progress");
    var box = document.createElement("input");
    var label = document.createElement("label");
    box.type = "checkbox";
    box.id = "progress-" + key;
    box.setAttribute("data-key", key);
    label.htmlFor = box.id;
    while (item.firstChild) { label.appendChild(item.firstChild); }
    item.appendChild(box);
    item.appendChild(label);
    item.classList.add("progress-item");
    known[key] = true;
    boxes.push(box);
  });

  var panel = document.querySelector("[data-progress-panel]");
  var total = document.querySelector("[data-progress-total]");
  var status = document.querySelector("[data-progress-status]");
  var linkField = document.querySelector("[data-progress-link]");
  var link = linkField && linkField.querySelector("input");
  var groups = [];
  document.querySelectorAll("[data-checklist]").forEach(function (list) {
    var count = document.createElement("p");
    count.className = "progress-count";
    list.parentNode.insertBefore(count, list.nextSibling);
    groups.push({ count: count, boxes: Array.prototype.slice.call(list.querySelectorAll("input")) });
  });
  function show() {
    boxes.forEach(function (box) { box.checked = !!ticked[box.getAttribute("data-key")]; });
    groups.forEach(function (group) { group.count.textContent = done(group.boxes); });
    if (total) { total.textContent = done(boxes) + " in this guide"; }
  }
  function say(message) { if (status) { status.textContent = message; } }

  // A progress link adds its ticks to those already here, then leaves the address.
  function openLink() {
    var shared = /^#progress=(.*)$/.exec(window.location.hash);
    if (!shared) { return; }
    var added = 0;
    shared[1].split(",").forEach(function (key) {
      if (KEY.test(key) && known[key] && !ticked[key]) { ticked[key] = true; added += 1; }
    });
    save();
    show();
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    say(added === 1 ? "1 tick from your progress link was added." :
      added + " ticks from your progress link were added.");
  }
  openLink();
  window.addEventListener("hashchange", openLink);

  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      ticked[box.getAttribute("data-key")] = box.checked;
      save();
      show();
    });
  });
  show();
  if (!panel) { return; }
  panel.hidden = false;

  panel.querySelector("[data-progress-reset]").addEventListener("click", function () {
    if (!window.confirm("Untick every task and action of this guide in this browser?")) { return; }
    ticked = Object.create(null);
    save();
    show();
    say("Your progress on this guide was reset.");
  });
  panel.querySelector("[data-progress-copy]").addEventListener("click", function () {
    var address = window.location.origin + window.location.pathname + window.location.search +
      "#progress=" + tickedKeys().join(",");
    link.value = address;
    linkField.hidden = false;
    function byHand() {
      say("Copy the link below to open your progress in another browser.");
      link.focus();
      link.select();
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(address).then(function () {
        say("Link copied. Open it in another browser to bring your ticks there.");
      }, byHand);
    } else {
      byHand();
    }
  });
})();
