/**
 * The shared root of the modules' exception hierarchies and the error vocabulary of the API.
 *
 * <p>Kept apart from {@code web} so that domain modules can fail meaningfully without depending on
 * the HTTP layer; {@code web} maps these to problem+json in exactly one place.
 */
package io.leadbridge.errors;
