package ai.aimass.api;

public final class PlatformApiApplication {

    public static void main(String[] args) {
    }

}
