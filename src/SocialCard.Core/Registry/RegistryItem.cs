namespace SocialCard.Core.Registry;

/// <summary>The six compared items, in the order of the comparison form.</summary>
public enum RegistryItem
{
    IdNumber,
    Name,
    Sex,
    Ethnicity,
    BirthDate,
    Photo,
}
