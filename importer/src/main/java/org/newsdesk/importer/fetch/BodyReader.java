package org.newsdesk.importer.fetch;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.BrotliInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body: undoes its {@code Content-Encoding} (gzip, deflate, and brotli where the
 * native decoder loads) and stops as soon as more than the cap has come out, so a compression bomb
 * costs a few milliseconds and no more memory than the cap. The bytes on the wire are capped too.
 */
final class BodyReader {

  private static final int MAX_ENCODINGS = 3;
  private static final boolean BROTLI = brotliLoads();

  private BodyReader() {}

  /** The {@code Accept-Encoding} this reader can undo. */
  static String acceptEncoding() {
    return BROTLI ? "gzip, deflate, br" : "gzip, deflate";
  }

  /** Whether brotli bodies can be read here. */
  static boolean brotliAvailable() {
    return BROTLI;
  }

  /**
   * The decoded body.
   *
   * @param wire the body as received
   * @param contentEncoding the {@code Content-Encoding} header, or null
   * @param maxBytes the cap, for the wire bytes and for the decoded bytes
   * @throws TooLargeException past the cap
   * @throws BadEncodingException for an unknown encoding or corrupt compressed data
   * @throws TransportException when the connection fails while reading (the cause says how)
   */
  static byte[] read(InputStream wire, String contentEncoding, long maxBytes) throws IOException {
    InputStream in = new Capped(new Transport(wire), maxBytes);
    List<String> encodings = encodings(contentEncoding);
    for (int i = encodings.size() - 1; i >= 0; i--) {
      in = decoder(encodings.get(i), in);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        total += n;
        if (total > maxBytes) {
          throw new TooLargeException("body is larger than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
    } catch (TooLargeException | TransportException e) {
      throw e;
    } catch (IOException e) {
      throw new BadEncodingException(
          "cannot decode " + contentEncoding + " body: " + e.getMessage());
    } finally {
      closeQuietly(in);
    }
    return out.toByteArray();
  }

  private static List<String> encodings(String header) throws BadEncodingException {
    List<String> result = new ArrayList<>();
    if (header == null) {
      return result;
    }
    for (String part : header.split(",")) {
      String encoding = part.strip().toLowerCase(Locale.ROOT);
      if (!encoding.isEmpty() && !encoding.equals("identity")) {
        result.add(encoding);
      }
    }
    if (result.size() > MAX_ENCODINGS) {
      throw new BadEncodingException("too many content encodings: " + header);
    }
    return result;
  }

  private static InputStream decoder(String encoding, InputStream in) throws IOException {
    try {
      switch (encoding) {
        case "gzip", "x-gzip":
          return new GZIPInputStream(in, 8192);
        case "deflate":
          return inflater(in);
        case "br":
          if (BROTLI) {
            return new BrotliInputStream(in);
          }
          throw new BadEncodingException("brotli is not available on this platform");
        default:
          throw new BadEncodingException("unsupported content encoding: " + encoding);
      }
    } catch (TooLargeException | TransportException | BadEncodingException e) {
      throw e;
    } catch (IOException e) {
      throw new BadEncodingException("cannot decode " + encoding + " body: " + e.getMessage());
    }
  }

  /** Deflate as servers send it: zlib-wrapped as the standard says, or raw as some do. */
  private static InputStream inflater(InputStream in) throws IOException {
    PushbackInputStream peek = new PushbackInputStream(in, 2);
    int b0 = peek.read();
    int b1 = b0 < 0 ? -1 : peek.read();
    if (b1 >= 0) {
      peek.unread(b1);
    }
    if (b0 >= 0) {
      peek.unread(b0);
    }
    boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
    return new InflaterInputStream(peek, new Inflater(!zlib), 8192);
  }

  private static boolean brotliLoads() {
    try {
      return Brotli4jLoader.isAvailable();
    } catch (LinkageError e) {
      return false;
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException | RuntimeException e) {
      // the connection is discarded by the caller anyway
    }
  }

  /** The body went past the cap. */
  static final class TooLargeException extends IOException {
    TooLargeException(String message) {
      super(message);
    }
  }

  /** The body's encoding is unknown or its compressed data corrupt. */
  static final class BadEncodingException extends IOException {
    BadEncodingException(String message) {
      super(message);
    }
  }

  /** The connection failed while the body was read; the cause is the original failure. */
  static final class TransportException extends IOException {
    TransportException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Marks the wire's failures so they are not taken for decoding errors. */
  private static final class Transport extends FilterInputStream {
    Transport(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw new TransportException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new TransportException(e);
      }
    }
  }

  /** Counts the bytes read through it and fails once there are more than the cap. */
  private static final class Capped extends FilterInputStream {
    private final long max;
    private long count;

    Capped(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && ++count > max) {
        throw new TooLargeException("body is larger than " + max + " bytes on the wire");
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new TooLargeException("body is larger than " + max + " bytes on the wire");
        }
      }
      return n;
    }
  }
}
