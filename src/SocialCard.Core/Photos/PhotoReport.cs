using SocialCard.Core.Validation;

namespace SocialCard.Core.Photos;

/// <summary>The report of a bulk upload: each file's fate, and who still has no photo.</summary>
public sealed record PhotoReport(List<PhotoReportFile> Files, List<string> StillMissing)
{
    public int Matched => Files.Count(f => f.PersonId is not null && f.Problem is null);
}

/// <summary>One file of a bulk upload: whom it matched, whether it is a portrait or an ID scan, and what was wrong.</summary>
public sealed record PhotoReportFile(string Name, int? PersonId, string? PersonName, string Kind, string? Problem, List<Finding> Findings);
