using System.Diagnostics;
using SocialCard.Core.Persons;
using SocialCard.Core.Registry;

namespace SocialCard.Core.Tests.Registry;

public class MockIdentityRegistryTests
{
    private static readonly RegistryPerson Demo = new("430111199001010576", "欧阳娜娜", Sex.Male, "03", new DateOnly(1990, 1, 1));

    private static MockIdentityRegistry Mock(long size = 10_000, int seed = 7, double share = 0.05, int chunk = 1_000) =>
        new(new MockRegistryOptions { Size = size, Seed = seed, DifferenceShare = share, ChunkSize = chunk, Include = [Demo] });

    private static RegistryQuery[] Queries(int seed, int count, long start = 0) =>
        RegistryPopulation.Persons(seed, count, start).Select(p => p.ToQuery()).ToArray();

    [Fact]
    public void Population_is_deterministic_valid_and_distinct()
    {
        var a = RegistryPopulation.Persons(7, 2_000).ToList();
        var b = RegistryPopulation.Persons(7, 2_000).ToList();
        var other = RegistryPopulation.Persons(8, 2_000).ToList();

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(p => p.IdNumber), other.Select(p => p.IdNumber));
        Assert.Equal(a.Count, a.Select(p => p.IdNumber).Distinct().Count());
        foreach (var p in a)
        {
            var parsed = CitizenId.Parse(p.IdNumber, today: new DateOnly(2026, 11, 22));
            Assert.True(parsed.Id is not null, p.IdNumber);
            Assert.Equal(parsed.Id!.BirthDate, p.BirthDate);
            Assert.Equal(parsed.Id.Sex, p.Sex);
            Assert.True(Ethnicities.TryParse(p.EthnicityCode, out _));
            Assert.InRange(p.Name.Length, 2, 3);
        }

        Assert.InRange(a.Count(p => p.EthnicityCode == "01") / (double)a.Count, 0.88, 0.96);
    }

    [Fact]
    public async Task Same_seed_gives_same_answers()
    {
        var queries = Queries(7, 5_000);
        var first = await Mock().CompareAsync(queries, CancellationToken.None);
        var second = await Mock().CompareAsync(queries, CancellationToken.None);

        Assert.True(first.Completed);
        Assert.Equal(first.Comparisons, second.Comparisons);
        var otherSeed = await Mock(seed: 8).CompareAsync(queries, CancellationToken.None);
        Assert.All(otherSeed.Comparisons, c => Assert.False(c.Found));
    }

    [Fact]
    public async Task Included_person_matches_exactly()
    {
        var result = await Mock().CompareAsync([Demo.ToQuery()], CancellationToken.None);

        var c = Assert.Single(result.Comparisons);
        Assert.True(c.AllMatch);
        Assert.All(RegistryComparison.Items, item => Assert.Equal(ItemResult.Match, c[item]));
        Assert.Null(c.RegistryName);
        Assert.Equal(RegistryDifference.None, Mock().PlantedDifference(Demo.IdNumber));
    }

    [Fact]
    public async Task Included_persons_may_carry_planted_differences_when_asked()
    {
        var demo = RegistryPopulation.Persons(99, 400).ToList(); // another seed: not in the synthetic population
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 1_000, Seed = 7, DifferenceShare = 0.5, Include = demo, DifferIncluded = true });

        var result = await mock.CompareAsync(demo.Select(p => p.ToQuery()).ToList(), CancellationToken.None);

        Assert.All(result.Comparisons, c => Assert.True(c.Found));
        Assert.InRange(result.Comparisons.Count(c => !c.AllMatch), 140, 260);
    }

    [Fact]
    public async Task Each_planted_difference_is_detected_on_its_item_and_revealed_per_policy()
    {
        var mock = Mock(share: 0.2);
        var queries = Queries(7, 5_000);

        var result = await mock.CompareAsync(queries, CancellationToken.None);

        var seen = new HashSet<RegistryDifference>();
        foreach (var c in result.Comparisons)
        {
            var planted = mock.PlantedDifference(c.Query.IdNumber);
            seen.Add(planted);
            Assert.Equal(ItemResult.Match, c.IdNumberResult);
            Assert.Equal(ItemResult.Match, c.SexResult);
            Assert.Equal(planted == RegistryDifference.Name ? ItemResult.Mismatch : ItemResult.Match, c.NameResult);
            Assert.Equal(planted == RegistryDifference.Ethnicity ? ItemResult.Mismatch : ItemResult.Match, c.EthnicityResult);
            Assert.Equal(planted == RegistryDifference.BirthDate ? ItemResult.Mismatch : ItemResult.Match, c.BirthDateResult);
            Assert.Equal(planted == RegistryDifference.NoPhoto ? ItemResult.NotFound : ItemResult.Match, c.PhotoResult);
            Assert.Equal(planted != RegistryDifference.NoPhoto, c.HasPhoto);
            Assert.Equal(planted == RegistryDifference.None, c.AllMatch);

            Assert.True(mock.TryGetRecord(c.Query.IdNumber, out var record));
            Assert.Equal(planted == RegistryDifference.Name ? record.Name : null, c.RegistryName);
            Assert.Equal(planted == RegistryDifference.Ethnicity ? record.EthnicityCode : null, c.RegistryEthnicityCode);
            Assert.Equal(planted == RegistryDifference.BirthDate ? record.BirthDate : null, c.RegistryBirthDate);
            Assert.Null(c.RegistrySex);
        }

        Assert.Equal(Enum.GetValues<RegistryDifference>().ToHashSet(), seen);
    }

    [Fact]
    public async Task Submitted_errors_are_mismatches_and_disclosure_none_reveals_nothing()
    {
        var person = RegistryPopulation.Persons(7, 50).First(p => Mock().PlantedDifference(p.IdNumber) == RegistryDifference.None);
        var wrong = new RegistryQuery(person.IdNumber, person.Name + "子", person.Sex == Sex.Male ? Sex.Female : Sex.Male, null, null);
        var hidden = new MockIdentityRegistry(new MockRegistryOptions { Size = 10_000, Seed = 7, Disclosure = RegistryDisclosure.None });

        var shown = Assert.Single((await Mock().CompareAsync([wrong], CancellationToken.None)).Comparisons);
        var none = Assert.Single((await hidden.CompareAsync([wrong], CancellationToken.None)).Comparisons);

        Assert.Equal(
            [ItemResult.Match, ItemResult.Mismatch, ItemResult.Mismatch, ItemResult.Mismatch, ItemResult.Mismatch, ItemResult.Match],
            RegistryComparison.Items.Select(i => shown[i]));
        Assert.Equal((person.Name, (Sex?)null, person.EthnicityCode, (DateOnly?)person.BirthDate), (shown.RegistryName, shown.RegistrySex, shown.RegistryEthnicityCode, shown.RegistryBirthDate));
        Assert.Equal(((string?)null, (Sex?)null, (string?)null, (DateOnly?)null), (none.RegistryName, none.RegistrySex, none.RegistryEthnicityCode, none.RegistryBirthDate));
    }

    [Fact]
    public async Task Equivalent_submitted_forms_match()
    {
        var person = RegistryPopulation.Persons(7, 50).First(p => Mock().PlantedDifference(p.IdNumber) == RegistryDifference.None);
        var name = Ethnicities.All.Single(e => e.Code == person.EthnicityCode).Name;
        var query = person.ToQuery() with { Name = $" {person.Name} ", EthnicityCode = name };

        var c = Assert.Single((await Mock().CompareAsync([query], CancellationToken.None)).Comparisons);

        Assert.True(c.AllMatch);
    }

    [Theory]
    [InlineData("110101199003077777")] // valid form, not generated for this seed or outside the size
    [InlineData("370705199001011231")] // wrong check character
    [InlineData("12345")]
    [InlineData("")]
    public async Task Unknown_id_is_not_found_on_every_item(string id)
    {
        var c = Assert.Single((await Mock().CompareAsync([new RegistryQuery(id, "张三", Sex.Male, "01", null)], CancellationToken.None)).Comparisons);

        Assert.False(c.Found);
        Assert.All(RegistryComparison.Items, item => Assert.Equal(ItemResult.NotFound, c[item]));
    }

    [Fact]
    public async Task Valid_ids_beyond_the_size_are_not_found()
    {
        var outsiders = Queries(7, 500, start: 10_000);

        var result = await Mock().CompareAsync(outsiders, CancellationToken.None);

        Assert.All(result.Comparisons, c => Assert.False(c.Found));
    }

    [Fact]
    public async Task Difference_shares_are_within_tolerance_over_100k_persons()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 1_000_000, Seed = 3, DifferenceShare = 0.05 });
        var queries = Queries(3, 100_000);

        var result = await mock.CompareAsync(queries, CancellationToken.None);

        Assert.True(result.Completed);
        Assert.Equal(100_000, result.Comparisons.Count);
        Assert.All(result.Comparisons, c => Assert.True(c.Found));
        Assert.InRange(result.Comparisons.Count(c => !c.AllMatch), 4_700, 5_300);
        Assert.InRange(result.Comparisons.Count(c => c.NameResult == ItemResult.Mismatch), 1_100, 1_400);
        Assert.InRange(result.Comparisons.Count(c => c.EthnicityResult == ItemResult.Mismatch), 1_100, 1_400);
        Assert.InRange(result.Comparisons.Count(c => c.BirthDateResult == ItemResult.Mismatch), 1_100, 1_400);
        Assert.InRange(result.Comparisons.Count(c => !c.HasPhoto), 1_100, 1_400);
    }

    [Fact]
    public async Task Outage_mid_batch_keeps_partial_results_and_retry_completes_without_loss_or_repeat()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 10_000, Seed = 7, ChunkSize = 1_000, OutageAfterChunks = 3, OutageLength = 2 });
        var queries = Queries(7, 7_500);

        var first = await mock.CompareAsync(queries, CancellationToken.None);

        Assert.False(first.Completed);
        Assert.Equal(RegistryFailureKind.Unavailable, first.Failure!.Kind);
        Assert.Equal(3_000, first.Comparisons.Count);
        Assert.Equal(queries.Skip(3_000), first.Pending);

        var second = first.Merge(await mock.CompareAsync(first.Pending, CancellationToken.None)); // still out: nothing gained, nothing lost
        Assert.Equal(3_000, second.Comparisons.Count);
        Assert.Equal(4_500, second.Pending.Count);

        var done = second.Merge(await mock.CompareAsync(second.Pending, CancellationToken.None));
        Assert.True(done.Completed);
        Assert.Null(done.Failure);
        Assert.Equal(queries, done.Comparisons.Select(c => c.Query)); // each once, in order
        var direct = await Mock().CompareAsync(queries, CancellationToken.None);
        Assert.Equal(direct.Comparisons, done.Comparisons);
    }

    [Fact]
    public async Task CompareAllAsync_retries_pending_under_random_failures()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 10_000, Seed = 7, ChunkSize = 500, FailureRate = 0.3 });
        var queries = Queries(7, 10_000);

        var result = await mock.CompareAllAsync(queries, maxAttempts: 200, TimeSpan.Zero, CancellationToken.None);

        Assert.True(result.Completed);
        Assert.Equal(queries, result.Comparisons.Select(c => c.Query));
        Assert.True(mock.ChunkAttempts > 20, $"{mock.ChunkAttempts} chunk attempts: some should have failed");
    }

    [Fact]
    public async Task Switched_off_registry_returns_everything_pending_and_photo_call_throws()
    {
        var mock = Mock();
        mock.IsAvailable = false;
        var queries = Queries(7, 10);

        var result = await mock.CompareAsync(queries, CancellationToken.None);

        Assert.Empty(result.Comparisons);
        Assert.Equal(queries, result.Pending);
        await Assert.ThrowsAsync<RegistryUnavailableException>(() => mock.GetPhotoAsync(queries[0].IdNumber, CancellationToken.None));
        mock.IsAvailable = true;
        Assert.Null(await mock.GetPhotoAsync(queries[0].IdNumber, CancellationToken.None));
    }

    [Fact]
    public async Task Latency_applies_per_chunk()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 10_000, Seed = 7, ChunkSize = 100, Latency = TimeSpan.FromMilliseconds(15) });
        var queries = Queries(7, 400);

        var watch = Stopwatch.StartNew();
        var result = await mock.CompareAsync(queries, CancellationToken.None);

        Assert.True(result.Completed);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(55), $"{watch.Elapsed.TotalMilliseconds} ms for 4 chunks of 15 ms");
        Assert.Equal(4, mock.ChunkAttempts);
    }

    [Fact]
    public async Task Slow_registry_times_out_after_the_timeout_not_the_latency()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions
        {
            Size = 10_000,
            Seed = 7,
            ChunkSize = 100,
            Latency = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromMilliseconds(20),
        });

        var watch = Stopwatch.StartNew();
        var result = await mock.CompareAsync(Queries(7, 300), CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"{watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(RegistryFailureKind.Timeout, result.Failure!.Kind);
        Assert.Empty(result.Comparisons);
        Assert.Equal(300, result.Pending.Count);
    }

    [Fact]
    public async Task Planned_timeout_fails_one_chunk_and_keeps_the_rest()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions
        {
            Size = 10_000,
            Seed = 7,
            ChunkSize = 100,
            OutageAfterChunks = 1,
            FailureKind = RegistryFailureKind.Timeout,
            Timeout = TimeSpan.FromMilliseconds(10),
        });
        var queries = Queries(7, 300);

        var first = await mock.CompareAsync(queries, CancellationToken.None);
        var done = first.Merge(await mock.CompareAsync(first.Pending, CancellationToken.None));

        Assert.Equal((100, RegistryFailureKind.Timeout), (first.Comparisons.Count, first.Failure!.Kind));
        Assert.Equal(queries, done.Comparisons.Select(c => c.Query));
    }

    [Fact]
    public async Task Cancellation_throws()
    {
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 10_000, Seed = 7, ChunkSize = 100, Latency = TimeSpan.FromSeconds(5) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => mock.CompareAsync(Queries(7, 300), cts.Token));
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_answers()
    {
        var mock = Mock(size: 100_000, share: 0.2);
        var queries = Queries(7, 20_000);
        var expected = (await mock.CompareAsync(queries, CancellationToken.None)).Comparisons;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => mock.CompareAsync(queries, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(expected, r.Comparisons));
    }

    [Fact]
    public void Building_a_million_person_registry_is_instant()
    {
        var watch = Stopwatch.StartNew();
        var mock = new MockIdentityRegistry(new MockRegistryOptions { Size = 1_000_000, Include = [Demo] });
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{watch.Elapsed.TotalMilliseconds} ms");
        var last = RegistryPopulation.Persons(mock.Options.Seed, 1, start: 999_999).Single();
        Assert.True(mock.TryGetRecord(last.IdNumber, out _));
        Assert.False(mock.TryGetRecord(RegistryPopulation.Persons(mock.Options.Seed, 1, start: 1_000_000).Single().IdNumber, out _));
    }
}
