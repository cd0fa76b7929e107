using SocialCard.Core.Persons;

namespace SocialCard.Core.Registry;

/// <summary>
/// One person as submitted by a unit, to compare with the registry. <paramref name="EthnicityCode"/> accepts what
/// <see cref="Ethnicities.TryParse"/> accepts ("01", "汉族", "01 汉族"); null values count as not submitted.
/// </summary>
public sealed record RegistryQuery(string IdNumber, string Name, Sex? Sex, string? EthnicityCode, DateOnly? BirthDate);
