namespace SocialCard.Core.Batches;

/// <summary>
/// What a declaration needs to know of a batch's persons: how many there are, how many still have errors, and the
/// names of the first of those (for the refusal).
/// </summary>
public sealed record DeclarationCheck(int Persons, int WithErrors, IReadOnlyList<string> FirstWithErrors)
{
    /// <summary>How many names a refusal lists before "等".</summary>
    public const int NamesShown = 20;
}
