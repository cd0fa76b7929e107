using SocialCard.Core.Registry;

namespace SocialCard.Web.Review;

/// <summary>
/// The "Registry" configuration section: the mock identity registry the portal compares with (a real adapter would
/// replace <see cref="Build"/>), and how a comparison retries. Times are in milliseconds.
/// </summary>
public sealed class RegistrySettings
{
    public const string Section = "Registry";

    /// <summary>Synthetic persons held; the demo units' persons are drawn from the same population.</summary>
    public long Size { get; set; } = 1_000_000;

    public int Seed { get; set; } = 1;

    /// <summary>Share of registry records that differ from what units submit (name, ethnicity, birth date, no photo).</summary>
    public double DifferenceShare { get; set; } = 0.05;

    public int ChunkSize { get; set; } = 5_000;

    public int LatencyMs { get; set; }

    public int? TimeoutMs { get; set; } = 30_000;

    public int? OutageAfterChunks { get; set; }

    public int OutageLength { get; set; } = 1;

    public double FailureRate { get; set; }

    /// <summary>Registry calls per comparison run (the first and its retries of what is still pending).</summary>
    public int MaxAttempts { get; set; } = 2;

    public int RetryDelayMs { get; set; } = 200;

    /// <summary>The mock registry; with <paramref name="photoCodec"/> it answers photo requests with drawn portraits.</summary>
    /// <summary>Refuses values the portal cannot work with, naming the key.</summary>
    public void Check()
    {
        if (Size < 0 || Size > RegistryPopulation.Capacity)
        {
            throw new Infrastructure.StartupException($"Registry:Size must lie between 0 and {RegistryPopulation.Capacity}; it is {Size}.");
        }

        if (MaxAttempts < 1)
        {
            throw new Infrastructure.StartupException($"Registry:MaxAttempts must be at least 1; it is {MaxAttempts}.");
        }

        if (ChunkSize < 1)
        {
            throw new Infrastructure.StartupException($"Registry:ChunkSize must be at least 1; it is {ChunkSize}.");
        }
    }

    public MockIdentityRegistry Build(Core.Photos.Jpeg.IJpegCodec? photoCodec = null)
    {
        Check();

        return new MockIdentityRegistry(new MockRegistryOptions
        {
            Size = Size,
            Seed = Seed,
            DifferenceShare = DifferenceShare,
            ChunkSize = ChunkSize,
            Latency = TimeSpan.FromMilliseconds(LatencyMs),
            Timeout = TimeoutMs is { } t ? TimeSpan.FromMilliseconds(t) : null,
            OutageAfterChunks = OutageAfterChunks,
            OutageLength = OutageLength,
            FailureRate = FailureRate,
            PhotoCodec = photoCodec,
        });
    }
}
