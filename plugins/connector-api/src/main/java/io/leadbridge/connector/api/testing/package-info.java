/**
 * Test support for plugin authors: {@link io.leadbridge.connector.api.testing.FakeConnectorContext},
 * an in-memory {@link io.leadbridge.connector.api.ConnectorContext} for unit tests of a
 * {@link io.leadbridge.connector.api.CrmConnector}. It needs no dependency beyond the JDK. The host
 * never uses this package.
 */
package io.leadbridge.connector.api.testing;
