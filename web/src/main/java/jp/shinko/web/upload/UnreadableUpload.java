package jp.shinko.web.upload;

/** An uploaded file that is not a table this system exports; the message says why, for the clerk. */
class UnreadableUpload extends RuntimeException {

    UnreadableUpload(String message) {
        super(message);
    }
}
