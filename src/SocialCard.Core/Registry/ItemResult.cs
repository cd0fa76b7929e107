namespace SocialCard.Core.Registry;

/// <summary>The registry's answer for one compared item (docs/DOMAIN.md §8; the Beijing form's ✓, × and 无).</summary>
public enum ItemResult
{
    /// <summary>The submitted value equals the registry's (✓).</summary>
    Match,

    /// <summary>The registry holds a different value, or a value where none was submitted (×).</summary>
    Mismatch,

    /// <summary>The registry has no value to compare: the person is unknown, or the item (e.g. the photo) is missing (无).</summary>
    NotFound,
}
