namespace SocialCard.Core.Rosters;

/// <summary>
/// Opens an uploaded roster (.xlsx, .xls or .csv) and streams its rows. Every expected failure
/// (FILE_UNREADABLE, FILE_TOO_LARGE, FILE_EMPTY, FILE_TEMPLATE_UNRECOGNIZED) is a finding in the
/// result, never an exception.
/// </summary>
public interface IRosterReader
{
    /// <param name="content">The uploaded bytes; a seekable stream.</param>
    /// <param name="fileName">The uploaded file name; its extension chooses the format (.xlsx, .xls, .csv).</param>
    RosterReadResult Read(Stream content, string fileName, RosterLimits limits);
}

public enum RosterFormat
{
    Xlsx,
    Xls,
    Csv,
}

/// <summary>
/// The rows of a readable roster, or the file-level findings that stop it. Rows are fully read
/// (in row order, blank rows dropped) so that a row limit found late still changes nothing.
/// </summary>
public sealed record RosterReadResult(RosterFormat? Format, string? TemplateVersion, IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterFinding> FileFindings)
{
    public bool Succeeded => FileFindings.Count == 0;
}
