package io.uconform.client;

/** Opens raw TCP connections to the target, for requests a well-behaved client would never send. */
public interface RawHttp {

    /** Connects (bounded by the connect timeout); the connection is closed when the check ends. */
    RawConnection open();
}
