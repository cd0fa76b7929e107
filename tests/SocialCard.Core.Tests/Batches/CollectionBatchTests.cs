using SocialCard.Core.Batches;
using SocialCard.Core.Common;
using SocialCard.Core.Persons;

namespace SocialCard.Core.Tests.Batches;

public sealed class CollectionBatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_batch_is_a_draft_with_its_creation_in_the_history()
    {
        var batch = new CollectionBatch(7, " 第一批 ", "clerk", T0);
        Assert.Equal(BatchStatus.Draft, batch.Status);
        Assert.Equal("第一批", batch.Title);
        var created = Assert.Single(batch.History);
        Assert.Equal(BatchAction.Create, created.Action);
        Assert.Null(created.From);
        Assert.Equal("clerk", created.Actor);
    }

    [Fact]
    public void Empty_batch_cannot_be_declared()
    {
        var batch = new CollectionBatch(7, "b", "clerk", T0);
        var result = batch.Declare("clerk", T0);
        Assert.False(result.Succeeded);
        Assert.Contains("还没有人员", result.Error);
        Assert.Equal(BatchStatus.Draft, batch.Status);
    }

    [Fact]
    public void Batch_with_a_person_in_error_cannot_be_declared_and_the_refusal_names_them()
    {
        var batch = new CollectionBatch(7, "b", "clerk", T0);
        batch.AddPerson(Person(7, "张三", "36042619910102009X"));
        var result = batch.Declare("clerk", T0);
        Assert.False(result.Succeeded);
        Assert.Contains("张三", result.Error);
        Assert.Equal(BatchStatus.Draft, batch.Status);
    }

    [Fact]
    public void Declare_withdraw_redeclare_records_every_transition()
    {
        var batch = new CollectionBatch(7, "b", "clerk", T0);
        Assert.True(batch.AddPerson(Person(7, "李四", "11010120170210193X")).Succeeded);

        Assert.True(batch.Declare("clerk", T0.AddHours(1)).Succeeded);
        Assert.Equal(BatchStatus.Declared, batch.Status);
        Assert.Equal(T0.AddHours(1), batch.DeclaredAt);
        Assert.False(batch.IsEditableByUnit);
        Assert.False(batch.AddPerson(Person(7, "王五", "120110198012010073")).Succeeded);
        Assert.False(batch.Declare("clerk", T0).Succeeded);

        Assert.True(batch.Withdraw("clerk", T0.AddHours(2)).Succeeded);
        Assert.Equal(BatchStatus.Draft, batch.Status);
        Assert.Null(batch.DeclaredAt);
        Assert.True(batch.Declare("clerk", T0.AddHours(3)).Succeeded);

        Assert.Equal(
            [BatchAction.Create, BatchAction.Declare, BatchAction.Withdraw, BatchAction.Declare],
            batch.History.Select(h => h.Action));
        Assert.Equal(BatchStatus.Declared, batch.History[^2].From);
        Assert.Equal(BatchStatus.Draft, batch.History[^2].To);
    }

    [Fact]
    public void Illegal_transitions_are_refused()
    {
        var batch = new CollectionBatch(7, "b", "clerk", T0);
        Assert.False(batch.Withdraw("clerk", T0).Succeeded);
        Assert.False(batch.Accept("hall", T0, notCompared: 0).Succeeded);
        Assert.False(batch.Return("hall", T0, "照片不合格").Succeeded);
        Assert.Single(batch.History);

        batch.AddPerson(Person(7, "李四", "11010120170210193X"));
        batch.Declare("clerk", T0);
        Assert.False(batch.Return("hall", T0, "  ").Succeeded);
        Assert.True(batch.Accept("hall", T0, notCompared: 0).Succeeded);
        Assert.False(batch.Withdraw("clerk", T0).Succeeded);
        Assert.False(batch.Return("hall", T0, "太晚了").Succeeded);
        Assert.Equal(BatchStatus.Accepted, batch.Status);
    }

    [Fact]
    public void Hall_rules_follow_the_status_and_accept_needs_everyone_compared()
    {
        var batch = new CollectionBatch(7, "b", "clerk", T0);
        Assert.False(batch.CheckHallMarks().Succeeded);
        Assert.False(batch.CheckComparison().Succeeded);
        Assert.Contains("申领表", batch.CheckHallForms("申领表").Error);

        batch.AddPerson(Person(7, "李四", "11010120170210193X"));
        batch.Declare("clerk", T0);
        Assert.True(batch.CheckHallMarks().Succeeded);
        Assert.True(batch.CheckComparison().Succeeded);
        Assert.True(batch.CheckHallForms("申领表").Succeeded);

        var refused = batch.Accept("hall", T0, notCompared: 3);
        Assert.False(refused.Succeeded);
        Assert.Contains("3 人未与身份信息库比对", refused.Error);
        Assert.Equal(BatchStatus.Declared, batch.Status);

        var tooLong = batch.Return("hall", T0, new string('照', CollectionBatch.ReturnReasonMaxLength + 1));
        Assert.Equal(ResultKind.Refused, tooLong.Kind);
        Assert.Contains("最多 500 个字", tooLong.Error);
        Assert.True(batch.Return("hall", T0, new string('照', CollectionBatch.ReturnReasonMaxLength)).Succeeded);
    }

    [Fact]
    public void Returned_batch_carries_the_reason_and_is_editable_again()
    {
        var batch = new CollectionBatch(7, "b", "clerk", T0);
        batch.AddPerson(Person(7, "李四", "11010120170210193X"));
        batch.Declare("clerk", T0);
        Assert.True(batch.Return("hall", T0, " 3人照片不合格 ").Succeeded);
        Assert.Equal(BatchStatus.Returned, batch.Status);
        Assert.Equal("3人照片不合格", batch.ReturnReason);
        Assert.True(batch.IsEditableByUnit);
        Assert.True(batch.Declare("clerk", T0).Succeeded);
        Assert.Null(batch.ReturnReason);
    }

    [Fact]
    public void A_person_of_another_unit_cannot_join_the_batch()
    {
        var batch = new CollectionBatch(7, "b", "clerk", T0);
        Assert.Throws<InvalidOperationException>(() => batch.AddPerson(Person(8, "李四", "11010120170210193X")));
    }

    private static InsuredPerson Person(int unitId, string name, string id)
    {
        var person = new InsuredPerson(unitId, T0);
        var validation = PersonValidator.Validate(
            new PersonInput(name, id, CitizenId.Parse(id).Id?.Sex == Sex.Male ? "男" : "女", null, "01", "13912345678", "261041", "山东省潍坊市奎文区"),
            new PersonValidationOptions { AddressMaxLength = 24, Today = new DateOnly(2026, 11, 22) });
        person.Apply(validation, T0);
        return person;
    }
}
