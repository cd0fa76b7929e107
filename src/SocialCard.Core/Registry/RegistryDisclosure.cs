namespace SocialCard.Core.Registry;

/// <summary>
/// Which registry values a comparison may reveal when they differ from the submitted ones (docs/DOMAIN.md §8, §9).
/// A value is only ever revealed for a <see cref="ItemResult.Mismatch"/>; matching values need no reveal.
/// </summary>
[Flags]
public enum RegistryDisclosure
{
    None = 0,
    Name = 1,
    Sex = 2,
    Ethnicity = 4,
    BirthDate = 8,

    /// <summary>The default policy: hall staff see the registry's name, ethnicity and birth date where they differ.</summary>
    HallStaff = Name | Ethnicity | BirthDate,
}
