package io.uts4j.it.apps;

/** The smallest application: proves main ran. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello from main");
    }
}
