package ai.aimass.worker;

public final class TrainingWorkerApplication {

    public static void main(String[] args) {
    }

}
