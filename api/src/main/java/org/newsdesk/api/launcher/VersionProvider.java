package org.newsdesk.api.launcher;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = NewsdeskMain.class.getPackage().getImplementationVersion();
    return new String[] {"Newsdesk " + (v == null ? "(development build)" : v)};
  }
}
