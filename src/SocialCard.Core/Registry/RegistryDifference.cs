namespace SocialCard.Core.Registry;

/// <summary>How a mock registry record was made to differ from what the unit submits (<see cref="MockRegistryOptions.DifferenceShare"/>).</summary>
public enum RegistryDifference
{
    None,
    Name,
    Ethnicity,
    BirthDate,
    NoPhoto,
}
