package dev.onramp.store;

import java.io.IOException;
import java.nio.file.Path;

/** A second Onramp process for tests: holds the database in the given folder open until its stdin closes. */
final class LockHolder {
    static final String READY = "lock-holder-ready";

    private LockHolder() {}

    public static void main(String[] args) throws IOException {
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println(READY + " " + db.file());
            System.out.flush();
            while (System.in.read() != -1) {
                // wait for the test to let go
            }
        }
    }
}
