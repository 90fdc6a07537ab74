package org.probity.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running application: either a browser-like session (cookies,
 * form login with the CSRF token from the login page) or stateless HTTP Basic. Redirects are not
 * followed, so that tests see them.
 */
public final class HttpSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private final String basicAuth;

  private HttpSession(String base, String basicAuth) {
    this.base = base;
    this.basicAuth = basicAuth;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public static HttpSession anonymous(int port) {
    return new HttpSession("http://localhost:" + port, null);
  }

  public static HttpSession basic(int port, String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new HttpSession("http://localhost:" + port, "Basic " + token);
  }

  /** Logs in through the login form; the answer is the login's own response (302 either way). */
  public static HttpSession loggedIn(int port, String user, String password) {
    HttpSession session = anonymous(port);
    HttpResponse<String> response = session.login(user, password);
    String location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("Login of " + user + " failed: " + response.statusCode() + " " + location);
    }
    return session;
  }

  public HttpResponse<String> login(String user, String password) {
    String token = csrfTokenFrom(get("/login").body());
    return postForm("/login", Map.of("username", user, "password", password, "_csrf", token));
  }

  public static String csrfTokenFrom(String html) {
    Matcher matcher = CSRF.matcher(html);
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF token in the page");
    }
    return matcher.group(1);
  }

  /** A cookie the server set, e.g. Camunda's {@code XSRF-TOKEN}. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No cookie " + name));
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (basicAuth != null) {
      builder.header("Authorization", basicAuth);
    }
    return builder;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
