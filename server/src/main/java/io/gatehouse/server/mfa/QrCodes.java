package io.gatehouse.server.mfa;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The QR code CreateVirtualMFADevice answers: a PNG of the key URI that authenticator apps read,
 * {@code otpauth://totp/NAME@ACCOUNT?secret=SEED&issuer=Gatehouse}. The label is IAM's documented
 * {@code $virtualMFADeviceName@$AccountName}, the account named by its alias when it has one and by its id otherwise.
 */
public final class QrCodes {

    /** The issuer authenticator apps show beside the label. */
    static final String ISSUER = "Gatehouse";
    /** Width and height of the image, in pixels. */
    private static final int SIZE = 256;

    private QrCodes() {}

    /** The key URI of a device's seed. */
    public static String keyUri(String deviceName, String accountName, String base32Seed) {
        return "otpauth://totp/" + encode(deviceName + "@" + accountName) + "?secret=" + base32Seed + "&issuer="
                + encode(ISSUER);
    }

    /** A PNG image of a QR code holding {@code text}. */
    public static byte[] png(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("a key URI always fits in a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Percent-encoding for a URI component (a space as {@code %20}, not {@code +}). */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
