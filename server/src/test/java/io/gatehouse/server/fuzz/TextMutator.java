package io.gatehouse.server.fuzz;

import java.util.Random;

/**
 * The string mutations the fuzz tests share: garbage built from a vocabulary of atoms that matter to the input under
 * test (plus random characters), and single edits of a valid text. Every choice comes from the caller's seeded
 * {@link Random}, so a failing case is replayed by its seed.
 */
public final class TextMutator {

    private final String[] atoms;

    /** @param atoms the vocabulary garbage is made of: tokens the parser under test gives meaning to */
    public TextMutator(String... atoms) {
        this.atoms = atoms.clone();
    }

    /** Up to {@code maxAtoms} atoms or random characters (a quarter of them, BMP or ASCII), possibly none. */
    public String garbage(Random random, int maxAtoms) {
        StringBuilder out = new StringBuilder();
        int count = random.nextInt(maxAtoms + 1);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(4) == 0) {
                out.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
            } else {
                out.append(atoms[random.nextInt(atoms.length)]);
            }
        }
        return out.toString();
    }

    /** One edit of {@code text}: a character deleted, garbage inserted, a character replaced, or a run replaced. */
    public String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int at = out.isEmpty() ? 0 : random.nextInt(out.length());
        switch (random.nextInt(4)) {
            case 0 -> {
                if (!out.isEmpty()) {
                    out.deleteCharAt(at);
                }
            }
            case 1 -> out.insert(at, garbage(random, 2));
            case 2 -> {
                if (!out.isEmpty()) {
                    out.setCharAt(at, (char) random.nextInt(128));
                }
            }
            default -> out.replace(at, Math.min(out.length(), at + random.nextInt(8)), garbage(random, 3));
        }
        return out.toString();
    }
}
