using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Registry;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Review;

/// <summary>
/// Declared batches of persons drawn from the mock registry's population, stored straight through the domain (the
/// unit's upload path is tested elsewhere): persons the registry holds exactly, persons whose name the unit wrote
/// differently, and persons the registry does not know.
/// </summary>
public static class DeclaredBatches
{
    private static long _next = Random.Shared.Next(0, 400) * 1_000;

    /// <summary>Registry persons without planted differences, each used by one test only.</summary>
    public static List<RegistryPerson> Matching(PortalFactory factory, int count)
    {
        var registry = factory.Services.GetRequiredService<MockIdentityRegistry>();
        var result = new List<RegistryPerson>();
        while (result.Count < count)
        {
            var start = Interlocked.Add(ref _next, 50) - 50;
            result.AddRange(RegistryPopulation.Persons(registry.Options.Seed, 50, start)
                .Where(p => registry.PlantedDifference(p.IdNumber) == RegistryDifference.None && p.BirthDate.Year is >= 1955 and <= 2005)
                .Take(count - result.Count));
        }

        return result;
    }

    /// <summary>Valid ID numbers the registry does not hold.</summary>
    public static List<RegistryPerson> Unknown(PortalFactory factory, int count)
    {
        var registry = factory.Services.GetRequiredService<MockIdentityRegistry>();
        var start = registry.Options.Size + Interlocked.Add(ref _next, count) - count;
        return RegistryPopulation.Persons(registry.Options.Seed, count, start).ToList();
    }

    /// <summary>Stores a declared batch of <paramref name="persons"/> for the unit; returns its id and the person ids in order.</summary>
    public static async Task<(int BatchId, List<int> PersonIds)> CreateAsync(PortalFactory factory, int unitId, IReadOnlyList<RegistryPerson> persons, string title = "待审批次")
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = TestBatches.Build(
            scope.ServiceProvider, unitId, title, "test", DateTimeOffset.UtcNow, persons.Select((p, i) => Input(p, i + 2)),
            shape: (person, i) => person.SourceRow = i + 2);
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
        return (batch.Id, batch.Persons.Select(p => p.Id).ToList());
    }

    public static PersonInput Input(RegistryPerson p, int row) => new(
        p.Name,
        p.IdNumber,
        p.Sex.ToChinese(),
        p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        p.EthnicityCode,
        $"1390536{row % 10_000:D4}",
        "261000",
        $"山东省潍坊市奎文区测试路 {row} 号");
}
