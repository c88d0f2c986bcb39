package io.gatehouse.server.iam;

import io.gatehouse.server.api.Call;
import io.gatehouse.server.api.OperationHandler;
import io.gatehouse.server.authz.ContextBuilder;
import io.gatehouse.server.authz.Target;
import io.gatehouse.server.error.AwsError;
import io.gatehouse.server.error.AwsException;
import io.gatehouse.server.iam.Tags.KeyCase;
import io.gatehouse.server.protocol.Page;
import io.gatehouse.server.protocol.PageRequest;
import io.gatehouse.server.protocol.Struct;
import io.gatehouse.server.state.AccountState;
import io.gatehouse.server.state.Arns;
import io.gatehouse.server.state.Names;
import io.gatehouse.server.state.ServerCertificate;
import io.gatehouse.server.state.Tag;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Server certificates: UploadServerCertificate, GetServerCertificate, UpdateServerCertificate,
 * DeleteServerCertificate, ListServerCertificates, TagServerCertificate, UntagServerCertificate,
 * ListServerCertificateTags. A certificate is uploaded with its private key, which must be the key of the
 * certificate's public key (RSA or EC), and an optional chain of its issuers; the private key is kept sealed and is
 * never answered, logged or recorded (its model shape is sensitive, which keeps it out of audit events). At most
 * {@value #MAX_CERTIFICATES} per account; names are unique case-insensitively; tag keys are case-sensitive.
 */
final class ServerCertificateOperations {

    /** IAM's quota of server certificates per account. */
    static final int MAX_CERTIFICATES = 20;

    private ServerCertificateOperations() {}

    static void register(Map<String, OperationHandler> handlers) {
        handlers.put("UploadServerCertificate", ServerCertificateOperations::uploadServerCertificate);
        handlers.put("GetServerCertificate", ServerCertificateOperations::getServerCertificate);
        handlers.put("UpdateServerCertificate", ServerCertificateOperations::updateServerCertificate);
        handlers.put("DeleteServerCertificate", ServerCertificateOperations::deleteServerCertificate);
        handlers.put("ListServerCertificates", ServerCertificateOperations::listServerCertificates);
        handlers.put("TagServerCertificate", ServerCertificateOperations::tagServerCertificate);
        handlers.put("UntagServerCertificate", ServerCertificateOperations::untagServerCertificate);
        handlers.put("ListServerCertificateTags", ServerCertificateOperations::listServerCertificateTags);
    }

    /**
     * Uploads a certificate after checking, in this order, the certificate, its private key and its chain. With tags
     * the caller needs {@code iam:TagServerCertificate} as well.
     */
    static Struct uploadServerCertificate(Call call) {
        Struct in = call.input();
        String name = in.string("ServerCertificateName");
        String path = in.has("Path") ? in.string("Path") : "/";
        String body = in.string("CertificateBody");
        String chain = in.string("CertificateChain");
        String privateKey = in.string("PrivateKey");
        List<Tag> tags = Tags.fromRequest(in.structs("Tags"), KeyCase.SENSITIVE);
        String accountId = call.caller().accountId();
        String arn = Arns.iam(accountId, "server-certificate", path, name);
        call.authorize(Target.of(arn), context -> {
            if (!tags.isEmpty()) {
                context.requestTags(tags);
            }
        });
        if (!tags.isEmpty()) {
            call.authorize("iam:TagServerCertificate", Target.of(arn), context -> context.requestTags(tags));
        }
        X509Certificate certificate = Certificates.parse(body, call.services().clock().instant());
        String algorithm = certificate.getPublicKey().getAlgorithm();
        if (!algorithm.equals("RSA") && !algorithm.equals("EC")) {
            throw AwsError.MALFORMED_CERTIFICATE.exception(
                    "The certificate's public key algorithm %s is not supported: use RSA or EC.", algorithm);
        }
        PrivateKeys.checkMatches(privateKey, certificate.getPublicKey());
        if (chain != null) {
            Certificates.checkChain(certificate, chain);
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            if (account.others().serverCertificate(name) != null) {
                throw alreadyExists(name);
            }
            if (account.others().serverCertificates().size() >= MAX_CERTIFICATES) {
                throw AwsError.LIMIT_EXCEEDED.exception("Cannot exceed quota for ServerCertificatesPerAccount: %d",
                        MAX_CERTIFICATES);
            }
            ServerCertificate uploaded = new ServerCertificate(name, call.services().ids().serverCertificateId(), path,
                    body, chain, privateKey, call.services().clock().instant(),
                    certificate.getNotAfter().toInstant(), tags);
            mutation.putServerCertificate(accountId, uploaded);
            Struct.Builder out = call.output();
            out.set("ServerCertificateMetadata", metadata(call, out.child("ServerCertificateMetadata"), uploaded));
            if (!tags.isEmpty()) {
                out.set("Tags", IamViews.tags(out.child("Tags"), tags));
            }
            return out.build();
        });
    }

    /** A certificate with its chain and tags; never its private key. */
    static Struct getServerCertificate(Call call) {
        String name = call.input().string("ServerCertificateName");
        ServerCertificate certificate = authorized(call, name);
        Struct.Builder out = call.output();
        Struct.Builder view = out.child("ServerCertificate");
        view.set("ServerCertificateMetadata", metadata(call, view.child("ServerCertificateMetadata"), certificate))
                .set("CertificateBody", certificate.body()).set("CertificateChain", certificate.chain())
                .set("Tags", IamViews.tags(view.child("Tags"), certificate.tags()));
        return out.set("ServerCertificate", view.build()).build();
    }

    /**
     * Renames a certificate or moves it to another path. The caller needs {@code iam:UpdateServerCertificate} on the
     * certificate as it is and as it will be; its id, body, key and tags stay.
     */
    static Struct updateServerCertificate(Call call) {
        Struct in = call.input();
        String name = in.string("ServerCertificateName");
        String newName = in.string("NewServerCertificateName");
        String newPath = in.string("NewPath");
        String accountId = call.caller().accountId();
        ServerCertificate current = call.account().others().serverCertificate(name);
        call.authorize(Target.of(arn(call, current, name)), tagged(current));
        if (newName != null || newPath != null) {
            String targetPath = newPath != null ? newPath : current == null ? "/" : current.path();
            call.authorize(Target.of(Arns.iam(accountId, "server-certificate", targetPath,
                    newName != null ? newName : name)), tagged(current));
        }
        return call.write(mutation -> {
            AccountState account = mutation.account(accountId);
            ServerCertificate certificate = require(account, name);
            String renamed = newName != null ? newName : certificate.name();
            if (!Names.key(renamed).equals(Names.key(certificate.name()))
                    && account.others().serverCertificate(renamed) != null) {
                throw alreadyExists(renamed);
            }
            mutation.removeServerCertificate(accountId, certificate.name());
            mutation.putServerCertificate(accountId,
                    certificate.moved(renamed, newPath != null ? newPath : certificate.path()));
            return call.noOutput();
        });
    }

    static Struct deleteServerCertificate(Call call) {
        String name = call.input().string("ServerCertificateName");
        String accountId = call.caller().accountId();
        ServerCertificate current = call.account().others().serverCertificate(name);
        call.authorize(Target.of(arn(call, current, name)), tagged(current));
        return call.write(mutation -> {
            mutation.removeServerCertificate(accountId, require(mutation.account(accountId), name).name());
            return call.noOutput();
        });
    }

    /**
     * Certificates whose path starts with {@code PathPrefix}, in name order, without their tags. The service
     * authorization reference gives ListServerCertificates no resource type, so it is authorized on {@code *}.
     */
    static Struct listServerCertificates(Call call) {
        String prefix = call.input().has("PathPrefix") ? call.input().string("PathPrefix") : "/";
        call.authorize("*", context -> {});
        PageRequest request = call.page();
        List<ServerCertificate> following = Listings.matching(call.account().others().serverCertificates(), request,
                c -> c.path().startsWith(prefix));
        Page<ServerCertificate> page = request.page(following, c -> Names.key(c.name()));
        Struct.Builder out = call.output();
        Struct.Builder element = out.child("ServerCertificateMetadataList");
        out.set("ServerCertificateMetadataList", page.items().stream().map(c -> metadata(call, element, c)).toList());
        return page.writeTo(out).build();
    }

    static Struct tagServerCertificate(Call call) {
        String name = call.input().string("ServerCertificateName");
        List<Tag> tags = Tags.fromRequest(call.input().structs("Tags"), KeyCase.SENSITIVE);
        ServerCertificate current = call.account().others().serverCertificate(name);
        call.authorize(Target.of(arn(call, current, name)), tagged(current).andThen(c -> c.requestTags(tags)));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ServerCertificate certificate = require(mutation.account(accountId), name);
            mutation.putServerCertificate(accountId,
                    certificate.withTags(Tags.merge(certificate.tags(), tags, KeyCase.SENSITIVE)));
            return call.noOutput();
        });
    }

    static Struct untagServerCertificate(Call call) {
        String name = call.input().string("ServerCertificateName");
        List<String> keys = call.input().strings("TagKeys");
        ServerCertificate current = call.account().others().serverCertificate(name);
        call.authorize(Target.of(arn(call, current, name)), tagged(current).andThen(c -> c.tagKeys(keys)));
        String accountId = call.caller().accountId();
        return call.write(mutation -> {
            ServerCertificate certificate = require(mutation.account(accountId), name);
            mutation.putServerCertificate(accountId,
                    certificate.withTags(Tags.remove(certificate.tags(), keys, KeyCase.SENSITIVE)));
            return call.noOutput();
        });
    }

    static Struct listServerCertificateTags(Call call) {
        String name = call.input().string("ServerCertificateName");
        return Tags.page(call, authorized(call, name).tags());
    }

    /** Authorizes a read of a certificate, then requires it to exist. */
    private static ServerCertificate authorized(Call call, String name) {
        ServerCertificate certificate = call.account().others().serverCertificate(name);
        call.authorize(Target.of(arn(call, certificate, name)), tagged(certificate));
        if (certificate == null) {
            throw noSuchCertificate(name);
        }
        return certificate;
    }

    private static Struct metadata(Call call, Struct.Builder builder, ServerCertificate certificate) {
        return builder.set("Path", certificate.path()).set("ServerCertificateName", certificate.name())
                .set("ServerCertificateId", certificate.id())
                .set("Arn", call.arn(Arns.iam(call.caller().accountId(), "server-certificate", certificate.path(),
                        certificate.name())))
                .set("UploadDate", certificate.uploaded()).set("Expiration", certificate.expiration()).build();
    }

    /** The canonical ARN a call on a certificate is authorized on (path {@code /} when it does not exist). */
    private static String arn(Call call, ServerCertificate certificate, String name) {
        return Arns.iam(call.caller().accountId(), "server-certificate", certificate == null ? "/" : certificate.path(),
                name);
    }

    /** The context keys of a call on a certificate that may exist: its tags. */
    private static Consumer<ContextBuilder> tagged(ServerCertificate certificate) {
        return context -> {
            if (certificate != null) {
                context.resourceTags(certificate.tags());
            }
        };
    }

    private static ServerCertificate require(AccountState account, String name) {
        ServerCertificate certificate = account.others().serverCertificate(name);
        if (certificate == null) {
            throw noSuchCertificate(name);
        }
        return certificate;
    }

    private static AwsException noSuchCertificate(String name) {
        return AwsError.NO_SUCH_ENTITY.exception("The Server Certificate with name %s cannot be found.", name);
    }

    private static AwsException alreadyExists(String name) {
        return AwsError.ENTITY_ALREADY_EXISTS.exception("The Server Certificate with name %s already exists.", name);
    }
}
