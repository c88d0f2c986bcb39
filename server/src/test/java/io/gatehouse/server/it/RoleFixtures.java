package io.gatehouse.server.it;

import static io.gatehouse.server.it.IamFixtures.ACCOUNT;

import io.gatehouse.server.state.Role;

/** What the role and instance profile tests share beyond {@link IamFixtures}. */
final class RoleFixtures {

    private RoleFixtures() {}

    /** A trust policy letting the principals of the given {@code "Principal"} value assume the role. */
    static String trust(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal
                + ",\"Action\":\"sts:AssumeRole\"}]}";
    }

    /** The role as the server holds it. */
    static Role stored(TestServer server, String roleName) {
        return server.server().state().current().account(ACCOUNT).role(roleName);
    }
}
