using SocialCard.Core.Exports;
using SocialCard.Core.Persons;
using SocialCard.Core.Review;
using SocialCard.Core.Tests.Support;

namespace SocialCard.Core.Tests.Exports;

/// <summary>Who goes into the next export, and why the others wait.</summary>
public sealed class ExportPlannerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Own_photo_wins_over_the_registry_and_persons_without_any_photo_wait()
    {
        var own = Person("张三", Ids.Male);
        var registry = Person("李四", Ids.Female);
        var none = Person("王五", Ids.Make("110101", "19850312", "031"));
        var plan = ExportPlanner.Plan([new(own, "hash-1", true), new(registry, null, true), new(none, null, false)], photoRequired: true);

        Assert.Equal(["张三", "李四"], plan.Ready.Select(r => r.Person.Name));
        Assert.Equal(ExportPhotoSource.File, plan.Ready[0].Export.PhotoSource);
        Assert.Equal("hash-1", plan.Ready[0].Export.PhotoKey);
        Assert.Equal(ExportPhotoSource.Registry, plan.Ready[1].Export.PhotoSource);
        Assert.Null(plan.Ready[1].Export.PhotoKey);
        var held = Assert.Single(plan.Held);
        Assert.Same(none, held.Person);
        Assert.Contains("没有照片", held.Reason);
    }

    [Fact]
    public void Kindergarten_children_need_no_photo()
    {
        var plan = ExportPlanner.Plan([new(Person("小明", Ids.Male), null, false)], photoRequired: false);
        Assert.Equal(ExportPhotoSource.None, Assert.Single(plan.Ready).Export.PhotoSource);
        Assert.Empty(plan.Held);
    }

    [Fact]
    public void Open_hall_marks_hold_the_person_with_the_reason_and_closed_ones_do_not()
    {
        var correction = Person("张三", Ids.Male);
        Assert.True(correction.Mark(HallMark.Correction, "姓名与户口簿不一致", "hall", At).Succeeded);
        var onSite = Person("李四", Ids.Female);
        Assert.True(onSite.Mark(HallMark.OnSitePhoto, "照片比对不一致", "hall", At).Succeeded);
        Assert.True(onSite.ScheduleOnSitePhoto(new DateOnly(2026, 12, 1), 1).Succeeded);
        var taken = Person("王五", Ids.Make("110101", "19850312", "031"));
        Assert.True(taken.Mark(HallMark.OnSitePhoto, "无库内相片", "hall", At).Succeeded);
        Assert.True(taken.RecordOnSitePhotoTaken(At).Succeeded);

        var plan = ExportPlanner.Plan([new(correction, "a", true), new(onSite, "b", true), new(taken, "c", false)], photoRequired: true);

        Assert.Equal("王五", Assert.Single(plan.Ready).Person.Name);
        Assert.Equal("采集点标记“信息更正”：姓名与户口簿不一致", plan.Held.Single(h => h.Person == correction).Reason);
        Assert.Equal("待现场拍照（预约 2026-12-01）：照片比对不一致", plan.Held.Single(h => h.Person == onSite).Reason);
    }

    [Fact]
    public void Each_id_number_goes_out_once_never_twice_in_a_zip_nor_again_later()
    {
        var first = Person("张三", Ids.Male);
        var again = Person("张三", Ids.Male);
        var before = Person("李四", Ids.Female);
        var exported = new Dictionary<string, string> { [Ids.Female] = "1111011out_1.zip" };

        var plan = ExportPlanner.Plan([new(first, "a", false), new(again, "b", false), new(before, "c", false)], true, exported);

        Assert.Same(first, Assert.Single(plan.Ready).Person);
        Assert.Contains("张三", plan.Held.Single(h => h.Person == again).Reason);
        Assert.Contains("1111011out_1.zip", plan.Held.Single(h => h.Person == before).Reason);
    }

    [Fact]
    public void Already_exported_persons_are_ignored()
    {
        var person = Person("张三", Ids.Male);
        person.MarkExported(5, At);
        var plan = ExportPlanner.Plan([new(person, "a", true)], true);
        Assert.Empty(plan.Ready);
        Assert.Empty(plan.Held);
        Assert.Throws<InvalidOperationException>(() => person.MarkExported(6, At));
    }

    [Fact]
    public void Roster_values_come_from_the_stored_person()
    {
        var person = Person("阿依古丽·买买提", Ids.Female, ethnicity: "05", sex: "女");
        person.SetRosterColumns("P0001", "在职", "阿依古丽", Ids.Female, "三年级一班");
        var export = ExportPerson.From(person, ExportPhotoSource.File, "k");

        Assert.Equal("05 维吾尔族", export.Ethnicity);
        Assert.Equal("女", export.Sex);
        Assert.Equal("1990-01-01", export.BirthDate);
        Assert.Equal("三年级一班", export.ClassOrDepartment);
        Assert.Equal("P0001", export.PersonalNumber);
        Assert.Equal("阿依古丽", export.OriginalName);
    }

    private static InsuredPerson Person(string name, string id, string ethnicity = "01", string? sex = null)
    {
        var person = new InsuredPerson(1, At);
        person.Apply(People.Validate(People.Valid with { Name = name, IdNumber = id, Sex = sex ?? SexOf(id), BirthDate = null, Ethnicity = ethnicity }), At);
        Assert.Equal(0, person.ErrorCount);
        return person;
    }

    private static string SexOf(string id) => (id[16] - '0') % 2 == 1 ? "男" : "女";
}
