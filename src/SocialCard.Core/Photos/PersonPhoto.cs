using SocialCard.Core.Validation;

namespace SocialCard.Core.Photos;

public enum PhotoKind
{
    /// <summary>The card photo (358×441).</summary>
    Portrait = 1,

    /// <summary>ID card scan, national-emblem side (file name starting with A).</summary>
    IdCardFront = 2,

    /// <summary>ID card scan, photo side (file name starting with B).</summary>
    IdCardBack = 3,
}

/// <summary>
/// A photo (or ID card scan) of a person: the stored file's hash, what the inspection measured and
/// found, and a hall's override of warnings. A new upload of the same kind replaces the current one;
/// older files stay in the store for the audit trail.
/// </summary>
public sealed class PersonPhoto
{
    private PersonPhoto()
    {
    }

    public PersonPhoto(int personId, int unitId, PhotoKind kind, string fileName, string hash, int length, IReadOnlyList<Measurement> measurements, IReadOnlyList<Finding> findings, string actor, DateTimeOffset at)
    {
        PersonId = personId;
        UnitId = unitId;
        Kind = kind;
        FileName = fileName.Length > 200 ? fileName[..200] : fileName;
        Hash = hash;
        Length = length;
        Measurements = measurements;
        Findings = findings;
        UploadedBy = actor;
        UploadedAt = at;
        IsCurrent = true;
    }

    public int Id { get; private set; }

    public int PersonId { get; private set; }

    public int UnitId { get; private set; }

    public PhotoKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>SHA-256 of the file in the photo store (content address).</summary>
    public string Hash { get; private set; } = "";

    public int Length { get; private set; }

    /// <summary>The inspection's measurements, for the review overlay.</summary>
    public IReadOnlyList<Measurement> Measurements { get; private set; } = [];

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public string UploadedBy { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public bool IsCurrent { get; private set; }

    /// <summary>For a photo the portal adjusted into the specification: the clerk's original it was made from (kept).</summary>
    public int? DerivedFromPhotoId { get; private set; }

    public string? OverrideReason { get; private set; }

    public string? OverriddenBy { get; private set; }

    public DateTimeOffset? OverriddenAt { get; private set; }

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public void Supersede() => IsCurrent = false;

    public void MarkDerivedFrom(int originalPhotoId) => DerivedFromPhotoId = originalPhotoId;

    /// <summary>A hall accepts the photo's warnings (never its errors) with a reason.</summary>
    public Common.Result OverrideWarnings(string reason, string actor, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Common.Result.Fail("请填写认可理由，例如“人工核对：头顶位置可接受”。");
        }

        if (HasErrors)
        {
            return Common.Result.Fail("照片有错误（红色），不能认可；只能认可提醒（黄色）。请让单位重新上传。");
        }

        if (!Findings.Any(f => f.Severity == Severity.Warning))
        {
            return Common.Result.Fail("照片没有提醒项，无需认可。");
        }

        OverrideReason = reason.Trim().Length > 200 ? reason.Trim()[..200] : reason.Trim();
        OverriddenBy = actor;
        OverriddenAt = at;
        return Common.Result.Ok();
    }
}
