namespace SocialCard.Core.Photos;

/// <summary>A bulk photo upload into a batch and its report (matched, unmatched and refused files), for the report page.</summary>
public sealed class PhotoUpload
{
    private PhotoUpload()
    {
    }

    public PhotoUpload(int batchId, int unitId, string fileName, string actor, DateTimeOffset at, PhotoReport report)
    {
        BatchId = batchId;
        UnitId = unitId;
        FileName = fileName.Length > 200 ? fileName[..200] : fileName;
        Actor = actor;
        UploadedAt = at;
        Report = report;
    }

    public int Id { get; private set; }

    public int BatchId { get; private set; }

    public int UnitId { get; private set; }

    public string FileName { get; private set; } = "";

    public string Actor { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    public PhotoReport Report { get; private set; } = new([], []);
}
