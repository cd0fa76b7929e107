namespace SocialCard.Core.Registry;

/// <summary>Thrown by single-person calls (<see cref="IIdentityRegistry.GetPhotoAsync"/>) when the registry fails.</summary>
public sealed class RegistryUnavailableException : Exception
{
    public RegistryUnavailableException()
        : this(new RegistryFailure(RegistryFailureKind.Unavailable, "The identity registry is unavailable."))
    {
    }

    public RegistryUnavailableException(string message)
        : this(new RegistryFailure(RegistryFailureKind.Unavailable, message))
    {
    }

    public RegistryUnavailableException(string message, Exception innerException)
        : base(message, innerException) =>
        Failure = new RegistryFailure(RegistryFailureKind.Unavailable, message);

    public RegistryUnavailableException(RegistryFailure failure)
        : base(failure?.Message) =>
        Failure = failure ?? throw new ArgumentNullException(nameof(failure));

    public RegistryFailure Failure { get; }
}
