using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Photos;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;
using SocialCard.Web.Photos;
using SocialCard.Web.Tests.Infrastructure;

namespace SocialCard.Web.Tests.Halls;

/// <summary>A person to put into a test batch; <see cref="OriginalIdNumber"/> is the 核对前 number (e.g. a legacy 15-digit one).</summary>
public sealed record PersonSpec(string Name, string IdNumber, string? OriginalIdNumber = null, string Ethnicity = "01");

/// <summary>
/// Builds hall review state directly through the portal's services (the hall's batch page, which would compare
/// and mark through the UI, is built elsewhere): declared batches, stored registry comparisons, marks and photos.
/// </summary>
public static class HallScenario
{
    private const string Actor = "测试（场景）";

    /// <summary>A unit of the hall with a declared batch of the persons (or a draft when <paramref name="declare"/> is false); person ids by name.</summary>
    public static async Task<(int BatchId, Dictionary<string, int> PersonIds)> BatchAsync(PortalFactory factory, TestUnit unit, IEnumerable<PersonSpec> persons, bool declare = true)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var specs = persons.ToList();
        var batch = TestBatches.Build(
            scope.ServiceProvider, unit.Id, "现场测试" + Guid.NewGuid().ToString("N")[..4], Actor, DateTimeOffset.UtcNow,
            specs.Select(s => TestBatches.Input(s.Name, s.IdNumber, s.Ethnicity)), declare,
            (person, i) => person.SetRosterColumns("P" + TestData.NextNumber(""), "在职", null, specs[i].OriginalIdNumber, null));
        db.Batches.Add(batch);
        await db.SaveChangesAsync();
        return (batch.Id, batch.Persons.ToDictionary(p => p.Name, p => p.Id));
    }

    /// <summary>Stores a registry comparison with the given outcome for each person, as the comparison run would.</summary>
    public static async Task CompareAsync(PortalFactory factory, int batchId, IReadOnlyDictionary<int, ComparisonOutcome> outcomes)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = outcomes.Keys.ToList();
        foreach (var p in await db.Persons.Where(p => ids.Contains(p.Id)).ToListAsync())
        {
            var query = new RegistryQuery(p.IdNumber, p.Name, p.Sex, p.EthnicityCode, p.BirthDate);
            var answer = outcomes[p.Id] switch
            {
                ComparisonOutcome.Matched => new RegistryComparison(query, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match),
                ComparisonOutcome.Mismatched => new RegistryComparison(query, ItemResult.Match, ItemResult.Mismatch, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.NotFound),
                _ => RegistryComparison.NotFound(query),
            };
            db.Comparisons.Add(new PersonComparison(p.Id, batchId, answer, DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
    }

    public static async Task AttachPortraitAsync(PortalFactory factory, int personId, byte[] jpeg)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Persons.SingleAsync(p => p.Id == personId);
        var attached = await scope.ServiceProvider.GetRequiredService<PhotoService>().AttachAsync(person, PhotoKind.Portrait, "portrait.jpg", jpeg, Actor, byHall: true);
        Assert.True(attached.Succeeded, attached.Error);
    }

    public static async Task MarkAsync(PortalFactory factory, int personId, HallMark mark, string reason)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Persons.SingleAsync(p => p.Id == personId);
        Assert.True(person.Mark(mark, reason, Actor, DateTimeOffset.UtcNow).Succeeded);
        await db.SaveChangesAsync();
    }

    public static async Task<T> QueryAsync<T>(PortalFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Posts form values (repeated names allowed, e.g. several <c>ids</c>) with the antiforgery token of <paramref name="tokenPage"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(PortalClient client, string tokenPage, string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        var page = await client.GetOkPageAsync(tokenPage);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}");
        return await client.Http.PostAsync(url, new FormUrlEncodedContent([.. values, new("__RequestVerificationToken", token)]));
    }

    public static IEnumerable<KeyValuePair<string, string>> Ids(params int[] ids) =>
        ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Follows a refusal's redirect and returns the Chinese error the page shows.</summary>
    public static async Task<string> RefusalAsync(PortalClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetOkPageAsync(response.Headers.Location!.OriginalString);
        return page.QuerySelector(".notice.error")?.TextContent ?? throw new InvalidOperationException("The page shows no error.");
    }
}
