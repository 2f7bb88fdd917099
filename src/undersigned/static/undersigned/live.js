// Keeps the endorsement numbers of a statement page fresh (templates/endorsements/_numbers.html).
// Plain script, loaded with defer; defines no globals. Without it the page shows the numbers
// as of page load, so nothing here is required.
(() => {
  "use strict";

  const VISIBLE_MS = 10000;
  const HIDDEN_MS = 60000; // a background tab still notices news, at a sixth of the load

  function watch(root) {
    const url = root.dataset.statsUrl;
    const count = root.querySelector("[data-live-confirmed]");
    const time = root.querySelector("[data-live-time]");
    const countries = root.querySelector("[data-live-countries]");
    const pictures = Array.from(root.querySelectorAll("img[data-live-picture]"), (img) => ({
      img,
      base: img.getAttribute("src").split("?")[0],
    }));
    let confirmed = Number(root.dataset.confirmed);
    let timer = 0;
    let busy = false;

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(poll, document.visibilityState === "hidden" ? HIDDEN_MS : VISIBLE_MS);
    }

    async function poll() {
      if (busy) return;
      busy = true;
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (response.ok) update(await response.json());
      } catch (error) {
        // Offline or the server is busy: keep what is shown and try again later.
      } finally {
        busy = false;
        schedule();
      }
    }

    function update(data) {
      if (time) {
        time.dateTime = data.computed_at;
        time.textContent = data.computed_at_display;
      }
      if (data.confirmed === confirmed) return; // nothing new: spare the pictures a reload
      confirmed = data.confirmed;
      if (count) count.textContent = data.confirmed_display;
      const stamp = encodeURIComponent(data.computed_at);
      for (const { img, base } of pictures) img.src = `${base}?t=${stamp}`;
      if (countries) fillCountries(data.top_countries || []);
    }

    // textContent only: names come from the server, but never as markup.
    function fillCountries(rows) {
      const body = rows.map((row) => {
        const tr = document.createElement("tr");
        const th = document.createElement("th");
        th.scope = "row";
        th.textContent = row.name;
        const td = document.createElement("td");
        td.textContent = row.count_display;
        tr.append(th, td);
        return tr;
      });
      if (!body.length) {
        const tr = document.createElement("tr");
        const td = document.createElement("td");
        td.colSpan = 2;
        td.textContent = countries.dataset.emptyText || "";
        tr.append(td);
        body.push(tr);
      }
      countries.replaceChildren(...body);
    }

    document.addEventListener("visibilitychange", () => {
      // Back in view: catch up at once rather than after up to a minute.
      if (document.visibilityState === "visible") poll();
      else schedule();
    });
    schedule();
  }

  document.querySelectorAll("[data-live-stats][data-stats-url]").forEach(watch);
})();
