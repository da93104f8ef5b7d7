package dev.certsd.ui.probe;

/**
 * One side of the comparison: what Docker's documentation predicts, or what the chosen client really does.
 *
 * @param title    whose answer ("What podman/skopeo really does")
 * @param headline the answer in one line ("podman/skopeo sends a-expired.cert → rejected at TLS")
 * @param detail   why
 * @param success  whether a pull would get through
 */
public record Answer(String title, String headline, String detail, boolean success) {
}
