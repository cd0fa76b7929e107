using Microsoft.EntityFrameworkCore;
using SocialCard.Core.Auditing;
using SocialCard.Core.Batches;
using SocialCard.Core.Persons;
using SocialCard.Core.Registry;
using SocialCard.Core.Review;
using SocialCard.Data;
using SocialCard.Web.Infrastructure;

namespace SocialCard.Web.Status;

/// <summary>
/// The public status lookup (issue #5 item 6): a person gives ID number and name and sees how far their card is.
/// Both are normalised as the portal normalises them (<see cref="PersonValidator"/>: full-width digits, spaces,
/// lower-case x; the middle-dot variants of minority names) and must match a person of a declared or accepted
/// batch exactly (the most recently declared if several). Anything else is <see cref="NoMatchMessage"/>, the same
/// for an unknown number and a wrong name. The answer shows the name, the masked number and the stages, nothing
/// else of the record; lookups are logged with the masked number only.
/// </summary>
public sealed class StatusLookup(AppDbContext db, IdNumberGuard guard, PersonValidation validation, AuditLog audit, ILogger<StatusLookup> logger)
{
    public const string NoMatchMessage = "未查到与该身份证号码和姓名相符的采集记录。请核对身份证号码和姓名是否与身份证一致；如单位尚未申报，请联系单位的社保经办人。";

    public const string Actor = "本人查询";

    public async Task<LookupAnswer> FindAsync(string? idText, string? nameText, CancellationToken ct = default)
    {
        var input = validation.Validate(new PersonInput(nameText, idText, null, null, null, null, null, null));
        var name = input.Normalized.Name ?? "";
        if (input.Id is not { } id)
        {
            logger.LogInformation("Status lookup refused: not a valid ID number");
            return LookupAnswer.Invalid("身份证号码不正确：请输入18位公民身份号码（最后一位可能是X），与身份证上的一致。");
        }

        if (name.Length == 0)
        {
            return LookupAnswer.Invalid("请输入姓名，与身份证上的一致。");
        }

        if (guard.Blocked(id.Value) is { } wait)
        {
            logger.LogWarning("Status lookup for {IdNumber} refused: too many lookups of this number found nothing", id.Masked);
            return new LookupAnswer(LookupOutcome.Blocked) { RetryAfter = wait };
        }

        var found = await (
                from p in db.Persons.AsNoTracking()
                join b in db.Batches on p.BatchId equals b.Id
                where p.IdNumber == id.Value && p.Name == name && (b.Status == BatchStatus.Declared || b.Status == BatchStatus.Accepted)
                orderby b.DeclaredAt descending, p.Id descending
                select new { Person = p, b.Status, b.DeclaredAt, UnitHallId = b.Unit!.HallId })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            guard.RecordFailure(id.Value);
            logger.LogInformation("Status lookup for {IdNumber}: no match", id.Masked);
            return new LookupAnswer(LookupOutcome.NoMatch);
        }

        var person = found.Person;
        var comparison = await db.Comparisons.AsNoTracking().SingleOrDefaultAsync(c => c.PersonId == person.Id, ct);
        var hallId = person.OnSitePhotoHallId ?? found.UnitHallId;
        var hall = hallId is null
            ? null
            : await db.Halls.AsNoTracking().Where(h => h.Id == hallId).Select(h => new HallText(h.Name, h.Address)).SingleOrDefaultAsync(ct);
        DateTimeOffset? acceptedAt = found.Status == BatchStatus.Accepted
            ? await db.BatchTransitions.Where(t => t.BatchId == person.BatchId && t.Action == BatchAction.Accept)
                .OrderByDescending(t => t.Id).Select(t => (DateTimeOffset?)t.At).FirstOrDefaultAsync(ct)
            : null;

        audit.Record(Actor, AuditActions.StatusLookup, "Person", person.Id, person.UnitId, new { IdNumber = person.MaskedIdNumber });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Status lookup for {IdNumber}: found", id.Masked);

        var steps = new List<StatusStep>
        {
            new("declared", "单位已申报（信息已采集）", StepState.Done, $"申报时间：{ChinaTime.Format(found.DeclaredAt)}"),
            CompareStep(comparison),
        };
        if (MarkStep(person, hall) is { } mark)
        {
            steps.Add(mark);
        }

        steps.Add(found.Status == BatchStatus.Accepted
            ? new("accepted", "采集点已受理", StepState.Done, acceptedAt is { } a ? $"受理时间：{ChinaTime.Format(a)}" : null)
            : new("accepted", "采集点受理", StepState.Waiting, "等待采集点审核受理。"));
        steps.Add(person.ExportedAt is { } exported
            ? new("exported", "已报盘，进入制卡", StepState.Done, $"报盘时间：{ChinaTime.Format(exported)}。制卡约需 6 个月，制成后经合作银行发放到单位。")
            : new("exported", "报盘制卡", StepState.Waiting, "受理后由信息中心分批报盘制卡。"));

        return new LookupAnswer(LookupOutcome.Found) { Status = new PersonStatus(person.Name, person.MaskedIdNumber, steps) };
    }

    private static StatusStep CompareStep(PersonComparison? comparison)
    {
        if (comparison is null)
        {
            return new("compared", "与身份信息库比对", StepState.Waiting, "等待信息中心与身份信息库比对。");
        }

        var result = comparison.Outcome switch
        {
            ComparisonOutcome.Matched => "比对结果：信息一致。",
            ComparisonOutcome.NotFound => "比对结果：身份信息库中未查到该身份证号码，请持本人身份证到采集点核实。",
            _ => "比对结果：" + string.Join("、", comparison.Differences.Select(i =>
                PersonComparison.ItemName(i) + (comparison[i] == ItemResult.Mismatch ? "不一致" : "库中无记录"))) + "。",
        };
        return new("compared", "已与身份信息库比对", StepState.Done, result);
    }

    private static StatusStep? MarkStep(InsuredPerson person, HallText? hall)
    {
        var hallName = hall?.Name ?? "采集点";
        var address = hall?.Address is { Length: > 0 } a ? $"地址：{a}。" : "";
        switch (person.HallMark)
        {
            case HallMark.OnSitePhoto when person.OnSitePhotoTakenAt is { } taken:
                return new("photo", $"已在「{hallName}」现场拍照", StepState.Done, $"拍照时间：{ChinaTime.Format(taken)}");
            case HallMark.OnSitePhoto:
                var when = person.OnSitePhotoDate is { } date
                    ? $"预约日期：{date.Year}年{date.Month}月{date.Day}日。"
                    : "拍照日期将由采集点通知。";
                return new("photo", $"需到「{hallName}」现场拍照", StepState.Action,
                    $"{when}请携带本人身份证原件和复印件，穿深色上衣。{address}说明：{person.HallMarkReason}");
            case HallMark.Correction:
                return new("correction", "需更正信息", StepState.Action,
                    $"采集点说明：{person.HallMarkReason}。请联系单位的社保经办人，或持本人身份证到「{hallName}」办理更正。{address}");
            default:
                return null;
        }
    }

    private sealed record HallText(string Name, string? Address);
}

public enum LookupOutcome
{
    Found,
    NoMatch,
    InvalidInput,
    Blocked,
}

public enum StepState
{
    Done,
    Action,
    Waiting,
}

public sealed record LookupAnswer(LookupOutcome Outcome)
{
    public PersonStatus? Status { get; init; }

    /// <summary>What is wrong with the input (<see cref="LookupOutcome.InvalidInput"/>), found from the input alone.</summary>
    public string? Message { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    public static LookupAnswer Invalid(string message) => new(LookupOutcome.InvalidInput) { Message = message };
}

public sealed record PersonStatus(string Name, string MaskedIdNumber, IReadOnlyList<StatusStep> Steps);

/// <summary>One stage of the card: <see cref="Key"/> is stable for pages and tests.</summary>
public sealed record StatusStep(string Key, string Title, StepState State, string? Detail)
{
    public string StateText => State switch
    {
        StepState.Done => "已完成",
        StepState.Action => "需要您办理",
        _ => "等待中",
    };
}
