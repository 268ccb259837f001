package ai.aimass.inference;

public final class InferenceServiceApplication {

    public static void main(String[] args) {
    }

}
