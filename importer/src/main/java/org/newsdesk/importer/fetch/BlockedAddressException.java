package org.newsdesk.importer.fetch;

import java.io.IOException;

/** A connection was refused by the {@link AddressPolicy} at resolve or connect time. */
final class BlockedAddressException extends IOException {

  BlockedAddressException(String message) {
    super(message);
  }
}
