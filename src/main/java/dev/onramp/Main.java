package dev.onramp;

/** Starts Onramp: the window with no arguments, the command line otherwise. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("onramp");
    }
}
