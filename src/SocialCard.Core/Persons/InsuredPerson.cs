using System.Globalization;
using SocialCard.Core.Common;
using SocialCard.Core.Review;
using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons;

/// <summary>
/// One insured person's collection record (docs/DOMAIN.md §4) inside a unit's batch. Values are stored
/// as normalised by <see cref="PersonValidator"/>; the error and warning counts are those of the
/// last validation, so a batch can be checked for declaration without re-validating every person.
/// </summary>
public sealed class InsuredPerson : IVersioned
{
    public const int NameMaxLength = 50;
    /// <summary>Room for what a clerk typed when it is not a valid number yet (kept so the clerk can correct it).</summary>
    public const int IdNumberMaxLength = 40;
    public const int TextMaxLength = 100;
    public const int CodeMaxLength = 30;

    /// <summary>The <see cref="Finding.Field"/> of photo findings (as in <c>Photos.PhotoInspection.Field</c>).</summary>
    public const string PhotoField = "Photo";

    /// <summary>Room for what a clerk typed when it is not a GB 3304 code (the finding explains it).</summary>
    public const int EthnicityMaxLength = 20;

    private InsuredPerson()
    {
    }

    public InsuredPerson(int unitId, DateTimeOffset at)
    {
        UnitId = unitId;
        CreatedAt = at;
        UpdatedAt = at;
    }

    /// <summary>A person already placed in a stored batch (see <see cref="Batches.CollectionBatch.CreatePerson"/>), for bulk inserts.</summary>
    internal InsuredPerson(int unitId, int batchId, DateTimeOffset at)
        : this(unitId, at)
    {
        BatchId = batchId;
        Version = Guid.NewGuid();
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    public int BatchId { get; private set; }

    /// <summary>个人编号, assigned by the insurance system; read-only for the unit.</summary>
    public string? PersonalNumber { get; private set; }

    /// <summary>人员类别 (在职, 退休, 学生 …); read-only for the unit.</summary>
    public string? Category { get; private set; }

    public string Name { get; private set; } = "";

    public string IdNumber { get; private set; } = "";

    public Sex? Sex { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>GB 3304 two-digit code.</summary>
    public string? EthnicityCode { get; private set; }

    public string? Phone { get; private set; }

    public string? Postcode { get; private set; }

    public string? Address { get; private set; }

    /// <summary>核对前姓名: the name as registered before this collection; never edited by the unit.</summary>
    public string? OriginalName { get; private set; }

    /// <summary>核对前身份证号码: the ID number as registered before this collection; never edited by the unit.</summary>
    public string? OriginalIdNumber { get; private set; }

    /// <summary>The row of the last uploaded roster this person came from, for the clerk's orientation.</summary>
    public int? SourceRow { get; set; }

    /// <summary>The roster upload whose row <see cref="SourceRow"/> last placed this person; null for persons typed in.</summary>
    public int? SourceUploadId { get; set; }

    /// <summary>The findings of the last validation (field and roster rules), shown beside the person.</summary>
    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    /// <summary>班级 / 部门.</summary>
    public string? ClassOrDepartment { get; private set; }

    public int ErrorCount { get; private set; }

    /// <summary>
    /// The ID number while this person holds it alone in the batch: null for a blank number and for a row flagged
    /// DUPLICATE_ID_IN_FILE. A unique index on (batch, this) makes a second clean holder of one number impossible
    /// at the database level, whatever races the writers lose; the flagged rows are errors and block 申报.
    /// </summary>
    public string? UniqueIdNumber { get; private set; }

    public int WarningCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>What the hall asked of this person after review (on-site photo, correction), with its reason.</summary>
    public HallMark HallMark { get; private set; }

    public string? HallMarkReason { get; private set; }

    public string? HallMarkedBy { get; private set; }

    public DateTimeOffset? HallMarkedAt { get; private set; }

    /// <summary>The day the person is expected at <see cref="OnSitePhotoHallId"/> for the on-site photo.</summary>
    public DateOnly? OnSitePhotoDate { get; private set; }

    public int? OnSitePhotoHallId { get; private set; }

    /// <summary>When the hall recorded that the on-site photo was taken (the mark is then closed).</summary>
    public DateTimeOffset? OnSitePhotoTakenAt { get; private set; }

    /// <summary>The 分批报盘 export that sent this person to card production; null while pending.</summary>
    public int? ExportId { get; private set; }

    public DateTimeOffset? ExportedAt { get; private set; }

    public Guid Version { get; set; }

    public string MaskedIdNumber => CitizenId.Mask(IdNumber);

    public PersonInput ToInput() => new(
        Name,
        IdNumber,
        Sex?.ToChinese(),
        BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EthnicityCode,
        Phone,
        Postcode,
        Address);

    /// <summary>
    /// Takes the normalised values of a validation and its findings — or, where the caller knows more
    /// (roster rules, duplicates), <paramref name="findings"/> as the complete list.
    /// </summary>
    public void Apply(PersonValidationResult validation, DateTimeOffset at, IReadOnlyList<Finding>? findings = null)
    {
        var n = validation.Normalized;
        Name = Truncate(n.Name ?? "", NameMaxLength);
        IdNumber = Truncate(n.IdNumber ?? "", IdNumberMaxLength);
        Sex = SexText.TryParse(n.Sex, out var sex) ? sex : null;
        BirthDate = DateOnly.TryParseExact(n.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        EthnicityCode = NullIfEmpty(Truncate(n.Ethnicity ?? "", EthnicityMaxLength));
        Phone = NullIfEmpty(Truncate(n.Phone ?? "", 30));
        Postcode = NullIfEmpty(Truncate(n.Postcode ?? "", 10));
        Address = NullIfEmpty(Truncate(n.Address ?? "", TextMaxLength));
        // Photo findings come from the photo check, not from the person's fields: keep them.
        Findings = [.. (findings ?? validation.Findings).Where(f => f.Field != PhotoField), .. Findings.Where(f => f.Field == PhotoField)];
        Recount();
        UpdatedAt = at;
    }

    /// <summary>
    /// The roster-only columns (个人编号, 人员类别, original name and ID, class). Text longer than the
    /// stored columns is cut; the register, not the file, is the authority for the read-only ones.
    /// </summary>
    public void SetRosterColumns(string? personalNumber, string? category, string? originalName, string? originalIdNumber, string? classOrDepartment)
    {
        PersonalNumber = Cap(personalNumber, CodeMaxLength);
        Category = Cap(category, CodeMaxLength);
        OriginalName = Cap(originalName, NameMaxLength);
        OriginalIdNumber = Cap(originalIdNumber, IdNumberMaxLength);
        ClassOrDepartment = Cap(classOrDepartment, TextMaxLength);
    }

    public void SetClassOrDepartment(string? value) => ClassOrDepartment = Cap(value, TextMaxLength);

    /// <summary>A person added without a register entry gets the unit type's usual category (Rosters:DefaultCategories), when none is known.</summary>
    public void SetDefaultCategory(string? category) => Category ??= Cap(category, CodeMaxLength);

    /// <summary>Replaces the findings of the person's current photo (Field "Photo") and recounts.</summary>
    public void SetPhotoFindings(IEnumerable<Finding> photoFindings, DateTimeOffset at)
    {
        Findings = [.. Findings.Where(f => f.Field != PhotoField), .. photoFindings.Select(f => f with { Field = PhotoField })];
        Recount();
        UpdatedAt = at;
    }

    /// <summary>
    /// Sets or clears a finding that depends on the rest of the batch (duplicate ID, same name) after another
    /// person changed; false when the person already had exactly this.
    /// </summary>
    public bool SetBatchFinding(string code, Finding? finding, DateTimeOffset at)
    {
        var current = Findings.Where(f => f.Code == code).ToList();
        if (finding is null ? current.Count == 0 : current.Count > 0)
        {
            return false;
        }

        Findings = finding is null ? [.. Findings.Where(f => f.Code != code)] : [.. Findings, finding];
        Recount();
        UpdatedAt = at;
        return true;
    }

    private void Recount()
    {
        ErrorCount = Findings.Count(f => f.Severity == Severity.Error);
        WarningCount = Findings.Count(f => f.Severity == Severity.Warning);
        UniqueIdNumber = IdNumber.Length > 0 && !Findings.Any(f => f.Code == RuleCodes.DuplicateIdInFile) ? IdNumber : null;
    }

    /// <summary>
    /// A stamp of the values a clerk edits (normalised as stored), for a workbook's row key: it changes exactly when
    /// one of those values changes, not when findings, photos or hall marks do.
    /// </summary>
    public string ValuesStamp() => Rosters.RosterRowKey.Stamp([
        Name, IdNumber, Sex?.ToString(), BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EthnicityCode,
        Phone, Postcode, Address, ClassOrDepartment]);

    /// <summary>The stamp <see cref="ValuesStamp"/> would give after taking <paramref name="validation"/> and the class.</summary>
    public static string ValuesStampOf(PersonValidationResult validation, string? classOrDepartment)
    {
        var probe = new InsuredPerson(0, DateTimeOffset.UnixEpoch);
        probe.Apply(validation, DateTimeOffset.UnixEpoch);
        probe.SetClassOrDepartment(classOrDepartment);
        return probe.ValuesStamp();
    }

    /// <summary>Whether saving the same values again would change nothing (a re-upload of the same file).</summary>
    public bool HasSameValues(PersonValidationResult validation, IReadOnlyList<Finding>? findings = null)
    {
        var probe = new InsuredPerson(UnitId, UpdatedAt);
        probe.Apply(validation, UpdatedAt, findings);
        return probe.Name == Name && probe.IdNumber == IdNumber && probe.Sex == Sex && probe.BirthDate == BirthDate
            && probe.EthnicityCode == EthnicityCode && probe.Phone == Phone && probe.Postcode == Postcode && probe.Address == Address
            && probe.Findings.SequenceEqual(Findings.Where(f => f.Field != PhotoField));
    }

    public const int ReasonMaxLength = 200;

    /// <summary>The hall marks the person for an on-site photo or a correction; a reason is required.</summary>
    public Result Mark(HallMark mark, string? reason, string actor, DateTimeOffset at)
    {
        if (ExportId is not null)
        {
            return Result.Fail($"{Name} 已报盘，不能再标记。");
        }

        if (mark == HallMark.None)
        {
            ClearMark();
            return Result.Ok();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Fail($"请填写标记“{mark.ToChinese()}”的原因（{Name}），单位和本人将看到这一说明。");
        }

        HallMark = mark;
        HallMarkReason = Truncate(reason.Trim(), ReasonMaxLength);
        HallMarkedBy = actor;
        HallMarkedAt = at;
        OnSitePhotoTakenAt = null;
        if (mark != HallMark.OnSitePhoto)
        {
            OnSitePhotoDate = null;
            OnSitePhotoHallId = null;
        }

        return Result.Ok();
    }

    public void ClearMark()
    {
        HallMark = HallMark.None;
        HallMarkReason = null;
        HallMarkedBy = null;
        HallMarkedAt = null;
        OnSitePhotoDate = null;
        OnSitePhotoHallId = null;
    }

    /// <summary>Schedules the on-site photo of a person marked for one.</summary>
    public Result ScheduleOnSitePhoto(DateOnly date, int hallId)
    {
        if (HallMark != HallMark.OnSitePhoto || OnSitePhotoTakenAt is not null)
        {
            return Result.Fail($"{Name} 没有待现场拍照的标记，不能预约。");
        }

        OnSitePhotoDate = date;
        OnSitePhotoHallId = hallId;
        return Result.Ok();
    }

    /// <summary>The hall took the on-site photo: the mark is closed, the schedule kept as history.</summary>
    public Result RecordOnSitePhotoTaken(DateTimeOffset at)
    {
        if (HallMark != HallMark.OnSitePhoto || OnSitePhotoTakenAt is not null)
        {
            return Result.Fail($"{Name} 没有待现场拍照的标记。");
        }

        OnSitePhotoTakenAt = at;
        return Result.Ok();
    }

    /// <summary>Whether an open hall mark still holds the person back from export.</summary>
    public bool IsHeldByHall => HallMark == HallMark.Correction || (HallMark == HallMark.OnSitePhoto && OnSitePhotoTakenAt is null);

    public void MarkExported(int exportId, DateTimeOffset at)
    {
        if (ExportId is not null)
        {
            throw new InvalidOperationException("A person is exported only once.");
        }

        ExportId = exportId;
        ExportedAt = at;
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string? Cap(string? s, int max) => string.IsNullOrWhiteSpace(s) ? null : Truncate(s.Trim(), max);

    // Over-long text is an error the clerk sees in the findings; the stored copy is cut to the column size.
    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
