namespace SocialCard.Core.Batches;

/// <summary>
/// What a declaration needs to know of a batch's persons: how many there are, how many still have errors, and the
/// names of the first of those (for the refusal); how many lack the photo their unit's type requires (PHOTO_MISSING)
/// and the first of their names; which items of the unit's profile (单位信息) are still empty; and how many re-upload conflicts are still open.
/// </summary>
public sealed record DeclarationCheck(
    int Persons,
    int WithErrors,
    IReadOnlyList<string> FirstWithErrors,
    int WithoutPhoto = 0,
    IReadOnlyList<string>? FirstWithoutPhoto = null,
    string? ProfileRefusal = null,
    int OpenConflicts = 0)
{
    /// <summary>How many names a refusal lists before "等".</summary>
    public const int NamesShown = 20;
}
