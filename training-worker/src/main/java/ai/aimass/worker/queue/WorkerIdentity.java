package ai.aimass.worker.queue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The name under which a worker holds leases: host name, process id and a random suffix,
 * so that two workers never share a name, even in one process.
 *
 * @param id the name recorded as lease owner
 */
public record WorkerIdentity(String id) {

    private static final int MAX_HOST_LENGTH = 120;

    /**
     * Creates a fresh identity for this process.
     * @return the identity
     */
    public static WorkerIdentity generate() {
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        String host = hostName();
        if (host.length() > MAX_HOST_LENGTH) {
            host = host.substring(0, MAX_HOST_LENGTH);
        }
        return new WorkerIdentity(host + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(suffix));
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return "unknown-host";
        }
    }

}
