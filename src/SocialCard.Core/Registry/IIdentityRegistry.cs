namespace SocialCard.Core.Registry;

/// <summary>
/// The identity registry (公安人口信息库) the information centre compares collected persons with (docs/DOMAIN.md §8).
/// <see cref="MockIdentityRegistry"/> simulates it; a real adapter (HTTP, say) implements the same contract.
/// </summary>
public interface IIdentityRegistry
{
    /// <summary>
    /// Compares a batch set-based, in chunks. Never loses work: when the registry fails part-way (outage, timeout),
    /// the result holds every comparison obtained so far, <see cref="RegistryBatchResult.Completed"/> is false and
    /// <see cref="RegistryBatchResult.Pending"/> lists the queries still to ask; pass those to a later call and
    /// <see cref="RegistryBatchResult.Merge"/> the answers (or use <see cref="IdentityRegistryExtensions.CompareAllAsync"/>).
    /// Throws <see cref="OperationCanceledException"/> only when <paramref name="ct"/> is cancelled.
    /// </summary>
    Task<RegistryBatchResult> CompareAsync(IReadOnlyList<RegistryQuery> persons, CancellationToken ct);

    /// <summary>
    /// The registry photo of a person as JPEG bytes, or null when there is none (or, for the mock, always: it only
    /// knows <see cref="RegistryComparison.HasPhoto"/>). Throws <see cref="RegistryUnavailableException"/> on failure.
    /// </summary>
    Task<byte[]?> GetPhotoAsync(string idNumber, CancellationToken ct);
}
