namespace SocialCard.Core.Registry;

/// <summary>Why the registry stopped answering part-way through a batch.</summary>
public enum RegistryFailureKind
{
    /// <summary>The registry refused or could not be reached (an outage).</summary>
    Unavailable,

    /// <summary>The registry did not answer a chunk within the configured timeout.</summary>
    Timeout,
}

/// <summary>A failure reported with a partial <see cref="RegistryBatchResult"/>. The message holds no personal data.</summary>
public sealed record RegistryFailure(RegistryFailureKind Kind, string Message);
