using SocialCard.Core.Validation;

namespace SocialCard.Core.Persons;

/// <summary>
/// The outcome of <see cref="CitizenId.Parse"/>: the valid ID (or null), the normalised text as the clerk
/// should see it, and the findings (warnings and fixes may accompany a valid ID).
/// </summary>
public sealed record CitizenIdParseResult(CitizenId? Id, string Normalized, IReadOnlyList<Finding> Findings)
{
    public bool IsValid => Id is not null;

    /// <summary>For a well-formed 15-digit number (<see cref="RuleCodes.IdLegacy15"/>): the 18-digit equivalent.</summary>
    public string? Converted18 { get; init; }
}
