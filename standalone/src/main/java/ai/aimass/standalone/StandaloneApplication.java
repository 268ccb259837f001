package ai.aimass.standalone;

public final class StandaloneApplication {

    public static void main(String[] args) {
    }

}
