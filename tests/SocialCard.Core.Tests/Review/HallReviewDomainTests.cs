using SocialCard.Core.Persons;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;

namespace SocialCard.Core.Tests.Review;

public sealed class HallReviewDomainTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_mark_needs_a_reason_and_changes_nothing_without_one()
    {
        var person = new InsuredPerson(1, At);
        var refused = person.Mark(HallMark.OnSitePhoto, "  ", "hall01", At);
        Assert.False(refused.Succeeded);
        Assert.Contains("原因", refused.Error);
        Assert.Equal(HallMark.None, person.HallMark);
        Assert.False(person.IsHeldByHall);
    }

    [Fact]
    public void An_onsite_photo_mark_holds_the_person_until_the_photo_is_taken()
    {
        var person = new InsuredPerson(1, At);
        Assert.False(person.ScheduleOnSitePhoto(new DateOnly(2026, 12, 1), 3).Succeeded);
        Assert.True(person.Mark(HallMark.OnSitePhoto, "库中无相片", "hall01", At).Succeeded);
        Assert.True(person.IsHeldByHall);
        Assert.True(person.ScheduleOnSitePhoto(new DateOnly(2026, 12, 1), 3).Succeeded);
        Assert.Equal(3, person.OnSitePhotoHallId);
        Assert.True(person.RecordOnSitePhotoTaken(At.AddDays(9)).Succeeded);
        Assert.False(person.IsHeldByHall);
        Assert.False(person.RecordOnSitePhotoTaken(At.AddDays(10)).Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 1), person.OnSitePhotoDate);
    }

    [Fact]
    public void A_correction_mark_clears_the_schedule_and_clearing_removes_the_hold()
    {
        var person = new InsuredPerson(1, At);
        person.Mark(HallMark.OnSitePhoto, "库中无相片", "hall01", At);
        person.ScheduleOnSitePhoto(new DateOnly(2026, 12, 1), 3);
        Assert.True(person.Mark(HallMark.Correction, "姓名与户籍不符", "hall01", At).Succeeded);
        Assert.Null(person.OnSitePhotoDate);
        Assert.True(person.IsHeldByHall);
        Assert.True(person.Mark(HallMark.None, null, "hall01", At).Succeeded);
        Assert.False(person.IsHeldByHall);
        Assert.Null(person.HallMarkReason);
    }

    [Fact]
    public void An_exported_person_is_exported_once_and_no_longer_marked()
    {
        var person = new InsuredPerson(1, At);
        person.MarkExported(7, At);
        Assert.Throws<InvalidOperationException>(() => person.MarkExported(8, At));
        Assert.False(person.Mark(HallMark.Correction, "理由", "hall01", At).Succeeded);
        Assert.Equal(7, person.ExportId);
    }

    [Fact]
    public void The_stored_outcome_follows_the_registry_answer()
    {
        var holder = RegistryPopulation.Persons(1, 1).Single();
        var query = holder.ToQuery();
        var match = MockIdentityRegistry.Compare(query, holder, RegistryDisclosure.HallStaff);
        Assert.Equal(ComparisonOutcome.Matched, new PersonComparison(1, 1, match, At).Outcome);

        var renamed = query with { Name = query.Name + "华" };
        var mismatch = new PersonComparison(2, 1, MockIdentityRegistry.Compare(renamed, holder, RegistryDisclosure.HallStaff), At);
        Assert.Equal(ComparisonOutcome.Mismatched, mismatch.Outcome);
        Assert.Equal([RegistryItem.Name], mismatch.Differences);
        Assert.Equal(holder.Name, mismatch.RegistryName);

        var unknown = new PersonComparison(3, 1, RegistryComparison.NotFound(query), At);
        Assert.Equal(ComparisonOutcome.NotFound, unknown.Outcome);
        Assert.False(unknown.RegistryHasPhoto);
    }
}
