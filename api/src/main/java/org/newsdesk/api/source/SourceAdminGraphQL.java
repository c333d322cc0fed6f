package org.newsdesk.api.source;

import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.newsdesk.api.common.BadUserInputException;
import org.newsdesk.api.common.NotFoundException;
import org.newsdesk.api.common.PublicErrors;
import org.newsdesk.api.security.Roles;
import org.newsdesk.core.source.SourceNotFoundException;
import org.newsdesk.core.source.SourceRefusedException;
import org.newsdesk.core.source.SourceService;

/**
 * Managing sources: every operation here needs the admin role (a stored API key or {@code
 * NEWSDESK_ADMIN_TOKEN} as a bearer token), except the OPML export, which lists what {@code
 * sources} shows anyway. Anonymous callers get UNAUTHENTICATED, others FORBIDDEN, and nothing
 * changes.
 */
@GraphQLApi
@PublicErrors
public class SourceAdminGraphQL {

  /** Longest URL accepted. */
  static final int MAX_URL_CHARS = 2048;

  private final SourceAdmin admin;
  private final SourceService sources;

  public SourceAdminGraphQL(SourceAdmin admin, SourceService sources) {
    this.admin = admin;
    this.sources = sources;
  }

  @Mutation("addSource")
  @RolesAllowed(Roles.ADMIN)
  @Description(
      "Follows a new source (admin). The URL is checked against the SSRF rules, fetched and parsed"
          + " before anything is stored; a web page is searched for its feed (<link"
          + " rel=\"alternate\">). The source is due at once. Adding the feed of a removed source"
          + " brings it back with its articles.")
  public SourceNode addSource(@NonNull @Description("The source to follow.") AddSourceInput input) {
    String url = url(input.url());
    return refusals(
        () ->
            SourceNode.from(
                admin.add(
                    new SourceAdmin.AddRequest(
                        url,
                        input.name(),
                        input.language(),
                        input.timeZone(),
                        DateOrderNode.toDomain(input.dateOrder()),
                        Boolean.TRUE.equals(input.fullArticle())))));
  }

  @Mutation("updateSource")
  @RolesAllowed(Roles.ADMIN)
  @Description("Changes a source's settings (admin).")
  public SourceNode updateSource(
      @NonNull @Description("The source's slug.") String slug,
      @NonNull @Description("What to change.") UpdateSourceInput input) {
    if (input.url() != null) {
      url(input.url());
    }
    return refusals(() -> SourceNode.from(admin.update(slug, input.toDomain())));
  }

  @Mutation("removeSource")
  @RolesAllowed(Roles.ADMIN)
  @Description(
      "Removes a source softly (admin): it is no longer listed nor fetched; its articles stay"
          + " unless deleteArticles is true.")
  public RemovedSource removeSource(
      @NonNull @Description("The source's slug.") String slug,
      @DefaultValue("false") @Description("Delete the source's articles too.")
          Boolean deleteArticles) {
    return refusals(
        () -> {
          SourceService.Removal r = sources.remove(slug, Boolean.TRUE.equals(deleteArticles));
          return new RemovedSource(SourceNode.from(r.source()), r.articlesDeleted());
        });
  }

  @Mutation("refreshSource")
  @RolesAllowed(Roles.ADMIN)
  @Description(
      "Makes a source due now (admin): whichever importer replica looks next fetches it, within"
          + " a scheduler tick.")
  public SourceNode refreshSource(@NonNull @Description("The source's slug.") String slug) {
    return refusals(() -> SourceNode.from(sources.markDue(slug)));
  }

  @Mutation("importOpml")
  @RolesAllowed(Roles.ADMIN)
  @Description(
      "Follows every feed of an OPML 1 or 2 list (admin): outlines with an xmlUrl, at any depth."
          + " Each URL is checked against the SSRF rules; feeds already followed are skipped. At"
          + " most 1 MiB and 5,000 feeds; a document type declaration is refused.")
  public OpmlImportResult importOpml(@NonNull @Description("The OPML document.") String opml) {
    return refusals(() -> OpmlImportResult.from(admin.importOpml(opml)));
  }

  @Query("previewSource")
  @RolesAllowed(Roles.ADMIN)
  @Description(
      "What adding a URL would import (admin): fetched and parsed like addSource, nothing stored.")
  public SourcePreview previewSource(
      @NonNull @Description("A feed's URL, or a page that links to its feed.") String url) {
    String checked = url(url);
    return refusals(() -> SourcePreview.from(admin.preview(checked)));
  }

  @Query("opml")
  @Description("The active sources with a web feed, as an OPML 2.0 document.")
  public @NonNull String opml() {
    return admin.exportOpml();
  }

  private static String url(String url) {
    if (url == null || url.isBlank()) {
      throw new BadUserInputException("url is empty.");
    }
    if (url.length() > MAX_URL_CHARS) {
      throw new BadUserInputException("url is longer than " + MAX_URL_CHARS + " characters.");
    }
    return url.strip();
  }

  private static <T> T refusals(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (SourceRefusedException e) {
      throw new BadUserInputException(e.getMessage());
    } catch (SourceNotFoundException e) {
      throw new NotFoundException(e.getMessage());
    }
  }
}
