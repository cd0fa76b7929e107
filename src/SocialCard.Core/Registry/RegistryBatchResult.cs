namespace SocialCard.Core.Registry;

/// <summary>
/// The answers to a batch: <see cref="Comparisons"/> in query order for the part compared, and the queries still
/// <see cref="Pending"/> (in order) when the registry failed part-way. Immutable; <see cref="Merge"/> joins a retry's answers.
/// </summary>
public sealed class RegistryBatchResult
{
    public RegistryBatchResult(IReadOnlyList<RegistryComparison> comparisons, IReadOnlyList<RegistryQuery> pending, RegistryFailure? failure)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Count > 0 && failure is null)
        {
            throw new ArgumentException("A result with pending queries must say why.", nameof(failure));
        }

        Comparisons = comparisons;
        Pending = pending;
        Failure = pending.Count > 0 ? failure : null;
    }

    public IReadOnlyList<RegistryComparison> Comparisons { get; }

    /// <summary>Queries not compared yet; ask for them again.</summary>
    public IReadOnlyList<RegistryQuery> Pending { get; }

    /// <summary>Why the batch stopped; null when <see cref="Completed"/>.</summary>
    public RegistryFailure? Failure { get; }

    public bool Completed => Pending.Count == 0;

    /// <summary>An empty, completed result (the identity for <see cref="Merge"/>).</summary>
    public static RegistryBatchResult Empty { get; } = new([], [], null);

    /// <summary>
    /// This result's comparisons followed by <paramref name="retry"/>'s, with the retry's pending queries and failure.
    /// Meant for a retry of exactly <see cref="Pending"/>: nothing obtained is lost or repeated.
    /// </summary>
    public RegistryBatchResult Merge(RegistryBatchResult retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var all = new List<RegistryComparison>(Comparisons.Count + retry.Comparisons.Count);
        all.AddRange(Comparisons);
        all.AddRange(retry.Comparisons);
        return new RegistryBatchResult(all, retry.Pending, retry.Failure);
    }
}
