package org.newsdesk.core.article;

/** How many articles an import inserted, updated, left unchanged, or could not store. */
public record ImportCounts(int inserted, int updated, int unchanged, int failed) {

  public static final ImportCounts ZERO = new ImportCounts(0, 0, 0, 0);

  public ImportCounts plus(ImportCounts o) {
    return new ImportCounts(
        inserted + o.inserted, updated + o.updated, unchanged + o.unchanged, failed + o.failed);
  }

  public ImportCounts plus(UpsertOutcome outcome) {
    return switch (outcome) {
      case INSERTED -> new ImportCounts(inserted + 1, updated, unchanged, failed);
      case UPDATED -> new ImportCounts(inserted, updated + 1, unchanged, failed);
      case UNCHANGED -> new ImportCounts(inserted, updated, unchanged + 1, failed);
    };
  }

  public ImportCounts plusFailed(int n) {
    return new ImportCounts(inserted, updated, unchanged, failed + n);
  }

  public int total() {
    return inserted + updated + unchanged + failed;
  }
}
