package org.newsdesk.importer.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The vocabulary of RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and their usual extension modules, as
 * a state machine fed with element events. It knows nothing about how the events are produced (a
 * strict StAX reader or a lenient tree walk) and produces raw, undecoded field values: text
 * constructs with their type and base URI, dates as written.
 */
final class FeedReader {

  /** One attribute of an element, namespace resolved. */
  record Attr(String ns, String local, String qname, String value) {}

  /** Whether a text construct holds plain text, escaped HTML, or inline markup. */
  enum Kind {
    TEXT,
    HTML,
    XHTML
  }

  /** A text field as read: its value, how to read it, and the base for relative URLs in it. */
  record RawText(String value, Kind kind, URI base) {}

  /**
   * A value with the precedence of the element it came from: lower ranks win, and of equal ranks
   * the last one read, as a repeated element corrects an earlier one.
   */
  static final class Slot<T> {
    private T value;
    private int rank = Integer.MAX_VALUE;

    void offer(T candidate, int candidateRank) {
      if (candidate != null && candidateRank <= rank) {
        value = candidate;
        rank = candidateRank;
      }
    }

    T get() {
      return value;
    }
  }

  /** Feed-level values as read. */
  static final class RawFeed {
    final Slot<RawText> title = new Slot<>();
    final Slot<String> link = new Slot<>();
    final Slot<RawText> subtitle = new Slot<>();
    final Slot<String> language = new Slot<>();
    final Slot<String> updated = new Slot<>();
    final Slot<String> author = new Slot<>();
    final Slot<String> imageUrl = new Slot<>();
    final Slot<String> ttl = new Slot<>();
    URI linkBase;
    URI imageBase;
  }

  /** Entry-level values as read. */
  static final class RawEntry {
    final Slot<RawText> title = new Slot<>();
    final Slot<String> link = new Slot<>();
    final Slot<String> id = new Slot<>();
    final Slot<RawText> summary = new Slot<>();
    final Slot<RawText> content = new Slot<>();
    final Slot<String> published = new Slot<>();
    final Slot<String> updated = new Slot<>();
    final Slot<String> author = new Slot<>();
    final Slot<String> byline = new Slot<>();
    final Slot<String> credit = new Slot<>();
    final Slot<String> imageUrl = new Slot<>();
    final Slot<RawText> imageCaption = new Slot<>();
    final List<String> categories = new ArrayList<>();
    final List<Enclosure> enclosures = new ArrayList<>();
    URI base;
    URI linkBase;
    String guidLink;
  }

  private enum Role {
    ROOT,
    FEED,
    ENTRY,
    IMAGE,
    PERSON,
    MEDIA,
    FIELD,
    MARKUP,
    IGNORE
  }

  /** Field targets. */
  private enum Target {
    TITLE,
    LINK,
    ID,
    GUID,
    SUBTITLE,
    SUMMARY,
    CONTENT,
    PUBLISHED,
    UPDATED,
    AUTHOR,
    LANGUAGE,
    CATEGORY,
    TAGS,
    IMAGE_URL,
    CREDIT,
    CAPTION,
    TTL,
    PERSON_NAME,
    PERSON_EMAIL,
    PERSON_URI
  }

  private static final String NS_ATOM10 = "http://www.w3.org/2005/Atom";
  private static final String NS_ATOM03 = "http://purl.org/atom/ns#";
  private static final String NS_XLINK = "http://www.w3.org/1999/xlink";

  /** Namespace URI to the prefix this reader knows it by; the core vocabularies map to "". */
  private static final Map<String, String> NAMESPACES =
      Map.ofEntries(
          Map.entry("", ""),
          Map.entry("http://my.netscape.com/rdf/simple/0.9/", ""),
          Map.entry("http://purl.org/rss/1.0/", ""),
          Map.entry("http://purl.org/net/rss1.1#", ""),
          Map.entry("http://backend.userland.com/rss", ""),
          Map.entry("http://backend.userland.com/rss2", ""),
          Map.entry("http://blogs.law.harvard.edu/tech/rss", ""),
          Map.entry(NS_ATOM10, ""),
          Map.entry(NS_ATOM03, ""),
          Map.entry("http://purl.org/dc/elements/1.1/", "dc"),
          Map.entry("http://purl.org/dc/elements/1.0/", "dc"),
          Map.entry("http://purl.org/dc/terms/", "dcterms"),
          Map.entry("http://purl.org/rss/1.0/modules/content/", "content"),
          Map.entry("http://search.yahoo.com/mrss/", "media"),
          Map.entry("http://search.yahoo.com/mrss", "media"),
          Map.entry("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"),
          Map.entry("http://example.com/dtds/podcast-1.0.dtd", "itunes"),
          Map.entry("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"),
          Map.entry("http://www.w3.org/1999/xhtml", "xhtml"),
          Map.entry("http://www.w3.org/XML/1998/namespace", "xml"));

  /** Prefixes this reader assumes when a lenient document uses them without declaring them. */
  static final Map<String, String> WELL_KNOWN_PREFIXES =
      Map.of(
          "dc", "http://purl.org/dc/elements/1.1/",
          "dcterms", "http://purl.org/dc/terms/",
          "content", "http://purl.org/rss/1.0/modules/content/",
          "media", "http://search.yahoo.com/mrss/",
          "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
          "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
          "atom", NS_ATOM10,
          "xhtml", "http://www.w3.org/1999/xhtml",
          "xml", "http://www.w3.org/XML/1998/namespace");

  private static final Set<String> VOID_ELEMENTS =
      Set.of(
          "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
          "source", "track", "wbr");

  /** Something that looks like markup: an end tag or a character/entity reference. */
  private static final Pattern LOOKS_LIKE_HTML =
      Pattern.compile("</[a-zA-Z][\\w:-]*\\s*>|&#?\\w+;");

  /** Added to the rank of an empty text construct, so that any element with text wins. */
  private static final int EMPTY_RANK = 1000;

  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final int maxEntries;
  private final int maxFieldChars;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final RawFeed feed = new RawFeed();
  private final List<RawEntry> entries = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private DocumentFormat format;
  private boolean atom;
  private boolean atom03;
  private String rootLang;
  private String feedLang;
  private boolean rootClosed;
  private boolean feedSeen;
  private boolean entriesDropped;
  private RawEntry entry;
  private String rootNamespace;

  /** One open element. */
  private static final class Frame {
    final Role role;
    final String key;
    final URI base;
    final String lang;
    Target target;
    int rank;
    Kind kind;
    boolean base64;
    boolean stripDiv;
    StringBuilder text;
    StringBuilder markup;
    Frame owner;
    int children;
    boolean strayText;
    String firstChild;
    int innerStart = -1;
    int innerEnd = -1;
    boolean voidElement;
    boolean topLevel;
    String name;
    String email;
    String uri;
    String mediaUrl;
    boolean mediaImage;

    Frame(Role role, String key, URI base, String lang) {
      this.role = role;
      this.key = key;
      this.base = base;
      this.lang = lang;
    }
  }

  FeedReader(URI documentBase, int maxEntries, int maxFieldChars) {
    this.maxEntries = maxEntries;
    this.maxFieldChars = maxFieldChars;
    stack.push(new Frame(Role.ROOT, "#document", documentBase, null));
  }

  DocumentFormat format() {
    return format;
  }

  RawFeed feed() {
    return feed;
  }

  List<RawEntry> entries() {
    return entries;
  }

  List<String> warnings() {
    return warnings;
  }

  boolean rootClosed() {
    return rootClosed;
  }

  /** Whether a feed-level element (channel, Atom feed) or an entry was seen. */
  boolean hasFeedContent() {
    return feedSeen;
  }

  /** The language of the feed element, for a feed without a language element. */
  String documentLanguage() {
    String lang = feedLang != null ? feedLang : rootLang;
    return lang == null ? null : lang.replace('_', '-');
  }

  static String prefixFor(String ns) {
    String key = ns == null ? "" : ns;
    String known = NAMESPACES.get(key);
    if (known == null) {
      known = NAMESPACES.get(key.toLowerCase(Locale.ROOT));
    }
    return known != null ? known : "{" + ns + "}";
  }

  private String prefixOf(String ns) {
    if (rootNamespace != null && rootNamespace.equals(ns)) {
      return "";
    }
    return prefixFor(ns);
  }

  // ---------------------------------------------------------------- events

  void start(String ns, String local, String prefix, List<Attr> attrs) {
    Frame parent = stack.peek();
    if (stack.size() == 1) {
      String rootKey = prefixFor(ns);
      if (rootKey.startsWith("{") && local.equalsIgnoreCase("feed")) {
        rootNamespace = ns;
      }
    }
    String p = prefixOf(ns);
    String key =
        p.isEmpty() ? local.toLowerCase(Locale.ROOT) : p + ":" + local.toLowerCase(Locale.ROOT);
    URI base = resolveBase(parent.base, attr(attrs, "xml", "base"));
    String lang = attr(attrs, "xml", "lang");
    if (lang == null) {
      lang = parent.lang;
    }
    switch (parent.role) {
      case FIELD, MARKUP -> {
        Frame owner = parent.role == Role.FIELD ? parent : parent.owner;
        if (owner.markup == null) {
          stack.push(new Frame(Role.IGNORE, key, base, lang));
        } else {
          stack.push(openMarkup(parent, owner, local, attrs, base, lang));
        }
        return;
      }
      case IGNORE -> {
        stack.push(new Frame(Role.IGNORE, key, base, lang));
        return;
      }
      default -> {}
    }
    Frame f =
        stack.size() == 1
            ? openRoot(ns, key, attrs, base, lang)
            : open(parent, key, ns, attrs, base, lang);
    feedSeen |= f.role == Role.FEED || f.role == Role.ENTRY;
    stack.push(f);
  }

  void text(String s) {
    Frame top = stack.peek();
    if (top.role == Role.FIELD || top.role == Role.PERSON) {
      if (top.text != null) {
        appendCapped(top.text, s);
      }
      if (top.markup != null) {
        if (top.children > 0 && !s.isBlank()) {
          top.strayText = true;
        }
        escapeText(top.markup, s);
      }
    } else if (top.role == Role.MARKUP) {
      Frame owner = top.owner;
      appendCapped(owner.text, s);
      escapeText(owner.markup, s);
    }
  }

  void end() {
    Frame f = stack.pop();
    switch (f.role) {
      case ROOT -> {
        if (stack.size() == 1) {
          rootClosed = true;
        }
      }
      case FEED -> {
        if (stack.size() == 1) {
          rootClosed = true;
        }
      }
      case ENTRY -> closeEntry();
      case FIELD -> closeField(f);
      case PERSON -> closePerson(f);
      case MEDIA -> closeMedia(f);
      case MARKUP -> closeMarkup(f);
      default -> {}
    }
  }

  // ---------------------------------------------------------------- opening

  private Frame openRoot(String ns, String key, List<Attr> attrs, URI base, String lang) {
    rootLang = lang;
    switch (key) {
      case "rss" -> format = DocumentFormat.RSS;
      case "rdf:rdf" -> format = DocumentFormat.RDF;
      case "channel" -> format = DocumentFormat.RSS;
      case "feed" -> {
        format = DocumentFormat.ATOM;
        atom = true;
        atom03 = NS_ATOM03.equals(ns) || "0.3".equals(attr(attrs, null, "version"));
        feedLang = lang;
        return new Frame(Role.FEED, key, base, lang);
      }
      default -> {
        if (key.endsWith(":rdf") || key.equals("rdf")) {
          format = DocumentFormat.RDF;
        } else {
          return new Frame(Role.IGNORE, key, base, lang);
        }
      }
    }
    if (key.equals("channel")) {
      feedLang = lang;
      cdfAttributes(null, attrs, base);
      return new Frame(Role.FEED, key, base, lang);
    }
    return new Frame(Role.ROOT, key, base, lang);
  }

  private Frame open(Frame parent, String key, String ns, List<Attr> attrs, URI base, String lang) {
    return switch (parent.role) {
      case ROOT -> openInRoot(key, attrs, base, lang);
      case FEED -> openInFeed(key, ns, attrs, base, lang);
      case ENTRY, MEDIA -> openInEntry(parent, key, ns, attrs, base, lang);
      case IMAGE -> {
        if (key.equals("url")) {
          yield field(Target.IMAGE_URL, 0, Kind.TEXT, false, key, base, lang);
        }
        yield new Frame(Role.IGNORE, key, base, lang);
      }
      case PERSON -> openInPerson(key, base, lang);
      default -> new Frame(Role.IGNORE, key, base, lang);
    };
  }

  private Frame openInRoot(String key, List<Attr> attrs, URI base, String lang) {
    switch (key) {
      case "channel", "feed" -> {
        if (feedLang == null) {
          feedLang = lang;
        }
        return new Frame(Role.FEED, key, base, lang);
      }
      case "item", "entry" -> {
        return openEntry(key, attrs, base, lang);
      }
      case "image" -> {
        return new Frame(Role.IMAGE, key, base, lang);
      }
      default -> {
        return new Frame(Role.IGNORE, key, base, lang);
      }
    }
  }

  private Frame openEntry(String key, List<Attr> attrs, URI base, String lang) {
    if (entries.size() >= maxEntries) {
      if (!entriesDropped) {
        entriesDropped = true;
        warnings.add("entries past " + maxEntries + " dropped");
      }
      return new Frame(Role.IGNORE, key, base, lang);
    }
    entry = new RawEntry();
    entry.base = base;
    cdfAttributes(entry, attrs, base);
    String about = attr(attrs, "rdf", "about");
    if (about != null && !about.isBlank()) {
      entry.id.offer(about.strip(), 5);
    }
    return new Frame(Role.ENTRY, key, base, lang);
  }

  /** CDF carries a channel's or item's link and date as {@code HREF} and {@code LASTMOD}. */
  private void cdfAttributes(RawEntry target, List<Attr> attrs, URI base) {
    String href = attr(attrs, null, "href");
    String lastmod = attr(attrs, null, "lastmod");
    if (target == null) {
      if (href != null && !href.isBlank()) {
        feed.link.offer(href.strip(), 3);
        feed.linkBase = base;
      }
      feed.updated.offer(lastmod, 3);
    } else {
      if (href != null && !href.isBlank()) {
        target.link.offer(Urls.resolve(href.strip(), base), 3);
      }
      target.updated.offer(lastmod, 3);
    }
  }

  private Frame openInFeed(String key, String ns, List<Attr> attrs, URI base, String lang) {
    switch (key) {
      case "item", "entry":
        return openEntry(key, attrs, base, lang);
      case "image":
        return new Frame(Role.IMAGE, key, base, lang);
      case "title":
        return textConstruct(Target.TITLE, 0, key, attrs, base, lang, Kind.TEXT);
      case "dc:title":
        return textConstruct(Target.TITLE, 1, key, attrs, base, lang, Kind.TEXT);
      case "link":
        return link(key, attrs, base, lang);
      case "description", "subtitle", "tagline", "abstract":
        return textConstruct(Target.SUBTITLE, 0, key, attrs, base, lang, Kind.HTML);
      case "dc:description":
        return textConstruct(Target.SUBTITLE, 1, key, attrs, base, lang, Kind.HTML);
      case "itunes:subtitle":
        return textConstruct(Target.SUBTITLE, 2, key, attrs, base, lang, Kind.TEXT);
      case "itunes:summary":
        return textConstruct(Target.SUBTITLE, 3, key, attrs, base, lang, Kind.TEXT);
      case "language", "dc:language":
        return field(Target.LANGUAGE, 0, Kind.TEXT, false, key, base, lang);
      case "ttl":
        return field(Target.TTL, 0, Kind.TEXT, false, key, base, lang);
      case "lastbuilddate", "updated", "modified", "dc:date", "dcterms:modified":
        return field(Target.UPDATED, 0, Kind.TEXT, false, key, base, lang);
      case "pubdate", "published", "issued", "dcterms:issued":
        return field(Target.UPDATED, 5, Kind.TEXT, false, key, base, lang);
      case "author":
        return person(0, key, base, lang);
      case "managingeditor", "dc:creator", "dc:author":
        return field(Target.AUTHOR, 1, Kind.TEXT, false, key, base, lang);
      case "itunes:author":
        return field(Target.AUTHOR, 3, Kind.TEXT, false, key, base, lang);
      case "logo":
        return field(Target.IMAGE_URL, 1, Kind.TEXT, false, key, base, lang);
      case "icon":
        return field(Target.IMAGE_URL, 3, Kind.TEXT, false, key, base, lang);
      case "itunes:link":
        if (!"image".equalsIgnoreCase(attr(attrs, null, "rel"))) {
          return new Frame(Role.IGNORE, key, base, lang);
        }
      // an image link: as itunes:image
      case "itunes:image", "media:thumbnail":
        String href = attr(attrs, null, "href");
        if (href == null) {
          href = attr(attrs, null, "url");
        }
        if (href != null && !href.isBlank()) {
          feed.imageUrl.offer(href.strip(), 2);
          if (feed.imageBase == null) {
            feed.imageBase = base;
          }
        }
        return new Frame(Role.IGNORE, key, base, lang);
      default:
        return new Frame(Role.IGNORE, key, base, lang);
    }
  }

  private Frame openInEntry(
      Frame parent, String key, String ns, List<Attr> attrs, URI base, String lang) {
    boolean inMedia = parent.role == Role.MEDIA;
    if (inMedia && !key.startsWith("media:")) {
      return new Frame(Role.IGNORE, key, base, lang);
    }
    switch (key) {
      case "title":
        return textConstruct(Target.TITLE, 0, key, attrs, base, lang, Kind.TEXT);
      case "dc:title":
        return textConstruct(Target.TITLE, 1, key, attrs, base, lang, Kind.TEXT);
      case "link":
        return link(key, attrs, base, lang);
      case "guid":
        Frame guid = field(Target.GUID, 0, Kind.TEXT, false, key, base, lang);
        String permalink = attr(attrs, null, "isPermaLink");
        guid.rank = permalink == null || permalink.strip().equalsIgnoreCase("true") ? 0 : 1;
        return guid;
      case "id":
        return field(Target.ID, 0, Kind.TEXT, false, key, base, lang);
      case "description", "abstract":
        return textConstruct(Target.SUMMARY, 0, key, attrs, base, lang, Kind.HTML);
      case "summary":
        if (!atom && entry.summary.get() != null) {
          return textConstruct(Target.CONTENT, 2, key, attrs, base, lang, Kind.HTML);
        }
        return textConstruct(Target.SUMMARY, 0, key, attrs, base, lang, Kind.HTML);
      case "dc:description":
        return textConstruct(Target.SUMMARY, 1, key, attrs, base, lang, Kind.HTML);
      case "itunes:summary":
        return textConstruct(Target.SUMMARY, 2, key, attrs, base, lang, Kind.TEXT);
      case "content:encoded", "content", "xhtml:body", "body":
        return textConstruct(Target.CONTENT, 0, key, attrs, base, lang, Kind.HTML);
      case "fullitem", "xhtml:div":
        return textConstruct(Target.CONTENT, 1, key, attrs, base, lang, Kind.HTML);
      case "pubdate", "published":
        return field(Target.PUBLISHED, 0, Kind.TEXT, false, key, base, lang);
      case "issued", "dcterms:issued":
        return field(Target.PUBLISHED, 1, Kind.TEXT, false, key, base, lang);
      case "updated", "modified", "dc:date":
        return field(Target.UPDATED, 0, Kind.TEXT, false, key, base, lang);
      case "dcterms:modified":
        return field(Target.UPDATED, 1, Kind.TEXT, false, key, base, lang);
      case "author":
        return person(0, key, base, lang);
      case "dc:creator", "dc:author":
        return field(Target.AUTHOR, 1, Kind.TEXT, false, key, base, lang);
      case "itunes:author":
        return field(Target.AUTHOR, 2, Kind.TEXT, false, key, base, lang);
      case "tags":
        return field(Target.TAGS, 0, Kind.TEXT, false, key, base, lang);
      case "category", "dc:subject", "media:category", "itunes:category":
        String term = attr(attrs, null, key.startsWith("itunes:") ? "text" : "term");
        if (term == null || term.isBlank()) {
          term = attr(attrs, null, "label");
        }
        if (term != null && !term.isBlank()) {
          addCategory(term);
          return new Frame(Role.IGNORE, key, base, lang);
        }
        return field(Target.CATEGORY, 0, Kind.TEXT, false, key, base, lang);
      case "enclosure":
        addEnclosure(attr(attrs, null, "url"), attrs, base);
        return new Frame(Role.IGNORE, key, base, lang);
      case "media:thumbnail":
        String thumb = attr(attrs, null, "url");
        if (thumb != null && !thumb.isBlank()) {
          entry.imageUrl.offer(Urls.resolve(thumb.strip(), base), 0);
        }
        return new Frame(Role.IGNORE, key, base, lang);
      case "media:group":
        return new Frame(Role.MEDIA, key, base, lang);
      case "media:content":
        Frame media = new Frame(Role.MEDIA, key, base, lang);
        String url = attr(attrs, null, "url");
        String medium = attr(attrs, null, "medium");
        String type = attr(attrs, null, "type");
        media.mediaUrl = url == null || url.isBlank() ? null : url.strip();
        media.mediaImage =
            "image".equalsIgnoreCase(medium)
                || (type != null && type.toLowerCase(Locale.ROOT).startsWith("image/"));
        return media;
      case "media:credit":
        return field(Target.CREDIT, 0, Kind.TEXT, false, key, base, lang);
      case "media:description":
        return textConstruct(Target.CAPTION, inMedia ? 0 : 1, key, attrs, base, lang, Kind.TEXT);
      default:
        return new Frame(Role.IGNORE, key, base, lang);
    }
  }

  private Frame openInPerson(String key, URI base, String lang) {
    return switch (key) {
      case "name" -> field(Target.PERSON_NAME, 0, Kind.TEXT, false, key, base, lang);
      case "email" -> field(Target.PERSON_EMAIL, 0, Kind.TEXT, false, key, base, lang);
      case "uri", "url" -> field(Target.PERSON_URI, 0, Kind.TEXT, false, key, base, lang);
      default -> new Frame(Role.IGNORE, key, base, lang);
    };
  }

  private Frame person(int rank, String key, URI base, String lang) {
    Frame f = new Frame(Role.PERSON, key, base, lang);
    f.rank = rank;
    f.text = new StringBuilder();
    return f;
  }

  private Frame field(
      Target target, int rank, Kind kind, boolean markup, String key, URI base, String lang) {
    Frame f = new Frame(Role.FIELD, key, base, lang);
    f.target = target;
    f.rank = rank;
    f.kind = kind;
    f.text = new StringBuilder();
    if (markup) {
      f.markup = new StringBuilder();
    }
    return f;
  }

  /**
   * A text construct: Atom's {@code type} (text, html, xhtml or a MIME type) and Atom 0.3's {@code
   * mode} (xml, escaped, base64) decide how its value reads; RSS elements have no type and use
   * {@code rssKind}, a plain-text default being checked for markup at the end.
   */
  private Frame textConstruct(
      Target target, int rank, String key, List<Attr> attrs, URI base, String lang, Kind rssKind) {
    Kind kind = rssKind;
    boolean base64 = false;
    boolean guess = !atom && rssKind == Kind.TEXT;
    String type = attr(attrs, null, "type");
    String mode = attr(attrs, null, "mode");
    if (atom
        && (key.equals("title")
            || key.equals("subtitle")
            || key.equals("tagline")
            || key.equals("summary")
            || key.equals("content")
            || key.equals("info"))) {
      kind = Kind.TEXT;
      guess = false;
    }
    boolean stripDiv = false;
    if (type != null && !type.isBlank()) {
      Kind declared = kindOfType(type, null);
      if (declared == null && atom && !atom03) {
        // Atom 1.0: any other media type is carried in Base64
        base64 = true;
        guess = true;
      } else if (declared != null) {
        kind = declared;
        guess = false;
        stripDiv = atom && !atom03 && declared != Kind.TEXT;
      }
    }
    if (mode != null) {
      String m = mode.strip().toLowerCase(Locale.ROOT);
      if (m.equals("base64")) {
        base64 = true;
        guess |= type == null;
      } else if (m.equals("escaped") && kind == Kind.XHTML) {
        kind = Kind.HTML;
      }
    }
    Frame f = field(target, rank, kind, true, key, base, lang);
    f.base64 = base64;
    f.stripDiv = stripDiv;
    if (guess) {
      f.kind = null;
    }
    return f;
  }

  private static Kind kindOfType(String type, Kind fallback) {
    String t = type.strip().toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    if (semi >= 0) {
      t = t.substring(0, semi).strip();
    }
    return switch (t) {
      case "text", "text/plain" -> Kind.TEXT;
      case "html", "text/html" -> Kind.HTML;
      case "xhtml", "application/xhtml+xml" -> Kind.XHTML;
      default -> {
        if (t.startsWith("text/")) {
          yield Kind.TEXT;
        }
        if (t.endsWith("+xml") || t.endsWith("/xml")) {
          yield Kind.XHTML;
        }
        yield fallback;
      }
    };
  }

  private Frame link(String key, List<Attr> attrs, URI base, String lang) {
    String href = attr(attrs, null, "href");
    String rel = attr(attrs, null, "rel");
    rel = rel == null ? "alternate" : rel.strip().toLowerCase(Locale.ROOT);
    if (href == null) {
      if (!rel.equals("alternate")) {
        return new Frame(Role.IGNORE, key, base, lang);
      }
      return field(Target.LINK, 0, Kind.TEXT, false, key, base, lang);
    }
    String type = attr(attrs, null, "type");
    boolean html = type == null || kindOfType(type, null) != null;
    href = href.strip();
    if (stack.peek().role == Role.ENTRY) {
      if (rel.equals("alternate")) {
        entry.link.offer(Urls.resolve(href, base), html ? 1 : 2);
      } else if (rel.equals("enclosure")) {
        addEnclosure(href, attrs, base);
      }
    } else if (rel.equals("alternate")) {
      if (feed.link.get() == null || html) {
        feed.link.offer(href, html ? 1 : 2);
        if (feed.linkBase == null) {
          feed.linkBase = base;
        }
      }
    }
    return new Frame(Role.IGNORE, key, base, lang);
  }

  private Frame openMarkup(
      Frame parent, Frame owner, String local, List<Attr> attrs, URI base, String lang) {
    StringBuilder m = owner.markup;
    String name = local.toLowerCase(Locale.ROOT);
    if (parent == owner) {
      owner.children++;
      if (owner.children == 1) {
        owner.firstChild = name;
      }
    }
    m.append('<').append(name);
    for (Attr a : attrs) {
      if ("xmlns".equals(a.local()) && (a.ns() == null || a.ns().isEmpty())
          || a.qname().startsWith("xmlns:")
          || "http://www.w3.org/2000/xmlns/".equals(a.ns())) {
        continue;
      }
      String an =
          "xml".equals(prefixFor(a.ns()))
              ? "xml:" + a.local()
              : NS_XLINK.equals(a.ns()) ? "xlink:" + a.local() : a.local();
      m.append(' ').append(an).append("=\"");
      escapeAttr(m, a.value());
      m.append('"');
    }
    m.append('>');
    Frame f = new Frame(Role.MARKUP, name, base, lang);
    f.owner = owner;
    f.voidElement = VOID_ELEMENTS.contains(name);
    if (parent == owner && owner.children == 1) {
      owner.innerStart = m.length();
    }
    f.topLevel = parent == owner;
    return f;
  }

  private void closeMarkup(Frame f) {
    StringBuilder m = f.owner.markup;
    if (f.topLevel && f.owner.children == 1) {
      f.owner.innerEnd = m.length();
    }
    if (!f.voidElement) {
      m.append("</").append(f.key).append('>');
    }
  }

  // ---------------------------------------------------------------- closing

  private void closeEntry() {
    if (entry != null) {
      entries.add(entry);
      entry = null;
    }
  }

  private void closeField(Frame f) {
    Frame parent = stack.peek();
    if (f.target == Target.PERSON_NAME
        || f.target == Target.PERSON_EMAIL
        || f.target == Target.PERSON_URI) {
      String v = f.text.toString().strip();
      if (parent.role == Role.PERSON && !v.isEmpty()) {
        switch (f.target) {
          case PERSON_NAME -> parent.name = v;
          case PERSON_EMAIL -> parent.email = v;
          default -> parent.uri = v;
        }
      }
      return;
    }
    boolean inEntry = parent.role == Role.ENTRY || parent.role == Role.MEDIA;
    if (inEntry && entry == null) {
      return;
    }
    if (f.markup != null) {
      storeText(f, inEntry);
      return;
    }
    String v = f.text.toString().strip();
    if (v.isEmpty()) {
      return;
    }
    if (inEntry) {
      storeEntryValue(f, v);
    } else {
      storeFeedValue(f, v);
    }
  }

  private void storeEntryValue(Frame f, String v) {
    switch (f.target) {
      case LINK -> {
        entry.link.offer(Urls.resolve(v, f.base), 0);
      }
      case GUID -> {
        entry.id.offer(f.rank == 0 ? resolveId(v, f.base) : v, 0);
        if (f.rank == 0) {
          entry.guidLink = Urls.resolve(v, f.base);
        }
      }
      case ID -> entry.id.offer(resolveId(v, f.base), 0);
      case PUBLISHED -> entry.published.offer(v, f.rank);
      case UPDATED -> entry.updated.offer(v, f.rank);
      case AUTHOR -> entry.author.offer(v, f.rank);
      case CATEGORY -> addCategory(v);
      case TAGS -> {
        // a comma-separated list of tags, as some blog engines write it
        for (String tag : v.split(",")) {
          if (!tag.isBlank()) {
            addCategory(tag);
          }
        }
      }
      case CREDIT -> entry.credit.offer(v, f.rank);
      default -> {}
    }
  }

  private void storeFeedValue(Frame f, String v) {
    switch (f.target) {
      case LINK -> {
        feed.link.offer(v, 0);
        if (feed.linkBase == null || feed.link.get() == v) {
          feed.linkBase = f.base;
        }
      }
      case LANGUAGE -> feed.language.offer(v.replace('_', '-'), f.rank);
      case UPDATED -> feed.updated.offer(v, f.rank);
      case TTL -> feed.ttl.offer(v, f.rank);
      case AUTHOR -> feed.author.offer(v, f.rank);
      case IMAGE_URL -> {
        feed.imageUrl.offer(v, f.rank);
        if (feed.imageUrl.get() == v) {
          feed.imageBase = f.base;
        }
      }
      default -> {}
    }
  }

  private void storeText(Frame f, boolean inEntry) {
    String value;
    Kind kind = f.kind;
    if (f.children > 0 && !f.base64) {
      value = f.markup.toString();
      if (f.stripDiv
          && f.children == 1
          && !f.strayText
          && "div".equals(f.firstChild)
          && f.innerEnd >= 0) {
        value = value.substring(f.innerStart, f.innerEnd);
      }
      if (kind == Kind.HTML && value.indexOf('<') < 0) {
        // escaped HTML wrapped in a div: the div's text is the HTML
        value = f.text.toString();
      } else {
        kind = Kind.XHTML;
      }
    } else {
      value = f.text.toString();
      if (f.base64) {
        value = decodeBase64(value);
      }
    }
    if (kind == null) {
      kind = LOOKS_LIKE_HTML.matcher(value).find() ? Kind.HTML : Kind.TEXT;
    }
    // an element that is present but empty still gives a value (an empty one), which any
    // non-empty element of the same field outranks
    int rank = value.isBlank() ? f.rank + EMPTY_RANK : f.rank;
    RawText raw = new RawText(value.isBlank() ? "" : value, kind, f.base);
    if (inEntry) {
      switch (f.target) {
        case TITLE -> entry.title.offer(raw, rank);
        case SUMMARY -> entry.summary.offer(raw, rank);
        case CONTENT -> entry.content.offer(raw, rank);
        case CAPTION -> entry.imageCaption.offer(raw, rank);
        default -> {}
      }
    } else {
      switch (f.target) {
        case TITLE -> feed.title.offer(raw, rank);
        case SUBTITLE -> feed.subtitle.offer(raw, rank);
        default -> {}
      }
    }
  }

  private void closePerson(Frame f) {
    Frame parent = stack.peek();
    String display;
    String name = f.name;
    if (f.name != null && f.email != null) {
      display = f.name + " (" + f.email + ")";
    } else if (f.name != null) {
      display = f.name;
    } else if (f.email != null) {
      display = f.email;
      name = null;
    } else {
      display = f.text.toString().strip();
      name = display;
    }
    if (display.isEmpty()) {
      return;
    }
    if (parent.role == Role.ENTRY && entry != null) {
      entry.author.offer(display, f.rank);
      if (name != null) {
        entry.byline.offer(name, f.rank);
      }
    } else if (parent.role == Role.FEED) {
      feed.author.offer(display, f.rank);
    }
  }

  private void closeMedia(Frame f) {
    if (entry != null && f.mediaImage && f.mediaUrl != null) {
      entry.imageUrl.offer(Urls.resolve(f.mediaUrl, f.base), 1);
    }
  }

  // ---------------------------------------------------------------- helpers

  private void addCategory(String term) {
    if (entry != null && entry.categories.size() < 200) {
      entry.categories.add(term.strip());
    }
  }

  private void addEnclosure(String url, List<Attr> attrs, URI base) {
    if (entry == null || url == null || url.isBlank() || entry.enclosures.size() >= 50) {
      return;
    }
    String type = attr(attrs, null, "type");
    String length = attr(attrs, null, "length");
    Long bytes = null;
    if (length != null) {
      try {
        bytes = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        bytes = null;
      }
    }
    entry.enclosures.add(
        new Enclosure(Urls.resolve(url.strip(), base), type == null ? null : type.strip(), bytes));
  }

  private void appendCapped(StringBuilder sb, String s) {
    if (sb.length() + s.length() <= maxFieldChars) {
      sb.append(s);
    } else if (sb.length() < maxFieldChars) {
      sb.append(s, 0, maxFieldChars - sb.length());
      warnings.add("a field longer than " + maxFieldChars + " chars was cut");
    }
  }

  private void escapeText(StringBuilder m, String s) {
    if (m.length() <= maxFieldChars) {
      appendEscaped(m, s);
    }
  }

  /** Appends {@code s} with {@code &}, {@code <} and {@code >} escaped for HTML text. */
  static void appendEscaped(StringBuilder m, String s) {
    int n = s.length();
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '&' || c == '<' || c == '>') {
        m.append(s, run, i).append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
        run = i + 1;
      }
    }
    m.append(s, run, n);
  }

  private static void escapeAttr(StringBuilder m, String s) {
    int n = s.length();
    int run = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '&' || c == '<' || c == '"') {
        m.append(s, run, i).append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&quot;");
        run = i + 1;
      }
    }
    m.append(s, run, n);
  }

  private static String decodeBase64(String s) {
    try {
      byte[] bytes = Base64.getMimeDecoder().decode(s.strip());
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** An id that is a relative reference is resolved like a link; any other id is kept as is. */
  private static String resolveId(String id, URI base) {
    if (base == null || SCHEME.matcher(id).lookingAt() || id.indexOf(' ') >= 0) {
      return id;
    }
    return Urls.resolve(id, base);
  }

  private static URI resolveBase(URI parent, String xmlBase) {
    if (xmlBase == null || xmlBase.isBlank()) {
      return parent;
    }
    String resolved = Urls.resolve(xmlBase.strip(), parent);
    if (resolved == null) {
      return parent;
    }
    try {
      return URI.create(resolved);
    } catch (IllegalArgumentException e) {
      return parent;
    }
  }

  /**
   * The value of an attribute: by namespace prefix ("xml", "rdf") when given, else the first
   * attribute with that local name in no namespace (case-insensitive), else in any namespace.
   */
  static String attr(List<Attr> attrs, String prefix, String local) {
    String loose = null;
    for (Attr a : attrs) {
      if (!a.local().equalsIgnoreCase(local)) {
        continue;
      }
      String p = a.ns() == null || a.ns().isEmpty() ? "" : prefixFor(a.ns());
      if (prefix != null) {
        if (prefix.equals(p)) {
          return a.value();
        }
      } else if (p.isEmpty()) {
        return a.value();
      } else if (loose == null && !"xml".equals(p)) {
        loose = a.value();
      }
    }
    return loose;
  }
}
