package io.uconform.credentials;

/** The credentials file or environment is unusable; the message is one line naming the problem. */
public class CredentialsException extends RuntimeException {

    public CredentialsException(String message) {
        super(message);
    }
}
