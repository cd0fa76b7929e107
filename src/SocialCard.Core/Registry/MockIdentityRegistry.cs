using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using SocialCard.Core.Persons;

namespace SocialCard.Core.Registry;

/// <summary>
/// A simulated identity registry (docs/DOMAIN.md §8). It holds the synthetic population of <see cref="RegistryPopulation"/>
/// without storing it: a lookup parses the ID number and derives the record (O(1), no allocation beyond the record),
/// so a 1-million population costs nothing to build. Only <see cref="MockRegistryOptions.Include"/> is stored.
/// A share of records differ from what units submit (<see cref="PlantedDifference"/>). Photos: with
/// <see cref="MockRegistryOptions.PhotoCodec"/> set, <see cref="GetPhotoAsync"/> draws a <see cref="SyntheticPortrait"/>
/// for a person who has one; without it, it answers null. Thread-safe.
/// </summary>
public sealed class MockIdentityRegistry : IIdentityRegistry
{
    private readonly SyntheticPopulation _population;
    private readonly FrozenDictionary<string, RegistryPerson> _included;
    private readonly object _randomLock = new();
    private ulong _randomState;
    private int _chunkAttempts;
    private volatile bool _available = true;

    public MockIdentityRegistry(MockRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Size, RegistryPopulation.Capacity);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OutageLength, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Latency.Ticks, nameof(options.Latency));
        if (options.DifferenceShare is < 0 or > 1 || double.IsNaN(options.DifferenceShare))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DifferenceShare must lie between 0 and 1.");
        }

        if (options.FailureRate is < 0 or > 1 || double.IsNaN(options.FailureRate))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "FailureRate must lie between 0 and 1.");
        }

        Options = options;
        _population = new SyntheticPopulation(options.Seed);
        var included = new Dictionary<string, RegistryPerson>(StringComparer.Ordinal);
        foreach (var person in options.Include ?? [])
        {
            ArgumentNullException.ThrowIfNull(person);
            if (!included.TryAdd(person.IdNumber, person))
            {
                throw new ArgumentException($"An included ID number appears twice ({CitizenId.Mask(person.IdNumber)}).", nameof(options));
            }
        }

        _included = included.ToFrozenDictionary(StringComparer.Ordinal);
        _randomState = (ulong)(uint)options.Seed ^ 0xFA11_0000_0000_0000UL;
    }

    public MockRegistryOptions Options { get; }

    /// <summary>Switch the registry off and on (a manual outage, e.g. for a demo); while off every chunk fails as unavailable.</summary>
    public bool IsAvailable
    {
        get => _available;
        set => _available = value;
    }

    /// <summary>Chunk attempts so far, successful or not, over all calls.</summary>
    public int ChunkAttempts => Volatile.Read(ref _chunkAttempts);

    public async Task<RegistryBatchResult> CompareAsync(IReadOnlyList<RegistryQuery> persons, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(persons);
        var comparisons = new List<RegistryComparison>(persons.Count);
        for (var start = 0; start < persons.Count; start += Options.ChunkSize)
        {
            ct.ThrowIfCancellationRequested();
            var failure = await ServeChunkAsync(ct).ConfigureAwait(false);
            if (failure is not null)
            {
                var pending = new RegistryQuery[persons.Count - start];
                for (var i = 0; i < pending.Length; i++)
                {
                    pending[i] = persons[start + i];
                }

                return new RegistryBatchResult(comparisons, pending, failure);
            }

            var end = Math.Min(start + Options.ChunkSize, persons.Count);
            for (var i = start; i < end; i++)
            {
                comparisons.Add(Compare(persons[i]));
            }
        }

        return new RegistryBatchResult(comparisons, [], null);
    }

    /// <summary>Always null bytes (the mock has no pictures; <see cref="RegistryComparison.HasPhoto"/> says whether the registry would). Honours latency and <see cref="IsAvailable"/>.</summary>
    public async Task<byte[]?> GetPhotoAsync(string idNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (!IsAvailable)
        {
            throw new RegistryUnavailableException();
        }

        if (Options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(Options.Latency, ct).ConfigureAwait(false);
        }

        return Options.PhotoCodec is { } codec && TryGetRecord(idNumber, out var record) && record.HasPhoto
            ? SyntheticPortrait.Jpeg(record.IdNumber, codec)
            : null;
    }

    /// <summary>The record the registry holds for an ID number (after any planted difference), or false when unknown.</summary>
    public bool TryGetRecord(string idNumber, [NotNullWhen(true)] out RegistryPerson? record)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var id = idNumber.Length == 18 && idNumber[17] == 'x' ? string.Concat(idNumber.AsSpan(0, 17), "X") : idNumber;
        if (_included.TryGetValue(id, out var included))
        {
            if (Options.DifferIncluded)
            {
                var key = SyntheticPopulation.KeyOf(id);
                included = SyntheticPopulation.Apply(included, _population.DifferenceAt(key, Options.DifferenceShare), key);
            }

            record = included;
            return true;
        }

        var index = _population.IndexOf(id, out var slot);
        if (index < 0 || index >= Options.Size)
        {
            record = null;
            return false;
        }

        var person = _population.PersonAt(slot, id);
        record = SyntheticPopulation.Apply(person, _population.DifferenceAt(slot, Options.DifferenceShare), slot);
        return true;
    }

    /// <summary>How the registry's record for an ID number was made to differ from the submitted one (None when unknown or identical).</summary>
    public RegistryDifference PlantedDifference(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (_included.ContainsKey(idNumber))
        {
            return Options.DifferIncluded ? _population.DifferenceAt(SyntheticPopulation.KeyOf(idNumber), Options.DifferenceShare) : RegistryDifference.None;
        }

        var index = _population.IndexOf(idNumber, out var slot);
        return index < 0 || index >= Options.Size ? RegistryDifference.None : _population.DifferenceAt(slot, Options.DifferenceShare);
    }

    /// <summary>Compares one query with a registry record (the rule a real adapter's answers follow too).</summary>
    public static RegistryComparison Compare(RegistryQuery query, RegistryPerson? record, RegistryDisclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (record is null)
        {
            return RegistryComparison.NotFound(query);
        }

        var name = NamesEqual(query.Name, record.Name) ? ItemResult.Match : ItemResult.Mismatch;
        var sex = query.Sex == record.Sex ? ItemResult.Match : ItemResult.Mismatch;
        var ethnicityCode = Ethnicities.TryParse(query.EthnicityCode, out var e) ? e.Code : null;
        var ethnicity = string.Equals(ethnicityCode, record.EthnicityCode, StringComparison.Ordinal) ? ItemResult.Match : ItemResult.Mismatch;
        var birthDate = query.BirthDate == record.BirthDate ? ItemResult.Match : ItemResult.Mismatch;
        var photo = record.HasPhoto ? ItemResult.Match : ItemResult.NotFound;
        return new RegistryComparison(query, ItemResult.Match, name, sex, ethnicity, birthDate, photo)
        {
            RegistryName = Reveal(name, disclosure, RegistryDisclosure.Name) ? record.Name : null,
            RegistrySex = Reveal(sex, disclosure, RegistryDisclosure.Sex) ? record.Sex : null,
            RegistryEthnicityCode = Reveal(ethnicity, disclosure, RegistryDisclosure.Ethnicity) ? record.EthnicityCode : null,
            RegistryBirthDate = Reveal(birthDate, disclosure, RegistryDisclosure.BirthDate) ? record.BirthDate : null,
        };
    }

    private RegistryComparison Compare(RegistryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Compare(query, query.IdNumber is { } id && TryGetRecord(id, out var record) ? record : null, Options.Disclosure);
    }

    private static bool Reveal(ItemResult result, RegistryDisclosure policy, RegistryDisclosure item) =>
        result == ItemResult.Mismatch && (policy & item) != 0;

    /// <summary>Names compare ordinally after trimming, ignoring spaces and treating the middle-dot variants (·・•．) alike.</summary>
    private static bool NamesEqual(string? submitted, string registry)
    {
        if (submitted is null)
        {
            return false;
        }

        if (string.Equals(submitted, registry, StringComparison.Ordinal))
        {
            return true;
        }

        return string.Equals(FoldName(submitted), FoldName(registry), StringComparison.Ordinal);
    }

    private static string FoldName(string name) =>
        string.Concat(name.Where(c => !char.IsWhiteSpace(c)).Select(c => c is '・' or '•' or '．' or '‧' ? '·' : c));

    private async Task<RegistryFailure?> ServeChunkAsync(CancellationToken ct)
    {
        var attempt = Interlocked.Increment(ref _chunkAttempts);
        if (!IsAvailable)
        {
            return new RegistryFailure(RegistryFailureKind.Unavailable, "The identity registry is switched off.");
        }

        var planned = Options.OutageAfterChunks is { } after && attempt > after && attempt <= after + Options.OutageLength;
        if (planned || (Options.FailureRate > 0 && NextDouble() < Options.FailureRate))
        {
            if (Options.FailureKind == RegistryFailureKind.Timeout)
            {
                await DelayAsync(Options.Timeout ?? Options.Latency, ct).ConfigureAwait(false);
                return TimedOut();
            }

            return new RegistryFailure(RegistryFailureKind.Unavailable, "The identity registry is unavailable (simulated outage).");
        }

        if (Options.Timeout is { } timeout && Options.Latency > timeout)
        {
            await DelayAsync(timeout, ct).ConfigureAwait(false);
            return TimedOut();
        }

        await DelayAsync(Options.Latency, ct).ConfigureAwait(false);
        return null;
    }

    private RegistryFailure TimedOut() =>
        new(RegistryFailureKind.Timeout, $"The identity registry did not answer within {(Options.Timeout ?? Options.Latency).TotalMilliseconds:0} ms.");

    private static Task DelayAsync(TimeSpan delay, CancellationToken ct) => delay > TimeSpan.Zero ? Task.Delay(delay, ct) : Task.CompletedTask;

    private double NextDouble()
    {
        lock (_randomLock)
        {
            _randomState += 0x9E37_79B9_7F4A_7C15UL;
            return (SyntheticPopulation.SplitMix64(_randomState) >> 11) * (1.0 / (1UL << 53));
        }
    }
}
