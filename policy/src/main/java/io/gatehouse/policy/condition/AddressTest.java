package io.gatehouse.policy.condition;

import io.gatehouse.policy.request.ContextValue;
import io.gatehouse.policy.variable.VariableValues;

/** {@code IpAddress} / {@code NotIpAddress}: an address inside any of the policy's CIDR blocks (IPv4 or IPv6). */
final class AddressTest implements ValueTest {

    private final PolicyValue<Cidr>[] blocks;

    AddressTest(PolicyValue<Cidr>[] blocks) {
        this.blocks = blocks;
    }

    @Override
    public int compare(ContextValue value, int index, VariableValues variables) {
        byte[] request = value.address(index);
        return request == null ? INVALID : PolicyValue.compareAll(blocks, variables, policy -> policy.contains(request));
    }

    /** An address block; a bare address is a block of one ({@code /32}, {@code /128}). */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            byte[] address = Values.parseAddress(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                return null;
            }
            int bits = address.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                String digits = text.substring(slash + 1);
                if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
                    return null;
                }
                prefix = Integer.parseInt(digits);
                if (text.indexOf(':') >= 0 && address.length == 4) {
                    prefix -= 96; // an IPv4-mapped block such as ::ffff:192.0.2.0/120
                }
                if (prefix < 0 || prefix > bits) {
                    return null;
                }
            }
            return new Cidr(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
