namespace SocialCard.Core.Registry;

/// <summary>Configuration of <see cref="MockIdentityRegistry"/>: its population, and simulated latency and failures.</summary>
public sealed class MockRegistryOptions
{
    /// <summary>Synthetic persons held (positions 0…Size−1 of <see cref="RegistryPopulation.Persons"/>); at most <see cref="RegistryPopulation.Capacity"/>.</summary>
    public long Size { get; init; } = 1_000_000;

    /// <summary>Same seed, same population, same planted differences.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Share (0–1) of synthetic records that differ from what the unit submits, split evenly over name, ethnicity,
    /// birth date and no photo (<see cref="RegistryDifference"/>).
    /// </summary>
    public double DifferenceShare { get; init; } = 0.05;

    /// <summary>Persons the registry must hold with exactly these values (e.g. the demo units' persons); they take precedence over synthetic ones.</summary>
    public IEnumerable<RegistryPerson> Include { get; init; } = [];

    /// <summary>Plant differences among <see cref="Include"/> too, at <see cref="DifferenceShare"/> (so a demo shows mismatches). Default: included persons are held exactly.</summary>
    public bool DifferIncluded { get; init; }

    /// <summary>Which registry values a mismatch reveals. Default: name, ethnicity and birth date (for hall staff).</summary>
    public RegistryDisclosure Disclosure { get; init; } = RegistryDisclosure.HallStaff;

    /// <summary>When set, <see cref="MockIdentityRegistry.GetPhotoAsync"/> returns a drawn <see cref="SyntheticPortrait"/> for persons with a photo.</summary>
    public Photos.Jpeg.IJpegCodec? PhotoCodec { get; init; }

    /// <summary>Persons compared per registry round trip.</summary>
    public int ChunkSize { get; init; } = 5_000;

    /// <summary>Simulated time per chunk (and per photo request).</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>How long a caller waits for one chunk; a chunk slower than this fails as <see cref="RegistryFailureKind.Timeout"/>. Null: no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Serve this many chunks (counted over all calls), then fail the next <see cref="OutageLength"/> chunk attempts. Null: no planned outage.</summary>
    public int? OutageAfterChunks { get; init; }

    /// <summary>Chunk attempts that fail in the planned outage (default 1: a retry succeeds).</summary>
    public int OutageLength { get; init; } = 1;

    /// <summary>Probability (0–1) that any chunk fails, drawn from a generator seeded by <see cref="Seed"/>.</summary>
    public double FailureRate { get; init; }

    /// <summary>How planned and random failures appear: refused at once, or after waiting <see cref="Timeout"/> (or <see cref="Latency"/> when none).</summary>
    public RegistryFailureKind FailureKind { get; init; } = RegistryFailureKind.Unavailable;
}
