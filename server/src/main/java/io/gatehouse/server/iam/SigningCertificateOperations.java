package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.SigningCertificate;
import io.gatehouse.server.state.User;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * X.509 signing certificates: UploadSigningCertificate, UpdateSigningCertificate, DeleteSigningCertificate,
 * ListSigningCertificates. Without {@code UserName} they act on the caller's own certificates (the root user's, for
 * the root user), as access keys do. A user holds at most {@value #MAX_CERTIFICATES}, active or not; a certificate
 * any user of the account (or its root user) holds is refused again, and one outside its validity is refused.
 */
final class SigningCertificateOperations {

    /** IAM's quota of signing certificates per user. */
    static final int MAX_CERTIFICATES = 2;

    private SigningCertificateOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("UploadSigningCertificate", SigningCertificateOperations::uploadSigningCertificate);
        handlers.put("UpdateSigningCertificate", SigningCertificateOperations::updateSigningCertificate);
        handlers.put("DeleteSigningCertificate", SigningCertificateOperations::deleteSigningCertificate);
        handlers.put("ListSigningCertificates", SigningCertificateOperations::listSigningCertificates);
    }

    /** Uploads a certificate, {@code Active}; the answer carries it as it was sent. */
    static Struct uploadSigningCertificate(Call call) {
        String body = call.input().string("CertificateBody");
        String userName = CredentialOwners.authorize(call);
        X509Certificate certificate = Certificates.parse(body, call.services().clock().instant());
        String digest = Certificates.digest(certificate);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            User user = CredentialOwners.require(account, userName);
            if (account.others().certificateDigests().containsKey(digest)) {
                throw AwsError.DUPLICATE_CERTIFICATE.exception(
                        "The same certificate is associated with an IAM user in the account.");
            }
            if (account.others().signingCertificatesOf(AccountState.ownerKey(userName)).size() >= MAX_CERTIFICATES) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for SigningCertificatesPerUser: %d",
                        MAX_CERTIFICATES);
            }
            SigningCertificate uploaded = new SigningCertificate(call.services().ids().signingCertificateId(),
                    user == null ? null : user.name(), body, digest, true, call.services().clock().instant());
            mutation.putSigningCertificate(accountId, uploaded);
            Struct.Builder out = call.output();
            return out.set("Certificate", view(out.child("Certificate"), uploaded)).build();
        });
    }

    static Struct updateSigningCertificate(Call call) {
        String id = call.input().string("CertificateId");
        boolean active = CredentialOwners.active(call.input().string("Status"), "a signing certificate");
        String userName = CredentialOwners.authorize(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            SigningCertificate certificate = owned(mutation.account(accountId), userName, id);
            mutation.putSigningCertificate(accountId, certificate.withActive(active));
            return call.noOutput();
        });
    }

    static Struct deleteSigningCertificate(Call call) {
        String id = call.input().string("CertificateId");
        String userName = CredentialOwners.authorize(call);
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            mutation.removeSigningCertificate(accountId, owned(mutation.account(accountId), userName, id));
            return call.noOutput();
        });
    }

    /** A user's certificates, oldest first, with their bodies; without {@code UserName}, the caller's. */
    static Struct listSigningCertificates(Call call) {
        String userName = CredentialOwners.authorize(call);
        AccountState account = call.account();
        CredentialOwners.require(account, userName);
        return CredentialOwners.page(call, call.page(), "Certificates",
                account.others().signingCertificatesOf(AccountState.ownerKey(userName)),
                SigningCertificateOperations::view);
    }

    /**
     * A certificate as IAM shows it. The model requires a user name; a root user's certificate is shown without one,
     * as its access keys are.
     */
    private static Struct view(Struct.Builder view, SigningCertificate certificate) {
        return view.set("UserName", certificate.userName()).set("CertificateId", certificate.id())
                .set("CertificateBody", certificate.body()).set("Status", CredentialOwners.status(certificate.active()))
                .set("UploadDate", certificate.uploaded()).build();
    }

    /** The certificate, if it belongs to the user (or to the root user when {@code userName} is null). */
    private static SigningCertificate owned(AccountState account, String userName, String id) {
        CredentialOwners.require(account, userName);
        return CredentialOwners.owned(account.others().signingCertificatesOf(AccountState.ownerKey(userName)), id,
                "The Certificate with id %s cannot be found.");
    }
}
