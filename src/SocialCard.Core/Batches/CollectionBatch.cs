using SocialCard.Core.Common;
using SocialCard.Core.Persons;
using SocialCard.Core.Units;

namespace SocialCard.Core.Batches;

/// <summary>
/// A unit's collection batch (采集批次). It owns its status transitions: pages call the methods
/// below, which refuse illegal moves, and never set <see cref="Status"/> themselves.
/// </summary>
public sealed class CollectionBatch : IVersioned
{
    public const int TitleMaxLength = 60;

    /// <summary>The longest reason the hall may give when it returns a batch.</summary>
    public const int ReturnReasonMaxLength = 500;

    private readonly List<BatchTransition> _history = [];
    private readonly List<InsuredPerson> _persons = [];

    private CollectionBatch()
    {
    }

    public CollectionBatch(int unitId, string title, string actor, DateTimeOffset at)
    {
        UnitId = unitId;
        Title = title.Trim();
        Status = BatchStatus.Draft;
        CreatedAt = at;
        _history.Add(new BatchTransition(BatchAction.Create, null, BatchStatus.Draft, actor, at, null));
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public Unit? Unit { get; private set; }

    public string Title { get; private set; } = "";

    public BatchStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeclaredAt { get; private set; }

    /// <summary>The hall's reason when it returned the batch.</summary>
    public string? ReturnReason { get; private set; }

    /// <summary>The digest printed on the last summary table (<see cref="Documents.BatchDigest"/>), for the hall's lookup; set by the print, not by a change.</summary>
    public string? SummaryDigest { get; private set; }

    public DateTimeOffset? SummaryPrintedAt { get; private set; }

    /// <summary>
    /// How many times the batch has been declared. Work started against one declaration (a registry comparison)
    /// is stored only while the batch is still on that declaration.
    /// </summary>
    public int Declaration { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyList<BatchTransition> History => _history;

    public IReadOnlyList<InsuredPerson> Persons => _persons;

    /// <summary>The clerk may add, change and delete persons only while the batch is a draft or was returned.</summary>
    public bool IsEditableByUnit => Status is BatchStatus.Draft or BatchStatus.Returned;

    /// <summary>Whether the unit may change the batch's persons now; the refusal says what to do.</summary>
    public Result CheckEditable() => IsEditableByUnit
        ? Result.Ok()
        : Result.Fail($"批次当前状态为“{Status.ToChinese()}”，不能修改；如需修改请先撤销申报。");

    /// <summary>The hall may mark persons (on-site photo, correction) of a declared or accepted batch.</summary>
    public bool AllowsHallMarks => Status is BatchStatus.Declared or BatchStatus.Accepted;

    /// <summary>The hall may compare a declared or accepted batch with the identity registry.</summary>
    public bool AllowsComparison => Status is BatchStatus.Declared or BatchStatus.Accepted;

    /// <summary>The hall may print application and confirmation forms of a declared or accepted batch.</summary>
    public bool AllowsHallForms => Status is BatchStatus.Declared or BatchStatus.Accepted;

    public Result CheckHallMarks() => AllowsHallMarks
        ? Result.Ok()
        : Result.Fail($"批次当前状态为“{Status.ToChinese()}”，不能标记人员。");

    public Result CheckComparison() => AllowsComparison
        ? Result.Ok()
        : Result.Fail($"批次当前状态为“{Status.ToChinese()}”，不能比对。");

    /// <param name="title">The form's name in the message (申领表, 确认表).</param>
    public Result CheckHallForms(string title) => AllowsHallForms
        ? Result.Ok()
        : Result.Fail($"批次当前状态为“{Status.ToChinese()}”，只有已申报或已受理的批次才能打印{title}。");

    public Result Rename(string title)
    {
        var editable = CheckEditable();
        if (!editable.Succeeded)
        {
            return editable;
        }

        Title = title.Trim();
        return Result.Ok();
    }

    /// <summary>申报 with the persons loaded: refuses an empty batch and any person with errors.</summary>
    public Result Declare(string actor, DateTimeOffset at)
    {
        var withErrors = _persons.Where(p => p.ErrorCount > 0).Select(p => p.Name).ToList();
        return Declare(actor, at, new DeclarationCheck(_persons.Count, withErrors.Count, [.. withErrors.Take(DeclarationCheck.NamesShown)]));
    }

    /// <summary>
    /// 申报 on counts the caller took (set-based, inside the batch's lock, so no write can slip in between):
    /// refuses while the unit's profile is incomplete, an empty batch, any person with errors, and any person
    /// without a required photo.
    /// </summary>
    public Result Declare(string actor, DateTimeOffset at, DeclarationCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!IsEditableByUnit)
        {
            return Result.Fail($"批次当前状态为“{Status.ToChinese()}”，不能申报。");
        }

        if (check.ProfileRefusal is { } profile)
        {
            return Result.Fail(profile);
        }

        if (check.Persons == 0)
        {
            return Result.Fail("批次中还没有人员，请先录入或导入人员信息再申报。");
        }

        if (check.OpenConflicts > 0)
        {
            return Result.Fail($"还有 {check.OpenConflicts} 处上传冲突没有处理（表格和网页上都改过的人员），请在“检查结果”页面逐一选择保留哪一边后再申报。");
        }

        if (check.WithErrors > 0)
        {
            var more = check.WithErrors > check.FirstWithErrors.Count ? " 等" : "";
            return Result.Fail($"以下 {check.WithErrors} 人的信息仍有错误，请改正后再申报：{string.Join("、", check.FirstWithErrors)}{more}");
        }

        if (check.WithoutPhoto > 0)
        {
            var names = check.FirstWithoutPhoto ?? [];
            var more = check.WithoutPhoto > names.Count ? " 等" : "";
            return Result.Fail($"还有 {check.WithoutPhoto} 人没有照片，请先上传照片再申报：{string.Join("、", names)}{more}");
        }

        DeclaredAt = at;
        ReturnReason = null;
        Declaration++;
        return Move(BatchAction.Declare, BatchStatus.Declared, actor, at, null);
    }

    /// <summary>撤销: the clerk takes a declared batch back to correct it.</summary>
    public Result Withdraw(string actor, DateTimeOffset at)
    {
        if (Status != BatchStatus.Declared)
        {
            return Result.Fail($"只有已申报、尚未受理的批次才能撤销；当前状态为“{Status.ToChinese()}”。");
        }

        DeclaredAt = null;
        return Move(BatchAction.Withdraw, BatchStatus.Draft, actor, at, null);
    }

    /// <summary>退回: the hall sends a declared batch back with a reason the unit will see.</summary>
    public Result Return(string actor, DateTimeOffset at, string reason)
    {
        if (Status != BatchStatus.Declared)
        {
            return Result.Fail($"只有已申报的批次才能退回；当前状态为“{Status.ToChinese()}”。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Fail("请填写退回原因，单位将看到这一说明。");
        }

        if (reason.Trim().Length > ReturnReasonMaxLength)
        {
            return Result.Fail($"退回原因最多 {ReturnReasonMaxLength} 个字，请精简。");
        }

        ReturnReason = reason.Trim();
        return Move(BatchAction.Return, BatchStatus.Returned, actor, at, ReturnReason);
    }

    /// <summary>受理: the hall accepts a declared batch once every person has the registry's answer.</summary>
    /// <param name="notCompared">How many persons have no registry answer for this declaration (counted by the caller).</param>
    public Result Accept(string actor, DateTimeOffset at, int notCompared)
    {
        if (Status != BatchStatus.Declared)
        {
            return Result.Fail($"只有已申报的批次才能受理；当前状态为“{Status.ToChinese()}”。");
        }

        if (notCompared > 0)
        {
            return Result.Fail($"还有 {notCompared} 人未与身份信息库比对，请先完成比对再受理。");
        }

        return Move(BatchAction.Accept, BatchStatus.Accepted, actor, at, null);
    }

    public Result AddPerson(InsuredPerson person)
    {
        var editable = CheckEditable();
        if (!editable.Succeeded)
        {
            return editable;
        }

        if (person.UnitId != UnitId)
        {
            throw new InvalidOperationException("A person can only join a batch of its own unit.");
        }

        _persons.Add(person);
        return Result.Ok();
    }

    /// <summary>
    /// A new person for this (stored) batch that the caller inserts in bulk, outside <see cref="Persons"/>:
    /// the same editability rule as <see cref="AddPerson"/>, without loading every person first.
    /// </summary>
    public (InsuredPerson? Person, Result Result) CreatePerson(DateTimeOffset at)
    {
        var editable = CheckEditable();
        if (!editable.Succeeded)
        {
            return (null, editable);
        }

        if (Id == 0)
        {
            throw new InvalidOperationException("The batch must be stored before persons are inserted in bulk.");
        }

        return (new InsuredPerson(UnitId, Id, at), Result.Ok());
    }

    /// <summary>Needs <see cref="Persons"/> loaded (at least the person removed).</summary>
    public Result RemovePerson(InsuredPerson person)
    {
        var editable = CheckEditable();
        if (!editable.Succeeded)
        {
            return editable;
        }

        return _persons.Remove(person) ? Result.Ok() : Result.Fail("该人员不在此批次中。");
    }

    private Result Move(BatchAction action, BatchStatus to, string actor, DateTimeOffset at, string? reason)
    {
        _history.Add(new BatchTransition(action, Status, to, actor, at, reason));
        Status = to;
        return Result.Ok();
    }
}
