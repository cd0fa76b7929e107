using SocialCard.Core.Persons;

namespace SocialCard.Core.Rosters;

/// <summary>A data row after validation: the normalised person plus the roster-only columns.</summary>
public sealed record ValidatedRosterRow(
    int RowNumber,
    string? PersonalNumber,
    string? Category,
    string? OriginalName,
    string? OriginalIdNumber,
    string? ClassOrDepartment,
    PersonValidationResult Person)
{
    /// <summary>The row's portal key (<see cref="RosterRowKey"/>), when the workbook came from the portal and the key is intact.</summary>
    public RosterRowKey? Key { get; init; }

    /// <summary>The stamp of the row's editable cells (<see cref="RosterRowKey.RowStampOf(RosterRow)"/>).</summary>
    public string RowStamp { get; init; } = "";
}

/// <summary>What the unit's register and the rest of the portal know, for the row and roster rules.</summary>
public sealed class RosterContext
{
    /// <summary>The unit's register, by 个人编号.</summary>
    public IReadOnlyDictionary<string, RegisterEntry> Register { get; init; } = new Dictionary<string, RegisterEntry>();

    public required PersonValidationOptions PersonOptions { get; init; }
}

/// <summary>
/// Every finding of a roster, by row and column, plus the same-name groups. Built by
/// <c>RosterValidator.Validate</c>; <see cref="WithDuplicatesElsewhere"/> adds the DUPLICATE_ID_ELSEWHERE
/// warnings once the caller has looked the file's ID numbers up in the database (one set-based query).
/// </summary>
public sealed record RosterValidationResult(
    IReadOnlyList<ValidatedRosterRow> Rows,
    IReadOnlyList<RosterFinding> Findings,
    IReadOnlyList<IReadOnlyList<int>> SameNameGroups)
{
    /// <summary>The valid 18-character ID numbers of the file, for the caller's "already elsewhere" lookup.</summary>
    public IReadOnlyCollection<string> IdNumbers => Rows.Select(r => r.Person.Id?.Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    public RosterValidationResult WithDuplicatesElsewhere(IReadOnlySet<string> idsElsewhere)
    {
        var added = Rows
            .Where(r => r.Person.Id is { } id && idsElsewhere.Contains(id.Value))
            .Select(r => new RosterFinding(
                r.RowNumber,
                RosterColumn.IdNumber,
                new Validation.Finding(
                    Validation.RuleCodes.DuplicateIdElsewhere,
                    Validation.Severity.Warning,
                    Validation.PersonFields.IdNumber,
                    "此身份证号码已在其他批次或单位登记，可能存在一人多号，请核实后告知采集点。"),
                r.Person.Id!.Value));
        return this with { Findings = [.. Findings, .. added] };
    }
}
