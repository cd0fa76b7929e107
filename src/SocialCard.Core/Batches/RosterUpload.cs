using SocialCard.Core.Rosters;

namespace SocialCard.Core.Batches;

/// <summary>
/// One roster file a clerk uploaded into a batch: the original bytes (for the annotated copy), what
/// was found, and what it changed. A refused file is recorded too, with its file-level findings and
/// no changes; a file over the size limit without its bytes (<see cref="WithoutContent"/>).
/// </summary>
public sealed class RosterUpload
{
    private RosterUpload()
    {
    }

    public RosterUpload(int batchId, int unitId, string fileName, string format, byte[] content, string actor, DateTimeOffset at)
    {
        BatchId = batchId;
        UnitId = unitId;
        FileName = fileName;
        Format = format;
        Content = content;
        Actor = actor;
        UploadedAt = at;
        ContentSha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content));
    }

    /// <summary>A file whose bytes are not kept (over the size limit): only its name and the SHA-256 of its content.</summary>
    public static RosterUpload WithoutContent(int batchId, int unitId, string fileName, string format, byte[] contentSha256, string actor, DateTimeOffset at) => new()
    {
        BatchId = batchId,
        UnitId = unitId,
        FileName = fileName,
        Format = format,
        Actor = actor,
        UploadedAt = at,
        ContentSha256 = Convert.ToHexString(contentSha256),
    };

    public int Id { get; private set; }

    public int BatchId { get; private set; }

    public int UnitId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>xlsx, xls or csv (or "unknown" for a refused file).</summary>
    public string Format { get; private set; } = "";

    /// <summary>The uploaded bytes; empty for a file over the size limit (refused, never read).</summary>
    public byte[] Content { get; private set; } = [];

    public string ContentSha256 { get; private set; } = "";

    public string Actor { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public bool Accepted { get; private set; }

    public int Rows { get; private set; }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int Fixed { get; private set; }

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    /// <summary>Rows of a portal workbook left untouched whose person was changed in the portal since: the portal's values stood.</summary>
    public int KeptPortal { get; private set; }

    /// <summary>Rows of a portal workbook not applied because the person changed in both places (see <see cref="RosterConflict"/>).</summary>
    public int Conflicts { get; private set; }

    /// <summary>Untouched rows of a portal workbook whose person was deleted in the portal since: not added again.</summary>
    public int SkippedDeleted { get; private set; }

    /// <summary>Every finding of the upload (rows, columns, codes, messages, the clerk's values); stored as one JSON column.</summary>
    public IReadOnlyList<RosterFinding> Findings { get; private set; } = [];

    public void Record(bool accepted, int rows, int errors, int warnings, int fixedCount, int added, int updated, int unchanged, IReadOnlyList<RosterFinding> findings)
    {
        Accepted = accepted;
        Rows = rows;
        Errors = errors;
        Warnings = warnings;
        Fixed = fixedCount;
        Added = added;
        Updated = updated;
        Unchanged = unchanged;
        Findings = [.. findings];
    }

    /// <summary>What the rows carrying portal keys did that a plain roster cannot (all zero for a roster without keys).</summary>
    public void RecordKeyed(int keptPortal, int conflicts, int skippedDeleted)
    {
        KeptPortal = keptPortal;
        Conflicts = conflicts;
        SkippedDeleted = skippedDeleted;
    }
}
