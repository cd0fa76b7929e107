using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons;

/// <summary>
/// The outcome of <see cref="PersonValidator.Validate"/>: the normalised values (never null; "" where nothing
/// usable was given) and every finding. <see cref="Id"/> is set when the ID number is valid.
/// </summary>
public sealed record PersonValidationResult(PersonInput Normalized, IReadOnlyList<Finding> Findings)
{
    /// <summary>True when at least one finding is an error: the person cannot be declared.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public CitizenId? Id { get; init; }

    /// <summary>The findings of one field (a <see cref="PersonFields"/> constant).</summary>
    public IEnumerable<Finding> For(string field) => Findings.Where(f => f.Field == field);
}
