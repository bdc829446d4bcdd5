package dev.sluice.server;

/** Ends a request with an HTTP status and a message (the API answers it in dbt Cloud's error envelope). */
final class HttpError extends RuntimeException {
    final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }
}
