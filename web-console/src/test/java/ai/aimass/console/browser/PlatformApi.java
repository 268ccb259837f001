package ai.aimass.console.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sets up what a browser test starts from (tenants, users, datasets) through
 * platform-api, as an admin's script would.
 */
final class PlatformApi {

    static final String PASSWORD = "browser-user-password-1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final String baseUrl;

    PlatformApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * A tenant with a data scientist.
     *
     * @param name the tenant name
     * @param scientist the data scientist's username
     * @param token the data scientist's token
     */
    record Tenant(String name, String scientist, String token) {
    }

    Tenant createTenant() {
        String admin = login("admin", RunningPlatform.ADMIN_PASSWORD);
        String name = unique("t");
        send("POST", "/api/v1/tenants", admin, """
                {"name":"%s","admin":{"username":"%s-admin","password":"%s"}}""".formatted(name, name, PASSWORD));
        String tenantAdmin = login(name + "-admin", PASSWORD);
        String scientist = name + "-scientist";
        send("POST", "/api/v1/users", tenantAdmin, """
                {"username":"%s","password":"%s","role":"DATA_SCIENTIST"}""".formatted(scientist, PASSWORD));
        return new Tenant(name, scientist, login(scientist, PASSWORD));
    }

    /** Adds a viewer to the tenant and returns the viewer's username. */
    String createViewer(Tenant tenant) {
        String viewer = tenant.name() + "-viewer";
        send("POST", "/api/v1/users", login(tenant.name() + "-admin", PASSWORD), """
                {"username":"%s","password":"%s","role":"VIEWER"}""".formatted(viewer, PASSWORD));
        return viewer;
    }

    String login(String username, String password) {
        return send("POST", "/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
            .get("accessToken")
            .asString();
    }

    JsonNode uploadDataset(String token, String name, String labelColumn, String csv) {
        String boundary = "----aimass" + unique("b");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"labelColumn\"\r\n\r\n" + labelColumn
                + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/datasets"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    JsonNode send(String method, String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .header("Content-Type", "application/json")
            .method(method,
                    (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new AssertionError("platform-api answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? tools.jackson.databind.node.MissingNode.getInstance()
                    : JSON.readTree(response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static String unique(String prefix) {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    private static void write(ByteArrayOutputStream body, String text) {
        body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

}
