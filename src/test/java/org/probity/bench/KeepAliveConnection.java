package org.probity.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The load driver's HTTP/1.1 client for the measured requests: one kept-alive socket, a POST
 * written in one go, the answer read with its length or its chunks. The JDK's
 * {@code java.net.http} client cost 1.4 ms of CPU per intake in the same JVM, on the same two
 * cores as the server (its selector thread, futures and per-request objects); the bare engine's
 * door has no client at all. Requests are never retried: a connection the server closes
 * ({@code Connection: close}, as Tomcat does after 100 requests) is reopened for the next one.
 */
final class KeepAliveConnection implements Closeable {

  record Answer(int status, String location, String body) {}

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private String sessionCookie;

  KeepAliveConnection(int port, String sessionCookie) {
    this.port = port;
    this.sessionCookie = sessionCookie;
  }

  Answer post(String path, Map<String, String> headers, String body) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(60_000);
      socket.connect(new InetSocketAddress("localhost", port), 10_000);
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: localhost:").append(port).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (sessionCookie != null) {
      head.append("Cookie: JSESSIONID=").append(sessionCookie).append("\r\n");
    }
    head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(content);
    out.flush();

    String statusLine = line();
    if (statusLine == null || statusLine.length() < 12) {
      close();
      throw new IOException("no answer from the server: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    String location = "";
    for (String header = line(); header != null && !header.isEmpty(); header = line()) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
        case "connection" -> closing = value.equalsIgnoreCase("close");
        case "location" -> location = value;
        case "set-cookie" -> {
          if (value.startsWith("JSESSIONID=")) {
            sessionCookie = value.substring("JSESSIONID=".length(), value.indexOf(';') < 0 ? value.length() : value.indexOf(';'));
          }
        }
        default -> { }
      }
    }
    byte[] answer;
    if (status == 204 || status == 304 || status < 200) {
      answer = new byte[0]; // no body, whatever the headers say
    } else if (chunked) {
      answer = chunks();
    } else if (length >= 0) {
      answer = in.readNBytes((int) length);
    } else {
      answer = in.readAllBytes();
      closing = true;
    }
    if (closing) {
      close();
    }
    return new Answer(status, location, new String(answer, StandardCharsets.UTF_8));
  }

  private byte[] chunks() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(chunkSize(), 16); size > 0; size = Integer.parseInt(chunkSize(), 16)) {
      all.write(in.readNBytes(size));
      line(); // the CRLF after the chunk
    }
    for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
      // trailers: none expected
    }
    return all.toByteArray();
  }

  private String chunkSize() throws IOException {
    String line = line();
    if (line == null) {
      throw new IOException("connection closed inside a chunked answer");
    }
    int extension = line.indexOf(';');
    return (extension < 0 ? line : line.substring(0, extension)).trim();
  }

  /** One header line without its CRLF; null at the end of the stream. */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      line.append((char) c);
    }
    return line.length() == 0 ? null : line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
      in = null;
      out = null;
    }
  }
}
