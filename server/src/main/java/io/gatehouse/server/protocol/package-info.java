/**
 * The AWS Query protocol, driven by the botocore service models (DESIGN.md principle 3).
 *
 * <p>{@link io.gatehouse.server.protocol.ServiceModel} reads a model once; {@link
 * io.gatehouse.server.protocol.QueryProtocol} decodes a request's parameters into a validated {@link
 * io.gatehouse.server.protocol.Struct}, and encodes an operation's output {@code Struct} or an {@link
 * io.gatehouse.server.error.AwsException} into the XML document AWS sends. {@link
 * io.gatehouse.server.protocol.PageRequest} and {@link io.gatehouse.server.protocol.Page} carry IAM's
 * {@code Marker}/{@code MaxItems}/{@code IsTruncated} paging. Decoding, validation and encoding themselves are
 * package-private.
 */
package io.gatehouse.server.protocol;
