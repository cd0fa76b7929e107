using SocialCard.Core.Common;

namespace SocialCard.Core.Batches;

/// <summary>Why a row of a re-uploaded workbook was not applied.</summary>
public enum RosterConflictKind
{
    /// <summary>The clerk changed the row in the workbook, and the person was changed in the portal since the download.</summary>
    ChangedInBoth,

    /// <summary>The row's person was deleted in the portal since the download; the row was not added again.</summary>
    Deleted,
}

/// <summary>How a conflict ended.</summary>
public enum RosterConflictResolution
{
    /// <summary>Still open: it blocks 申报 until the clerk decides.</summary>
    Open,

    /// <summary>The clerk took the workbook's values (saved through the person form).</summary>
    TookWorkbook,

    /// <summary>The clerk kept what the portal holds.</summary>
    KeptPortal,

    /// <summary>A later upload of the same person's row replaced this one.</summary>
    Superseded,
}

/// <summary>
/// A row of a workbook the portal handed out that the portal did not apply on re-upload, because applying it would
/// have silently overwritten a change made in the portal since the download (or re-added a deleted person). It keeps
/// the row as the clerk wrote it, so the clerk can look at both and decide; the portal never decides alone.
/// </summary>
public sealed class RosterConflict
{
    private RosterConflict()
    {
    }

    public RosterConflict(int batchId, int unitId, int uploadId, int rowNumber, int personId, RosterConflictKind kind, IReadOnlyList<string?> rowValues, string personName, DateTimeOffset at)
    {
        BatchId = batchId;
        UnitId = unitId;
        UploadId = uploadId;
        RowNumber = rowNumber;
        PersonId = personId;
        Kind = kind;
        RowValues = [.. rowValues];
        PersonName = personName;
        CreatedAt = at;
    }

    public int Id { get; private set; }

    public int BatchId { get; private set; }

    public int UnitId { get; private set; }

    public int UploadId { get; private set; }

    /// <summary>The row in the uploaded workbook.</summary>
    public int RowNumber { get; private set; }

    /// <summary>The person the row's key names (for <see cref="RosterConflictKind.Deleted"/>, the id the person had).</summary>
    public int PersonId { get; private set; }

    public RosterConflictKind Kind { get; private set; }

    /// <summary>The row's cell texts as uploaded, indexed by <c>RosterColumn</c>.</summary>
    public IReadOnlyList<string?> RowValues { get; private set; } = [];

    /// <summary>The name shown in the list (the portal's, or the row's for a deleted person).</summary>
    public string PersonName { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public RosterConflictResolution Resolution { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool IsOpen => Resolution == RosterConflictResolution.Open;

    public Result Resolve(RosterConflictResolution resolution, string actor, DateTimeOffset at)
    {
        if (!IsOpen)
        {
            return Result.Fail("这处冲突已经处理过了。");
        }

        if (resolution == RosterConflictResolution.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(resolution), "A conflict is resolved to something.");
        }

        Resolution = resolution;
        ResolvedBy = actor;
        ResolvedAt = at;
        return Result.Ok();
    }
}
