// Newsdesk reader home page: loads the latest articles from the GraphQL API and lists them.
// Plain browser JavaScript, no build step. Text from the API is only ever set with textContent.
"use strict";

(function () {
  const ENDPOINT = "/graphql";
  const TIMEOUT_MS = 15000;
  const QUERY =
    "{ articles(first: 30) { edges { node { id title url summary publishedAt credit imageUrl source { name slug } } } } }";

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

  const list = document.querySelector('[data-test="articles"]');
  const status = document.querySelector('[data-test="status"]');
  const errorBox = document.querySelector('[data-test="error"]');
  const errorMessage = document.querySelector('[data-test="error-message"]');
  const retryButton = document.querySelector('[data-test="retry"]');
  const template = document.getElementById("article-template");

  /** Returns the URL when it is an absolute http(s) URL, else null (no javascript: or data: links). */
  function safeHttpUrl(value) {
    if (typeof value !== "string" || value === "") {
      return null;
    }
    try {
      const url = new URL(value, document.baseURI);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * Plain text of a summary that may contain HTML. DOMParser builds an inert document: no script
   * runs and nothing is fetched. The result is only ever assigned with textContent.
   */
  function plainText(value) {
    if (typeof value !== "string" || value.trim() === "") {
      return "";
    }
    if (!/[<&]/.test(value)) {
      return value.trim();
    }
    const doc = new DOMParser().parseFromString(value, "text/html");
    return (doc.body.textContent || "").replace(/\s+/g, " ").trim();
  }

  function formatDate(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  }

  /** Sets an element's text and shows it, or hides it when there is no text. */
  function setOptionalText(element, text) {
    element.textContent = text || "";
    element.hidden = !text;
  }

  function renderArticle(node) {
    const item = template.content.firstElementChild.cloneNode(true);
    if (node.id != null) {
      item.dataset.id = String(node.id);
    }

    const title = item.querySelector('[data-test="article-title"]');
    title.textContent = node.title || "(untitled)";
    const href = safeHttpUrl(node.url);
    if (href) {
      title.href = href;
    } else {
      title.removeAttribute("href");
    }

    const source = node.source || {};
    const sourceElement = item.querySelector('[data-test="article-source"]');
    sourceElement.textContent = source.name || source.slug || "";
    if (source.slug) {
      sourceElement.dataset.slug = source.slug;
    }

    const time = item.querySelector('[data-test="article-date"]');
    if (node.publishedAt) {
      time.dateTime = node.publishedAt;
      time.textContent = formatDate(node.publishedAt);
      time.hidden = false;
    }

    setOptionalText(item.querySelector('[data-test="article-summary"]'), plainText(node.summary));
    const credit = plainText(node.credit);
    setOptionalText(item.querySelector('[data-test="article-credit"]'), credit ? "Credit: " + credit : "");

    const imageUrl = safeHttpUrl(node.imageUrl);
    const image = item.querySelector('[data-test="article-image"]');
    if (imageUrl) {
      image.addEventListener("error", () => image.remove(), { once: true });
      image.src = imageUrl;
      image.hidden = false;
    } else {
      image.remove();
    }
    return item;
  }

  function showError(message) {
    errorMessage.textContent = message;
    errorBox.hidden = false;
    status.textContent = "";
  }

  async function fetchArticles() {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(ENDPOINT, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ query: QUERY }),
        signal: controller.signal,
      });
      let payload = null;
      try {
        payload = await response.json();
      } catch (e) {
        payload = null;
      }
      if (payload && Array.isArray(payload.errors) && payload.errors.length > 0) {
        throw new Error(payload.errors.map((err) => err.message || "Unknown error").join("; "));
      }
      if (!response.ok) {
        throw new Error("The server answered " + response.status + " " + response.statusText + ".");
      }
      const connection = payload && payload.data && payload.data.articles;
      if (!connection || !Array.isArray(connection.edges)) {
        throw new Error("The server sent an unexpected answer.");
      }
      return connection.edges.map((edge) => edge && edge.node).filter(Boolean);
    } catch (e) {
      if (e.name === "AbortError") {
        throw new Error("The server took too long to answer.");
      }
      if (e instanceof TypeError) {
        throw new Error("The server could not be reached.");
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  async function load() {
    errorBox.hidden = true;
    retryButton.disabled = true;
    list.setAttribute("aria-busy", "true");
    status.textContent = "Loading the latest articles…";
    try {
      const nodes = await fetchArticles();
      list.replaceChildren(...nodes.map(renderArticle));
      status.textContent =
        nodes.length === 0
          ? "No articles yet."
          : nodes.length === 1
            ? "1 article."
            : nodes.length + " articles.";
      document.body.dataset.state = "loaded";
    } catch (e) {
      showError("Could not load the articles. " + (e && e.message ? e.message : ""));
      document.body.dataset.state = "error";
    } finally {
      list.setAttribute("aria-busy", "false");
      retryButton.disabled = false;
    }
  }

  retryButton.addEventListener("click", load);
  load();
})();
