namespace SocialCard.Core.Exports;

/// <summary>
/// One 分批报盘 export of a unit's accepted persons (docs/DOMAIN.md §3, Dalian variant): a zip named
/// <c>&lt;unit number&gt;out_&lt;n&gt;.zip</c>, where <see cref="Number"/> runs per unit from 1. Kept as history; the
/// persons it holds point to it and leave the pending list.
/// </summary>
public sealed class DataExport
{
    public const int FileNameMaxLength = 100;

    private DataExport()
    {
    }

    public DataExport(int unitId, string unitNumber, int number, string actor, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        UnitId = unitId;
        Number = number;
        FileName = FileNameFor(unitNumber, number);
        CreatedBy = actor;
        CreatedAt = at;
    }

    public int Id { get; private set; }

    public int UnitId { get; private set; }

    /// <summary>The unit's running number of this export (1, 2, …).</summary>
    public int Number { get; private set; }

    public string FileName { get; private set; } = "";

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public int PersonCount { get; private set; }

    public int PhotoCount { get; private set; }

    /// <summary>SHA-256 of the zip file (hex, lower case).</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Where the zip is kept, relative to the export directory.</summary>
    public string StoredPath { get; private set; } = "";

    public static string FileNameFor(string unitNumber, int number) => $"{unitNumber}out_{number}.zip";

    public void Complete(int personCount, int photoCount, string sha256, string storedPath)
    {
        PersonCount = personCount;
        PhotoCount = photoCount;
        Sha256 = sha256;
        StoredPath = storedPath;
    }
}
