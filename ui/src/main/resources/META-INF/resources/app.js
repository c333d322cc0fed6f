// Newsdesk reader: latest articles, an article with its related coverage, a source, a tag, and
// search, all from the GraphQL API. Plain browser JavaScript, no build step.
//
// Routes (in the URL's fragment, so the server serves one page):
//   #/                  latest articles          #/article/ID     one article, related coverage
//   #/source/SLUG       a source's articles      #/tag/NAME       a tag's articles
//   #/search?q=WORDS    search results           #/sources        every source
//
// Text from the API is only ever set with textContent; the two fields that carry HTML (article
// content, search highlights) are rebuilt element by element from an allow-list, on top of the
// server's own sanitizing.
"use strict";

(function () {
  const ENDPOINT = "/graphql";
  const TIMEOUT_MS = 15000;
  const PAGE_SIZE = 20;

  const LIST_FIELDS =
    "id title summary publishedAt credit imageUrl source { name slug }";
  const PAGE_INFO = "pageInfo { hasNextPage endCursor }";

  const QUERIES = {
    latest: `query Latest($after: String) {
      articles(first: ${PAGE_SIZE}, after: $after) {
        totalCount edges { node { ${LIST_FIELDS} } } ${PAGE_INFO} } }`,
    sidebar: `query Sidebar {
      sources(first: 100) { edges { node { slug name } } }
      tags(first: 15) { name articleCount } }`,
    article: `query Article($id: ID!) {
      article(id: $id) {
        id url title content summary byline credit imageUrl imageCaption publishedAt updatedAt
        language tags source { name slug homepage }
        related(first: 5) { score reasons { code label }
          article { id title publishedAt source { name slug } } } } }`,
    source: `query Source($slug: String!, $after: String) {
      source(slug: $slug) { name slug homepage kind language
        articles(first: ${PAGE_SIZE}, after: $after) {
          totalCount edges { node { ${LIST_FIELDS} } } ${PAGE_INFO} } } }`,
    tag: `query Tag($name: String!, $after: String) {
      tag(name: $name) { name articleCount
        articles(first: ${PAGE_SIZE}, after: $after) {
          edges { node { ${LIST_FIELDS} } } ${PAGE_INFO} } } }`,
    search: `query Search($query: String!, $after: String) {
      search(query: $query, first: ${PAGE_SIZE}, after: $after) {
        edges { node { highlights article { ${LIST_FIELDS} } } } ${PAGE_INFO} } }`,
    sources: `query Sources($after: String) {
      sources(first: 100, after: $after) {
        edges { node { slug name homepage kind language } } ${PAGE_INFO} } }`,
  };

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

  const $ = (selector) => document.querySelector(`[data-test="${selector}"]`);
  const view = $("view");
  const title = $("page-title");
  const subtitle = $("page-subtitle");
  const status = $("status");
  const errorBox = $("error");
  const errorMessage = $("error-message");
  const retryButton = $("retry");
  const sidebar = $("sidebar");
  const searchForm = $("search-form");
  const searchInput = $("search-input");
  const template = document.getElementById("article-template");

  /** Bumped on every navigation: answers to an older route are dropped. */
  let generation = 0;
  let retry = () => route();

  // ------------------------------------------------------------------ the API

  class ApiError extends Error {
    constructor(message, code) {
      super(message);
      this.code = code;
    }
  }

  async function graphql(query, variables) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(ENDPOINT, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ query, variables: variables || {} }),
        signal: controller.signal,
      });
      let payload = null;
      try {
        payload = await response.json();
      } catch (e) {
        payload = null;
      }
      if (payload && Array.isArray(payload.errors) && payload.errors.length > 0) {
        const first = payload.errors[0] || {};
        throw new ApiError(
          payload.errors.map((err) => err.message || "Unknown error").join("; "),
          first.extensions && first.extensions.code,
        );
      }
      if (!response.ok || !payload || !payload.data) {
        throw new ApiError("The server answered " + response.status + ".", "HTTP");
      }
      return payload.data;
    } catch (e) {
      if (e.name === "AbortError") {
        throw new ApiError("The server took too long to answer.", "TIMEOUT");
      }
      if (e instanceof TypeError) {
        throw new ApiError("The server could not be reached.", "NETWORK");
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  // ------------------------------------------------------------------ safe rendering

  /** The URL when it is an absolute http(s) URL, else null (no javascript: or data: links). */
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

  /** Plain text of a value that may contain HTML (DOMParser builds an inert document). */
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

  const CONTENT_TAGS = new Set([
    "p", "br", "a", "strong", "b", "em", "i", "u", "s", "small", "sub", "sup", "mark", "cite",
    "q", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "h2", "h3", "h4", "h5", "h6", "figure",
    "figcaption", "img", "picture", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "pre", "code", "span", "hr", "abbr", "time",
  ]);
  const DROPPED_TAGS = new Set([
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "select",
    "textarea", "link", "meta", "base", "svg", "math", "template", "noscript", "frame", "frameset",
  ]);
  const ATTRIBUTES = { a: ["href", "title"], img: ["src", "alt", "width", "height"],
    td: ["colspan", "rowspan"], th: ["colspan", "rowspan", "scope"], abbr: ["title"],
    time: ["datetime"], ol: ["start"], blockquote: [], q: [] };

  /**
   * Rebuilds HTML from an allow-list into a fragment: unknown elements give their children,
   * dangerous ones vanish, attributes are copied only when listed and URLs only when http(s).
   */
  function safeFragment(html, allowed) {
    const doc = new DOMParser().parseFromString(html || "", "text/html");
    const out = document.createDocumentFragment();
    const copy = (from, to) => {
      for (const node of from.childNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          to.appendChild(document.createTextNode(node.nodeValue));
          continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) {
          continue;
        }
        let tag = node.localName;
        if (DROPPED_TAGS.has(tag)) {
          continue;
        }
        if (tag === "h1") {
          tag = "h2";
        }
        if (!allowed.has(tag)) {
          copy(node, to);
          continue;
        }
        const element = document.createElement(tag);
        for (const name of ATTRIBUTES[tag] || []) {
          const value = node.getAttribute(name);
          if (value == null) {
            continue;
          }
          if (name === "href" || name === "src") {
            const url = safeHttpUrl(value);
            if (url) {
              element.setAttribute(name, url);
            }
          } else {
            element.setAttribute(name, value);
          }
        }
        if (tag === "a") {
          element.rel = "noopener noreferrer nofollow";
        }
        if (tag === "img") {
          if (!element.hasAttribute("src")) {
            continue;
          }
          element.loading = "lazy";
          element.referrerPolicy = "no-referrer";
        }
        copy(node, element);
        to.appendChild(element);
      }
    };
    copy(doc.body, out);
    return out;
  }

  const MARK_ONLY = new Set(["mark"]);

  function formatDate(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  }

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value == null) {
        continue;
      }
      if (name === "dataset") {
        Object.assign(element.dataset, value);
      } else {
        element.setAttribute(name, value);
      }
    }
    for (const child of children) {
      if (child != null && child !== "") {
        element.append(child);
      }
    }
    return element;
  }

  function setOptionalText(element, text) {
    element.textContent = text || "";
    element.hidden = !text;
  }

  const articleHref = (id) => "#/article/" + encodeURIComponent(id);
  const sourceHref = (slug) => "#/source/" + encodeURIComponent(slug);
  const tagHref = (name) => "#/tag/" + encodeURIComponent(name);

  function timeElement(iso, test) {
    if (!iso) {
      return null;
    }
    return el("time", { datetime: iso, "data-test": test }, formatDate(iso));
  }

  function renderListItem(node, highlights) {
    const item = template.content.firstElementChild.cloneNode(true);
    item.dataset.id = String(node.id);

    const link = item.querySelector('[data-test="article-title"]');
    link.textContent = node.title || "(untitled)";
    link.href = articleHref(node.id);

    const source = node.source || {};
    const sourceLink = item.querySelector('[data-test="article-source"]');
    sourceLink.textContent = source.name || source.slug || "";
    if (source.slug) {
      sourceLink.href = sourceHref(source.slug);
      sourceLink.dataset.slug = source.slug;
    }

    const time = item.querySelector('[data-test="article-date"]');
    if (node.publishedAt) {
      time.dateTime = node.publishedAt;
      time.textContent = formatDate(node.publishedAt);
      time.hidden = false;
    }

    const highlight = item.querySelector('[data-test="article-highlight"]');
    if (highlights && highlights.length > 0) {
      highlights.slice(0, 2).forEach((h, i) => {
        if (i > 0) {
          highlight.append(" … ");
        }
        highlight.append(safeFragment(h, MARK_ONLY));
      });
      highlight.hidden = false;
    } else {
      setOptionalText(item.querySelector('[data-test="article-summary"]'), plainText(node.summary));
    }
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

  // ------------------------------------------------------------------ page frame

  function setPage(heading, sub, showSidebar) {
    title.textContent = heading;
    setOptionalText(subtitle, sub);
    sidebar.hidden = !showSidebar;
    document.title = heading === "Latest articles" ? "Newsdesk" : heading + " — Newsdesk";
  }

  function showError(e) {
    const notFound = e && e.code === "NOT_FOUND";
    errorMessage.textContent = notFound
      ? e.message
      : "Could not load this page. " + (e && e.message ? e.message : "");
    errorBox.hidden = false;
    status.textContent = "";
    document.body.dataset.state = "error";
  }

  /**
   * Runs one page load: clears the frame, fetches, renders, and reports errors with a retry that
   * repeats the same load. Answers that arrive after the reader moved on are dropped.
   */
  async function load(message, work) {
    const mine = ++generation;
    retry = () => load(message, work);
    errorBox.hidden = true;
    retryButton.disabled = true;
    status.textContent = message;
    document.body.dataset.state = "loading";
    view.setAttribute("aria-busy", "true");
    try {
      await work(() => mine === generation);
      if (mine === generation) {
        document.body.dataset.state = "loaded";
      }
    } catch (e) {
      if (mine === generation) {
        showError(e);
      }
    } finally {
      view.setAttribute("aria-busy", "false");
      retryButton.disabled = false;
    }
  }

  /**
   * A paged article list: renders the first page and a "More" button that appends the next one.
   * {@code fetchPage(after)} answers {edges, pageInfo} with each edge's node an article or a hit.
   */
  function pagedList(fetchPage, toItem, emptyText, current) {
    const list = el("ol", { class: "articles", "data-test": "articles" });
    const more = el("button", { type: "button", class: "button more", "data-test": "more" }, "More articles");
    more.hidden = true;
    let cursor = null;
    const countStatus = () => {
      const n = list.children.length;
      status.textContent = n === 0 ? emptyText : n === 1 ? "1 article." : n + " articles.";
    };
    const next = async () => {
      more.disabled = true;
      const page = await fetchPage(cursor);
      if (!current()) {
        return;
      }
      list.append(...page.edges.map((edge) => toItem(edge.node)));
      cursor = page.pageInfo.endCursor;
      more.hidden = !page.pageInfo.hasNextPage;
      more.disabled = false;
      countStatus();
    };
    more.addEventListener("click", () => {
      status.textContent = "Loading more…";
      next().catch(showError);
    });
    view.replaceChildren(list, more);
    return next();
  }

  // ------------------------------------------------------------------ views

  function homeView() {
    setPage("Latest articles", "", true);
    loadSidebar();
    return load("Loading the latest articles…", (current) =>
      pagedList(
        async (after) => (await graphql(QUERIES.latest, { after })).articles,
        (node) => renderListItem(node),
        "No articles yet.",
        current,
      ));
  }

  let sidebarLoaded = false;

  function loadSidebar() {
    if (sidebarLoaded) {
      return;
    }
    graphql(QUERIES.sidebar)
      .then((data) => {
        sidebarLoaded = true;
        $("sidebar-sources").replaceChildren(
          ...data.sources.edges.map(({ node }) =>
            el("li", null, el("a", { class: "chip", href: sourceHref(node.slug), "data-test": "sidebar-source" }, node.name))));
        $("sidebar-tags").replaceChildren(
          ...data.tags.map((tag) =>
            el("li", null, el("a", { class: "chip", href: tagHref(tag.name), "data-test": "sidebar-tag" },
              tag.name, el("span", { class: "chip__count" }, String(tag.articleCount))))));
      })
      .catch(() => {
        // The sidebar is a convenience: the page works without it.
      });
  }

  function articleView(id) {
    setPage("Article", "", false);
    return load("Loading the article…", async (current) => {
      const data = await graphql(QUERIES.article, { id });
      if (!current()) {
        return;
      }
      const a = data.article;
      if (!a) {
        throw new ApiError("There is no article " + id + ".", "NOT_FOUND");
      }
      setPage(a.title || "(untitled)", "", false);
      const source = a.source || {};
      const meta = el("p", { class: "article-page__meta", "data-test": "article-meta" },
        el("a", { href: sourceHref(source.slug), "data-test": "article-source" }, source.name || source.slug),
        a.publishedAt ? " · " : "", timeElement(a.publishedAt, "article-date"),
        a.byline ? " · by " : "", a.byline ? el("span", { "data-test": "article-byline" }, plainText(a.byline)) : null);

      const parts = [meta];
      const imageUrl = safeHttpUrl(a.imageUrl);
      const caption = plainText(a.imageCaption);
      if (imageUrl || caption) {
        const figure = el("figure", { class: "article-page__figure", "data-test": "article-figure" });
        if (imageUrl) {
          const img = el("img", { src: imageUrl, alt: caption, referrerpolicy: "no-referrer", loading: "lazy" });
          img.addEventListener("error", () => img.remove(), { once: true });
          figure.append(img);
        }
        if (caption) {
          figure.append(el("figcaption", { "data-test": "article-caption" }, caption));
        }
        parts.push(figure);
      }
      const body = el("div", { class: "article-page__content", "data-test": "article-content" });
      body.append(safeFragment(a.content || a.summary || "", CONTENT_TAGS));
      parts.push(body);
      const credit = plainText(a.credit);
      if (credit) {
        parts.push(el("p", { class: "article__credit", "data-test": "article-credit" }, "Credit: " + credit));
      }
      if (a.tags && a.tags.length > 0) {
        parts.push(el("ul", { class: "chips", "data-test": "article-tags", "aria-label": "Tags" },
          ...a.tags.map((t) => el("li", null, el("a", { class: "chip", href: tagHref(t), "data-test": "article-tag" }, t)))));
      }
      const original = safeHttpUrl(a.url);
      if (original) {
        parts.push(el("p", null, el("a", { href: original, rel: "noopener noreferrer", "data-test": "article-original" },
          "Read it at " + new URL(original).host)));
      }
      parts.push(relatedSection(a.related || []));
      view.replaceChildren(el("article", { class: "article-page", "data-test": "article-page" }, ...parts));
      status.textContent = "";
    });
  }

  function relatedSection(related) {
    const section = el("section", { class: "related", "aria-labelledby": "related-title", "data-test": "related" },
      el("h2", { id: "related-title" }, "Related coverage"));
    if (related.length === 0) {
      section.append(el("p", { class: "status", "data-test": "related-empty" }, "No related coverage yet."));
      return section;
    }
    section.append(el("ol", { class: "related__list" }, ...related.map((r) => {
      const other = r.article;
      const source = other.source || {};
      return el("li", { class: "related__item", "data-test": "related-article", dataset: { id: String(other.id) } },
        el("a", { href: articleHref(other.id), "data-test": "related-title" }, other.title || "(untitled)"),
        el("p", { class: "article__meta" },
          el("a", { href: sourceHref(source.slug) }, source.name || source.slug),
          other.publishedAt ? " · " : "", timeElement(other.publishedAt, "related-date")),
        el("p", { class: "related__reasons", "data-test": "related-reasons" },
          (r.reasons || []).map((reason) => reason.label).join(" · ")));
    })));
    return section;
  }

  function sourceView(slug) {
    setPage(slug, "", false);
    return load("Loading the source…", (current) =>
      pagedList(
        async (after) => {
          const s = (await graphql(QUERIES.source, { slug, after })).source;
          if (!s) {
            throw new ApiError("There is no source " + slug + ".", "NOT_FOUND");
          }
          if (current()) {
            const home = safeHttpUrl(s.homepage);
            setPage(s.name, [home ? new URL(home).host : s.slug, s.kind, s.language]
              .filter(Boolean).join(" · ") + " · " + s.articles.totalCount + " articles", false);
          }
          return s.articles;
        },
        (node) => renderListItem(node),
        "This source has no articles yet.",
        current,
      ));
  }

  function tagView(name) {
    setPage("Tag: " + name, "", false);
    return load("Loading the tag…", (current) =>
      pagedList(
        async (after) => {
          const t = (await graphql(QUERIES.tag, { name, after })).tag;
          if (!t) {
            throw new ApiError("No article is tagged " + name + ".", "NOT_FOUND");
          }
          if (current()) {
            setPage("Tag: " + t.name, t.articleCount + " articles", false);
          }
          return t.articles;
        },
        (node) => renderListItem(node),
        "No articles.",
        current,
      ));
  }

  function searchView(query) {
    searchInput.value = query;
    setPage("Search: " + query, "", false);
    if (query.trim() === "") {
      setPage("Search", "Type words, \"a phrase\", or -an exclusion.", false);
      view.replaceChildren();
      status.textContent = "";
      document.body.dataset.state = "loaded";
      return Promise.resolve();
    }
    return load("Searching…", (current) =>
      pagedList(
        async (after) => {
          const page = (await graphql(QUERIES.search, { query, after })).search;
          return { pageInfo: page.pageInfo, edges: page.edges.map((e) => ({ node: e.node })) };
        },
        (hit) => renderListItem(hit.article, hit.highlights),
        "Nothing matches.",
        current,
      ));
  }

  function sourcesView() {
    setPage("Sources", "", false);
    return load("Loading the sources…", async (current) => {
      const list = el("ul", { class: "sources", "data-test": "sources" });
      let after = null;
      do {
        const page = (await graphql(QUERIES.sources, { after })).sources;
        if (!current()) {
          return;
        }
        list.append(...page.edges.map(({ node }) => {
          const home = safeHttpUrl(node.homepage);
          return el("li", { class: "sources__item", "data-test": "source" },
            el("a", { href: sourceHref(node.slug), "data-test": "source-link" }, node.name),
            el("span", { class: "article__meta" },
              " " + [home ? new URL(home).host : node.slug, node.kind, node.language].filter(Boolean).join(" · ")));
        }));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      view.replaceChildren(list);
      status.textContent = list.children.length + " sources.";
    });
  }

  // ------------------------------------------------------------------ routing

  function route() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, queryString] = hash.split("?");
    const parts = path.split("/").filter(Boolean).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (e) {
        return p;
      }
    });
    window.scrollTo(0, 0);
    switch (parts[0]) {
      case "article":
        return articleView(parts[1] || "");
      case "source":
        return sourceView(parts[1] || "");
      case "tag":
        return tagView(parts.slice(1).join("/"));
      case "search":
        return searchView(new URLSearchParams(queryString || "").get("q") || "");
      case "sources":
        return sourcesView();
      default:
        return homeView();
    }
  }

  window.addEventListener("hashchange", () => {
    route();
    // Move focus to the new page for keyboard and screen-reader users.
    title.setAttribute("tabindex", "-1");
    title.focus({ preventScroll: true });
  });

  // The fragment holds the route, so the skip link moves focus instead of changing it.
  document.querySelector("[data-skip]").addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("main").focus();
  });

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = searchInput.value.trim();
    if (q) {
      location.hash = "#/search?q=" + encodeURIComponent(q);
    }
  });

  retryButton.addEventListener("click", () => retry());
  route();
})();
