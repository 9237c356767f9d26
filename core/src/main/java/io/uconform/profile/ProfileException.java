package io.uconform.profile;

/** A profile could not be found or read; the message is one line naming the file and the problem. */
public class ProfileException extends RuntimeException {

    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
