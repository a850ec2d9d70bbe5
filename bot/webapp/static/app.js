// The training page: signs in (Telegram initData, or a one-time link), then shows the
// week, the next session, each lift's curve, Zone 2 weeks and the sessions, which can be
// corrected. Plain JS, no build step; every value is put in with textContent.
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var hash = new URLSearchParams(location.hash.slice(1));
  var TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-web-app.js";
  var liftChart = null;
  var overview = null;
  var chosenLift = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function fmt(value) {
    return (Math.round(value * 100) / 100).toString();
  }

  function pct(fraction) {
    return Math.max(0, Math.min(1, fraction)) * 100 + "%";
  }

  // Inside Telegram every call carries initData too: in Telegram's web client the page is
  // in a frame, where the browser may keep the session cookie back.
  var authorization = null;

  function api(path, body) {
    var init = { credentials: "same-origin", headers: {} };
    if (authorization) init.headers.Authorization = authorization;
    if (body !== undefined) {
      init.method = "POST";
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || response.statusText);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  // Telegram opens a Mini App with tgWebAppData in the fragment; only then is its script
  // fetched (from telegram.org, as Telegram asks). Elsewhere the page is a normal page.
  function telegram() {
    if (window.Telegram && window.Telegram.WebApp) return Promise.resolve(window.Telegram.WebApp);
    if (!hash.has("tgWebAppData")) return Promise.resolve(null);
    return new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = TELEGRAM_SCRIPT;
      script.onload = function () { resolve((window.Telegram && window.Telegram.WebApp) || null); };
      script.onerror = function () { resolve(null); };
      document.head.appendChild(script);
      setTimeout(function () { resolve(null); }, 4000);
    });
  }

  function theme(params) {
    var root = document.documentElement.style;
    Object.keys(params || {}).forEach(function (key) {
      root.setProperty("--tg-theme-" + key.replace(/_/g, "-"), params[key]);
    });
  }

  function signIn() {
    return telegram().then(function (tg) {
      var fromHash = hash.get("tgWebAppThemeParams");
      if (tg) {
        tg.ready();
        if (tg.expand) tg.expand();
        theme(tg.themeParams);
        if (tg.onEvent) tg.onEvent("themeChanged", function () { theme(tg.themeParams); redraw(); });
      } else if (fromHash) {
        try { theme(JSON.parse(fromHash)); } catch (e) { /* no theme then */ }
      }
      var initData = (tg && tg.initData) || hash.get("tgWebAppData");
      if (initData) {
        authorization = "tma " + initData;
        return api("api/session", { initData: initData });
      }
      var link = hash.get("t");
      if (link) {
        history.replaceState(null, "", location.pathname); // the link is spent: don't keep it
        return api("api/session", { link: link });
      }
      return null; // maybe a session from before
    });
  }

  function renderWeek(week) {
    $("week-range").textContent = week.week_start + " – " + week.week_end;
    var box = $("dose");
    box.replaceChildren();
    week.lines.forEach(function (line) {
      var top = Math.max(line.high * 1.5, line.value, 1);
      var row = el("div", "dose-line " + line.status);
      row.dataset.key = line.key;
      var label = el("div", "dose-label");
      label.append(
        el("span", null, line.label),
        el("b", null, fmt(line.value) + " of " + fmt(line.low) + "–" + fmt(line.high))
      );
      var bar = el("div", "bar");
      bar.setAttribute("role", "img");
      bar.setAttribute("aria-label", line.label + ": " + fmt(line.value) + ", " + line.status);
      var band = el("div", "band");
      band.style.left = pct(line.low / top);
      band.style.width = pct((line.high - line.low) / top);
      var fill = el("div", "fill");
      fill.style.width = pct(line.value / top);
      bar.append(band, fill);
      row.append(label, bar);
      box.append(row);
    });
    $("week").hidden = false;
  }

  function renderPlan(text) {
    $("plan-text").textContent = text || "Nothing planned yet: log a lift like “squat 3x8 100kg”.";
    $("plan").hidden = false;
  }

  function cssColor(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
  }

  function day(iso) {
    return Date.parse(iso + "T12:00:00Z") / 1000;
  }

  function drawLift(series) {
    var box = $("lift-chart");
    if (liftChart) { liftChart.destroy(); liftChart = null; }
    box.replaceChildren();
    var xs = series.points.map(function (p) { return day(p.day); });
    var main = series.points.map(function (p) { return series.bodyweight ? p.best_reps : p.e1rm; });
    var top = series.points.map(function (p) { return series.bodyweight ? null : p.top; });
    var next = series.points.map(function () { return null; });
    if (series.next_day && series.next_load !== null && !series.bodyweight) {
      xs.push(day(series.next_day));
      main.push(null);
      top.push(null);
      next.push(series.next_load);
    }
    var unit = series.bodyweight ? "reps" : series.unit;
    $("lift-note").textContent = series.bodyweight
      ? "Best reps per session."
      : "Estimated max and top load per session, " + unit +
        (series.next_load !== null ? "; next load " + fmt(series.next_load) + " " + unit + " (dot)." : ".");
    if (typeof uPlot === "undefined") return;
    var text = cssColor("--text");
    var grid = cssColor("--hint") + "40";
    var axis = { stroke: text, grid: { stroke: grid }, ticks: { stroke: grid } };
    var dot = function (color, size) { return { show: true, size: size, fill: color, stroke: color }; };
    var opts = {
      width: Math.max(box.clientWidth, 260),
      height: 220,
      scales: { x: { time: true } },
      axes: [axis, Object.assign({}, axis, { size: 44 })],
      legend: { show: true },
      series: [
        {},
        { label: series.bodyweight ? "Best reps" : "Est. max", stroke: cssColor("--accent"), width: 2, points: dot(cssColor("--accent"), 5), spanGaps: true },
        { label: "Top load", stroke: cssColor("--hint"), width: 2, points: dot(cssColor("--hint"), 5), spanGaps: true, show: !series.bodyweight },
        { label: "Next", stroke: cssColor("--met"), width: 0, points: dot(cssColor("--met"), 11), paths: function () { return null; } },
      ],
    };
    liftChart = new uPlot(opts, [xs, main, top, next], box);
  }

  function renderLifts(lifts) {
    var picker = $("lift-picker");
    picker.replaceChildren();
    if (!lifts.length) { $("lifts").hidden = true; return; }
    chosenLift = Math.min(chosenLift, lifts.length - 1);
    lifts.forEach(function (series, index) {
      var chip = el("button", null, series.name);
      chip.type = "button";
      chip.setAttribute("role", "tab");
      chip.setAttribute("aria-selected", index === chosenLift ? "true" : "false");
      chip.addEventListener("click", function () {
        chosenLift = index;
        picker.querySelectorAll("button").forEach(function (b, i) {
          b.setAttribute("aria-selected", i === index ? "true" : "false");
        });
        drawLift(series);
      });
      picker.append(chip);
    });
    $("lifts").hidden = false;
    drawLift(lifts[chosenLift]);
  }

  function renderZone2(weeks, target) {
    var box = $("zone2-bars");
    box.replaceChildren();
    var top = Math.max(target[1], Math.max.apply(null, weeks.map(function (w) { return w.zone2_minutes; })), 1);
    weeks.forEach(function (w) {
      var col = el("div", "week");
      var barEl = el("div", "col" + (w.zone2_minutes >= target[0] ? " met" : ""));
      barEl.style.height = pct(w.zone2_minutes / top);
      barEl.title = w.week_start + ": " + fmt(w.zone2_minutes) + " min";
      col.append(barEl, el("span", null, w.week_start.slice(5)));
      box.append(col);
    });
    var line = el("div", "target");
    line.style.bottom = pct(target[0] / top);
    box.append(line);
    var last = weeks[weeks.length - 1];
    $("zone2-note").textContent = "This week " + fmt(last ? last.zone2_minutes : 0) +
      " min; the target is " + target[0] + "–" + target[1] + " a week (dashed line).";
    $("zone2").hidden = false;
  }

  function loadText(s) {
    if (s.bodyweight && s.weight < 0) return fmt(-s.weight) + " help";
    if (s.bodyweight) return s.weight ? "+" + fmt(s.weight) : "bw";
    return fmt(s.weight);
  }

  function setText(s) {
    return loadText(s) + "×" + s.reps + (s.rpe !== null ? " @" + fmt(s.rpe) : "");
  }

  function editor(card, session, s) {
    card.querySelectorAll(".editor").forEach(function (old) { old.remove(); });
    var form = el("form", "editor");
    var reps = el("input");
    reps.type = "number"; reps.min = "1"; reps.max = "1000"; reps.value = s.reps;
    reps.name = "reps"; reps.setAttribute("aria-label", "reps");
    var weight = el("input");
    var help = s.weight < 0;  // a machine's help: typed as the help, kept as help
    weight.type = "number"; weight.min = "0"; weight.step = "any"; weight.value = help ? -s.weight : s.weight;
    weight.name = "weight"; weight.setAttribute("aria-label", (help ? "help in " : "load in ") + s.unit);
    var save = el("button", "primary", "Save");
    save.type = "submit";
    var remove = el("button", "danger", "Delete set");
    remove.type = "button";
    var cancel = el("button", null, "Cancel");
    cancel.type = "button";
    form.append(
      el("b", null, s.name), reps, el("span", null, "reps"), weight, el("span", null, s.unit + (help ? " help" : "")),
      save, remove, cancel
    );
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send({ message_id: session.message_id, position: s.position, reps: Number(reps.value), weight: Number(weight.value) });
    });
    remove.addEventListener("click", function () {
      send({ message_id: session.message_id, position: s.position, delete: true });
    });
    cancel.addEventListener("click", function () { form.remove(); });
    card.append(form);
    reps.focus();
  }

  function send(body) {
    return api("api/set", body).then(function (answer) {
      toast(answer.reply);
      return load();
    }, function (error) { toast(error.message); });
  }

  function renderSessions(sessions) {
    var box = $("sessions");
    box.replaceChildren();
    if (!sessions.length) box.append(el("p", "sub", "No sessions logged in the past year."));
    sessions.forEach(function (session) {
      var card = el("div", "session");
      card.dataset.message = session.message_id;
      card.append(el("h3", null, session.day));
      var row = null;
      var current = null;
      session.sets.forEach(function (s) {
        if (s.exercise !== current) {
          current = s.exercise;
          row = el("div", "exercise");
          row.append(el("span", "name", s.name + (s.unit ? " (" + s.unit + ")" : "")));
          card.append(row);
        }
        var chip = el("button", "set", setText(s));
        chip.type = "button";
        chip.dataset.position = s.position;
        chip.setAttribute("aria-label", "Correct " + s.name + " " + setText(s));
        chip.addEventListener("click", function () { editor(card, session, s); });
        row.append(chip);
      });
      box.append(card);
    });
    $("history").hidden = false;
  }

  var toastTimer = null;
  function toast(text) {
    var box = $("toast");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.hidden = true; }, 6000);
  }

  function redraw() {
    if (overview) renderLifts(overview.lifts);
  }

  function load() {
    return Promise.all([api("api/overview"), api("api/sessions")]).then(function (answers) {
      overview = answers[0];
      renderWeek(overview.week);
      renderPlan(overview.plan);
      renderLifts(overview.lifts);
      renderZone2(overview.weeks.weeks, overview.zone2_target);
      renderSessions(answers[1].sessions);
      $("status").hidden = true;
      document.body.dataset.ready = "1";
      if (performance.mark && !performance.getEntriesByName("first-view").length) performance.mark("first-view");
    });
  }

  function refused(error) {
    var status = $("status");
    status.hidden = false;
    status.textContent = error.status === 401
      ? "Open this page from the coach: send /app in the chat (or use the app button in Telegram)."
      : error.message;
    document.body.dataset.ready = "refused";
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      if (liftChart) liftChart.setSize({ width: Math.max($("lift-chart").clientWidth, 260), height: 220 });
    }, 100);
  });

  signIn().then(load).catch(refused);
})();
