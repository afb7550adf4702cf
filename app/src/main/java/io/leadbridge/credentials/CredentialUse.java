package io.leadbridge.credentials;

/**
 * What a caller does with an opened credential inside {@link CredentialVault#open}; may throw a
 * checked exception, which the vault passes on. Implementations run on the calling thread.
 */
@FunctionalInterface
public interface CredentialUse<T, X extends Exception> {
  T apply(OpenedCredential credential) throws X;
}
