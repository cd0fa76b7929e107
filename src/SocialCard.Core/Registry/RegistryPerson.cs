using SocialCard.Core.Persons;

namespace SocialCard.Core.Registry;

/// <summary>
/// A person as the registry (or the synthetic population) holds it: ID number, name, sex, GB 3304 ethnicity code,
/// birth date and whether a photo exists.
/// </summary>
public sealed record RegistryPerson(string IdNumber, string Name, Sex Sex, string EthnicityCode, DateOnly BirthDate, bool HasPhoto = true)
{
    /// <summary>The query a unit submitting exactly these values would send.</summary>
    public RegistryQuery ToQuery() => new(IdNumber, Name, Sex, EthnicityCode, BirthDate);
}
