package io.gatehouse.server.protocol;

/**
 * A shape of a botocore service model: the type of a request or response value and its constraints. Shapes are
 * immutable and resolved when the model is loaded, so a structure holds its members' shapes directly.
 */
public sealed interface Shape
        permits StructureShape, ListShape, MapShape, StringShape, NumberShape, BooleanShape, TimestampShape,
        BlobShape {

    /** The shape's name in the model ({@code userNameType}). */
    String name();
}
