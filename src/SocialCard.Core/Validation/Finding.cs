namespace SocialCard.Core.Validation;

/// <summary>
/// One validation result for one field: a stable <see cref="RuleCodes">rule code</see>, its severity,
/// the field (<see cref="PersonFields"/>), a Simplified-Chinese message that tells the clerk what to do,
/// and, where the portal can propose one, the value it suggests.
/// </summary>
public sealed record Finding(string Code, Severity Severity, string Field, string Message, string? SuggestedValue = null);
