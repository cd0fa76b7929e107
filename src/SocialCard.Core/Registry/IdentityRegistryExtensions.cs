namespace SocialCard.Core.Registry;

public static class IdentityRegistryExtensions
{
    /// <summary>
    /// Compares a batch, re-asking only for the pending queries after a failure, up to <paramref name="maxAttempts"/>
    /// calls with <paramref name="retryDelay"/> between them. Returns the merged result: completed, or with what is
    /// still pending after the last attempt (nothing obtained is lost).
    /// </summary>
    public static async Task<RegistryBatchResult> CompareAllAsync(
        this IIdentityRegistry registry,
        IReadOnlyList<RegistryQuery> persons,
        int maxAttempts,
        TimeSpan retryDelay,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(persons);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);

        var result = await registry.CompareAsync(persons, ct).ConfigureAwait(false);
        for (var attempt = 1; attempt < maxAttempts && !result.Completed; attempt++)
        {
            if (retryDelay > TimeSpan.Zero)
            {
                await Task.Delay(retryDelay, ct).ConfigureAwait(false);
            }

            result = result.Merge(await registry.CompareAsync(result.Pending, ct).ConfigureAwait(false));
        }

        return result;
    }
}
