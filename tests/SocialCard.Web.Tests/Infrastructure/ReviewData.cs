using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SocialCard.Core.Batches;
using SocialCard.Core.Exports;
using SocialCard.Core.Persons;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Core.Units;
using SocialCard.Data;

namespace SocialCard.Web.Tests.Infrastructure;

/// <summary>
/// Builds the states of the hall's review (declared, returned and accepted batches, registry comparisons, hall marks,
/// on-site photo schedules, exports) straight through the domain methods and the database, for pages that show them.
/// </summary>
public static class ReviewData
{
    public const string Actor = "test（测试）";

    /// <summary>A hall with a name of the test's choosing (the staff accounts of <see cref="TestData"/> are not needed).</summary>
    public static async Task<int> CreateHallAsync(PortalFactory factory, string name, string? address = null)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hall = new Hall("H" + TestData.NextNumber("")[..8], name) { Address = address };
        db.Halls.Add(hall);
        await db.SaveChangesAsync();
        return hall.Id;
    }

    /// <summary>A batch of <paramref name="unit"/> in <paramref name="status"/> with the given persons and their review state.</summary>
    public static async Task<ReviewBatch> AddBatchAsync(PortalFactory factory, TestUnit unit, BatchStatus status, params PersonSpec[] persons)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var at = DateTimeOffset.UtcNow;
        var batch = TestBatches.Build(
            scope.ServiceProvider, unit.Id, "测试批次" + Guid.NewGuid().ToString("N")[..4], Actor, at,
            persons.Select(s => TestBatches.Input(s.Name, s.IdNumber)), declare: status != BatchStatus.Draft);
        var stored = batch.Persons.ToList();
        db.Batches.Add(batch);
        await db.SaveChangesAsync();

        if (status == BatchStatus.Returned)
        {
            Assert.True(batch.Return(Actor, at, "测试退回").Succeeded);
        }

        for (var i = 0; i < persons.Length; i++)
        {
            var (spec, person) = (persons[i], stored[i]);
            if (spec.Outcome is { } outcome)
            {
                db.Comparisons.Add(new PersonComparison(person.Id, batch.Id, Answer(person, outcome), at));
            }

            if (spec.Mark != HallMark.None)
            {
                Assert.True(person.Mark(spec.Mark, spec.Reason ?? "测试原因", Actor, at).Succeeded);
            }

            if (spec.PhotoDate is { } date)
            {
                Assert.True(person.ScheduleOnSitePhoto(date, spec.PhotoHallId ?? throw new ArgumentException("A schedule needs a hall.", nameof(persons))).Succeeded);
            }

            if (spec.PhotoTaken)
            {
                Assert.True(person.RecordOnSitePhotoTaken(at).Succeeded);
            }
        }

        if (status == BatchStatus.Accepted)
        {
            Assert.True(batch.Accept(Actor, at.AddMinutes(1), notCompared: 0).Succeeded);
        }

        await db.SaveChangesAsync();

        var exported = stored.Where((_, i) => persons[i].Exported).ToList();
        if (exported.Count > 0)
        {
            var number = await db.Exports.CountAsync(e => e.UnitId == unit.Id) + 1;
            var export = new DataExport(unit.Id, unit.Number, number, Actor, at.AddMinutes(2));
            export.Complete(exported.Count, 0, new string('0', 64), DataExport.FileNameFor(unit.Number, number));
            db.Exports.Add(export);
            await db.SaveChangesAsync();
            foreach (var person in exported)
            {
                person.MarkExported(export.Id, at.AddMinutes(2));
            }

            await db.SaveChangesAsync();
        }

        return new ReviewBatch(batch.Id, [.. stored.Select(p => p.Id)]);
    }

    /// <summary>
    /// A registry answer with the given outcome. A mismatch differs in the name (with the registry's name disclosed,
    /// so pages can be checked not to show it) and has no registry photo.
    /// </summary>
    public static RegistryComparison Answer(InsuredPerson person, ComparisonOutcome outcome)
    {
        var query = new RegistryQuery(person.IdNumber, person.Name, person.Sex, person.EthnicityCode, person.BirthDate);
        return outcome switch
        {
            ComparisonOutcome.Matched => new(query, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.Match),
            ComparisonOutcome.Mismatched => new(query, ItemResult.Match, ItemResult.Mismatch, ItemResult.Match, ItemResult.Match, ItemResult.Match, ItemResult.NotFound)
            {
                RegistryName = RegistryNameOfMismatch,
            },
            _ => RegistryComparison.NotFound(query),
        };
    }

    /// <summary>The registry's (disclosed) name in a mismatch answer.</summary>
    public const string RegistryNameOfMismatch = "库中姓名";
}

/// <summary>One person of <see cref="ReviewData.AddBatchAsync"/> and what the hall did with them.</summary>
public sealed record PersonSpec(string Name, string IdNumber)
{
    public ComparisonOutcome? Outcome { get; init; }

    public HallMark Mark { get; init; }

    public string? Reason { get; init; }

    public DateOnly? PhotoDate { get; init; }

    public int? PhotoHallId { get; init; }

    public bool PhotoTaken { get; init; }

    public bool Exported { get; init; }
}

public sealed record ReviewBatch(int Id, IReadOnlyList<int> PersonIds);
