namespace SocialCard.Core.Validation;

/// <summary>How serious a <see cref="Finding"/> is (docs/RULES.md, "Severities").</summary>
public enum Severity
{
    /// <summary>The person cannot be declared until the value is corrected.</summary>
    Error,

    /// <summary>Allowed, but shown to hall staff.</summary>
    Warning,

    /// <summary>The portal normalised the value itself and says how.</summary>
    Fixed,
}
